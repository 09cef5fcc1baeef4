package org.spinepathway.followup.boundary;

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
 * The daily invitation run: an EJB calendar timer at {@code clinic.follow-up.schedule} (HH:mm in the
 * clinic's time zone; "off" to disable). Every instance has the timer; the advisory lock lets one
 * run at a time, and a second run the same day sends nothing new.
 */
@Singleton
@Startup
public class InvitationTimer {

    private static final Logger LOG = Logger.getLogger(InvitationTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    FollowUpInvitations invitations;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clinic.follow-up.schedule")
    String schedule;

    @PostConstruct
    void start() {
        DailyTimers.start(timers, schedule, clock.getZone(), "follow-up invitations", "clinic.follow-up.schedule");
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void daily() {
        try {
            invitations.run(LocalDate.now(clock));
        } catch (ConflictException runningElsewhere) {
            LOG.info("Daily follow-up invitations skipped: " + runningElsewhere.getMessage());
        } catch (RuntimeException failed) {
            LOG.log(Level.SEVERE, "Daily follow-up invitations failed; the next run sends what is still due", LogSafe.throwable(failed));
        }
    }
}
