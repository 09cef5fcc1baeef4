package org.spinepathway.platform.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * Columns every table of the clinic carries: who created and last changed a row and when, and the
 * optimistic-lock version that turns a concurrent edit into a conflict instead of a lost update.
 */
@MappedSuperclass
@EntityListeners(AuditStampListener.class)
public abstract class AuditedEntity {

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 254)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by", nullable = false, length = 254)
    private String updatedBy;

    void stampCreated(String by, OffsetDateTime at) {
        createdBy = by;
        createdAt = at;
        stampUpdated(by, at);
    }

    void stampUpdated(String by, OffsetDateTime at) {
        updatedBy = by;
        updatedAt = at;
    }

    public int getVersion() {
        return version;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
