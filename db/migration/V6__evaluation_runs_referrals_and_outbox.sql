-- One row per evaluation of the escalation rules (nightly or on demand): what it covered and how
-- it ended. A run that found another instance evaluating records SKIPPED and touches nothing.
CREATE TABLE evaluation_run (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    as_of              DATE          NOT NULL,
    trigger_kind       VARCHAR(10)   NOT NULL CHECK (trigger_kind IN ('SCHEDULE', 'PAGE', 'API')),
    started_by         VARCHAR(254)  NOT NULL,
    started_at         TIMESTAMPTZ   NOT NULL,
    finished_at        TIMESTAMPTZ,
    episodes_evaluated INTEGER       NOT NULL DEFAULT 0,
    flags_raised       INTEGER       NOT NULL DEFAULT 0,
    failures           INTEGER       NOT NULL DEFAULT 0,
    outcome            VARCHAR(24)   NOT NULL CHECK (outcome IN ('RUNNING', 'COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'SKIPPED')),
    detail             VARCHAR(2000)
);
CREATE INDEX evaluation_run_started_idx ON evaluation_run (started_at DESC);

-- A physician's referral of an episode, with the letter as it was issued (downloadable again).
CREATE TABLE referral (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    episode_id   BIGINT        NOT NULL REFERENCES episode_of_care (id),
    flag_id      BIGINT        NOT NULL REFERENCES escalation_flag (id),
    note         VARCHAR(2000) NOT NULL,
    letter_pdf   BYTEA         NOT NULL,
    version      INTEGER       NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by   VARCHAR(254)  NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by   VARCHAR(254)  NOT NULL,
    voided_at    TIMESTAMPTZ,
    voided_by    VARCHAR(254),
    void_reason  VARCHAR(500),
    CONSTRAINT referral_void_complete CHECK (
        (voided_at IS NULL AND voided_by IS NULL AND void_reason IS NULL)
        OR (voided_at IS NOT NULL AND voided_by IS NOT NULL AND void_reason IS NOT NULL))
);
CREATE UNIQUE INDEX referral_one_per_flag_uk ON referral (flag_id) WHERE voided_at IS NULL;
CREATE INDEX referral_episode_idx ON referral (episode_id);

-- Email waiting to be sent. Written in the transaction that raises the flag, sent afterwards by a
-- timer: a mail server that is down delays a message, never loses it.
CREATE TABLE mail_outbox (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recipient       VARCHAR(254)  NOT NULL,
    subject         VARCHAR(300)  NOT NULL,
    body            TEXT          NOT NULL,
    flag_id         BIGINT        REFERENCES escalation_flag (id),
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    attempts        INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    last_error      VARCHAR(1000),
    sent_at         TIMESTAMPTZ
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;

-- Staff email addresses, for notifications (patients' accounts already use their email as username).
ALTER TABLE user_account ADD COLUMN email VARCHAR(254);
