package org.spinepathway.platform.boundary.api;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.boundary.DatabaseOutage;
import org.spinepathway.platform.control.FieldError;
import org.spinepathway.platform.control.NotAllowedException;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.control.LogSafe;
import org.spinepathway.platform.control.NotFoundException;

/**
 * Every failure of an API call answered in the API's error shape: 400 for bad input, 404 for an
 * unknown id, 409 for a conflict, 503 while the database is unavailable, the framework's own status
 * for the rest. Nothing a client sends produces a 500 or a stack trace; a 500 means a fault of ours
 * and is logged.
 */
public final class ApiExceptionMappers {

    private ApiExceptionMappers() {
    }

    @Provider
    public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
        @Override
        public Response toResponse(InvalidInputException e) {
            return ApiErrors.response(Response.Status.BAD_REQUEST, e.errors());
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return ApiErrors.response(404, null, e.getMessage());
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return ApiErrors.response(409, e.field(), e.getMessage());
        }
    }

    @Provider
    public static class NotAllowed implements ExceptionMapper<NotAllowedException> {
        @Override
        public Response toResponse(NotAllowedException e) {
            return ApiErrors.response(403, null, e.getMessage());
        }
    }

    @Provider
    public static class StaleVersion implements ExceptionMapper<OptimisticLockException> {
        @Override
        public Response toResponse(OptimisticLockException e) {
            return ApiErrors.response(409, "version", "Someone else changed this record first. Reload it and apply your change again.");
        }
    }

    /** Malformed JSON, or a value of the wrong type, reported by JSON-B while reading the body. */
    @Provider
    public static class UnreadableBody implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return unreadable(e);
        }
    }

    @Provider
    public static class UnreadableEntity implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return unreadable(e);
        }
    }

    @Provider
    public static class Framework implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 400 && e.getCause() != null) {
                return unreadable(e.getCause());
            }
            String message = switch (status) {
                case 401 -> "Authentication required.";
                case 403 -> "Your account's role may not make this call.";
                case 404 -> "There is no such resource.";
                case 405 -> "This resource does not accept that method.";
                case 406 -> "This resource answers application/json only.";
                case 415 -> "Send the body as application/json.";
                default -> "The request could not be processed.";
            };
            return ApiErrors.response(status, null, message);
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {

        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidInputException invalid) {
                    return new InvalidInput().toResponse(invalid);
                }
                if (cause instanceof ConflictException conflict) {
                    return new Conflict().toResponse(conflict);
                }
                if (cause instanceof NotFoundException notFound) {
                    return new NotFound().toResponse(notFound);
                }
                if (cause instanceof NotAllowedException notAllowed) {
                    return new NotAllowed().toResponse(notAllowed);
                }
                if (cause instanceof OptimisticLockException stale) {
                    return new StaleVersion().toResponse(stale);
                }
                if (cause instanceof JsonbException || cause instanceof ExactNumbers.NotAnExactInteger) {
                    return unreadable(e);
                }
            }
            if (DatabaseOutage.explains(e)) {
                LOG.log(Level.WARNING, "API call refused, the database is unavailable: {0}", LogSafe.text(e));
                return databaseUnavailable();
            }
            // Messages of database and parsing failures quote what the caller sent.
            LOG.log(Level.SEVERE, "Unexpected failure of an API call", LogSafe.throwable(e));
            return ApiErrors.response(500, null, "Something went wrong on our side. Nothing was stored; please try again.");
        }
    }

    /** How long a client is asked to wait before sending again while the database is away. */
    public static final String RETRY_AFTER_SECONDS = "30";
    public static final String DATABASE_UNAVAILABLE_MESSAGE =
            "The clinic's database is temporarily unavailable. Please send the request again in a minute.";

    /**
     * 503: the database cannot be reached (stopped, restarting, or no connection free), so the call's
     * transaction rolled back. {@code Retry-After} tells well-behaved clients when to send again.
     */
    public static Response databaseUnavailable() {
        return Response.fromResponse(ApiErrors.response(503, null, DATABASE_UNAVAILABLE_MESSAGE))
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .build();
    }

    /** JSON-B names the property it could not read: "Unable to deserialize property 'birthDate' because of: ...". */
    private static final Pattern PROPERTY = Pattern.compile("property '([A-Za-z][A-Za-z0-9_]*)'");

    static Response unreadable(Throwable e) {
        FieldError error = unreadableError(e);
        return ApiErrors.response(400, error.field(), error.message());
    }

    /** The field JSON-B could not read, as a dotted path, and what is wrong with its value. */
    static FieldError unreadableError(Throwable e) {
        // Each level names its property and repeats the message of the level inside it:
        // "property 'symptoms' because of: ... property 'onsetDate' ..." -> "symptoms.onsetDate". The
        // longest such path is the whole one (the inner levels' messages hold only their own tail).
        List<String> path = new ArrayList<>();
        boolean inexactInteger = false;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            inexactInteger |= cause instanceof ExactNumbers.NotAnExactInteger;
            if (cause.getMessage() != null) {
                List<String> named = new ArrayList<>();
                Matcher m = PROPERTY.matcher(cause.getMessage());
                while (m.find()) {
                    if (named.isEmpty() || !named.get(named.size() - 1).equals(m.group(1))) {
                        named.add(m.group(1));
                    }
                }
                if (named.size() > path.size()) {
                    path = named;
                }
            }
        }
        String field = path.isEmpty() ? null : String.join(".", path);
        String message = inexactInteger ? ExactNumbers.MESSAGE
                : field == null ? "The body is not valid JSON for this call."
                : "This value has the wrong form or type (dates are YYYY-MM-DD, numbers are plain numbers).";
        return new FieldError(field, message);
    }
}
