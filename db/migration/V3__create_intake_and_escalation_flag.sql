-- The patient's structured history (intake) and the escalation flags that rules raise.

CREATE TABLE intake (
    id                      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    episode_id              BIGINT       NOT NULL REFERENCES episode_of_care (id),
    -- 1 for the first intake of an episode; a correction is the next number and keeps the old one.
    version_no              INTEGER      NOT NULL DEFAULT 1,
    status                  VARCHAR(12)  NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'SUPERSEDED')),
    -- Where the patient stopped in the stepped form, to resume there.
    current_step            SMALLINT     NOT NULL DEFAULT 1 CHECK (current_step BETWEEN 1 AND 7),
    -- Every answer, as JSON (intake.entity.IntakeAnswers); the columns below repeat what rules,
    -- lists and scores need to query.
    answers                 TEXT         NOT NULL DEFAULT '{}',
    pain_now                SMALLINT     CHECK (pain_now BETWEEN 0 AND 10),
    pain_worst              SMALLINT     CHECK (pain_worst BETWEEN 0 AND 10),
    disability_instrument   VARCHAR(3)   CHECK (disability_instrument IN ('ODI', 'NDI')),
    disability_score        NUMERIC(5, 1) CHECK (disability_score BETWEEN 0 AND 100),
    start_back_total        SMALLINT     CHECK (start_back_total BETWEEN 0 AND 9),
    start_back_psychosocial SMALLINT     CHECK (start_back_psychosocial BETWEEN 0 AND 5),
    start_back_risk         VARCHAR(6)   CHECK (start_back_risk IN ('LOW', 'MEDIUM', 'HIGH')),
    -- Red-flag questions answered "yes", comma-separated codes; empty when none.
    red_flags               VARCHAR(400) NOT NULL DEFAULT '',
    submitted_on            DATE,
    submitted_at            TIMESTAMPTZ,
    submitted_by            VARCHAR(254),
    supersedes_id           BIGINT       REFERENCES intake (id),
    version                 INTEGER      NOT NULL DEFAULT 0,
    created_at              TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by              VARCHAR(254) NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by              VARCHAR(254) NOT NULL,
    voided_at               TIMESTAMPTZ,
    voided_by               VARCHAR(254),
    void_reason             VARCHAR(500),
    CONSTRAINT intake_version_uk UNIQUE (episode_id, version_no),
    CONSTRAINT intake_submitted_complete CHECK (status = 'DRAFT' OR (submitted_on IS NOT NULL AND submitted_at IS NOT NULL)),
    CONSTRAINT intake_void_complete CHECK (
        (voided_at IS NULL AND voided_by IS NULL AND void_reason IS NULL)
        OR (voided_at IS NOT NULL AND voided_by IS NOT NULL AND void_reason IS NOT NULL))
);
-- At most one draft and one current submission per episode: a double submit cannot make two.
CREATE UNIQUE INDEX intake_one_draft_uk ON intake (episode_id) WHERE status = 'DRAFT' AND voided_at IS NULL;
CREATE UNIQUE INDEX intake_one_current_uk ON intake (episode_id) WHERE status = 'SUBMITTED' AND voided_at IS NULL;
-- The physiotherapists' queue: submitted intakes, red flags first, newest first.
CREATE INDEX intake_queue_idx ON intake ((red_flags <> '') DESC, submitted_at DESC)
    WHERE status = 'SUBMITTED' AND voided_at IS NULL;

CREATE TABLE escalation_flag (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    episode_id      BIGINT       NOT NULL REFERENCES episode_of_care (id),
    rule            VARCHAR(32)  NOT NULL,
    priority        VARCHAR(8)   NOT NULL CHECK (priority IN ('URGENT', 'REVIEW', 'TASK')),
    status          VARCHAR(10)  NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'REFERRED', 'CONTINUED', 'DISMISSED', 'CLOSED')),
    raised_on       DATE         NOT NULL,
    raised_at       TIMESTAMPTZ  NOT NULL,
    rule_version    VARCHAR(16)  NOT NULL,
    -- The numbers the rule saw and the thresholds it used, as JSON.
    evidence        TEXT         NOT NULL,
    decided_by      VARCHAR(254),
    decided_at      TIMESTAMPTZ,
    decision_reason VARCHAR(2000),
    recheck_on      DATE,
    version         INTEGER      NOT NULL DEFAULT 0,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by      VARCHAR(254) NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_by      VARCHAR(254) NOT NULL
);
-- At most one OPEN flag per episode and rule, whatever raises it and however often.
CREATE UNIQUE INDEX escalation_flag_one_open_uk ON escalation_flag (episode_id, rule) WHERE status = 'OPEN';
-- The physicians' worklist: open flags, URGENT before REVIEW, oldest first.
CREATE INDEX escalation_flag_worklist_idx ON escalation_flag (priority DESC, raised_at) WHERE status = 'OPEN';
CREATE INDEX escalation_flag_episode_idx ON escalation_flag (episode_id);

-- Audit columns hold usernames, which for patients are email addresses.
ALTER TABLE episode_of_care ALTER COLUMN created_by TYPE VARCHAR(254), ALTER COLUMN updated_by TYPE VARCHAR(254),
    ALTER COLUMN voided_by TYPE VARCHAR(254);
ALTER TABLE patient ALTER COLUMN created_by TYPE VARCHAR(254), ALTER COLUMN updated_by TYPE VARCHAR(254),
    ALTER COLUMN voided_by TYPE VARCHAR(254);
ALTER TABLE user_account ALTER COLUMN created_by TYPE VARCHAR(254), ALTER COLUMN updated_by TYPE VARCHAR(254);
