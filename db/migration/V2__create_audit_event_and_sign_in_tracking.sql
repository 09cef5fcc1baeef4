-- Sign-in protection on accounts, and the append-only audit log.

ALTER TABLE user_account
    -- Failed sign-ins in the current window; the window starts at the first failure.
    ADD COLUMN failed_sign_ins       INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN first_failed_sign_in  TIMESTAMPTZ,
    ADD COLUMN locked_until          TIMESTAMPTZ,
    ADD COLUMN last_sign_in          TIMESTAMPTZ,
    ADD COLUMN password_changed_at   TIMESTAMPTZ;

CREATE TABLE audit_event (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- The account that acted, as typed for failed sign-ins (which may name no account).
    username        VARCHAR(254),
    action          VARCHAR(24)  NOT NULL CHECK (action IN
                        ('READ', 'CREATE', 'UPDATE', 'VOID', 'SIGN_IN', 'SIGN_IN_FAILURE', 'LOCKOUT',
                         'SIGN_OUT', 'DECISION', 'EXPORT')),
    patient_id      BIGINT       REFERENCES patient (id),
    record_type     VARCHAR(40),
    record_id       BIGINT,
    detail          VARCHAR(1000),
    client_address  VARCHAR(64)
);
CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at DESC, id DESC);
CREATE INDEX audit_event_patient_idx ON audit_event (patient_id, occurred_at DESC) WHERE patient_id IS NOT NULL;
CREATE INDEX audit_event_username_idx ON audit_event (lower(username), occurred_at DESC);

-- Append-only: the database itself refuses to change or remove an event, whatever the caller.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- Patients sign in with their email address, which may be longer than a staff username.
ALTER TABLE user_account ALTER COLUMN username TYPE VARCHAR(254);
