package org.spinepathway.escalation.boundary;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.spinepathway.escalation.control.WorklistQuery;
import org.spinepathway.escalation.control.WorklistRow;
import org.spinepathway.platform.control.ClinicWords;
import org.spinepathway.platform.control.Csv;
import org.spinepathway.security.boundary.AuditLog;
import org.spinepathway.security.entity.AuditAction;

/** The physicians' worklist as of today, for the page, the API and the CSV export. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Worklist {

    private static final int EXPORT_PAGE = 500;

    @Inject
    WorklistQuery query;

    @Inject
    AuditLog audit;

    @Inject
    UrgentContacts contacts;

    @Inject
    Clock clock;

    public long count(WorklistQuery.Filter filter) {
        return query.count(filter, LocalDate.now(clock));
    }

    /** A page of the worklist; reading it is audited. */
    public List<WorklistRow> page(WorklistQuery.Filter filter, int first, int max) {
        List<WorklistRow> page = query.page(filter, LocalDate.now(clock), contacts.overdueIfRaisedBefore(), first, max);
        audit.recordListRead("Worklist", first, page.size(), filter.search() == null ? null : filter.search().text());
        return page;
    }

    /**
     * The filtered list as CSV, a page at a time, one line per episode as on the page; codes in the
     * clinic's words, each flag of the episode as "rule (priority): why" on a line of its own cell.
     * The export is audited.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public void exportCsv(WorklistQuery.Filter filter, Writer out) throws IOException {
        out.write(Csv.row(List.of("priority", "flags", "raised on", "days open", "patient", "mrn", "region", "physiotherapist",
                "days in care", "baseline pain", "latest pain", "baseline ODI/NDI", "latest ODI/NDI", "why", "phone", "patient reached")));
        LocalDate today = LocalDate.now(clock);
        int rows = 0;
        for (int first = 0; ; first += EXPORT_PAGE) {
            List<WorklistRow> page = query.page(filter, today, contacts.overdueIfRaisedBefore(), first, EXPORT_PAGE);
            for (WorklistRow r : page) {
                out.write(Csv.row(List.of(ClinicWords.of("priority." + r.priority()),
                        r.flags().stream().map(f -> ClinicWords.of("rule", f.rule()) + " (" + ClinicWords.of("priority." + f.priority()) + ")")
                                .collect(Collectors.joining("\n")),
                        String.valueOf(r.raisedOn()), String.valueOf(r.daysOpen()), r.patientName(), r.mrn(), ClinicWords.of("region." + r.region()),
                        text(r.physioName()), text(r.daysInCare()), text(r.baselineNrs()), text(r.latestNrs()), text(r.baselineDisability()),
                        text(r.latestDisability()),
                        r.flags().stream().map(f -> ClinicWords.of("rule", f.rule()) + ": " + f.reason()).collect(Collectors.joining("\n")),
                        text(r.phone()), r.isUrgent() ? (r.acknowledged() ? "yes" : r.overdue() ? "no, overdue" : "not yet") : "")));
            }
            rows += page.size();
            if (page.size() < EXPORT_PAGE) {
                break;
            }
        }
        audit.record(AuditAction.EXPORT, null, "Worklist", null, rows + " rows, filter " + filter);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
