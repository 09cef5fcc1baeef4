-- "Break-glass": a physiotherapist changes only the episodes in their care (the episode's
-- physiotherapist, or any while none is assigned). Another one who must change an episode in an
-- emergency opens emergency access to it with a reason; it lasts clinic.security.emergency-access-hours,
-- is audited, and the administrator reads the list. Rows are only ever added (afterMigrate.sql
-- gives the application's role SELECT and INSERT on this table alone).
CREATE TABLE emergency_access (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    episode_id  BIGINT        NOT NULL REFERENCES episode_of_care (id),
    patient_id  BIGINT        NOT NULL REFERENCES patient (id),
    username    VARCHAR(254)  NOT NULL,
    reason      VARCHAR(1000) NOT NULL CHECK (length(btrim(reason)) >= 10),
    granted_at  TIMESTAMPTZ   NOT NULL,
    expires_at  TIMESTAMPTZ   NOT NULL,
    CHECK (expires_at > granted_at)
);
CREATE INDEX emergency_access_episode_idx ON emergency_access (episode_id, username, expires_at);
CREATE INDEX emergency_access_granted_idx ON emergency_access (granted_at DESC);
