package org.spinepathway.platform.web;

import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;
import jakarta.servlet.http.HttpServletResponse;

import org.spinepathway.platform.boundary.api.ApiExceptionMappers;
import org.spinepathway.platform.boundary.DatabaseOutage;
import org.spinepathway.platform.control.LogSafe;
import org.spinepathway.platform.control.NotFoundException;

/**
 * Pages during a database outage. A form that was sent (a patient pressing "Save and continue", a
 * change being autosaved) comes back as it was, with everything typed still in it and a message:
 * the clinic's system is temporarily unavailable, the answers are kept on the page, press the
 * button again in a minute. A page that could not be read at all answers 503 with the
 * "temporarily unavailable" page. A record that does not exist or that the caller may not see,
 * left unhandled by its page, is the 404 page, the same in both cases. Other failures go on to
 * PrimeFaces' handler and the error pages.
 */
public class DatabaseOutageExceptionHandlerFactory extends ExceptionHandlerFactory {

    public DatabaseOutageExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new DatabaseOutageExceptionHandler(getWrapped().getExceptionHandler());
    }

    static final class DatabaseOutageExceptionHandler extends ExceptionHandlerWrapper {

        private static final Logger LOG = Logger.getLogger(DatabaseOutageExceptionHandler.class.getName());

        DatabaseOutageExceptionHandler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext context = FacesContext.getCurrentInstance();
            boolean outage = false;
            for (Iterator<ExceptionQueuedEvent> queued = getUnhandledExceptionQueuedEvents().iterator(); queued.hasNext(); ) {
                Throwable failure = queued.next().getContext().getException();
                if (DatabaseOutage.explains(failure)) {
                    queued.remove();
                    if (!outage) {
                        LOG.log(Level.WARNING, "Page request during a database outage: {0}", LogSafe.text(failure));
                    }
                    outage = true;
                }
            }
            if (outage && context != null) {
                answerDuringOutage(context);
            } else if (context != null && notFoundQueued()) {
                answerNotFound(context);
            }
            getWrapped().handle();
        }

        /**
         * A record the caller may not see, or that does not exist, reached a page without the page
         * handling it: the 404 page, the same either way, and nothing in the log.
         */
        private boolean notFoundQueued() {
            boolean found = false;
            for (Iterator<ExceptionQueuedEvent> queued = getUnhandledExceptionQueuedEvents().iterator(); queued.hasNext(); ) {
                for (Throwable cause = queued.next().getContext().getException(); cause != null; cause = cause.getCause()) {
                    if (cause instanceof NotFoundException) {
                        queued.remove();
                        found = true;
                        break;
                    }
                }
            }
            return found;
        }

        private static void answerNotFound(FacesContext context) {
            ExternalContext external = context.getExternalContext();
            if (!external.isResponseCommitted()) {
                try {
                    external.responseReset();
                    external.responseSendError(HttpServletResponse.SC_NOT_FOUND, null);
                } catch (IOException clientGone) {
                    // Nothing to tell a client that has gone.
                }
            }
            context.responseComplete();
        }

        private static void answerDuringOutage(FacesContext context) {
            ExternalContext external = context.getExternalContext();
            boolean formSent = context.isPostback() && context.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE;
            if (formSent && !external.isResponseCommitted()) {
                // The view still holds what was typed: draw it again, with the reason on top.
                context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        Messages.text(context, "error.unavailable.form"), null));
                context.validationFailed();
                if (!context.getPartialViewContext().isAjaxRequest()) {
                    external.setResponseStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                }
                context.renderResponse();
                return;
            }
            if (external.isResponseCommitted()) {
                context.responseComplete();
                return;
            }
            try {
                external.responseReset();
                external.setResponseHeader("Retry-After", ApiExceptionMappers.RETRY_AFTER_SECONDS);
                external.responseSendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, null);
            } catch (IOException clientGone) {
                // Nothing to tell a client that has gone.
            }
            context.responseComplete();
        }
    }
}
