-- Conservative care: one treatment plan per episode, its interventions, and the assessments
-- (clinician visits and patient check-ins) whose numbers the escalation rules read.

CREATE TABLE treatment_plan (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    episode_id      BIGINT        NOT NULL REFERENCES episode_of_care (id),
    goals           VARCHAR(2000) NOT NULL,
    -- Care start, for the rules' "days in care".
    start_date      DATE          NOT NULL,
    review_date     DATE          NOT NULL,
    version         INTEGER       NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by      VARCHAR(254)  NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by      VARCHAR(254)  NOT NULL,
    CONSTRAINT treatment_plan_episode_uk UNIQUE (episode_id),
    CONSTRAINT treatment_plan_review_after_start CHECK (review_date >= start_date)
);

CREATE TABLE intervention (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    plan_id         BIGINT        NOT NULL REFERENCES treatment_plan (id),
    type            VARCHAR(20)   NOT NULL CHECK (type IN
                        ('REST', 'PHYSICAL_THERAPY', 'MEDICATION', 'INJECTION', 'HEAT_COLD', 'MANIPULATION')),
    -- Type-specific details as JSON (programme, drug and dose, injection kind and level...).
    details         TEXT          NOT NULL DEFAULT '{}',
    start_date      DATE          NOT NULL,
    end_date        DATE,
    status          VARCHAR(10)   NOT NULL CHECK (status IN ('PLANNED', 'ACTIVE', 'COMPLETED', 'STOPPED')),
    stop_reason     VARCHAR(500),
    -- For injections, the day given: the INJECTIONS_NO_RELIEF rule counts and dates them.
    given_on        DATE,
    version         INTEGER       NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by      VARCHAR(254)  NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by      VARCHAR(254)  NOT NULL,
    voided_at       TIMESTAMPTZ,
    voided_by       VARCHAR(254),
    void_reason     VARCHAR(500),
    CONSTRAINT intervention_dates CHECK (end_date IS NULL OR end_date >= start_date),
    CONSTRAINT intervention_stop_reason CHECK (status <> 'STOPPED' OR stop_reason IS NOT NULL),
    CONSTRAINT intervention_injection_given CHECK (type <> 'INJECTION' OR given_on IS NOT NULL),
    CONSTRAINT intervention_void_complete CHECK (
        (voided_at IS NULL AND voided_by IS NULL AND void_reason IS NULL)
        OR (voided_at IS NOT NULL AND voided_by IS NOT NULL AND void_reason IS NOT NULL))
);
CREATE INDEX intervention_plan_idx ON intervention (plan_id);
CREATE INDEX intervention_injection_idx ON intervention (plan_id, given_on) WHERE type = 'INJECTION' AND voided_at IS NULL;

CREATE TABLE assessment (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    episode_id            BIGINT        NOT NULL REFERENCES episode_of_care (id),
    assessed_on           DATE          NOT NULL,
    source                VARCHAR(9)    NOT NULL CHECK (source IN ('CLINICIAN', 'PATIENT')),
    nrs                   SMALLINT      CHECK (nrs BETWEEN 0 AND 10),
    disability_instrument VARCHAR(3)    CHECK (disability_instrument IN ('ODI', 'NDI')),
    disability_answers    VARCHAR(100),
    disability_score      NUMERIC(5, 1) CHECK (disability_score BETWEEN 0 AND 100),
    red_flags             VARCHAR(400)  NOT NULL DEFAULT '',
    adherence             VARCHAR(10)   CHECK (adherence IN ('FULL', 'PARTIAL', 'NONE')),
    notes                 VARCHAR(2000),
    -- When it was entered, whatever date it carries: decisions suppress rules until data recorded after them.
    recorded_at           TIMESTAMPTZ   NOT NULL,
    version               INTEGER       NOT NULL DEFAULT 0,
    created_at            TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by            VARCHAR(254)  NOT NULL,
    updated_at            TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by            VARCHAR(254)  NOT NULL,
    voided_at             TIMESTAMPTZ,
    voided_by             VARCHAR(254),
    void_reason           VARCHAR(500),
    CONSTRAINT assessment_void_complete CHECK (
        (voided_at IS NULL AND voided_by IS NULL AND void_reason IS NULL)
        OR (voided_at IS NOT NULL AND voided_by IS NOT NULL AND void_reason IS NOT NULL))
);
-- The rules read each episode's assessments newest first.
CREATE INDEX assessment_episode_idx ON assessment (episode_id, assessed_on DESC, id DESC) WHERE voided_at IS NULL;

-- MRC grades per myotome and side; from clinicians only (the service refuses them from patients).
CREATE TABLE motor_grade (
    assessment_id   BIGINT       NOT NULL REFERENCES assessment (id),
    myotome         VARCHAR(3)   NOT NULL CHECK (myotome IN ('C5', 'C6', 'C7', 'C8', 'T1', 'L2', 'L3', 'L4', 'L5', 'S1')),
    side            VARCHAR(5)   NOT NULL CHECK (side IN ('LEFT', 'RIGHT')),
    grade           SMALLINT     NOT NULL CHECK (grade BETWEEN 0 AND 5),
    PRIMARY KEY (assessment_id, myotome, side)
);
