package org.spinepathway.security.boundary;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.spinepathway.security.entity.UserAccount;

/**
 * Signs in credentials typed into a page (the sign-in form, or registration, which signs the new
 * patient in), through {@link ClinicAuthenticationMechanism}.
 */
public final class WebSignIn {

    private WebSignIn() {
    }

    public static AuthenticationStatus authenticate(SecurityContext securityContext, HttpServletRequest request,
                                                    HttpServletResponse response, String username, String password) {
        var credential = new UsernamePasswordCredential(UserAccount.normalizeUsername(username), new Password(password == null ? "" : password));
        return securityContext.authenticate(request, response,
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
    }
}
