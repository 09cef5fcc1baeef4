package org.spinepathway.security.web;

import java.io.IOException;
import java.util.OptionalLong;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.spinepathway.platform.web.Messages;
import org.spinepathway.security.boundary.ClientLimits;
import org.spinepathway.security.boundary.PasswordReset;

/**
 * {@code /forgot-password.xhtml}: a patient asks for a link to choose a new password. The answer is
 * the same whether or not the address has an account (a redirect to the page with {@code sent});
 * the e-mail, if any, says the rest.
 */
@Named
@RequestScoped
public class ForgotPasswordPage {

    @Inject
    PasswordReset passwordReset;

    @Inject
    ClientLimits limits;

    @Inject
    FacesContext facesContext;

    @NotBlank(message = "{forgotPassword.email.required}")
    @Size(max = 254, message = "{forgotPassword.email.tooLong}")
    private String email;

    private boolean sent;

    public void send() throws IOException {
        ExternalContext external = facesContext.getExternalContext();
        OptionalLong wait = limits.attempt(ClientLimits.Limit.PASSWORD_RESETS, (HttpServletRequest) external.getRequest());
        if (wait.isPresent()) {
            external.setResponseStatus(429);
            ((HttpServletResponse) external.getResponse()).setHeader("Retry-After", String.valueOf(wait.getAsLong()));
            facesContext.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    Messages.format(facesContext, "forgotPassword.rateLimited", (wait.getAsLong() + 59) / 60), null));
            return;
        }
        passwordReset.request(email);
        external.redirect(external.getRequestContextPath() + "/forgot-password.xhtml?sent=true");
    }

    public int getLinkMinutes() {
        return passwordReset.getPatientLinkMinutes();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isSent() {
        return sent;
    }

    public void setSent(boolean sent) {
        this.sent = sent;
    }
}
