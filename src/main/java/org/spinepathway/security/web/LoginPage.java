package org.spinepathway.security.web;

import java.io.IOException;
import java.io.Serializable;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.enterprise.context.RequestScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.spinepathway.platform.web.Messages;
import org.spinepathway.security.entity.UserAccount;

/** {@code /login.xhtml}: signs a patient or staff member in through Jakarta Security, and out again. */
@Named
@RequestScoped
public class LoginPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext facesContext;

    @Inject
    CurrentUser currentUser;

    @NotBlank(message = "{login.username.required}")
    @Size(max = 64, message = "{login.username.tooLong}")
    private String username;

    @NotBlank(message = "{login.password.required}")
    @Size(max = 256, message = "{login.password.tooLong}")
    private String password;

    public String signIn() throws IOException {
        ExternalContext external = facesContext.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        var credential = new UsernamePasswordCredential(UserAccount.normalizeUsername(username), new Password(password));
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        switch (status) {
            case SEND_CONTINUE:
                // The mechanism has redirected to the page the user first asked for.
                facesContext.responseComplete();
                return null;
            case SUCCESS:
                external.redirect(external.getRequestContextPath() + currentUser.homePage());
                return null;
            default:
                // One message for an unknown user and a wrong password: it must not reveal which.
                facesContext.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        Messages.text(facesContext, "login.failed"), null));
                password = null;
                return null;
        }
    }

    public void signOut() throws IOException, ServletException {
        ExternalContext external = facesContext.getExternalContext();
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
