-- First tables of the domain: login accounts, patients and their episodes of care.
-- Conventions for every table that follows:
--   * version          optimistic-lock counter, bumped by JPA on every update;
--   * created_at/_by,  updated_at/_by: who touched the row and when (account username or 'system');
--   * clinical rows are never deleted: voided_at/_by + void_reason mark them void instead.

CREATE TABLE user_account (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL,
    -- PBKDF2 hash in Jakarta Security's Pbkdf2PasswordHash format: algorithm:iterations:salt:hash
    password_hash   VARCHAR(512) NOT NULL,
    role            VARCHAR(16)  NOT NULL CHECK (role IN ('PATIENT', 'PHYSIO', 'PHYSICIAN', 'ADMIN')),
    display_name    VARCHAR(200) NOT NULL,
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    version         INTEGER      NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by      VARCHAR(64)  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by      VARCHAR(64)  NOT NULL
);
-- Usernames are compared case-insensitively, so 'Admin' and 'admin' cannot both exist.
CREATE UNIQUE INDEX user_account_username_uk ON user_account (lower(username));

CREATE SEQUENCE patient_mrn_seq START WITH 100001;

CREATE TABLE patient (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Medical record number, issued from patient_mrn_seq as 'SP' + number; never reused.
    mrn             VARCHAR(20)  NOT NULL,
    given_name      VARCHAR(100) NOT NULL,
    family_name     VARCHAR(100) NOT NULL,
    birth_date      DATE         NOT NULL,
    sex             VARCHAR(16)  NOT NULL CHECK (sex IN ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
    email           VARCHAR(254),
    phone           VARCHAR(40),
    account_id      BIGINT       REFERENCES user_account (id),
    version         INTEGER      NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by      VARCHAR(64)  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by      VARCHAR(64)  NOT NULL,
    voided_at       TIMESTAMPTZ,
    voided_by       VARCHAR(64),
    void_reason     VARCHAR(500),
    CONSTRAINT patient_mrn_uk UNIQUE (mrn),
    CONSTRAINT patient_void_complete CHECK (
        (voided_at IS NULL AND voided_by IS NULL AND void_reason IS NULL)
        OR (voided_at IS NOT NULL AND voided_by IS NOT NULL AND void_reason IS NOT NULL))
);
-- One login belongs to at most one patient record.
CREATE UNIQUE INDEX patient_account_uk ON patient (account_id) WHERE account_id IS NOT NULL;
CREATE INDEX patient_family_name_idx ON patient (lower(family_name), lower(given_name));

CREATE TABLE episode_of_care (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    patient_id      BIGINT       NOT NULL REFERENCES patient (id),
    region          VARCHAR(16)  NOT NULL CHECK (region IN ('CERVICAL', 'THORACIC', 'LUMBAR')),
    side            VARCHAR(8)   NOT NULL CHECK (side IN ('LEFT', 'RIGHT', 'BOTH')),
    state           VARCHAR(24)  NOT NULL DEFAULT 'INTAKE' CHECK (state IN
                        ('INTAKE', 'CONSERVATIVE_CARE', 'UNDER_REVIEW', 'REFERRED', 'RESOLVED', 'DISCHARGED')),
    physio_id       BIGINT       REFERENCES user_account (id),
    physician_id    BIGINT       REFERENCES user_account (id),
    opened_on       DATE         NOT NULL,
    closed_on       DATE,
    version         INTEGER      NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by      VARCHAR(64)  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by      VARCHAR(64)  NOT NULL,
    voided_at       TIMESTAMPTZ,
    voided_by       VARCHAR(64),
    void_reason     VARCHAR(500),
    CONSTRAINT episode_void_complete CHECK (
        (voided_at IS NULL AND voided_by IS NULL AND void_reason IS NULL)
        OR (voided_at IS NOT NULL AND voided_by IS NOT NULL AND void_reason IS NOT NULL))
);
CREATE INDEX episode_patient_idx ON episode_of_care (patient_id);
-- The nightly evaluation and the caseload lists scan active episodes only.
CREATE INDEX episode_active_state_idx ON episode_of_care (state)
    WHERE voided_at IS NULL AND state IN ('INTAKE', 'CONSERVATIVE_CARE', 'UNDER_REVIEW');
CREATE INDEX episode_physio_idx ON episode_of_care (physio_id) WHERE voided_at IS NULL;
