package org.spinepathway.security.entity;

/** What an audit event records. */
public enum AuditAction {
    READ,
    CREATE,
    UPDATE,
    VOID,
    SIGN_IN,
    SIGN_IN_FAILURE,
    LOCKOUT,
    SIGN_OUT,
    DECISION,
    EXPORT
}
