package org.spinepathway.escalation.boundary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.platform.boundary.DailyTimers;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.LogSafe;

/**
 * The nightly evaluation: an EJB calendar timer at {@code clinic.escalation.schedule} (HH:mm in the
 * clinic's time zone, default 02:00; "off" to disable). Every instance has the timer; the advisory
 * lock lets one of them evaluate and the others record that they skipped.
 */
@Singleton
@Startup
public class EvaluationSchedule {

    private static final Logger LOG = Logger.getLogger(EvaluationSchedule.class.getName());

    @Resource
    TimerService timers;

    @Inject
    EscalationEvaluator evaluator;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clinic.escalation.schedule")
    String schedule;

    @PostConstruct
    void start() {
        DailyTimers.start(timers, schedule, clock.getZone(), "escalation evaluation", "clinic.escalation.schedule");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void nightly() {
        try {
            evaluator.evaluate(LocalDate.now(clock), EscalationEvaluator.SCHEDULE);
        } catch (ConflictException runningElsewhere) {
            LOG.info("Nightly evaluation skipped: " + runningElsewhere.getMessage());
        } catch (RuntimeException failed) {
            LOG.log(Level.SEVERE, "Nightly evaluation failed; it is recorded in evaluation_run", LogSafe.throwable(failed));
        }
    }
}
