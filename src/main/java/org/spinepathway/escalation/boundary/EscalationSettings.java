package org.spinepathway.escalation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.ConfigProvider;
import org.spinepathway.escalation.control.EscalationThresholds;

/**
 * The thresholds of escalation-rules.md from configuration ({@code clinic.escalation.*}); their
 * published values are the defaults in {@code META-INF/microprofile-config.properties}.
 */
@ApplicationScoped
public class EscalationSettings {

    /** Dependent, not application-scoped: a record cannot be proxied, and reading the keys is cheap. */
    @Produces
    EscalationThresholds thresholds() {
        return EscalationThresholds.from(name -> ConfigProvider.getConfig().getValue(name, String.class));
    }
}
