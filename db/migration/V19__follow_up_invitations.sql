-- Follow-up that patients answer: the check-ins the clinic invited each episode's patient to (weekly
-- while in conservative care, and at the outcome time points after care start), the single-use
-- links the invitations carry, and what the outcome time points ask beside pain and ODI/NDI.

-- The patient asked for no more follow-up e-mails (one click in every e-mail, or on their home page).
-- A date of death, once recorded, stops every invitation and reminder.
ALTER TABLE patient
    ADD COLUMN follow_up_stopped_at TIMESTAMPTZ,
    ADD COLUMN deceased_on          DATE;

-- The ICHOM low-back / neck items asked at outcome time points: work status, pain medication.
ALTER TABLE assessment
    ADD COLUMN work_status     VARCHAR(20) CHECK (work_status IN
                                   ('WORKING', 'WORKING_REDUCED', 'SICK_LEAVE', 'NOT_WORKING_OTHER')),
    ADD COLUMN pain_medication VARCHAR(6)  CHECK (pain_medication IN ('OPIOID', 'OTHER', 'NONE'));

-- One row per check-in an episode's patient was invited to. The pair (episode, time point) is
-- unique, so a job run twice, or on two instances, invites once. A check-in counts as answered
-- when the episode has an assessment (not voided) dated inside its window, however it was entered.
CREATE TABLE follow_up_invitation (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    episode_id     BIGINT       NOT NULL REFERENCES episode_of_care (id),
    -- 'W3' is the weekly check-in of week 3; 'P6W', 'P3M'... an outcome time point after care start.
    time_point     VARCHAR(8)   NOT NULL,
    outcome        BOOLEAN      NOT NULL,
    due_on         DATE         NOT NULL,
    window_opens   DATE         NOT NULL,
    window_closes  DATE         NOT NULL,
    invited_on     DATE         NOT NULL,
    last_sent_on   DATE         NOT NULL,
    reminders_sent SMALLINT     NOT NULL DEFAULT 0 CHECK (reminders_sent >= 0),
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT follow_up_invitation_once UNIQUE (episode_id, time_point),
    CONSTRAINT follow_up_invitation_window CHECK (window_opens <= due_on AND due_on <= window_closes),
    CONSTRAINT follow_up_invitation_sent CHECK (invited_on <= last_sent_on)
);
-- The reminder pass reads the invitations whose window is still open.
CREATE INDEX follow_up_invitation_open_idx ON follow_up_invitation (window_closes, last_sent_on);
-- Completion by time point and due date.
CREATE INDEX follow_up_invitation_due_idx ON follow_up_invitation (due_on);

-- The links in the e-mails: random tokens, of which only the SHA-256 is kept. ANSWER opens the
-- check-in (until it is answered or its window closes); STOP stops the patient's follow-up e-mails.
CREATE TABLE follow_up_link (
    token_sha256   CHAR(64)     PRIMARY KEY,
    invitation_id  BIGINT       NOT NULL REFERENCES follow_up_invitation (id),
    purpose        VARCHAR(6)   NOT NULL CHECK (purpose IN ('ANSWER', 'STOP')),
    created_at     TIMESTAMPTZ  NOT NULL,
    expires_at     TIMESTAMPTZ  NOT NULL,
    used_at        TIMESTAMPTZ,
    CHECK (expires_at > created_at)
);
CREATE INDEX follow_up_link_invitation_idx ON follow_up_link (invitation_id);

-- Every follow-up e-mail is an outbox row tied to its invitation: what was sent, when, and whether
-- the mail server took it.
-- A follow-up e-mail also names its one-click "stop" address (RFC 8058's List-Unsubscribe), which
-- mail programs offer as an "unsubscribe" button.
ALTER TABLE mail_outbox
    ADD COLUMN follow_up_invitation_id BIGINT REFERENCES follow_up_invitation (id),
    ADD COLUMN list_unsubscribe        VARCHAR(600);
CREATE INDEX mail_outbox_follow_up_idx ON mail_outbox (follow_up_invitation_id) WHERE follow_up_invitation_id IS NOT NULL;
