-- Failed sign-ins now delay an account progressively instead of locking it (SignInDelay): the count
-- goes on from the last failure, not the first.
ALTER TABLE user_account RENAME COLUMN first_failed_sign_in TO last_failed_sign_in;
COMMENT ON COLUMN user_account.locked_until IS
    'Until when sign-ins from browsers the account has not signed in from are refused unchecked';

-- Browsers an account has signed in from (the device-cookie defence against lockout). The cookie
-- holds a random token; only its SHA-256 is stored. A known browser passes the account's delay and
-- its wrong passwords count against itself: five, and it is forgotten (forgotten_at set).
CREATE TABLE known_device (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id      BIGINT       NOT NULL REFERENCES user_account (id),
    token_sha256    CHAR(64)     NOT NULL UNIQUE,
    first_seen_at   TIMESTAMPTZ  NOT NULL,
    last_seen_at    TIMESTAMPTZ  NOT NULL,
    failed_sign_ins INTEGER      NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
    forgotten_at    TIMESTAMPTZ,
    forgotten_why   VARCHAR(200),
    CHECK ((forgotten_at IS NULL) = (forgotten_why IS NULL))
);
CREATE INDEX known_device_account_idx ON known_device (account_id) WHERE forgotten_at IS NULL;
