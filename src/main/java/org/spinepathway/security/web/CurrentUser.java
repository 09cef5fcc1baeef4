package org.spinepathway.security.web;

import java.security.Principal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import org.spinepathway.security.boundary.AccountService;
import org.spinepathway.security.boundary.ClinicAuthenticationMechanism;
import org.spinepathway.security.entity.Role;
import org.spinepathway.security.entity.UserAccount;

/** The signed-in user as the layout shows it: name, role, and which navigation entries apply. */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext securityContext;

    @Inject
    AccountService accountService;

    private UserAccount account;
    private boolean looked;

    @Inject
    HttpServletRequest request;

    /** Signed in by a follow-up check-in link, for that check-in only: the layout then shows no menu and no name. */
    public boolean isTaskLinkOnly() {
        return ClinicAuthenticationMechanism.taskOf(request).isPresent();
    }

    public boolean isSignedIn() {
        return securityContext.getCallerPrincipal() != null;
    }

    public String getUsername() {
        Principal principal = securityContext.getCallerPrincipal();
        return principal == null ? null : principal.getName();
    }

    public String getDisplayName() {
        UserAccount signedIn = account();
        return signedIn == null ? getUsername() : signedIn.getDisplayName();
    }

    public boolean isAdmin() {
        return securityContext.isCallerInRole(Role.ADMIN_NAME);
    }

    public boolean isPhysio() {
        return securityContext.isCallerInRole(Role.PHYSIO_NAME);
    }

    public boolean isPhysician() {
        return securityContext.isCallerInRole(Role.PHYSICIAN_NAME);
    }

    public boolean isPatient() {
        return securityContext.isCallerInRole(Role.PATIENT_NAME);
    }

    /** Where a user lands after signing in. */
    public String homePage() {
        if (isAdmin()) {
            return "/admin/accounts.xhtml";
        }
        if (isPatient()) {
            return "/patient/home.xhtml";
        }
        if (isPhysician()) {
            return "/physician/worklist.xhtml";
        }
        if (isPhysio()) {
            return "/physio/caseload.xhtml";
        }
        return "/index.xhtml";
    }

    private UserAccount account() {
        if (!looked && isSignedIn()) {
            looked = true;
            try {
                account = accountService.findByUsername(getUsername()).orElse(null);
            } catch (RuntimeException databaseUnavailable) {
                // The header is also drawn on error pages: show the username rather than fail again.
                account = null;
            }
        }
        return account;
    }
}
