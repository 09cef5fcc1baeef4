package org.spinepathway.escalation.boundary;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.spinepathway.escalation.control.EvaluationRunRepository;
import org.spinepathway.escalation.entity.EvaluationRun;

/** Start and end of each run, each in its own transaction, so a run that fails still leaves its record. */
@ApplicationScoped
public class EvaluationRuns {

    @Inject
    EvaluationRunRepository runs;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long start(LocalDate asOf, String trigger, String startedBy, String outcome) {
        return runs.add(new EvaluationRun(asOf, trigger, startedBy, now(), outcome)).getId();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public EvaluationRun finish(long id, int evaluated, int raised, int failures, String outcome, String detail) {
        EvaluationRun run = runs.find(id);
        run.finish(now(), evaluated, raised, failures, outcome, detail);
        return run;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<EvaluationRun> recent(int first, int max) {
        return runs.recent(first, max);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return runs.count();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
