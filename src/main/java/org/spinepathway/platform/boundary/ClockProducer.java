package org.spinepathway.platform.boundary;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one source of "now". Everything that needs the date injects a {@link Clock}, so rules and
 * jobs can be evaluated "as of" a given day and tests can fix time.
 */
@ApplicationScoped
public class ClockProducer {

    @Inject
    @ConfigProperty(name = "clinic.timezone")
    String timezone;

    // Dependent scope: Clock is immutable, and a JDK class is a poor candidate for a client proxy.
    @Produces
    Clock clinicClock() {
        return Clock.system(ZoneId.of(timezone));
    }
}
