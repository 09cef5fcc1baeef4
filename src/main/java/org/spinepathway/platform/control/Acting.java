package org.spinepathway.platform.control;

import java.security.Principal;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

/**
 * Who is acting: the one place that answers it. A signed-in caller by their username; work done
 * without one (start-up, scheduled jobs) as {@link #SYSTEM}.
 */
@ApplicationScoped
public class Acting {

    /** The name recorded for work no caller asked for. */
    public static final String SYSTEM = "system";

    @Inject
    SecurityContext securityContext;

    /** The signed-in caller's username; empty at start-up, in scheduled jobs, or for a stranger. */
    public Optional<String> caller() {
        try {
            return Optional.ofNullable(securityContext.getCallerPrincipal()).map(Principal::getName);
        } catch (IllegalStateException noCallerContext) {
            // EJB lifecycle callbacks (start-up seeding) may not ask for a caller: there is none.
            return Optional.empty();
        }
    }

    /** The caller's username, or {@link #SYSTEM}. */
    public String name() {
        return caller().orElse(SYSTEM);
    }
}
