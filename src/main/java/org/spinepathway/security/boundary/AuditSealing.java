package org.spinepathway.security.boundary;

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

/**
 * Seals new audit events into the chain every {@code clinic.audit.seal-seconds}, a batch at a time
 * until none is left; on several instances one seals while the others skip (an advisory lock).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditSealing {

    private static final Logger LOG = Logger.getLogger(AuditSealing.class.getName());

    @Resource
    TimerService timers;

    @Inject
    AuditTrail trail;

    @Inject
    @ConfigProperty(name = "clinic.audit.seal-seconds")
    int sealSeconds;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(sealSeconds * 1000L, sealSeconds * 1000L, new TimerConfig("audit sealing", false));
    }

    /** Without a transaction of its own: each batch commits on its own. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void seal() {
        try {
            while (trail.sealPending() == AuditTrail.SEAL_BATCH) {
                // A full batch: there may be more.
            }
        } catch (RuntimeException failed) {
            // The database may be away; the next run seals what this one could not.
            LOG.log(Level.WARNING, "Sealing the audit trail failed; the next run retries: " + failed);
        }
    }
}
