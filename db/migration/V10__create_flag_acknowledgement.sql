-- The closed loop on URGENT flags: each attempt of the care team to reach the patient (who, when,
-- how, what was said). An attempt that reached nobody ('NO_ANSWER') leaves the flag unacknowledged.
-- Clinical data: voided with a reason, never deleted.
CREATE TABLE flag_acknowledgement (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    flag_id      BIGINT        NOT NULL REFERENCES escalation_flag (id),
    contacted_at TIMESTAMPTZ   NOT NULL,
    method       VARCHAR(10)   NOT NULL CHECK (method IN ('PHONE', 'SMS', 'EMAIL', 'IN_PERSON', 'NO_ANSWER')),
    note         VARCHAR(2000),
    version      INTEGER       NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by   VARCHAR(254)  NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by   VARCHAR(254)  NOT NULL,
    voided_at    TIMESTAMPTZ,
    voided_by    VARCHAR(254),
    void_reason  VARCHAR(500),
    CONSTRAINT flag_acknowledgement_void_complete CHECK (
        (voided_at IS NULL AND voided_by IS NULL AND void_reason IS NULL)
        OR (voided_at IS NOT NULL AND voided_by IS NOT NULL AND void_reason IS NOT NULL))
);
CREATE INDEX flag_acknowledgement_flag_idx ON flag_acknowledgement (flag_id) WHERE voided_at IS NULL;

-- An URGENT flag nobody acknowledged in time is sent once more, to the on-call fallback address.
-- One row per flag: the primary key makes the re-sending idempotent across runs and instances.
CREATE TABLE urgent_flag_resend (
    flag_id  BIGINT      PRIMARY KEY REFERENCES escalation_flag (id),
    sent_at  TIMESTAMPTZ NOT NULL,
    sent_to  VARCHAR(254)
);

-- The watch looks for open URGENT flags older than the acknowledgement time.
CREATE INDEX escalation_flag_open_urgent_idx ON escalation_flag (raised_at) WHERE priority = 'URGENT' AND status = 'OPEN';
