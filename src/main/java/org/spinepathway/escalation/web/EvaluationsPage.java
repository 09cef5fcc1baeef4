package org.spinepathway.escalation.web;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.primefaces.model.LazyDataModel;
import org.spinepathway.escalation.boundary.EscalationEvaluator;
import org.spinepathway.escalation.boundary.EvaluationRuns;
import org.spinepathway.escalation.entity.EvaluationRun;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.web.FieldMessages;
import org.spinepathway.platform.web.Messages;
import org.spinepathway.platform.web.PagedModel;

/** {@code /admin/evaluations.xhtml}: run the escalation rules now, as of a chosen date, and the record of every run. */
@Named
@ViewScoped
public class EvaluationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EscalationEvaluator evaluator;

    @Inject
    EvaluationRuns runs;

    @Inject
    Clock clock;

    private LocalDate asOf;

    private final LazyDataModel<EvaluationRun> recent = new PagedModel<>(() -> runs.count(), (first, max) -> runs.recent(first, max));

    @PostConstruct
    void init() {
        asOf = LocalDate.now(clock);
    }

    public void run() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            EvaluationRun run = evaluator.evaluate(asOf, "PAGE");
            FieldMessages.global(context, run.getFailures() == 0 ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN,
                    run.getFailures() == 0
                            ? Messages.format(context, "evaluations.done", run.getEpisodesEvaluated(), run.getAsOf().toString(), run.getFlagsRaised())
                            : Messages.format(context, "evaluations.doneWithFailures", run.getEpisodesEvaluated(), run.getAsOf().toString(),
                                    run.getFlagsRaised(), run.getFailures()));
        } catch (InvalidInputException invalid) {
            FieldMessages.show(context, invalid, field -> "run:" + field);
        } catch (ConflictException running) {
            FieldMessages.global(context, FacesMessage.SEVERITY_WARN, running.getMessage());
        } catch (IllegalStateException failed) {
            FieldMessages.global(context, FacesMessage.SEVERITY_ERROR, Messages.text(context, "evaluations.failed"));
        }
    }

    public LazyDataModel<EvaluationRun> getRecent() { return recent; }
    public LocalDate getAsOf() { return asOf; }
    public void setAsOf(LocalDate asOf) { this.asOf = asOf; }
}
