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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.spinepathway.platform.web.Messages;
import org.spinepathway.security.boundary.AuditLog;
import org.spinepathway.security.boundary.ClinicAuthenticationMechanism;
import org.spinepathway.security.boundary.WebSignIn;
import org.spinepathway.security.entity.AuditAction;

/** {@code /login.xhtml}: signs a patient or staff member in through Jakarta Security, and out again. */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext facesContext;

    @Inject
    CurrentUser currentUser;

    @Inject
    AuditLog audit;

    @NotBlank(message = "{login.username.required}")
    @Size(max = 254, message = "{login.username.tooLong}")
    private String username;

    @NotBlank(message = "{login.password.required}")
    @Size(max = 256, message = "{login.password.tooLong}")
    private String password;

    public String signIn() throws IOException {
        ExternalContext external = facesContext.getExternalContext();
        AuthenticationStatus status = WebSignIn.authenticate(securityContext, (HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(), username, password);
        switch (status) {
            case SEND_CONTINUE:
                facesContext.responseComplete();
                return null;
            case SUCCESS:
                external.redirect(landingAfterSignIn(external, currentUser));
                return null;
            default:
                if (external.getRequestMap().containsKey(ClinicAuthenticationMechanism.SECOND_FACTOR_NEEDED)) {
                    external.redirect(external.getRequestContextPath() + ClinicAuthenticationMechanism.SECOND_FACTOR_PAGE);
                    return null;
                }
                Object wait = external.getRequestMap().get(ClinicAuthenticationMechanism.RATE_LIMITED);
                if (wait != null) {
                    external.setResponseStatus(429);
                    facesContext.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                            Messages.format(facesContext, "login.rateLimited", wait), null));
                    password = null;
                    return null;
                }
                if (external.getRequestMap().containsKey(ClinicAuthenticationMechanism.DATABASE_UNAVAILABLE)) {
                    facesContext.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                            Messages.text(facesContext, "error.unavailable.signIn"), null));
                    return null;
                }
                // One message for every refusal: it must not reveal whether the account exists or is locked.
                facesContext.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        Messages.text(facesContext, "login.failed"), null));
                password = null;
                return null;
        }
    }

    /** The page the visitor was sent away from, if it was one of ours; otherwise their role's home. */
    static String landingAfterSignIn(ExternalContext external, CurrentUser currentUser) {
        HttpSession session = (HttpSession) external.getSession(false);
        String original = session == null ? null : (String) session.getAttribute(ClinicAuthenticationMechanism.ORIGINAL_REQUEST);
        if (session != null) {
            session.removeAttribute(ClinicAuthenticationMechanism.ORIGINAL_REQUEST);
        }
        String contextPath = external.getRequestContextPath();
        // Only a path inside this application: never an open redirect to another site.
        if (original != null && original.startsWith(contextPath + "/") && !original.startsWith("//")
                && !original.contains(ClinicAuthenticationMechanism.LOGIN_PAGE)) {
            return original;
        }
        return contextPath + currentUser.homePage();
    }

    public void signOut() throws IOException, ServletException {
        ExternalContext external = facesContext.getExternalContext();
        if (securityContext.getCallerPrincipal() != null) {
            audit.recordSignIn(AuditAction.SIGN_OUT, securityContext.getCallerPrincipal().getName(), null);
        }
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/index.xhtml?signedOut=true");
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
