-- Opening an episode for conservative care: the physiotherapist takes the submitted intake's pain
-- and ODI/NDI as the baseline every later measurement (and every escalation rule) is compared to,
-- and assigns the physiotherapist and physician responsible. The baseline is frozen at opening, so
-- a later intake correction does not move the goalposts of care already under way.
ALTER TABLE episode_of_care
    ADD COLUMN baseline_nrs        SMALLINT      CHECK (baseline_nrs BETWEEN 0 AND 10),
    ADD COLUMN baseline_instrument VARCHAR(3)    CHECK (baseline_instrument IN ('ODI', 'NDI')),
    ADD COLUMN baseline_disability NUMERIC(5, 1) CHECK (baseline_disability BETWEEN 0 AND 100),
    ADD COLUMN baseline_intake_id  BIGINT        REFERENCES intake (id),
    ADD COLUMN care_opened_at      TIMESTAMPTZ,
    ADD COLUMN care_opened_by      VARCHAR(254),
    ADD CONSTRAINT episode_care_opened_complete CHECK (
        (care_opened_at IS NULL AND care_opened_by IS NULL)
        OR (care_opened_at IS NOT NULL AND care_opened_by IS NOT NULL));

-- The physician's own episodes (worklist filters, referral letters).
CREATE INDEX episode_physician_idx ON episode_of_care (physician_id) WHERE voided_at IS NULL;

-- A visit or check-in being filled in, saved as it is typed so a timeout or a closed tab loses
-- nothing. One per episode and author. A draft is not a clinical record: when the assessment is
-- recorded the draft has done its job and is removed (the assessment itself is never deleted).
CREATE TABLE assessment_draft (
    episode_id  BIGINT        NOT NULL REFERENCES episode_of_care (id),
    author      VARCHAR(254)  NOT NULL,
    answers     TEXT          NOT NULL CHECK (length(answers) <= 20000),
    updated_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (episode_id, author)
);
