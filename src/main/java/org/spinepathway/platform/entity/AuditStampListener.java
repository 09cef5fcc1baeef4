package org.spinepathway.platform.entity;

import java.security.Principal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.inject.Inject;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.security.enterprise.SecurityContext;

/**
 * Fills the created/updated columns from the signed-in caller and the clinic clock, so no service
 * can forget them. Work done without a caller (start-up, scheduled jobs) is stamped {@code system}.
 */
public class AuditStampListener {

    public static final String SYSTEM = "system";

    @Inject
    SecurityContext securityContext;

    @Inject
    Clock clock;

    @PrePersist
    void created(AuditedEntity entity) {
        entity.stampCreated(caller(), now());
    }

    @PreUpdate
    void updated(AuditedEntity entity) {
        entity.stampUpdated(caller(), now());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private String caller() {
        try {
            Principal principal = securityContext.getCallerPrincipal();
            return principal != null ? principal.getName() : SYSTEM;
        } catch (IllegalStateException noCallerContext) {
            // EJB lifecycle callbacks (start-up seeding) may not ask for a caller: there is none.
            return SYSTEM;
        }
    }
}
