package org.spinepathway.security.web;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.spinepathway.platform.web.Messages;
import org.spinepathway.security.boundary.ClinicAuthenticationMechanism;
import org.spinepathway.security.boundary.SecondFactorCredential;

/**
 * {@code /sign-in-code.xhtml}: the sign-in's second step, after the right password: the code from
 * the authenticator app, or a recovery code. Without a password just proved in this browser it sends
 * the visitor back to the sign-in page.
 */
@Named
@RequestScoped
public class SecondFactorSignInPage {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext facesContext;

    @Inject
    CurrentUser currentUser;

    @Inject
    ClinicAuthenticationMechanism mechanism;

    @NotBlank(message = "{signInCode.required}")
    @Size(max = 64, message = "{signInCode.tooLong}")
    private String code;

    /** On opening the page: only with a password just proved here. */
    public void open() throws IOException {
        ExternalContext external = facesContext.getExternalContext();
        if (!mechanism.hasPendingSecondStep((HttpServletRequest) external.getRequest())) {
            external.redirect(external.getRequestContextPath() + ClinicAuthenticationMechanism.LOGIN_PAGE + "?again=code");
        }
    }

    public String signIn() throws IOException {
        ExternalContext external = facesContext.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(new SecondFactorCredential(code)).newAuthentication(true));
        code = null;
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            facesContext.responseComplete();
            return null;
        }
        if (status == AuthenticationStatus.SUCCESS) {
            external.redirect(LoginPage.landingAfterSignIn(external, currentUser));
            return null;
        }
        Object wait = external.getRequestMap().get(ClinicAuthenticationMechanism.RATE_LIMITED);
        if (wait != null) {
            external.setResponseStatus(429);
            global(Messages.format(facesContext, "login.rateLimited", wait));
            return null;
        }
        if (external.getRequestMap().containsKey(ClinicAuthenticationMechanism.DATABASE_UNAVAILABLE)) {
            global(Messages.text(facesContext, "error.unavailable.signIn"));
            return null;
        }
        Object triesLeft = external.getRequestMap().get(ClinicAuthenticationMechanism.SECOND_FACTOR_WRONG);
        if (triesLeft != null) {
            String wrong = Messages.format(facesContext, "signInCode.wrong", triesLeft);
            // A field's message shows its detail.
            facesContext.addMessage("secondStep:code", new FacesMessage(FacesMessage.SEVERITY_ERROR, wrong, wrong));
            return null;
        }
        // Too long since the password, or too many wrong codes: the password again.
        external.redirect(external.getRequestContextPath() + ClinicAuthenticationMechanism.LOGIN_PAGE + "?again=code");
        return null;
    }

    private void global(String text) {
        facesContext.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
