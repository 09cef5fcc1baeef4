-- The intake queue shows by default only the intakes whose episode still waits for a
-- physiotherapist (IntakeQueue): at a clinic's size nearly every episode has been opened for care,
-- so the few waiting ones are found from this index rather than by walking every submitted intake.
CREATE INDEX episode_waiting_idx ON episode_of_care (id)
    WHERE care_opened_at IS NULL AND voided_at IS NULL;
