-- Search by name, medical record number or date of birth on the worklist, the caseload and the
-- intake queue (PatientSearch). A name is found anywhere in "given family" through trigrams
-- (pg_trgm, a trusted extension: the database owner may create it); one or two letters match a
-- whole given or family name; a record number by its prefix; a date of birth exactly.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX patient_name_trgm_idx ON patient USING gin (lower(given_name || ' ' || family_name) gin_trgm_ops);
CREATE INDEX patient_given_name_idx ON patient (lower(given_name));
CREATE INDEX patient_mrn_prefix_idx ON patient (mrn text_pattern_ops);
CREATE INDEX patient_birth_date_idx ON patient (birth_date);
