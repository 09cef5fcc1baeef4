-- A second factor at sign-in: a time-based one-time password (RFC 6238) from an authenticator app,
-- or one of ten single-use recovery codes. Required for the roles in clinic.security.mfa-roles,
-- optional for the others.
--   totp_secret       the enrolled secret (Base32), set once the first code from the app was right;
--                     AES-GCM-encrypted under clinic.security.totp-key when one is set ('aesgcm:...')
--   totp_enabled_at   when it was enrolled; null: no second factor
--   totp_last_step    the 30-second step of the last code taken: a code is good once
--   integration       an account a system uses to call the JSON API with HTTP Basic: it never signs
--                     in on the pages, and needs no second factor; marked by an administrator
ALTER TABLE user_account
    ADD COLUMN totp_secret     VARCHAR(200),
    ADD COLUMN totp_enabled_at TIMESTAMPTZ,
    ADD COLUMN totp_last_step  BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN integration     BOOLEAN NOT NULL DEFAULT FALSE,
    ADD CONSTRAINT user_account_totp_enrolled CHECK ((totp_secret IS NULL) = (totp_enabled_at IS NULL));

-- The recovery codes shown once at enrolment; only their SHA-256 is stored. A new enrolment or an
-- administrator's reset withdraws the unused ones (withdrawn_at), so none is ever deleted.
CREATE TABLE recovery_code (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    BIGINT       NOT NULL REFERENCES user_account (id),
    code_sha256   CHAR(64)     NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    used_at       TIMESTAMPTZ,
    withdrawn_at  TIMESTAMPTZ,
    CHECK (used_at IS NULL OR withdrawn_at IS NULL)
);
CREATE INDEX recovery_code_usable_idx ON recovery_code (account_id, code_sha256)
    WHERE used_at IS NULL AND withdrawn_at IS NULL;
