package org.spinepathway.launcher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javax.sql.DataSource;

import org.spinepathway.care.control.CaseloadRepository;
import org.spinepathway.escalation.control.WorklistQuery;
import org.spinepathway.intake.control.IntakeQueue;
import org.spinepathway.patient.boundary.PatientSearch;
import org.spinepathway.platform.control.SqlQuery;

/**
 * The search of the worklist, the caseload and the intake queue on the generated clinic: for each
 * kind of search (a full name, a family name alone, a medical record number, a date of birth) and each
 * list, and no search at all for comparison, {@link #SEARCHES} searches for patients drawn at random from the list, each timed as a page of
 * the list does it (the count, then the first page of 20), with the application's own SQL
 * ({@link WorklistQuery}, {@link CaseloadRepository#pageQuery}, {@link IntakeQueue}) on one connection;
 * and the worklist's through the API in the server ({@code GET /api/v1/worklist?search=}), end to end.
 * A few searches first warm each statement up, untimed. Median and p95 in milliseconds.
 */
final class SearchBenchmark {

    static final int SEARCHES = Integer.getInteger("bench.searches", 50);
    private static final int WARM_UP = 10;
    private static final int PAGE = 20;

    /** One kind of search: what to type, from a patient's row (given name, family name, MRN, birth date). */
    private record Kind(String name, Function<String[], String> typed) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("nothing (the whole list, for comparison)", p -> ""),
            new Kind("full name", p -> p[0] + " " + p[1]),
            new Kind("family name alone", p -> p[1]),
            new Kind("MRN", p -> p[2]),
            new Kind("date of birth (d/m/yyyy)", p -> {
                LocalDate born = LocalDate.parse(p[3]);
                return born.getDayOfMonth() + "/" + born.getMonthValue() + "/" + born.getYear();
            }));

    /** A timed list: median, p95 and the median number of rows the searches found. */
    record Figures(String list, String kind, int searches, double medianMs, double p95Ms, long medianMatches) {
    }

    private SearchBenchmark() {
    }

    static List<Figures> run(DataSource db, int httpPort, String physician, String password) throws Exception {
        List<Figures> figures = new ArrayList<>();
        LocalDate today = LocalDate.now();
        try (Connection c = db.getConnection()) {
            // The server's pool hands the query a connection it keeps open: so does the benchmark (the embedded
            // database's own data source opens a new one per call, tens of milliseconds each).
            WorklistQuery worklist = WorklistQuery.over(kept(c));
            List<String[]> flagged = patients(c, "SELECT pt.given_name, pt.family_name, pt.mrn, pt.birth_date, 0 FROM escalation_flag f"
                    + " JOIN episode_of_care e ON e.id = f.episode_id JOIN patient pt ON pt.id = e.patient_id"
                    + " WHERE f.status = 'OPEN' AND f.priority <> 'TASK' AND f.id % 97 = ? LIMIT ?");
            List<String[]> cared = patients(c, "SELECT pt.given_name, pt.family_name, pt.mrn, pt.birth_date, e.physio_id FROM episode_of_care e"
                    + " JOIN patient pt ON pt.id = e.patient_id WHERE e.physio_id IS NOT NULL AND e.voided_at IS NULL AND e.id % 97 = ? LIMIT ?");
            List<String[]> submitted = patients(c, "SELECT pt.given_name, pt.family_name, pt.mrn, pt.birth_date, 0 FROM intake i"
                    + " JOIN episode_of_care e ON e.id = i.episode_id JOIN patient pt ON pt.id = e.patient_id"
                    + " WHERE i.status = 'SUBMITTED' AND i.voided_at IS NULL AND i.id % 97 = ? LIMIT ?");
            for (Kind kind : KINDS) {
                figures.add(time("worklist", kind, flagged, p -> {
                    WorklistQuery.Filter filter = new WorklistQuery.Filter(null, null, null, null, search(kind, p));
                    worklist.count(filter, today);
                    return (long) worklist.page(filter, today, OffsetDateTime.now().minusHours(1), 0, PAGE).size();
                }));
                figures.add(time("caseload (the patient's physiotherapist's)", kind, cared, p -> {
                    PatientSearch search = search(kind, p);
                    long physio = Long.parseLong(p[4]);
                    count(c, CaseloadRepository.countQuery(physio, null, search, today));
                    return rows(c, CaseloadRepository.pageQuery(physio, null, search, CaseloadRepository.Order.LONGEST_SINCE_ASSESSMENT, today));
                }));
                figures.add(time("intake queue (all intakes)", kind, submitted, p -> {
                    IntakeQueue.Filter filter = new IntakeQueue.Filter(true, search(kind, p));
                    count(c, IntakeQueue.count(filter));
                    return rows(c, IntakeQueue.page(filter));
                }));
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String basic = "Basic " + Base64.getEncoder().encodeToString((physician + ":" + password).getBytes(StandardCharsets.UTF_8));
            for (Kind kind : KINDS) {
                figures.add(time("worklist through the API (GET /api/v1/worklist?search=&size=20)", kind, flagged, p -> {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort
                            + "/api/v1/worklist?size=" + PAGE + "&search=" + URLEncoder.encode(kind.typed().apply(p), StandardCharsets.UTF_8)))
                            .header("Authorization", basic).GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException("the worklist answered " + answer.statusCode() + ": " + answer.body());
                    }
                    return (long) answer.body().split("\"episodeId\"", -1).length - 1;
                }));
            }
        }
        return figures;
    }

    @FunctionalInterface
    private interface Search {
        long run(String[] patient) throws Exception;
    }

    private static Figures time(String list, Kind kind, List<String[]> patients, Search search) throws Exception {
        // The whole list is the same every time and takes long at a million: a few runs say enough.
        int times = kind.typed().apply(patients.get(0)).isEmpty() ? 5 : SEARCHES;
        for (int i = 0; i < (times < SEARCHES ? 1 : WARM_UP); i++) {
            search.run(patients.get(patients.size() - 1 - i % patients.size()));
        }
        double[] ms = new double[times];
        long[] matches = new long[times];
        for (int i = 0; i < times; i++) {
            long started = System.nanoTime();
            matches[i] = search.run(patients.get(i % patients.size()));
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(matches);
        Figures f = new Figures(list, kind.name(), times, ms[times / 2], ms[(int) Math.ceil(times * 0.95) - 1], matches[times / 2]);
        System.out.printf(Locale.ROOT, "search %s by %s: median %.1f ms, p95 %.1f ms (%d searches; first page median %d rows)%n",
                f.list(), f.kind(), f.medianMs(), f.p95Ms(), times, f.medianMatches());
        return f;
    }

    /** A data source whose every connection is {@code c}, left open when the caller closes it. */
    private static DataSource kept(Connection c) {
        Connection unclosed = (Connection) Proxy.newProxyInstance(SearchBenchmark.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> method.getName().equals("close") ? null : invoke(method, c, args));
        return (DataSource) Proxy.newProxyInstance(SearchBenchmark.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> method.getName().equals("getConnection") ? unclosed : null);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static PatientSearch search(Kind kind, String[] patient) {
        return PatientSearch.of(kind.typed().apply(patient)).orElse(null);
    }

    /** Patients to search for, spread over the list (ids modulo a prime), more than the searches and warm-up need. */
    private static List<String[]> patients(Connection c, String sql) throws SQLException {
        List<String[]> found = new ArrayList<>();
        for (int remainder = 0; remainder < 97 && found.size() < SEARCHES + WARM_UP; remainder += 13) {
            try (PreparedStatement q = c.prepareStatement(sql)) {
                q.setInt(1, remainder);
                q.setInt(2, 8);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        found.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
                    }
                }
            }
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("nobody to search for: " + sql);
        }
        return found;
    }

    private static void count(Connection c, SqlQuery query) throws SQLException {
        try (PreparedStatement q = prepared(c, query.sql(), query); ResultSet rs = q.executeQuery()) {
            rs.next();
        }
    }

    private static long rows(Connection c, SqlQuery query) throws SQLException {
        long n = 0;
        try (PreparedStatement q = prepared(c, query.sql() + " LIMIT " + PAGE + " OFFSET 0", query); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                n++;
            }
        }
        return n;
    }

    private static PreparedStatement prepared(Connection c, String sql, SqlQuery query) throws SQLException {
        PreparedStatement q = c.prepareStatement(sql);
        for (int i = 0; i < query.params().size(); i++) {
            q.setObject(i + 1, query.params().get(i));
        }
        return q;
    }
}
