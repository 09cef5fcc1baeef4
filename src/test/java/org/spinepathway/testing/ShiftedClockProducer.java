package org.spinepathway.testing;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clinic's clock in a container test that must let time pass: added to the test's WAR, it
 * replaces the application's {@code ClockProducer}. The clock runs as the system's, shifted ahead by
 * the ISO-8601 duration written in the file {@code clinic.test.clock-shift-file} (none: no shift),
 * which the test, outside the server, rewrites to move time on.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class ShiftedClockProducer {

    @Inject
    @ConfigProperty(name = "clinic.timezone", defaultValue = "Europe/London")
    String timezone;

    @Inject
    @ConfigProperty(name = "clinic.test.clock-shift-file")
    String shiftFile;

    @Produces
    Clock shiftedClock() {
        return new ShiftedClock(ZoneId.of(timezone), shiftFile);
    }

    /** Moves the clock of the server reading {@code file} to {@code shift} ahead of the system's. */
    public static void shift(Path file, Duration shift) {
        try {
            Path written = Files.writeString(file.resolveSibling(file.getFileName() + ".new"), shift.toString());
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("could not shift the clock in " + file, e);
        }
    }

    /** The current shift in {@code file}; zero when there is none. */
    public static Duration shiftIn(Path file) {
        try {
            return Files.exists(file) ? Duration.parse(Files.readString(file).strip()) : Duration.ZERO;
        } catch (IOException e) {
            throw new IllegalStateException("could not read the clock's shift in " + file, e);
        }
    }

    /** Serializable, as the system clock is: view-scoped page beans hold a clock. */
    static final class ShiftedClock extends Clock implements Serializable {

        private static final long serialVersionUID = 1L;

        private final ZoneId zone;
        private final String file;

        ShiftedClock(ZoneId zone, String file) {
            this.zone = zone;
            this.file = file;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new ShiftedClock(other, file);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shiftIn(Path.of(file)));
        }
    }
}
