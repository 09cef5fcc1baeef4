package org.spinepathway.security.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of the audit log: who did what to which patient's record, when, from where. Events are
 * append-only; the table's triggers refuse updates and deletes, and the entity has no setters.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "username", updatable = false, length = 254)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, updatable = false, length = 24)
    private AuditAction action;

    @Column(name = "patient_id", updatable = false)
    private Long patientId;

    @Column(name = "record_type", updatable = false, length = 40)
    private String recordType;

    @Column(name = "record_id", updatable = false)
    private Long recordId;

    @Column(name = "detail", updatable = false, length = 1000)
    private String detail;

    @Column(name = "client_address", updatable = false, length = 64)
    private String clientAddress;

    protected AuditEvent() {
        // for JPA
    }

    public AuditEvent(OffsetDateTime occurredAt, String username, AuditAction action, Long patientId,
                      String recordType, Long recordId, String detail, String clientAddress) {
        this.occurredAt = occurredAt;
        this.username = truncate(username, 254);
        this.action = action;
        this.patientId = patientId;
        this.recordType = recordType;
        this.recordId = recordId;
        this.detail = truncate(detail, 1000);
        this.clientAddress = truncate(clientAddress, 64);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public OffsetDateTime getOccurredAt() {
        return occurredAt;
    }

    public String getUsername() {
        return username;
    }

    public AuditAction getAction() {
        return action;
    }

    public Long getPatientId() {
        return patientId;
    }

    public String getRecordType() {
        return recordType;
    }

    public Long getRecordId() {
        return recordId;
    }

    public String getDetail() {
        return detail;
    }

    public String getClientAddress() {
        return clientAddress;
    }
}
