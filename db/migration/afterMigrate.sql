-- After every migration (a Flyway callback, run by the schema owner, clinic.db.migration-user):
-- the application's own role, clinic.db.user, may read and change the clinic's tables, but only
-- add to and read the audit trail and the emergency accesses, and only read the migration history.
-- Not owning the tables, it cannot disable their triggers or change their structure. When the application migrates the
-- schema itself (no migration user configured) there is no other role and nothing is granted.
DO $$
DECLARE
    app  TEXT := '${application_role}';
    item RECORD;
BEGIN
    IF app = '' OR app = current_user OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    FOR item IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'S')
                  AND pg_get_userbyid(c.relowner) = current_user
    LOOP
        IF item.relkind = 'S' THEN
            EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE %I TO %I', item.relname, app);
        ELSIF item.relname IN ('audit_event', 'audit_seal', 'emergency_access') THEN
            EXECUTE format('REVOKE ALL ON TABLE %I FROM %I', item.relname, app);
            EXECUTE format('GRANT SELECT, INSERT ON TABLE %I TO %I', item.relname, app);
        ELSIF item.relname = 'flyway_schema_history' THEN
            EXECUTE format('REVOKE ALL ON TABLE %I FROM %I', item.relname, app);
            EXECUTE format('GRANT SELECT ON TABLE %I TO %I', item.relname, app);
        ELSE
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE %I TO %I', item.relname, app);
        END IF;
    END LOOP;
END
$$;
