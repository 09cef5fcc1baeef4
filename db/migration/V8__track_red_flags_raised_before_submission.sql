-- A red-flag "yes" raises its URGENT flag the moment it is saved, before the intake or the
-- check-in is sent. red_flags_flagged lists the red flags (comma-separated codes) of this intake
-- version, or of this check-in draft, whose flag was raised already, so that sending it later raises
-- no second flag. red_flags_recorded_at is when the newest of them was first saved: the nightly
-- rule compares it, not the time of sending, with the last decision on the episode's red flags.
ALTER TABLE intake ADD COLUMN red_flags_flagged VARCHAR(400) NOT NULL DEFAULT '';
ALTER TABLE intake ADD COLUMN red_flags_recorded_at TIMESTAMPTZ;
ALTER TABLE assessment_draft ADD COLUMN red_flags_flagged VARCHAR(400) NOT NULL DEFAULT '';
ALTER TABLE assessment_draft ADD COLUMN red_flags_recorded_at TIMESTAMPTZ;
ALTER TABLE assessment ADD COLUMN red_flags_recorded_at TIMESTAMPTZ;
