package org.spinepathway.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.Http;
import org.spinepathway.testing.PayaraInstance;
import org.spinepathway.testing.WebSession;

/**
 * Two Payara Micro instances of the clinic on one PostgreSQL, clustered on loopback through
 * Payara's data grid: both migrate at start-up without harm, the nightly evaluation fires on both
 * and runs once, no flag is doubled, and when the instance a patient was using stops, the other
 * one sends them to sign in again (web sessions are not shared) with their draft intact.
 * <p>
 * Not part of {@code ./mvnw verify}: it waits for a scheduled minute. Run it with
 * {@code ./mvnw verify -Presilience} (README, "Resilience").
 */
class TwoInstancesIT {

    private static final String PASSWORD = "Two-instances-pass-1";
    private static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/London");
    private static final int EPISODES = 24;

    @Test
    void twoInstancesOnOneDatabase_shouldEvaluateOncePerSchedule_andLetAPatientCarryOnAfterTheirInstanceStops() throws Exception {
        String databaseUrl = EmbeddedDatabase.get().createDatabase("two_instances");
        Path directory = Path.of("target", "two-instances");
        Path war = PayaraInstance.export(ClinicDeployment.onDatabase(databaseUrl), directory);
        // The nightly run, set to a minute both instances will have started by.
        ZonedDateTime scheduled = ZonedDateTime.now(CLINIC_ZONE).plusSeconds(210).truncatedTo(ChronoUnit.MINUTES);
        String at = scheduled.format(DateTimeFormatter.ofPattern("HH:mm"));
        int gridPort = PayaraInstance.freePort();
        List<String> jvm = List.of("-Xmx384m", "-Dclinic.escalation.schedule=" + at);
        List<String> grid = List.of("--clustername", "spine-" + UUID.randomUUID().toString().substring(0, 8), "--interfaces", "127.0.0.1",
                "--clustermode", "tcpip:127.0.0.1:" + gridPort, "--startport", String.valueOf(gridPort));

        try (PayaraInstance first = PayaraInstance.start("first", war, directory, jvm, grid);
             PayaraInstance second = PayaraInstance.start("second", war, directory, jvm, grid)) {
            // Both start at once, so both try to migrate the empty database: Flyway's lock lets one do it.
            CompletableFuture.allOf(CompletableFuture.runAsync(() -> first.awaitReady(Duration.ofMinutes(4))),
                    CompletableFuture.runAsync(() -> second.awaitReady(Duration.ofMinutes(4)))).join();
            assertTrue(ZonedDateTime.now(CLINIC_ZONE).isBefore(scheduled), "both instances started before the scheduled minute " + at);
            boolean clustered = second.log().contains("DG Size: 2") || first.log().contains("DG Size: 2");

            String run = UUID.randomUUID().toString().substring(0, 8);
            String physio = "physio-" + run;
            Clinic.createStaff(first.url(), physio, PASSWORD, "PHYSIO", "Twin Physio");
            // Episodes written through both instances: eight weeks of care without change, so the run has flags to raise.
            LocalDate today = LocalDate.now(CLINIC_ZONE);
            List<Long> episodes = new ArrayList<>();
            for (int i = 0; i < EPISODES; i++) {
                URL instance = (i % 2 == 0 ? first : second).url();
                episodes.add(episodeInCare(instance, physio, run, i, today));
            }

            // A patient part-way through an intake on the first instance.
            String email = "twin-" + run + "@example.org";
            Clinic.registerPatient(first.url(), email, PASSWORD, "Tess", "Twin", "1977-07-07", "FEMALE");
            WebSession patient = new WebSession(first.url());
            assertEquals(302, patient.signIn(email, PASSWORD).statusCode());
            HttpResponse<String> started = patient.submit("patient/intake.xhtml", "intake",
                    Map.of("mainArea", "NECK", "side", "RIGHT", "painNow", "6", "painWorst", "9"), "next");
            assertEquals(302, started.statusCode(), started.body());
            long draft = Long.parseLong(started.headers().firstValue("Location").orElseThrow().replaceAll(".*episode=(\\d+).*", "$1"));

            // The scheduled minute passes on both instances.
            long waitUntil = System.currentTimeMillis() + Duration.between(ZonedDateTime.now(CLINIC_ZONE), scheduled).toMillis() + 90_000;
            while (System.currentTimeMillis() < waitUntil && scheduledRuns(databaseUrl, "SCHEDULE") < 2) {
                Thread.sleep(1000);
            }
            long scheduleRuns = scheduledRuns(databaseUrl, "SCHEDULE");
            long completed = Clinic.number(databaseUrl, "SELECT count(*) FROM evaluation_run WHERE trigger_kind = ? AND outcome = 'COMPLETED'", "SCHEDULE");
            long notImproving = Clinic.number(databaseUrl, "SELECT count(*) FROM escalation_flag WHERE rule = ?", "NOT_IMPROVING");
            long duplicates = Clinic.number(databaseUrl, "SELECT count(*) FROM (SELECT episode_id, rule FROM escalation_flag GROUP BY episode_id, rule"
                    + " HAVING count(*) > 1) d WHERE 1 = ?", 1);
            String outcomes = Clinic.text(databaseUrl, "SELECT string_agg(outcome || coalesce(' (' || detail || ')', ''), '; ') FROM evaluation_run"
                    + " WHERE trigger_kind = ?", "SCHEDULE");

            // The first instance stops; the patient's next request reaches the second.
            first.close();
            WebSession sameBrowser = patient.on(second.url());
            HttpResponse<String> afterFailover = sameBrowser.get("patient/intake.xhtml?episode=" + draft + "&step=1");
            String sentTo = afterFailover.headers().firstValue("Location").orElse("");
            assertEquals(302, afterFailover.statusCode(), "the second instance does not know the first one's session");
            assertTrue(sentTo.contains("signed-out.xhtml?reason=inactivity") || sentTo.contains("login.xhtml"), "sent to sign in again: " + sentTo);
            assertEquals(302, sameBrowser.signIn(email, PASSWORD).statusCode());
            HttpResponse<String> resumed = sameBrowser.get("patient/intake.xhtml?episode=" + draft + "&step=1");
            assertEquals(200, resumed.statusCode());
            assertTrue(Http.isChosen(resumed.body(), "intake:mainArea", "NECK") && Http.isChosen(resumed.body(), "intake:painNow", "6"),
                    "the draft's answers are on the page after signing in on the other instance");
            assertTrue(Clinic.text(databaseUrl, "SELECT answers FROM intake WHERE episode_id = ? AND status = 'DRAFT'", draft).contains("\"painNow\":6"));
            HttpResponse<String> next = sameBrowser.submit("patient/intake.xhtml?episode=" + draft + "&step=1", "intake",
                    Map.of("mainArea", "NECK", "side", "RIGHT", "painNow", "6", "painWorst", "9"), "next");
            assertEquals(302, next.statusCode(), "and carries on: " + next.body());

            System.out.printf("[two-instances] data grid of 2 formed: %s; schedule %s %s: %d runs (%s); flags NOT_IMPROVING %d of %d episodes;"
                    + " duplicates %d; after the first instance stopped: %s, signed in on the second, draft intact%n",
                    clustered, at, CLINIC_ZONE, scheduleRuns, outcomes, notImproving, episodes.size(), duplicates, sentTo);
            assertEquals(2, scheduleRuns, "each instance's timer fired once: " + outcomes);
            assertEquals(1, completed, "and the evaluation ran once: " + outcomes);
            assertEquals(EPISODES, notImproving, "every episode flagged");
            assertEquals(0, duplicates);
            assertTrue(clustered, "the two instances formed one data grid");
        }
    }

