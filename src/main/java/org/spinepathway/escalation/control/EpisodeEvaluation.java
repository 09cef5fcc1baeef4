package org.spinepathway.escalation.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonObject;

import org.spinepathway.escalation.entity.FlagPriority;
import org.spinepathway.escalation.entity.FlagRule;

/**
 * Every rule on one episode as of D, with "Life of a flag" from escalation-rules.md: rules run on
 * active episodes only, an open flag is not raised again, and decisions suppress:
 * <ul>
 * <li><b>dismiss</b> (and a physiotherapist closing a TASK): that rule cannot fire again until an
 * assessment is recorded after the decision;</li>
 * <li><b>continue conservative care</b>: no REVIEW rule fires before the recheck date, and after it
 * only once an assessment has been recorded after the decision. URGENT rules still fire, but the
 * same URGENT finding a physician chose to continue with is not raised again until new data is
 * recorded (RED_FLAG's own definition already says so).</li>
 * </ul>
 * "Recorded after" means entered after the decision, whatever date the assessment carries.
 */
public final class EpisodeEvaluation {

    /** The states the rules run on; REFERRED, RESOLVED and DISCHARGED leave them. */
    public static final Set<String> ACTIVE_STATES = Set.of("INTAKE", "CONSERVATIVE_CARE", "UNDER_REVIEW");

    /** A rule that fires, with its evidence. */
    public record Finding(FlagRule rule, JsonObject evidence) {
    }

    private final List<EscalationRule> rules;

    public EpisodeEvaluation(EscalationThresholds t) {
        this.rules = List.of(new RedFlagRule(), new MotorDecline(t), new WorseningRule(t), new NotImprovingRule(t),
                new PersistentSevereRule(t), new InjectionsNoReliefRule(t), new NotResolvedRule(t), new FollowUpOverdueRule(t));
    }

    public List<Finding> evaluate(EpisodeFacts facts, LocalDate d) {
        if (!ACTIVE_STATES.contains(facts.state())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (EscalationRule rule : rules) {
            if (facts.open().contains(rule.rule()) || suppressed(rule.rule(), facts, d)) {
                continue;
            }
            Optional<JsonObject> evidence = rule.evaluate(facts, d);
            evidence.ifPresent(e -> findings.add(new Finding(rule.rule(), e)));
        }
        return findings;
    }

    static boolean suppressed(FlagRule rule, EpisodeFacts facts, LocalDate d) {
        if (rule == FlagRule.RED_FLAG) {
            return false;
        }
        EpisodeFacts.Decision own = facts.lastDecisions().get(rule);
        if (own != null && Set.of("DISMISSED", "CLOSED").contains(own.status()) && !facts.recordedAfter(own.decidedAt())) {
            return true;
        }
        if (own != null && "CONTINUED".equals(own.status()) && rule.priority() == FlagPriority.URGENT && !facts.recordedAfter(own.decidedAt())) {
            return true;
        }
        EpisodeFacts.Decision continued = facts.lastContinue();
        if (rule.priority() == FlagPriority.REVIEW && continued != null) {
            return (continued.recheckOn() != null && d.isBefore(continued.recheckOn())) || !facts.recordedAfter(continued.decidedAt());
        }
        return false;
    }
}
