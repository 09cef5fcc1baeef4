package org.spinepathway.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.spinepathway.escalation.control.EpisodeEvaluation;
import org.spinepathway.escalation.control.EpisodeFacts;
import org.spinepathway.escalation.control.EpisodeFactsReader;
import org.spinepathway.platform.control.SchemaMigrator;
import org.spinepathway.testing.PackagedSettings;

/**
 * {@code ./mvnw -Pbench}: the evaluation benchmark. For each size ({@code -Dbench.sizes}, default
 * 100000,1000000 episodes) it grows a generated clinic in a fresh embedded PostgreSQL, then times
 * <ol>
 * <li>the scheduled evaluation, run in the real server (Payara Micro, {@link #SERVER_JVM}) through
 * {@code POST /api/v1/escalation/evaluations}, from a clean slate of flags, with the server's peak
 * resident memory;</li>
 * <li>the floor: one raw SQL pass that reads the same columns of the same tables to the client;</li>
 * <li>the common per-episode design: the same rules, episode by episode, a query per table per
 * episode, on a 1,000-episode sample, extrapolated;</li>
 * <li>search by name, MRN and date of birth on the worklist, the caseload and the intake queue
 * ({@link SearchBenchmark}), after the first evaluation; {@code -Dbench.searchOnly=true} measures
 * that evaluation and the search alone.</li>
 * </ol>
 * It prints a table and writes it to {@code target/bench/results.md} with the machine.
 */
public final class Benchmarks {

    private static final String ADMIN_PASSWORD = "Bench-admin-2026";
    private static final String PHYSIO_PASSWORD = "Bench-physio-2026";
    private static final String PHYSICIAN_PASSWORD = "Bench-doctor-2026";
    private static final int HTTP_PORT = Integer.parseInt(System.getProperty("bench.port", "8089"));
    private static final int SAMPLE = 1000;
    /**
     * The server's JVM: a bounded heap; G1 with a 50 ms pause goal; smaller thread stacks and code
     * cache. The throughput collector (earlier rounds, for its smaller bookkeeping) stopped the server
     * for 420-450 ms every one to two minutes under load: a full collection of its old generation,
     * which fills with the requests' middle-lived objects at 1-2 MB/s. Those pauses were the tail at
     * the fixed rate (p99 170-320 ms against p95 46 ms); G1 collects the old generation alongside the
     * requests (its longest pause 70 ms in the same run), and with the heap bounded at 320 MB instead
     * of 384 its resident memory was lower too (688 MB against 730-765).
     */
    private static final List<String> SERVER_JVM = List.of("-Xmx320m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=50", "-Xss512k",
            "-XX:ReservedCodeCacheSize=96m");
    /** The steady clinic-network load the issue asks for, in requests/s (open model). */
    private static final int FIXED_RATE = 200;
    /** Request threads: two cores gain nothing from more, and each costs memory under overload (Payara's default is 200). */
    private static final String SERVER_HTTP_THREADS = "48";

