package org.spinepathway.security.control;

import java.time.LocalDate;

import org.spinepathway.security.entity.AuditAction;

/** What the administrator narrows the audit log to; every part is optional. */
public record AuditEventFilter(String username, AuditAction action, Long patientId, LocalDate from, LocalDate to) {

    public static final AuditEventFilter ALL = new AuditEventFilter(null, null, null, null, null);
}
