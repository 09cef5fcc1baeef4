package org.spinepathway.security.boundary;

import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.platform.boundary.SchemaMigrated;
import org.spinepathway.security.control.GeneratedPassword;
import org.spinepathway.security.entity.Role;

/**
 * Creates the first administrator on first start, once the schema exists. It only acts when the
 * clinic has no enabled administrator, so later starts, and several instances starting together
 * (the unique username index stops a second insert), change nothing.
 */
@ApplicationScoped
public class BootstrapAdministrator {

    private static final Logger LOG = Logger.getLogger(BootstrapAdministrator.class.getName());

    @Inject
    AccountService accountService;

    @Inject
    @ConfigProperty(name = "clinic.bootstrap.admin.username")
    String username;

    @Inject
    @ConfigProperty(name = "clinic.bootstrap.admin.password")
    Optional<String> configuredPassword;

    void onSchemaMigrated(@Observes SchemaMigrated schema) {
        if (accountService.hasEnabledAdministrator()) {
            return;
        }
        boolean generated = configuredPassword.isEmpty() || configuredPassword.get().isBlank();
        String password = generated ? GeneratedPassword.next() : configuredPassword.get();
        accountService.createAccount("username", username, password.toCharArray(), Role.ADMIN, "Administrator");
        if (generated) {
            // Printed once, on the console only: it is not stored anywhere in clear text.
            LOG.warning(() -> "\n================================================================\n"
                    + " First administrator created. Sign in at /login.xhtml with\n"
                    + "   username: " + username + "\n"
                    + "   password: " + password + "\n"
                    + " This password is shown only now. Set CLINIC_BOOTSTRAP_ADMIN_PASSWORD\n"
                    + " to choose it yourself on a new database.\n"
                    + "================================================================");
        } else {
            LOG.info(() -> "First administrator '" + username + "' created from configuration; sign in at /login.xhtml");
        }
    }
}
