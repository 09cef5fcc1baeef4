package org.spinepathway.platform.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * Clinical data is never deleted: it is voided, with who, when and why, and stays readable for
 * the record. Queries for current data leave voided rows out.
 */
@MappedSuperclass
public abstract class VoidableEntity extends AuditedEntity {

    @Column(name = "voided_at")
    private OffsetDateTime voidedAt;

    @Column(name = "voided_by", length = 254)
    private String voidedBy;

    @Column(name = "void_reason", length = 500)
    private String voidReason;

    public void voidRecord(String by, OffsetDateTime at, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a void needs a reason");
        }
        if (isVoided()) {
            throw new IllegalStateException("already voided");
        }
        voidedBy = by;
        voidedAt = at;
        voidReason = reason.strip();
    }

    public boolean isVoided() {
        return voidedAt != null;
    }

    public OffsetDateTime getVoidedAt() {
        return voidedAt;
    }

    public String getVoidedBy() {
        return voidedBy;
    }

    public String getVoidReason() {
        return voidReason;
    }
}
