package org.spinepathway.followup.boundary;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.spinepathway.care.boundary.CheckInSchedule;
import org.spinepathway.care.control.FollowUpSchedule;
import org.spinepathway.platform.control.Csv;
import org.spinepathway.platform.control.FieldError;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.security.boundary.AuditLog;

/**
 * How many invited check-ins were answered: per time point (the weekly ones together, each outcome
 * time point on its own), for the clinic and per physiotherapist, over the invitations due in a
 * date range; and the patients whose check-in is overdue, to call while its window is still open.
 * A check-in counts as answered when the episode has an assessment (not voided) dated inside its
 * window, entered by the patient (link or portal) or by a clinician.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FollowUpCompletion {

    /** The weekly check-ins, counted together. */
    public static final String WEEKLY = "WEEKLY";

    /** One time point's figures; {@code rate} is answered ÷ invited, rounded half-even to 3 places, null when none was invited. */
    public record Row(String timePoint, long invited, long answered, BigDecimal rate) {
    }

    /** One physiotherapist's figures (physio null: episodes nobody is assigned to). */
    public record PhysioRows(Long physioId, String physio, List<Row> rows) {
    }

    /** A check-in past its due date, unanswered, its window still open: the patient to call. */
    public record Overdue(long episodeId, String patient, String mrn, String phone, String checkIn, LocalDate dueOn, LocalDate closes,
                          int reminders, String physio) {
    }

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    @Inject
    CheckInSchedule schedule;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** The range asked for, checked: defaults are the year to today; "from" after "to" is refused. */
    public record Range(LocalDate from, LocalDate to) {
    }

    public Range range(String from, String to) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate end = date("to", to, LocalDate.now(clock), errors);
        LocalDate start = date("from", from, end == null ? null : end.minusYears(1), errors);
        if (errors.isEmpty() && start.isAfter(end)) {
            errors.add(new FieldError("from", "\"from\" must be on or before \"to\"."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Range(start, end);
    }

    public List<Row> clinic(Range range) {
        Map<String, long[]> totals = new LinkedHashMap<>();
        counts(range).forEach(c -> {
            long[] t = totals.computeIfAbsent(c.timePoint, k -> new long[2]);
            t[0] += c.invited;
            t[1] += c.answered;
        });
        return rows(totals);
    }

    public List<PhysioRows> byPhysio(Range range) {
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, Map<String, long[]>> byPhysio = new LinkedHashMap<>();
        counts(range).forEach(c -> {
            names.put(c.physioId, c.physio);
            long[] t = byPhysio.computeIfAbsent(c.physioId, k -> new LinkedHashMap<>()).computeIfAbsent(c.timePoint, k -> new long[2]);
            t[0] += c.invited;
            t[1] += c.answered;
        });
        List<PhysioRows> result = new ArrayList<>();
        byPhysio.forEach((id, totals) -> result.add(new PhysioRows(id, names.get(id), rows(totals))));
        return result;
    }

    /** The overdue check-ins as of today, soonest closing first, at most {@code max}; reading them is audited (names and phones). */
    public List<Overdue> overdue(int max) {
        LocalDate today = LocalDate.now(clock);
        List<?> rows = em.createNativeQuery("SELECT e.id, p.given_name || ' ' || p.family_name, p.mrn, p.phone, fi.time_point, fi.due_on,"
                        + " fi.window_closes, fi.reminders_sent, ph.display_name FROM follow_up_invitation fi"
                        + " JOIN episode_of_care e ON e.id = fi.episode_id JOIN patient p ON p.id = e.patient_id"
                        + " LEFT JOIN user_account ph ON ph.id = e.physio_id"
                        + " WHERE fi.window_closes >= ? AND fi.due_on < ? AND e.voided_at IS NULL AND p.voided_at IS NULL AND p.deceased_on IS NULL"
                        + " AND (fi.outcome OR e.state IN " + FollowUpLinks.IN_CARE + ") AND NOT " + FollowUpLinks.answered("fi")
                        + " ORDER BY fi.window_closes, fi.due_on, fi.id LIMIT ?")
                .setParameter(1, Date.valueOf(today)).setParameter(2, Date.valueOf(today)).setParameter(3, max).getResultList();
        List<Overdue> overdue = rows.stream().map(r -> {
            Object[] c = (Object[]) r;
            return new Overdue(((Number) c[0]).longValue(), (String) c[1], (String) c[2], (String) c[3],
                    schedule.schedule().words((String) c[4]), toDate(c[5]), toDate(c[6]), ((Number) c[7]).intValue(), (String) c[8]);
        }).toList();
        audit.recordListRead("FollowUpOverdue", 0, overdue.size(), null);
        return overdue;
    }

    /** The clinic's and each physiotherapist's figures as CSV (encoded for a spreadsheet). */
    public void exportCsv(Range range, Writer out) throws IOException {
        out.write(Csv.row(List.of("Physiotherapist", "Check-in", "Invited", "Answered", "Rate")));
        for (Row r : clinic(range)) {
            out.write(Csv.row(List.of("Whole clinic", words(r.timePoint()), r.invited(), r.answered(), r.rate() == null ? "" : r.rate())));
        }
        for (PhysioRows p : byPhysio(range)) {
            for (Row r : p.rows()) {
                out.write(Csv.row(List.of(p.physio() == null ? "Not assigned" : p.physio(), words(r.timePoint()), r.invited(), r.answered(),
                        r.rate() == null ? "" : r.rate())));
            }
        }
    }

    /** "Weekly check-ins", "6 weeks after care started". */
    public String words(String timePoint) {
        return WEEKLY.equals(timePoint) ? "Weekly check-ins" : capitalised(schedule.schedule().words(timePoint));
    }

    private record Count(String timePoint, Long physioId, String physio, long invited, long answered) {
    }

    private List<Count> counts(Range range) {
        List<?> rows = em.createNativeQuery("SELECT x.point, x.physio_id, x.physio, count(*), sum(CASE WHEN x.answered THEN 1 ELSE 0 END) FROM ("
                        + " SELECT CASE WHEN fi.outcome THEN fi.time_point ELSE '" + WEEKLY + "' END AS point, e.physio_id, ph.display_name AS physio,"
                        + " " + FollowUpLinks.answered("fi") + " AS answered"
                        + " FROM follow_up_invitation fi JOIN episode_of_care e ON e.id = fi.episode_id"
                        + " LEFT JOIN user_account ph ON ph.id = e.physio_id"
                        + " WHERE fi.due_on BETWEEN ? AND ? AND e.voided_at IS NULL) x"
                        + " GROUP BY x.point, x.physio_id, x.physio ORDER BY x.physio NULLS LAST, x.physio_id")
                .setParameter(1, Date.valueOf(range.from())).setParameter(2, Date.valueOf(range.to())).getResultList();
        return rows.stream().map(r -> {
            Object[] c = (Object[]) r;
            return new Count((String) c[0], c[1] == null ? null : ((Number) c[1]).longValue(), (String) c[2], ((Number) c[3]).longValue(),
                    ((Number) c[4]).longValue());
        }).toList();
    }

    /** Every configured time point in order (weekly first when weekly check-ins are on), then any no longer configured that has figures. */
    private List<Row> rows(Map<String, long[]> totals) {
        List<String> order = new ArrayList<>();
        FollowUpSchedule s = schedule.schedule();
        if (s.isWeekly() || totals.containsKey(WEEKLY)) {
            order.add(WEEKLY);
        }
        s.timePoints().forEach(p -> order.add(p.code()));
        totals.keySet().stream().filter(k -> !order.contains(k)).sorted().forEach(order::add);
        return order.stream().map(point -> {
            long[] t = totals.getOrDefault(point, new long[2]);
            return new Row(point, t[0], t[1], t[0] == 0 ? null : BigDecimal.valueOf(t[1]).divide(BigDecimal.valueOf(t[0]), 3, RoundingMode.HALF_EVEN));
        }).toList();
    }

    private static LocalDate date(String field, String value, LocalDate otherwise, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            if (d.getYear() < 2000 || d.getYear() > 2100) {
                errors.add(new FieldError(field, "Give a date from 2000 to 2100."));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "Give the date as YYYY-MM-DD."));
            return null;
        }
    }

    private static String capitalised(String words) {
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static LocalDate toDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
