-- The worklist pages through open URGENT and REVIEW flags in the order
-- priority DESC, raised_at, id. With the id in the index and TASK flags left out of it, a page
-- (first or deep) is one range of this index, with no sort of the whole list (measured by the
-- web load benchmark: the old index made every page sort all open flags).
DROP INDEX escalation_flag_worklist_idx;
CREATE INDEX escalation_flag_worklist_idx ON escalation_flag (priority DESC, raised_at, id)
    WHERE status = 'OPEN' AND priority <> 'TASK';
