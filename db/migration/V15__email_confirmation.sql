-- Patients confirm their e-mail address by a link sent at registration; until then the clinic sends
-- them no follow-up invitations. Staff accounts need no confirmation.
ALTER TABLE user_account ADD COLUMN email_confirmed_at TIMESTAMPTZ;

-- Single-use links: to confirm an address (sent at registration) and to choose a new password
-- (e-mailed to a patient who forgot theirs, or issued by an administrator for a staff member).
-- The link holds a random token; only its SHA-256 is stored.
CREATE TABLE account_link (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    BIGINT       NOT NULL REFERENCES user_account (id),
    purpose       VARCHAR(24)  NOT NULL CHECK (purpose IN ('CONFIRM_EMAIL', 'RESET_PASSWORD')),
    token_sha256  CHAR(64)     NOT NULL UNIQUE,
    created_at    TIMESTAMPTZ  NOT NULL,
    expires_at    TIMESTAMPTZ  NOT NULL,
    used_at       TIMESTAMPTZ,
    CHECK (expires_at > created_at),
    CHECK (used_at IS NULL OR used_at >= created_at)
);
CREATE INDEX account_link_account_idx ON account_link (account_id, purpose) WHERE used_at IS NULL;
