package org.spinepathway.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.spinepathway.launcher.ClinicDataGenerator;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.PayaraInstance;
import org.spinepathway.testing.WebSession;

/**
 * Ten minutes (system property {@code soak.minutes}) of 32 people using the clinic at once: 16
 * patients filling intakes page by page, 8 physiotherapists reading their queue, caseload and
 * charts, 8 physicians reading the worklist and flags. The server runs in its own JVM with a
 * 512 MB heap, watched from outside: every error is counted (there must be none), the heap after
 * a full collection and the RSS are sampled every 30 seconds (they must not grow after warm-up),
 * and at the end no database connection is left working or in a transaction.
 * <p>
 * Not part of {@code ./mvnw verify}: run it with {@code ./mvnw verify -Presilience}.
 */
class LoadSoakIT {

    private static final String PASSWORD = "Soak-pass-2026";
    private static final int PATIENTS = 16;
    private static final int PHYSIOS = 8;
    private static final int PHYSICIANS = 8;
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(30);
    private static final Duration WARM_UP = Duration.ofMinutes(2);

    @Test
    void thirtyTwoPeopleForTenMinutes_shouldSeeNoError_andLeaveMemoryAndConnectionsWhereTheyWere() throws Exception {
        Duration soak = Duration.ofMinutes(Long.getLong("soak.minutes", 10));
        String database = EmbeddedDatabase.get().createDatabase("soak");
        Path directory = Path.of("target", "soak");
        Path war = PayaraInstance.export(ClinicDeployment.onDatabase(database), directory);
        try (PayaraInstance server = PayaraInstance.start("soak", war, directory,
                List.of("-Xmx512m", "-Xss512k", "-XX:ReservedCodeCacheSize=96m"), List.of("--nohazelcast"))) {
            server.awaitReady(Duration.ofMinutes(3));
            URL base = server.url();
            String run = UUID.randomUUID().toString().substring(0, 8);
            String physio = "physio-" + run;
            String physician = "doctor-" + run;
            Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Soak Physio");
            Clinic.createStaff(base, physician, PASSWORD, "PHYSICIAN", "Soak Physician");
            // A clinic with history: 2,000 generated episodes, their flags raised by the rules.
            try (Connection c = EmbeddedDatabase.get().dataSource(database).getConnection()) {
                ClinicDataGenerator.generate(c, 2000, 11L, LocalDate.now(), ClinicDataGenerator.staff(c, "PHYSIO"), ClinicDataGenerator.staff(c, "PHYSICIAN"));
            }
            assertEquals(200, new WebSession(base).api("POST", "api/v1/escalation/evaluations", "{}", ClinicDeployment.ADMIN_USERNAME,
                    ClinicDeployment.ADMIN_PASSWORD).statusCode());
            List<Long> episodes = ids(database, "SELECT id FROM episode_of_care ORDER BY id DESC LIMIT 500");
            List<Long> flags = ids(database, "SELECT id FROM escalation_flag WHERE status = 'OPEN' ORDER BY id LIMIT 500");
            List<String> patients = new ArrayList<>();
            for (int i = 0; i < PATIENTS; i++) {
                patients.add("soak" + i + "-" + run + "@example.org");
                Clinic.registerPatient(base, patients.get(i), PASSWORD, "Soak", "Patient" + i, "1980-01-01", "FEMALE");
            }

            Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
            Queue<String> errors = new ConcurrentLinkedQueue<>();
            AtomicBoolean going = new AtomicBoolean(true);
            ExecutorService people = Executors.newFixedThreadPool(PATIENTS + PHYSIOS + PHYSICIANS);
            for (String email : patients) {
                people.submit(() -> patientFillingIntakes(base, email, going, requests, errors));
            }
            for (int i = 0; i < PHYSIOS; i++) {
                people.submit(() -> staffReading(base, physio, going, requests, errors, List.of(() -> "physio/intakes.xhtml", () -> "physio/caseload.xhtml",
                        () -> "physio/progress.xhtml?episode=" + pick(episodes), () -> "api/v1/episodes/" + pick(episodes))));
            }
            for (int i = 0; i < PHYSICIANS; i++) {
                people.submit(() -> staffReading(base, physician, going, requests, errors, List.of(() -> "physician/worklist.xhtml",
                        () -> "physician/flag.xhtml?id=" + pick(flags), () -> "api/v1/worklist?page=" + ThreadLocalRandom.current().nextInt(1, 20),
                        () -> "api/v1/episodes/" + pick(episodes) + "/flags")));
            }

            List<long[]> samples = new ArrayList<>();   // seconds, live heap MB, RSS MB, requests so far
            long started = System.nanoTime();
            long end = started + soak.toNanos();
            while (System.nanoTime() < end) {
                Thread.sleep(Math.min(SAMPLE_EVERY.toMillis(), Math.max(1, (end - System.nanoTime()) / 1_000_000)));
                samples.add(new long[] {Duration.ofNanos(System.nanoTime() - started).toSeconds(), server.liveHeapMegabytes(), server.rssMegabytes(),
                        requests.values().stream().mapToLong(AtomicLong::get).sum()});
                long[] last = samples.get(samples.size() - 1);
                System.out.printf("[soak] %4d s  live heap %4d MB  RSS %4d MB  requests %7d  errors %d%n", last[0], last[1], last[2], last[3], errors.size());
            }
            going.set(false);
            people.shutdown();
            assertTrue(people.awaitTermination(2, TimeUnit.MINUTES));
            Thread.sleep(5000);
            Map<String, Long> connections = connections(database);

            long total = requests.values().stream().mapToLong(AtomicLong::get).sum();
            long[] afterWarmUp = samples.stream().filter(s -> s[0] >= WARM_UP.toSeconds()).findFirst().orElse(samples.get(0));
            long[] last = samples.get(samples.size() - 1);
            long heapPeak = samples.stream().filter(s -> s[0] >= WARM_UP.toSeconds()).mapToLong(s -> s[1]).max().orElse(last[1]);
            long rssPeak = samples.stream().mapToLong(s -> s[2]).max().orElse(last[2]);
            System.out.printf("[soak] %d min, %d people: %d requests (%.1f/s) %s; errors %d %s%n", soak.toMinutes(), PATIENTS + PHYSIOS + PHYSICIANS, total,
                    total / (double) Math.max(1, last[0]), new TreeMap<>(requests), errors.size(), errors.stream().limit(5).toList());
            System.out.printf("[soak] live heap after warm-up %d MB -> end %d MB (peak %d); RSS after warm-up %d MB -> end %d MB (peak %d);"
                    + " database connections at the end by state %s%n", afterWarmUp[1], last[1], heapPeak, afterWarmUp[2], last[2], rssPeak, connections);
            assertTrue(errors.isEmpty(), errors.size() + " errors, first: " + errors.stream().limit(10).toList());
            assertTrue(last[1] <= afterWarmUp[1] * 1.25 + 32, "live heap flat after warm-up: " + afterWarmUp[1] + " -> " + last[1] + " MB");
            assertTrue(last[2] <= afterWarmUp[2] * 1.15 + 48, "RSS flat after warm-up: " + afterWarmUp[2] + " -> " + last[2] + " MB");
            assertEquals(0L, connections.getOrDefault("active", 0L) + connections.getOrDefault("idle in transaction", 0L),
                    "every connection back in the pool, idle: " + connections);
        }
    }

