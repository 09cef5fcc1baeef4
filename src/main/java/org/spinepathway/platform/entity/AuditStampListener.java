package org.spinepathway.platform.entity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.inject.Inject;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

import org.spinepathway.platform.control.Acting;

/**
 * Fills the created/updated columns from the signed-in caller and the clinic clock, so no service
 * can forget them. Work done without a caller (start-up, scheduled jobs) is stamped
 * {@code system} ({@link Acting}, the one place that says who is acting).
 */
public class AuditStampListener {

    @Inject
    Acting acting;

    @Inject
    Clock clock;

    @PrePersist
    void created(AuditedEntity entity) {
        entity.stampCreated(acting.name(), now());
    }

    @PreUpdate
    void updated(AuditedEntity entity) {
        entity.stampUpdated(acting.name(), now());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
