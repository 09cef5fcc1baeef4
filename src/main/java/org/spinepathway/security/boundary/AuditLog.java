package org.spinepathway.security.boundary;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.spinepathway.platform.control.Acting;
import org.spinepathway.security.control.AuditEventFilter;
import org.spinepathway.security.control.AuditEventRepository;
import org.spinepathway.security.entity.AuditAction;
import org.spinepathway.security.entity.AuditEvent;

/**
 * The audit log: who did what to which patient's record, when, from which address. Any feature
 * records through here. Events about data are written in the caller's transaction, so an event
 * exists exactly when the change it describes does; sign-in events are written on their own,
 * because a failed sign-in changes nothing else.
 */
@ApplicationScoped
public class AuditLog {

    private static final int EXPORT_PAGE = 1000;
    private static final int USERNAME_COLUMN = 254;

    @Inject
    Acting acting;

    @Inject
    AuditEventRepository events;

    @Inject
    HttpServletRequest request;

    @Inject
    Clock clock;

    /** An event by the signed-in caller about a patient's record (patientId may be null for non-clinical records). */
    @Transactional(TxType.REQUIRED)
    public void record(AuditAction action, Long patientId, String recordType, Long recordId, String detail) {
        events.append(new AuditEvent(now(), acting.name(), action, patientId, recordType, recordId, detail, clientAddress()));
    }

    /**
     * A sign-in event, for the username as typed. It joins the sign-in attempt's transaction, which
     * commits refusals too: a nested transaction would take a second pooled connection while the
     * attempt holds its first, and under load threads waiting so exhaust the pool.
     */
    @Transactional(TxType.REQUIRED)
    public void recordSignIn(AuditAction action, String username, String detail) {
        // Whatever was typed, cut to the column: a name too long for any account is still a failure to record.
        String typed = username == null || username.length() <= USERNAME_COLUMN ? username : username.substring(0, USERNAME_COLUMN);
        events.append(new AuditEvent(now(), typed, action, null, "UserAccount", null, detail, clientAddress()));
    }

    /**
     * A list of patients (the worklist, the intake queue, a caseload) or the audit log was read: a
     * READ event naming the list, the rows shown and what was searched for, if anything.
     */
    @Transactional(TxType.REQUIRED)
    public void recordListRead(String list, int first, int shown, String searchedFor) {
        String detail = "listed " + (shown == 0 ? "no rows" : "rows " + (first + 1) + " to " + (first + shown))
                + (searchedFor == null ? "" : ", searching for \u201c" + searchedFor + "\u201d");
        record(AuditAction.READ, null, list, null, detail.length() <= 1000 ? detail : detail.substring(0, 1000));
    }

    @Transactional(TxType.SUPPORTS)
    public long count(AuditEventFilter filter) {
        return events.count(filter, clock.getZone());
    }

    /** A page of the log, newest first; reading it is itself audited. */
    @Transactional(TxType.REQUIRED)
    public List<AuditEvent> page(AuditEventFilter filter, int first, int max) {
        List<AuditEvent> page = events.page(filter, clock.getZone(), first, max);
        recordListRead("AuditEvent", first, page.size(), filter.username() == null || filter.username().isBlank() ? null : filter.username());
        return page;
    }

    /** A treatment plan's history: the events on the plan and on its interventions, newest first. */
    @Transactional(TxType.SUPPORTS)
    public List<AuditEvent> historyOf(long planId, List<Long> interventionIds) {
        return events.historyOf(planId, interventionIds);
    }

    /**
     * Writes the filtered log as CSV, a page at a time so a long log never sits in memory, and
     * records the export itself.
     */
    @Transactional(TxType.REQUIRED)
    public void exportCsv(AuditEventFilter filter, Writer out) throws IOException {
        out.write("occurred_at,username,action,patient_id,record_type,record_id,detail,client_address\r\n");
        int first = 0;
        List<AuditEvent> page;
        do {
            page = events.page(filter, clock.getZone(), first, EXPORT_PAGE);
            for (AuditEvent e : page) {
                out.write(String.join(",", csv(e.getOccurredAt()), csv(e.getUsername()), csv(e.getAction()),
                        csv(e.getPatientId()), csv(e.getRecordType()), csv(e.getRecordId()), csv(e.getDetail()),
                        csv(e.getClientAddress())));
                out.write("\r\n");
            }
            first += page.size();
        } while (page.size() == EXPORT_PAGE);
        record(AuditAction.EXPORT, filter.patientId(), "AuditEvent", null, "audit log CSV export, " + first + " events");
    }

    /** RFC 4180 quoting, and a leading quote on text a spreadsheet would run as a formula. */
    static String csv(Object value) {
        return org.spinepathway.platform.control.Csv.cell(value);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private String clientAddress() {
        try {
            return request.getRemoteAddr();
        } catch (ContextNotActiveException | IllegalStateException notInARequest) {
            // Scheduled jobs and start-up work have no client.
            return null;
        }
    }
}
