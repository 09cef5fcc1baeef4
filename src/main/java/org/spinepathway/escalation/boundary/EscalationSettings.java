package org.spinepathway.escalation.boundary;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.spinepathway.escalation.control.EscalationThresholds;

/** The thresholds of escalation-rules.md from configuration ({@code clinic.escalation.*}), each defaulting to the published value. */
@ApplicationScoped
public class EscalationSettings {

    /** Dependent, not application-scoped: a record cannot be proxied, and reading the keys is cheap. */
    @Produces
    EscalationThresholds thresholds() {
        Config config = ConfigProvider.getConfig();
        EscalationThresholds d = EscalationThresholds.defaults();
        return new EscalationThresholds(
                number(config, "pain-improvement-points", d.painImprovementPoints()),
                config.getOptionalValue("clinic.escalation.pain-improvement-fraction", BigDecimal.class).orElse(d.painImprovementFraction()),
                number(config, "disability-improvement-points", d.disabilityImprovementPoints()),
                number(config, "worsening-pain-points", d.worseningPainPoints()),
                number(config, "worsening-disability-points", d.worseningDisabilityPoints()),
                number(config, "worsening-after-days", d.worseningAfterDays()),
                number(config, "not-improving-after-days", d.notImprovingAfterDays()),
                number(config, "severe-pain", d.severePain()),
                number(config, "persistent-severe-after-days", d.persistentSevereAfterDays()),
                number(config, "injections-count", d.injectionsCount()),
                number(config, "injections-wait-days", d.injectionsWaitDays()),
                number(config, "not-resolved-after-days", d.notResolvedAfterDays()),
                number(config, "not-resolved-pain", d.notResolvedPain()),
                number(config, "not-resolved-disability", d.notResolvedDisability()),
                number(config, "follow-up-overdue-days", d.followUpOverdueDays()),
                number(config, "weak-motor-grade", d.weakMotorGrade()));
    }

    private static int number(Config config, String name, int fallback) {
        return config.getOptionalValue("clinic.escalation." + name, Integer.class).orElse(fallback);
    }
}