    private static long scheduledRuns(String databaseUrl, String trigger) throws Exception {
        return Clinic.number(databaseUrl, "SELECT count(*) FROM evaluation_run WHERE trigger_kind = ? AND outcome <> 'RUNNING'", trigger);
    }

    private static long episodeInCare(URL instance, String physio, String run, int number, LocalDate today) {
        WebSession api = new WebSession(instance);
        long id = Clinic.patientWithEpisode(instance, physio, PASSWORD, "twin" + number + "-" + run + "@example.org");
        assertEquals(201, api.api("POST", "api/v1/episodes/" + id + "/intake", "{\"submittedOn\":\"" + today.minusWeeks(8)
                + "\",\"painNow\":6,\"painWorst\":8,\"disability\":{\"instrument\":\"ODI\",\"answers\":[3,3,3,3,3,3,3,3,3,3]}}", physio, PASSWORD).statusCode());
        assertEquals(201, api.api("POST", "api/v1/episodes/" + id + "/plan", "{\"startDate\":\"" + today.minusWeeks(8) + "\",\"reviewDate\":\""
                + today.plusWeeks(2) + "\",\"goals\":\"Back to gardening\"}", physio, PASSWORD).statusCode());
        assertEquals(201, api.api("POST", "api/v1/episodes/" + id + "/assessments", "{\"date\":\"" + today.minusDays(3) + "\",\"source\":\"CLINICIAN\","
                + "\"nrs\":6,\"disability\":{\"instrument\":\"ODI\",\"answers\":[3,3,3,3,3,3,3,3,3,3]}}", physio, PASSWORD).statusCode());
        return id;
    }
}