    /** A patient starting an intake, answering step after step, submitting, and looking at their home page; again and again. */
    private static void patientFillingIntakes(URL base, String email, AtomicBoolean going, Map<String, AtomicLong> requests, Queue<String> errors) {
        WebSession patient = new WebSession(base);
        count(requests, "sign in", expect(patient.signIn(email, PASSWORD), 302, "sign in", errors));
        while (going.get()) {
            try {
                HttpResponse<String> started = patient.submit("patient/intake.xhtml", "intake",
                        Map.of("mainArea", "LOWER_BACK", "side", "LEFT", "painNow", "6", "painWorst", "8"), "next");
                count(requests, "intake page", 2);
                if (expect(started, 302, "intake step 1", errors) == 0) {
                    continue;
                }
                long episode = Long.parseLong(started.headers().firstValue("Location").orElseThrow().replaceAll(".*episode=(\\d+).*", "$1"));
                for (int step = 2; step <= 6 && going.get(); step++) {
                    Map<String, String> answers = new HashMap<>();
                    if (step == 3) {
                        for (int i = 0; i < 10; i++) {
                            answers.put("redFlags:" + i + ":answer", "false");
                        }
                    }
                    think();
                    count(requests, "intake page", 2);
                    expect(patient.submit("patient/intake.xhtml?episode=" + episode + "&step=" + step, "intake", answers, "next"), 302, "intake step " + step, errors);
                }
                if (!going.get()) {
                    break;   // the soak ended part-way through this intake: it stays a draft, as a real one would
                }
                think();
                count(requests, "intake page", 2);
                expect(patient.submit("patient/intake.xhtml?episode=" + episode + "&step=7", "intake", Map.of(), "submit"), 302, "intake submit", errors);
                think();
                count(requests, "patient home", expect(patient.get("patient/home.xhtml"), 200, "patient home", errors));
            } catch (RuntimeException e) {
                errors.add("patient: " + e);
            }
        }
    }

