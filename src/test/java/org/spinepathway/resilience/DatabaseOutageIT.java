package org.spinepathway.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.Http;
import org.spinepathway.testing.WebSession;

/**
 * PostgreSQL stopped for 20 seconds while intakes keep arriving through the API, and started
 * again. During the outage the API answers 503 (never 500), pages say the system is temporarily
 * unavailable and keep what the patient typed, readiness is down; afterwards the same server
 * serves again without a restart, every acknowledged intake is in the database, and the patient's
 * draft is as they left it.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseOutageIT {

    private static final String PASSWORD = "Outage-pass-2026";
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final int EPISODES = 150;
    private static final int SUBMITTERS = 3;
    private static String databaseUrl;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        databaseUrl = EmbeddedDatabase.get().createDatabase("outage");
        return ClinicDeployment.onDatabase(databaseUrl);
    }

    @Test
    void aTwentySecondOutageUnderIntakeLoad_shouldLoseNothingAcknowledged_andRecoverWithoutARestart() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String physio = "physio-" + run;
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Olive Outage");
        WebSession staffApi = new WebSession(base);
        Queue<Long> waitingForIntake = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < EPISODES; i++) {
            waitingForIntake.add(Clinic.patientWithEpisode(base, physio, PASSWORD, "load" + i + "-" + run + "@example.org"));
        }

        // A patient half-way through the intake on the web: step 1 saved, the page open again to change it.
        String email = "draft-" + run + "@example.org";
        Clinic.registerPatient(base, email, PASSWORD, "Dora", "Draft", "1980-05-05", "FEMALE");
        WebSession patient = new WebSession(base);
        assertEquals(302, patient.signIn(email, PASSWORD).statusCode());
        HttpResponse<String> started = patient.submit("patient/intake.xhtml", "intake",
                Map.of("mainArea", "LOWER_BACK", "side", "LEFT", "painNow", "5", "painWorst", "7"), "next");
        assertEquals(302, started.statusCode(), started.body());
        long draftEpisode = Long.parseLong(started.headers().firstValue("Location").orElseThrow().replaceAll(".*episode=(\\d+).*", "$1"));
        WebSession.PreparedForm stepOne = patient.prepare("patient/intake.xhtml?episode=" + draftEpisode + "&step=1", "intake");
        Map<String, String> changedAnswers = Map.of("mainArea", "LOWER_BACK", "side", "LEFT", "painNow", "6", "painWorst", "8");

        // Light load: three clients submitting intakes one after another, with a short pause.
        Map<Long, Integer> answers = new ConcurrentHashMap<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicBoolean recovered = new AtomicBoolean(false);
        AtomicInteger acknowledgedAfterRecovery = new AtomicInteger();
        ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS);
        for (int t = 0; t < SUBMITTERS; t++) {
            submitters.submit(() -> {
                WebSession client = new WebSession(base);
                Long episode;
                while (loading.get() && (episode = waitingForIntake.poll()) != null) {
                    try {
                        HttpResponse<String> answer = client.api("POST", "api/v1/episodes/" + episode + "/intake",
                                "{\"painNow\":6,\"painWorst\":8,\"notes\":\"submitted under load\"}", physio, PASSWORD);
                        answers.put(episode, answer.statusCode());
                        if (answer.statusCode() == 201 && recovered.get()) {
                            acknowledgedAfterRecovery.incrementAndGet();
                        }
                        statuses.merge(answer.statusCode(), 1, Integer::sum);
                        if (answer.statusCode() == 503) {
                            if (!answer.body().contains("temporarily unavailable") || answer.headers().firstValue("Retry-After").isEmpty()) {
                                unexpected.add("503 without the message or Retry-After: " + answer.body());
                            }
                            // As a client should: wait a little, then send the same intake again.
                            waitingForIntake.add(episode);
                            pause(1000);
                        } else if (answer.statusCode() != 201 && answer.statusCode() != 503) {
                            unexpected.add(answer.statusCode() + ": " + answer.body());
                        }
                    } catch (RuntimeException e) {
                        unexpected.add("no answer: " + e);
                    }
                    pause(150);
                }
            });
        }

        EmbeddedDatabase postgres = EmbeddedDatabase.get();
        pause(3000);
        long stoppedAt = System.nanoTime();
        HttpResponse<String> formDuringOutage;
        HttpResponse<String> pageDuringOutage;
        HttpResponse<String> apiReadDuringOutage;
        HttpResponse<String> signInDuringOutage;
        try {
            postgres.stop();
            HttpResponse<String> notReady = Http.awaitGet(base, "/health/ready", r -> r.statusCode() == 503, Duration.ofSeconds(15));
            assertEquals(503, notReady.statusCode(), "readiness follows the database: " + notReady.body());

            formDuringOutage = stepOne.post(changedAnswers, "next");
            pageDuringOutage = patient.get("patient/home.xhtml");
            apiReadDuringOutage = staffApi.api("GET", "api/v1/episodes/" + draftEpisode, null, physio, PASSWORD);
            signInDuringOutage = new WebSession(base).signIn(physio, PASSWORD);

            pause(Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis()));
        } finally {
            postgres.start();
        }
        HttpResponse<String> ready = Http.awaitGet(base, "/health/ready", r -> r.statusCode() == 200, Duration.ofSeconds(60));
        assertEquals(200, ready.statusCode(), "the same server recovers: " + ready.body());
        long recoveredAfterMs = Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis();
        recovered.set(true);
        // Some more submissions after the database is back, then the load ends.
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until && acknowledgedAfterRecovery.get() < 10 && !waitingForIntake.isEmpty()) {
            pause(200);
        }
        loading.set(false);
        submitters.shutdown();
        assertTrue(submitters.awaitTermination(60, TimeUnit.SECONDS));

        // What the patient saw: their own answers, on their page, with the reason; the API and other pages: 503.
        assertEquals(503, formDuringOutage.statusCode(), formDuringOutage.body());
        assertTrue(formDuringOutage.body().contains("temporarily unavailable"), formDuringOutage.body());
        assertTrue(formDuringOutage.body().contains("Your answers are kept on this page"), formDuringOutage.body());
        assertTrue(Http.isChosen(formDuringOutage.body(), "intake:painNow", "6") && Http.isChosen(formDuringOutage.body(), "intake:painWorst", "8"),
                "what was typed is still in the form");
        assertEquals(503, pageDuringOutage.statusCode(), pageDuringOutage.body());
        assertTrue(pageDuringOutage.body().contains("Your answers are kept"), pageDuringOutage.body());
        assertTrue(!Http.showsStackTrace(pageDuringOutage.body()), "no stack trace: " + pageDuringOutage.body());
        assertEquals(503, apiReadDuringOutage.statusCode(), apiReadDuringOutage.body());
        assertTrue(apiReadDuringOutage.body().startsWith("{\"errors\":["), apiReadDuringOutage.body());
        assertTrue(apiReadDuringOutage.headers().firstValue("Retry-After").isPresent());
        assertEquals(200, signInDuringOutage.statusCode(), signInDuringOutage.body());
        assertTrue(signInDuringOutage.body().contains("cannot sign you in just now"), signInDuringOutage.body());

        // The draft is as it was saved before the outage, and the same page saves it once the database is back.
        assertTrue(Clinic.text(databaseUrl, "SELECT answers FROM intake WHERE episode_id = ? AND status = 'DRAFT'", draftEpisode)
                .contains("\"painNow\":5"), "the saved draft is intact");
        HttpResponse<String> savedAfter = stepOne.post(changedAnswers, "next");
        assertEquals(302, savedAfter.statusCode(), savedAfter.body());
        assertTrue(Clinic.text(databaseUrl, "SELECT answers FROM intake WHERE episode_id = ? AND status = 'DRAFT'", draftEpisode)
                .contains("\"painNow\":6"), "the answers kept on the page are saved after the outage");

        // Every acknowledged submission is stored, once; nothing answered 500.
        List<Long> acknowledged = new ArrayList<>();
        List<Long> refused = new ArrayList<>();
        answers.forEach((episode, status) -> (status == 201 ? acknowledged : refused).add(episode));
        long found = 0;
        long storedDespiteRefusal = 0;
        for (long episode : acknowledged) {
            found += Clinic.number(databaseUrl, "SELECT count(*) FROM intake WHERE episode_id = ? AND status = 'SUBMITTED'", episode);
        }
        for (long episode : refused) {
            storedDespiteRefusal += Clinic.number(databaseUrl, "SELECT count(*) FROM intake WHERE episode_id = ?", episode);
        }
        System.out.printf("[outage] database down %d s; ready again %.1f s after the stop; answers %s; acknowledged %d (%d after"
                        + " recovery), found %d; refused with 503 %d, of them stored anyway %d; unexpected %s%n",
                OUTAGE.toSeconds(), recoveredAfterMs / 1000.0, new TreeMap<>(statuses), acknowledged.size(), acknowledgedAfterRecovery.get(),
                found, refused.size(), storedDespiteRefusal, unexpected);
        assertTrue(unexpected.isEmpty(), "only 201 or 503 with its message: " + unexpected);
        assertTrue(statuses.getOrDefault(503, 0) > 0, "the load met the outage: " + statuses);
        assertTrue(statuses.getOrDefault(201, 0) > 0, "and was served before and after it: " + statuses);
        assertEquals(acknowledged.size(), found, "every acknowledged intake is in the database");
        assertTrue(acknowledgedAfterRecovery.get() > 0, "intakes were stored again after the outage, by the same server");
    }


    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
