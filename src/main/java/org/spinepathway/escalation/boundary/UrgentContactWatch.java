package org.spinepathway.escalation.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.platform.control.LogSafe;

/**
 * Looks every {@code clinic.escalation.urgent-ack-check-seconds} (default 60) for URGENT flags that
 * nobody acknowledged in time, and sends each once more to the on-call fallback (see
 * {@link UrgentContacts#resendOverdue()}). Every instance runs it; the claim is idempotent.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class UrgentContactWatch {

    private static final Logger LOG = Logger.getLogger(UrgentContactWatch.class.getName());

    @Resource
    TimerService timers;

    @Inject
    UrgentContacts contacts;

    @Inject
    @ConfigProperty(name = "clinic.escalation.urgent-ack-check-seconds")
    int checkSeconds;

    @PostConstruct
    void start() {
        if (checkSeconds > 0) {
            timers.createIntervalTimer(checkSeconds * 1000L, checkSeconds * 1000L, new TimerConfig("urgent contact watch", false));
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void check() {
        try {
            int overdue = contacts.resendOverdue();
            if (overdue > 0) {
                LOG.warning(overdue + " URGENT flag(s) not acknowledged in time were sent again to the on-call fallback");
            }
        } catch (RuntimeException failed) {
            // The next check tries again: nothing was claimed in a transaction that failed.
            LOG.log(Level.WARNING, "Urgent contact watch failed; it runs again at the next check", LogSafe.throwable(failed));
        }
    }
}