    private static void staffReading(URL base, String username, AtomicBoolean going, Map<String, AtomicLong> requests, Queue<String> errors,
                                     List<Supplier<String>> paths) {
        WebSession staff = new WebSession(base);
        count(requests, "sign in", expect(staff.signIn(username, PASSWORD), 302, "sign in", errors));
        while (going.get()) {
            for (Supplier<String> next : paths) {
                String path = next.get();
                try {
                    HttpResponse<String> answer = path.startsWith("api/") ? staff.api("GET", path, null, username, PASSWORD) : staff.get(path);
                    count(requests, path.replaceAll("[?\\d].*", ""), expect(answer, 200, path, errors));
                } catch (RuntimeException e) {
                    errors.add(path + ": " + e);
                }
                think();
            }
        }
    }

    private static int expect(HttpResponse<String> answer, int status, String what, Queue<String> errors) {
        if (answer.statusCode() != status || answer.body().contains("Something went wrong")) {
            errors.add(what + " -> " + answer.statusCode() + " " + answer.body().substring(0, Math.min(200, answer.body().length())));
            return 0;
        }
        return 1;
    }

    private static void count(Map<String, AtomicLong> requests, String what, int n) {
        requests.computeIfAbsent(what, k -> new AtomicLong()).addAndGet(n);
    }

    /** A person reads before clicking: 100 to 400 ms. */
    private static void think() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(100, 400));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long pick(List<Long> ids) {
        return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
    }

    private static List<Long> ids(String database, String sql) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (Connection c = EmbeddedDatabase.get().dataSource(database).getConnection(); Statement q = c.createStatement(); ResultSet rs = q.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    /** The server's connections to its database by state, leaving out this query's own. */
    private static Map<String, Long> connections(String database) throws Exception {
        Map<String, Long> byState = new TreeMap<>();
        String name = database.substring(database.lastIndexOf('/') + 1);
        try (Connection c = EmbeddedDatabase.get().dataSource(database).getConnection(); Statement q = c.createStatement();
             ResultSet rs = q.executeQuery("SELECT coalesce(state, '?'), count(*) FROM pg_stat_activity WHERE datname = '" + name
                     + "' AND pid <> pg_backend_pid() GROUP BY 1")) {
            while (rs.next()) {
                byState.put(rs.getString(1), rs.getLong(2));
            }
        }
        return byState;
    }
}