    private final Path home = Path.of(System.getProperty("spinepathway.home", ".")).toAbsolutePath();
    private final Path out = home.resolve("target/bench");
    private final List<String> rows = new ArrayList<>();
    private final List<String> webRows = new ArrayList<>();
    private String jdbcUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        new Benchmarks().run();
        System.exit(0);
    }

    private void run() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String s : System.getProperty("bench.sizes", "100000,1000000").split(",")) {
            sizes.add(Integer.parseInt(s.strip()));
        }
        Files.createDirectories(out);
        Path data = out.resolve("postgres");
        deleteRecursively(data);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true)
                .setOverrideWorkingDirectory(out.toFile()).setServerConfig("shared_buffers", "256MB").setServerConfig("work_mem", "32MB")
                .setServerConfig("max_wal_size", "4GB").setServerConfig("synchronous_commit", "off").start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE bench");
            }
            DataSource db = postgres.getDatabase("postgres", "bench");
            jdbcUrl = postgres.getJdbcUrl("postgres", "bench");
            new SchemaMigrator(Benchmarks.class.getClassLoader()).migrate(db);
            String machine = machine(db);
            System.out.println(machine);
            Process server = startServer(postgres.getPort());
            try {
                awaitReady(server);
                for (int i = 0; i < 6; i++) {
                    post("/api/v1/staff", "{\"username\":\"bench.physio" + i + "\",\"password\":\"" + PHYSIO_PASSWORD + "\",\"role\":\"PHYSIO\","
                            + "\"displayName\":\"Physio " + i + "\"}");
                }
                post("/api/v1/staff", "{\"username\":\"bench.doctor\",\"password\":\"" + PHYSICIAN_PASSWORD + "\",\"role\":\"PHYSICIAN\",\"displayName\":\"Dr Bench\"}");
                int have = 0;
                for (int size : sizes) {
                    try (Connection c = db.getConnection()) {
                        ClinicDataGenerator.Summary made = ClinicDataGenerator.generate(c, size - have, 20_26L + size, LocalDate.now(),
                                ClinicDataGenerator.staff(c, "PHYSIO"), ClinicDataGenerator.staff(c, "PHYSICIAN"));
                        have = size;
                        System.out.printf("generated %,d more episodes (%,d assessments) in %.1f s%n", made.episodes(), made.assessments(), made.seconds());
                        rows.add(String.format(Locale.ROOT, "| %,d | generator: %,d episodes, %,d assessments | %.1f s | | |",
                                size, made.episodes(), made.assessments(), made.seconds()));
                    }
                    measure(db, size, server);
                }
                if (!Boolean.getBoolean("bench.skipWeb")) {
                    // The postmaster's pid heads its pid file: the web load counts PostgreSQL's CPU too.
                    long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
                    webLoad(db, have, server, postmaster);
                }
            } finally {
                server.destroy();
                if (!server.waitFor(30, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
            String table = "# Spine Pathway benchmarks\n\n" + machine + "\n\n| episodes | measurement | wall time | peak memory | note |\n|---|---|---|---|---|\n"
                    + String.join("\n", rows) + "\n"
                    + (webRows.isEmpty() ? "" : "\n## Web load (Gatling 3.15.1; server " + String.join(" ", SERVER_JVM) + ", " + SERVER_HTTP_THREADS + " request threads)\n\n| episodes | run | request | requests | per s | p50 ms | p95 ms | p99 ms | errors |\n"
                    + "|---|---|---|---|---|---|---|---|---|\n" + String.join("\n", webRows) + "\n");
            Files.writeString(out.resolve("results.md"), table);
            System.out.println();
            System.out.println(table);
        }
    }

    private void measure(DataSource db, int size, Process server) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            // A clean slate: every episode back in conservative care, no flags (the bench database is throwaway).
            s.execute("TRUNCATE mail_outbox, referral, flag_acknowledgement, urgent_flag_resend, escalation_flag");
            s.execute("UPDATE episode_of_care SET state = 'CONSERVATIVE_CARE' WHERE state = 'UNDER_REVIEW'");
            s.execute("VACUUM ANALYZE");
        }
        if (Boolean.getBoolean("bench.followUpOnly")) {
            followUp(db, size, server);
            return;
        }
        // 1. The scheduled evaluation, in the server, on a clinic none has run on: every finding is new (the backlog).
        long rssBefore = peakRssKb(server);
        Timed backlog = evaluate("{}");
        long peak = peakRssKb(server);
        System.out.printf("evaluation in the server: %.1f s, %s; peak RSS %,d MB%n", backlog.seconds(), backlog.answer(), peak / 1024);
        rows.add(String.format(Locale.ROOT, "| %,d | first evaluation of the generated clinic (every finding new: the backlog) | %.1f s | RSS %,d MB (before %,d MB) | %s |",
                size, backlog.seconds(), peak / 1024, rssBefore / 1024, backlog.answer().replace("|", "/")));

        // Search on the clinic with its flags: the worklist, the caseload and the intake queue.
        for (SearchBenchmark.Figures f : SearchBenchmark.run(db, HTTP_PORT, "bench.doctor", PHYSICIAN_PASSWORD)) {
            rows.add(String.format(Locale.ROOT, "| %,d | search: %s by %s, %d searches (count and first page of 20) | median %.1f ms | |"
                            + " p95 %.1f ms; first page median %d rows |",
                    size, f.list(), f.kind(), f.searches(), f.medianMs(), f.p95Ms(), f.medianMatches()));
        }
        if (Boolean.getBoolean("bench.searchOnly")) {
            return;
        }

        // 1b. Again at once: nothing new to raise, so this is the reading and evaluating alone.
        Timed again = evaluate("{}");
        rows.add(String.format(Locale.ROOT, "| %,d | the same night again (nothing new to raise: reads and rules only) | %.1f s | RSS %,d MB | %s |",
                size, again.seconds(), peakRssKb(server) / 1024, again.answer().replace("|", "/")));

        // 1c. The next night: the flags of the episodes that cross a rule's line by one more day (the scheduled run's usual work).
        Timed nextNight = evaluate("{\"asOf\":\"" + LocalDate.now().plusDays(1) + "\"}");
        rows.add(String.format(Locale.ROOT, "| %,d | the next night's scheduled evaluation (as of tomorrow) | %.1f s | RSS %,d MB | %s |",
                size, nextNight.seconds(), peakRssKb(server) / 1024, nextNight.answer().replace("|", "/")));

        // 2. The floor: the same columns of the same tables, every row to the client, no logic.
        long floorStarted = System.nanoTime();
        long floorRows = floor(db);
        double floorSeconds = (System.nanoTime() - floorStarted) / 1e9;
        rows.add(String.format(Locale.ROOT, "| %,d | floor: one raw SQL pass over the same columns (%,d rows) | %.1f s | |"
                        + " next night %.2f x the floor; same night again %.2f x; backlog %.2f x |",
                size, floorRows, floorSeconds, nextNight.seconds() / floorSeconds, again.seconds() / floorSeconds, backlog.seconds() / floorSeconds));

        // 3. The per-episode design on a sample, extrapolated.
        double perEpisodeSeconds = perEpisode(db, size);
        rows.add(String.format(Locale.ROOT, "| %,d | per-episode design (a query per table per episode), %,d-episode sample x %,d | %.1f s (extrapolated) | |"
                        + " the nightly run is %.0f x faster (backlog %.0f x) |",
                size, SAMPLE, size / SAMPLE, perEpisodeSeconds, perEpisodeSeconds / nextNight.seconds(), perEpisodeSeconds / backlog.seconds()));
        // 4. The same, each episode loaded as JPA entities (the common design proper).
        double jpaSeconds = perEpisodeJpa(db, size);
        rows.add(String.format(Locale.ROOT, "| %,d | per-episode design through JPA (EclipseLink entities and named queries), %,d-episode sample x %,d | %.1f s (extrapolated) | |"
                        + " the nightly run is %.0f x faster (backlog %.0f x) |",
                size, SAMPLE, size / SAMPLE, jpaSeconds, jpaSeconds / nextNight.seconds(), jpaSeconds / backlog.seconds()));
        System.out.printf("floor %.1f s, per-episode %.1f s, through JPA %.1f s (extrapolated)%n", floorSeconds, perEpisodeSeconds, jpaSeconds);
        followUp(db, size, server);
    }

    /**
     * The follow-up invitation job in the server ({@code POST /api/v1/follow-up/invitations}): every
     * generated patient gets an account with a confirmed address (set-based, once), then the job runs
     * as of today (the invitations due), today again (nothing new), and today once more after the
     * invitations' e-mails are dated back by the reminder spacing (the reminders due). The server
     * sends no mail here (the outbox is written, not sent): the job's work is the invitations, links
     * and outbox rows.
     */
    private void followUp(DataSource db, int size, Process server) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            long started = System.nanoTime();
            int accounts = s.executeUpdate("WITH made AS (INSERT INTO user_account (username, password_hash, role, display_name,"
                    + " email_confirmed_at, created_by, updated_by) SELECT 'patient-' || p.id || '@bench.test', 'not-a-hash', 'PATIENT',"
                    + " p.given_name || ' ' || p.family_name, now(), 'generator', 'generator' FROM patient p WHERE p.account_id IS NULL"
                    + " RETURNING id, username)"
                    + " UPDATE patient p SET account_id = made.id, email = made.username FROM made"
                    + " WHERE p.id = substring(made.username FROM 'patient-([0-9]+)@')::bigint");
            s.execute("TRUNCATE follow_up_link, follow_up_invitation CASCADE");
            s.execute("VACUUM ANALYZE");
            System.out.printf("follow-up: %,d patient accounts made in %.1f s%n", accounts, (System.nanoTime() - started) / 1e9);
        }
        for (String run : List.of("follow-up invitations as of today (the day's invitations)",
                "follow-up invitations as of today again (nothing new)",
                "follow-up reminders: the same, the invitations' e-mails aged by the 2-day spacing")) {
            if (run.startsWith("follow-up reminders")) {
                try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                    s.execute("UPDATE follow_up_invitation SET invited_on = invited_on - 2, last_sent_on = last_sent_on - 2");
                }
            }
            long started = System.nanoTime();
            String answer = post("/api/v1/follow-up/invitations", "{}");
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("%s: %.1f s, %s%n", run, seconds, answer);
            rows.add(String.format(Locale.ROOT, "| %,d | %s | %.1f s | RSS %,d MB | %s |", size, run, seconds, peakRssKb(server) / 1024,
                    answer.replace("|", "/")));
        }
    }

    /**
     * The web load on the largest database: Gatling, in its own JVM, saturation (64 connections, no
     * think time) then a fixed arrival rate (200 requests/s), 60 s each, with the server's peak
     * resident memory over both (the kernel's high-water mark is reset first) and the CPU time per
     * request in each of the server (the JIT compilers' share apart) and of PostgreSQL.
     * <p>
     * First a warm-up, not counted: the arrival rate rising from 20 to 200 requests/s over
     * {@code -Dbench.warmupSeconds} (180 by default), then 30 s at the fixed rate. On two cores the
     * JIT needs spare CPU to compile Payara's request path: warmed up at saturation (as in earlier
     * rounds), its one C2 compiler thread shared the cores with 48 runnable request threads, the
     * compile queue grew past a hundred methods, and the request path ran as profiled C1 code
     * through the measured saturation run (-XX:+PrintCompilation showed it reaching C2 only during
     * the fixed-rate run, whose CPU then went a third to the compilers). Under the rising rate the
     * queue empties within about 80 s and stays empty, so the figures are those of a server that has
     * served a clinic for a while, not of one still compiling. The table shows what the compilers
     * still took during each run.
     */
    private void webLoad(DataSource db, int size, Process server, long postmaster) throws Exception {
        Path patients = benchPatients(db);
        long seconds = Long.getLong("bench.webSeconds", 60);
        String warmup = System.getProperty("bench.warmupSeconds", "180");
        LoadCpu warming = LoadCpu.of(server, postmaster);
        gatling("warmup", Map.of("bench.model", "ramp", "bench.rate", String.valueOf(FIXED_RATE), "bench.seconds", warmup), patients);
        // The open model opens and reuses connections differently: its own path to compile.
        gatling("warmup-rate", Map.of("bench.model", "rate", "bench.rate", String.valueOf(FIXED_RATE), "bench.seconds", "30"), patients);
        System.out.printf("warm-up: %s s rising to %d requests/s and 30 s at %d requests/s, JIT compilers %.1f s of CPU%n", warmup, FIXED_RATE, FIXED_RATE,
                warming.since().compilerSeconds());
        Files.writeString(Path.of("/proc", String.valueOf(server.pid()), "clear_refs"), "5");
        for (Map.Entry<String, Map<String, String>> run : List.of(
                Map.entry("saturation", Map.of("bench.model", "saturation", "bench.connections", "64", "bench.seconds", String.valueOf(seconds))),
                Map.entry("rate", Map.of("bench.model", "rate", "bench.rate", String.valueOf(FIXED_RATE), "bench.seconds", String.valueOf(seconds))))) {
            LoadCpu before = LoadCpu.of(server, postmaster);
            Path report = gatling(run.getKey(), run.getValue(), patients);
            LoadCpu.Used used = before.since();
            String label = run.getKey().equals("saturation") ? "saturation, 64 connections, " + seconds + " s" : "fixed rate " + FIXED_RATE + " requests/s, " + seconds + " s";
            long requests = 0;
            for (GatlingStats.Row row : GatlingStats.read(report, out.resolve("gatling-" + run.getKey() + ".log"))) {
                webRows.add(String.format(Locale.ROOT, "| %,d | %s | %s | %,d | %.0f | %d | %d | %d | %,d |", size, label, row.name(), row.requests(),
                        row.perSecond(), row.p50(), row.p95(), row.p99(), row.errors()));
                if (row.name().equals(GatlingStats.ALL)) {
                    requests = row.requests();
                }
            }
            double perRequest = 1000.0 / Math.max(1, requests);
            webRows.add(String.format(Locale.ROOT, "| %,d | %s | CPU per request (all requests) | server %.1f ms | | | | | | JIT compilers %.1f ms of the server's; PostgreSQL %.1f ms |",
                    size, label, used.serverSeconds() * perRequest, used.compilerSeconds() * perRequest, used.databaseSeconds() * perRequest));
        }
        long peak = peakRssKb(server);
        webRows.add(String.format(Locale.ROOT, "| %,d | server peak RSS over both runs | %,d MB | | | | | | |", size, peak / 1024));
        System.out.printf("web load: server peak RSS %,d MB%n", peak / 1024);
    }

    /**
     * CPU time from {@code /proc}, in clock ticks of 1/100 s (Linux's USER_HZ): the server JVM's, its
     * JIT compiler threads' ({@code C1/C2 CompilerThread}) apart, and PostgreSQL's: the postmaster's
     * own, its exited backends' (counted into the postmaster when reaped) and its live backends'.
     */
    private record LoadCpu(Process server, long postmaster, long serverTicks, long compilerTicks, long databaseTicks) {

        static LoadCpu of(Process server, long postmaster) throws IOException {
            long compiler = 0;
            try (var tasks = Files.list(Path.of("/proc", String.valueOf(server.pid()), "task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        if (Files.readString(task.resolve("comm")).matches("(?s)C[12] CompilerThre.*")) {
                            compiler += fields(Files.readString(task.resolve("stat")), 2);
                        }
                    } catch (IOException ended) {
                        // A thread that ended while we looked: its time is in the process total.
                    }
                }
            }
            long database = fields(stat(postmaster), 4);
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String stat = Files.readString(process.resolve("stat"));
                        if (parentOf(stat) == postmaster) {
                            database += fields(stat, 2);
                        }
                    } catch (IOException ended) {
                        // A backend that ended while we looked: the postmaster counts it once reaped.
                    }
                }
            }
            return new LoadCpu(server, postmaster, fields(stat(server.pid()), 2), compiler, database);
        }

        private static String stat(long pid) throws IOException {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        }

        /** The fields after the command name (which may hold spaces): state is 0, the parent 1, utime 11, stime 12, cutime 13, cstime 14. */
        private static String[] after(String stat) {
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        }

        private static long parentOf(String stat) {
            return Long.parseLong(after(stat)[1]);
        }

        /** utime + stime, and with {@code count} 4 also the reaped children's cutime + cstime. */
        private static long fields(String stat, int count) {
            String[] f = after(stat);
            long sum = 0;
            for (int i = 0; i < count; i++) {
                sum += Long.parseLong(f[11 + i]);
            }
            return sum;
        }

        Used since() throws IOException {
            LoadCpu now = of(server, postmaster);
            return new Used((now.serverTicks - serverTicks) / 100.0, (now.compilerTicks - compilerTicks) / 100.0,
                    (now.databaseTicks - databaseTicks) / 100.0);
        }

        record Used(double serverSeconds, double compilerSeconds, double databaseSeconds) {
        }
    }

    /** Runs the simulation with the given settings and answers its report folder. */
    private Path gatling(String name, Map<String, String> settings, Path patients) throws IOException, InterruptedException {
        Path results = out.resolve("gatling").resolve(name);
        deleteRecursively(results);
        Files.createDirectories(results);
        String classpath = home.resolve("target/test-classes") + ":" + home.resolve("target/classes") + ":"
                + Files.readString(out.resolve("classpath.txt")).strip();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Dlogback.configurationFile=" + home.resolve("src/bench/resources/logback-gatling.xml"),
                "-cp", classpath, "-Dbench.baseUrl=http://localhost:" + HTTP_PORT, "-Dbench.physicianPassword=" + PHYSICIAN_PASSWORD,
                "-Dbench.patients=" + patients, "-Dbench.deepPage=" + System.getProperty("bench.deepPage", "500")));
        settings.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("io.gatling.app.Gatling", "-s", "org.spinepathway.bench.ClinicLoadSimulation", "-rf", results.toString(),
                "-rd", name));
        System.out.println("gatling " + name + " " + settings);
        Process gatling = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.resolve("gatling-" + name + ".log").toFile()).start();
        gatling.waitFor();
        try (var reports = Files.list(results)) {
            return reports.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Gatling wrote no report; see target/bench/gatling-" + name + ".log"));
        }
    }

    /**
     * Patients with an account whose new episode waits for its intake: the load's intake submitters,
     * 100 by default, each submitting again and again (every later submission is a new version).
     * Their accounts share one password hash, copied from a bench physiotherapist's (made through the
     * API), so they sign in with that password. Few accounts, because the first API call of each
     * costs a PBKDF2 verification (210,000 iterations, on purpose); the warm-up makes those.
     */
    private static Path benchPatients(DataSource db) throws SQLException, IOException {
        int count = Integer.getInteger("bench.patients", 100);
        StringBuilder csv = new StringBuilder("username,password,episodeId\n");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO user_account (username, password_hash, role, display_name, created_by, updated_by)"
                    + " SELECT 'bench.patient' || g, (SELECT password_hash FROM user_account WHERE username = 'bench.physio0'), 'PATIENT',"
                    + " 'Bench patient ' || g, 'bench', 'bench' FROM generate_series(1, " + count + ") AS g ON CONFLICT DO NOTHING");
            s.execute("INSERT INTO patient (mrn, given_name, family_name, birth_date, sex, account_id, created_by, updated_by)"
                    + " SELECT 'SP' || nextval('patient_mrn_seq'), 'Bench', 'Patient ' || u.id, DATE '1970-01-01', 'FEMALE', u.id, 'bench', 'bench'"
                    + " FROM user_account u WHERE u.role = 'PATIENT' AND u.username LIKE 'bench.patient%'"
                    + " AND NOT EXISTS (SELECT 1 FROM patient p WHERE p.account_id = u.id)");
            s.execute("INSERT INTO episode_of_care (patient_id, region, side, state, opened_on, created_by, updated_by)"
                    + " SELECT p.id, 'LUMBAR', 'LEFT', 'INTAKE', current_date, 'bench', 'bench' FROM patient p JOIN user_account u ON u.id = p.account_id"
                    + " WHERE u.username LIKE 'bench.patient%' AND NOT EXISTS (SELECT 1 FROM episode_of_care e WHERE e.patient_id = p.id)");
            try (ResultSet rs = s.executeQuery("SELECT u.username, e.id FROM user_account u JOIN patient p ON p.account_id = u.id"
                    + " JOIN episode_of_care e ON e.patient_id = p.id WHERE u.username LIKE 'bench.patient%' ORDER BY e.id")) {
                while (rs.next()) {
                    csv.append(rs.getString(1)).append(',').append(PHYSIO_PASSWORD).append(',').append(rs.getLong(2)).append('\n');
                }
            }
        }
        Path file = Path.of(System.getProperty("spinepathway.home", ".")).toAbsolutePath().resolve("target/bench/patients.csv");
        Files.writeString(file, csv);
        return file;
    }

    private static long floor(DataSource db) throws SQLException {
        long rows = 0;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            for (String sql : List.of(
                    "SELECT e.id, e.state, tp.start_date, COALESCE(e.baseline_nrs, i.pain_now), COALESCE(e.baseline_disability, i.disability_score),"
                            + " i.red_flags, i.submitted_at FROM episode_of_care e LEFT JOIN treatment_plan tp ON tp.episode_id = e.id"
                            + " LEFT JOIN intake i ON i.episode_id = e.id AND i.status = 'SUBMITTED' AND i.voided_at IS NULL"
                            + " WHERE e.voided_at IS NULL AND e.state IN ('INTAKE', 'CONSERVATIVE_CARE', 'UNDER_REVIEW')",
                    "SELECT episode_id, id, assessed_on, recorded_at, nrs, disability_score, red_flags FROM assessment WHERE voided_at IS NULL",
                    "SELECT a.episode_id, a.id, a.assessed_on, m.myotome, m.side, m.grade FROM assessment a JOIN motor_grade m ON m.assessment_id = a.id"
                            + " WHERE a.voided_at IS NULL AND a.source = 'CLINICIAN'",
                    "SELECT tp.episode_id, i.given_on FROM intervention i JOIN treatment_plan tp ON tp.id = i.plan_id"
                            + " WHERE i.type = 'INJECTION' AND i.voided_at IS NULL AND i.given_on IS NOT NULL",
                    "SELECT episode_id, rule, status, decided_at, recheck_on FROM escalation_flag")) {
                try (Statement s = c.createStatement()) {
                    s.setFetchSize(10_000);
                    try (ResultSet rs = s.executeQuery(sql)) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= columns; i++) {
                                rs.getObject(i);
                            }
                            rows++;
                        }
                    }
                }
            }
            c.commit();
        }
        return rows;
    }

    /** The same rules, one episode at a time: one query per table per episode (the reader with batches of one). */
    private static double perEpisode(DataSource db, int size) throws SQLException {
        EpisodeEvaluation evaluation = new EpisodeEvaluation(PackagedSettings.thresholds());
        List<Long> sample = sample(db);
        try (Connection c = db.getConnection()) {
            EpisodeFactsReader reader = new EpisodeFactsReader(c);
            long started = System.nanoTime();
            AtomicLong findings = new AtomicLong();
            for (long id : sample) {
                for (EpisodeFacts facts : reader.read(List.of(id), LocalDate.now())) {
                    findings.addAndGet(evaluation.evaluate(facts, LocalDate.now()).size());
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return seconds * size / sample.size();
        }
    }

    private record Timed(double seconds, String answer) {
    }

    /** Runs the evaluation in the server through the API and times it. */
    private Timed evaluate(String body) throws IOException, InterruptedException {
        long started = System.nanoTime();
        String answer = post("/api/v1/escalation/evaluations", body);
        return new Timed((System.nanoTime() - started) / 1e9, answer);
    }

    /** The per-episode design through JPA on the same sample; the first 100 episodes warm the persistence unit up, untimed. */
    private double perEpisodeJpa(DataSource db, int size) throws SQLException {
        List<Long> sample = sample(db);
        try (PerEpisodeJpa jpa = new PerEpisodeJpa(jdbcUrl, "postgres", "postgres")) {
            jpa.evaluate(sample.subList(0, Math.min(100, sample.size())), LocalDate.now());
            long started = System.nanoTime();
            jpa.evaluate(sample, LocalDate.now());
            return (System.nanoTime() - started) / 1e9 * size / sample.size();
        }
    }

    private static List<Long> sample(DataSource db) throws SQLException {
        List<Long> sample = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT id FROM episode_of_care WHERE state IN ('INTAKE', 'CONSERVATIVE_CARE', 'UNDER_REVIEW') ORDER BY id LIMIT ?")) {
            q.setInt(1, SAMPLE);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    sample.add(rs.getLong(1));
                }
            }
        }
        return sample;
    }

    private Process startServer(int databasePort) throws IOException {
        Path tmp = home.resolve("target/tmp");
        Files.createDirectories(tmp);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp));
        command.addAll(SERVER_JVM);
        // -Dbench.serverOptions="-XX:StartFlightRecording=..." : more JVM options for the server, to profile it.
        String more = System.getProperty("bench.serverOptions", "").strip();
        if (!more.isEmpty()) {
            command.addAll(List.of(more.split("\\s+")));
        }
        command.addAll(List.of("-jar", System.getProperty("payara.microJar"), "--deploy", System.getProperty("spinepathway.war"), "--contextroot", "/",
                "--port", String.valueOf(HTTP_PORT), "--nocluster", "--maxHttpThreads", SERVER_HTTP_THREADS));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.resolve("server.log").toFile());
        // Fewer glibc malloc arenas: with a hundred server threads the default (8 per core) bloats resident memory.
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().put("CLINIC_DB_URL", "jdbc:postgresql://localhost:" + databasePort + "/bench");
        builder.environment().put("CLINIC_DB_USER", "postgres");
        builder.environment().put("CLINIC_DB_PASSWORD", "postgres");
        builder.environment().put("CLINIC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("CLINIC_ESCALATION_SCHEDULE", "off");
        builder.environment().put("CLINIC_FOLLOW_UP_SCHEDULE", "off");
        // The follow-up benchmark writes the outbox; nothing is sent (there is no mail server here).
        builder.environment().put("CLINIC_MAIL_ENABLED", "false");
        // The benchmarks' clients call the API with HTTP Basic as the administrator, physicians and
        // physiotherapists: no account needs a second factor here.
        builder.environment().put("CLINIC_SECURITY_MFA_ROLES", "none");
        // The web load's 101 accounts are verified (PBKDF2) in its warm-up; remembered for the default
        // 5 minutes they would all be verified again at once near the end of the measured runs.
        builder.environment().put("CLINIC_SECURITY_API_CREDENTIAL_MEMORY_SECONDS", "900");
        builder.environment().put("CLINIC_CONFIG_FILE", home.resolve("config/local.properties").toString());
        return builder.start();
    }

    private void awaitReady(Process server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (server.isAlive() && System.nanoTime() < deadline) {
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server did not become ready; see target/bench/server.log");
    }

    private String post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT + path)).timeout(Duration.ofHours(2))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        // A new client per call: after a call of minutes a pooled keep-alive connection may be closed under us, and a POST
        // must not be sent twice.
        HttpResponse<String> answer = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300 && answer.statusCode() != 409) {
            throw new IOException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    /** The process's peak resident set so far (VmHWM), in kB; the server is the java child of the builder. */
    private static long peakRssKb(Process process) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static String machine(DataSource db) throws SQLException, IOException {
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal")).findFirst().orElse("?")
                .replaceAll("\\s+", " ");
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst().orElse("?")
                .replaceAll(".*:\\s*", "");
        String pg;
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            pg = rs.getString(1);
        }
        return "Machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpu + "), " + memory + "; JDK "
                + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "); PostgreSQL " + pg + " (embedded)";
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

}
