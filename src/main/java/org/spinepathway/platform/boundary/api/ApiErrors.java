package org.spinepathway.platform.boundary.api;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.spinepathway.platform.control.FieldError;

/** The API's one error shape: {@code {"errors":[{"field":"...","message":"..."}]}}. */
public record ApiErrors(List<FieldError> errors) {

    public static Response response(Response.Status status, List<FieldError> errors) {
        return response(status.getStatusCode(), errors);
    }

    public static Response response(int status, List<FieldError> errors) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiErrors(errors)).build();
    }

    public static Response response(int status, String field, String message) {
        return response(status, List.of(new FieldError(field, message)));
    }
}
