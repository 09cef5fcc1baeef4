-- A tamper-evident audit trail: every audit event is sealed, shortly after it is written, by an
-- HMAC-SHA256 (its key outside the database) over the event and the previous seal's hash
-- (security.control.AuditChain), so a row changed or removed afterwards, even by someone who can
-- disable the append-only triggers, breaks the chain at that seal. Seals are numbered in the order they are made; the sealing job appends
-- them under an advisory lock, so two instances never fork the chain.
CREATE TABLE audit_seal (
    seq           BIGINT       PRIMARY KEY,
    event_id      BIGINT       NOT NULL UNIQUE REFERENCES audit_event (id),
    chain_sha256  CHAR(64)     NOT NULL,
    sealed_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TRIGGER audit_seal_no_update BEFORE UPDATE OR DELETE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
