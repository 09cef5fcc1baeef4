-- How to reach a patient when something urgent is found: their own mobile number (already a
-- column) and an optional emergency contact. Numbers are stored in E.164 form (+ and 7 to 15
-- digits), checked by the application with libphonenumber before they get here.
ALTER TABLE patient
    ADD COLUMN emergency_contact_name  VARCHAR(100),
    ADD COLUMN emergency_contact_phone VARCHAR(16);

-- No earlier version wrote patient.phone, so every row meets the checks below.
ALTER TABLE patient
    ADD CONSTRAINT patient_phone_e164 CHECK (phone IS NULL OR phone ~ '^\+[1-9][0-9]{6,14}$'),
    ADD CONSTRAINT patient_emergency_contact_phone_e164
        CHECK (emergency_contact_phone IS NULL OR emergency_contact_phone ~ '^\+[1-9][0-9]{6,14}$'),
    ADD CONSTRAINT patient_emergency_contact_complete
        CHECK ((emergency_contact_name IS NULL) = (emergency_contact_phone IS NULL));
