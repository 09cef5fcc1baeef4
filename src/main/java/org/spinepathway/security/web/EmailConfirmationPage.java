package org.spinepathway.security.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.spinepathway.platform.web.Messages;
import org.spinepathway.security.boundary.EmailConfirmation;

/**
 * {@code /confirm-email.xhtml?token=...}: the page the confirmation e-mail links to. Opening it
 * changes nothing; its button confirms the address, once.
 */
@Named
@RequestScoped
public class EmailConfirmationPage {

    @Inject
    EmailConfirmation confirmation;

    @Inject
    FacesContext facesContext;

    private String token;
    private EmailConfirmation.Outcome result;

    public void confirm() {
        result = confirmation.confirm(token);
    }

    public EmailConfirmation.Outcome getResult() {
        return result;
    }

    public boolean isConfirmed() {
        return result == EmailConfirmation.Outcome.CONFIRMED || result == EmailConfirmation.Outcome.ALREADY_CONFIRMED;
    }

    public String getResultText() {
        if (result == null) {
            return null;
        }
        return Messages.text(facesContext, switch (result) {
            case CONFIRMED -> "confirmEmail.confirmed";
            case ALREADY_CONFIRMED -> "confirmEmail.alreadyConfirmed";
            case NOT_VALID -> "confirmEmail.notValid";
        });
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
