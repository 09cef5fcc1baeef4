package org.spinepathway.platform.web;

import java.time.Clock;
import java.util.TimeZone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The clinic's time zone for pages ({@code #{clinicTime.zone}}): times are stored in UTC and
 * shown as the clinic's wall clock.
 */
@Named
@ApplicationScoped
public class ClinicTime {

    @Inject
    Clock clock;

    public TimeZone getZone() {
        return TimeZone.getTimeZone(clock.getZone());
    }
}
