package org.spinepathway.security.boundary;

import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.security.control.PasswordHashing;

/**
 * Sets up every password hasher of the application with the clinic's PBKDF2 parameters. The
 * iteration count is OWASP's unless {@code clinic.security.password-hash-iterations} says otherwise,
 * which only the container tests' configuration does (and the server log says so at start).
 */
@ApplicationScoped
public class PasswordHashSettings {

    private static final Logger LOG = Logger.getLogger(PasswordHashSettings.class.getName());

    @Inject
    @ConfigProperty(name = "clinic.security.password-hash-iterations")
    int iterations;

    @PostConstruct
    void warnWhenWeakened() {
        if (iterations < PasswordHashing.OWASP_ITERATIONS) {
            LOG.warning("New passwords are hashed with " + iterations + " PBKDF2 iterations, fewer than the clinic's "
                    + PasswordHashing.OWASP_ITERATIONS + ": a setting for tests only (clinic.security.password-hash-iterations)");
        }
    }

    public void configure(Pbkdf2PasswordHash hash) {
        hash.initialize(PasswordHashing.parameters(iterations));
    }
}
