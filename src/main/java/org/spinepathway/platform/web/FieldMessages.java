package org.spinepathway.platform.web;

import java.util.Map;
import java.util.function.Function;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.FieldError;
import org.spinepathway.platform.control.InvalidInputException;

/**
 * Puts a service's field errors next to the page's inputs. The service checks every field (it is
 * the one place the rules live); the page only says which input shows which field.
 */
public final class FieldMessages {

    private FieldMessages() {
    }

    /** @param inputs field name (as the service names it) → client id of the input on the page */
    public static void show(FacesContext context, InvalidInputException invalid, Map<String, String> inputs) {
        for (FieldError error : invalid.errors()) {
            add(context, error.field(), error.message(), inputs);
        }
        context.validationFailed();
    }

    /** @param inputs field name → client id of the input showing it, or null to show the message at the top */
    public static void show(FacesContext context, InvalidInputException invalid, Function<String, String> inputs) {
        for (FieldError error : invalid.errors()) {
            String clientId = error.field() == null ? null : inputs.apply(error.field());
            context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, error.message(), null));
        }
        context.validationFailed();
    }

    public static void show(FacesContext context, ConflictException conflict, Map<String, String> inputs) {
        add(context, conflict.field(), conflict.getMessage(), inputs);
        context.validationFailed();
    }

    public static void global(FacesContext context, FacesMessage.Severity severity, String message) {
        context.addMessage(null, new FacesMessage(severity, message, null));
    }

    private static void add(FacesContext context, String field, String message, Map<String, String> inputs) {
        String clientId = field == null ? null : inputs.get(field);
        context.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }
}
