package org.spinepathway.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.Http;
import org.spinepathway.testing.WebSession;

/**
 * The intake API exactly as the contract says: 201 with the score and flags, 400 with field errors
 * and nothing stored, 404 for an episode the caller may not see; and one intake, however many times
 * the patient's submit arrives at once.
 */
@ExtendWith(ArquillianExtension.class)
class IntakeApiIT {

    private static final String PASSWORD = "Api-intake-pass-1";
    private static String databaseUrl;

    @ArquillianResource
    URL base;

    private WebSession api;
    private String physio;
    private String patientEmail;
    private long episodeId;

    @Deployment(testable = false)
    static WebArchive deployment() {
        databaseUrl = EmbeddedDatabase.get().createDatabase("intake_api");
        return ClinicDeployment.onDatabase(databaseUrl);
    }

    @BeforeEach
    void physioPatientAndEpisode() throws Exception {
        api = new WebSession(base);
        String run = UUID.randomUUID().toString().substring(0, 8);
        physio = "physio-" + run;
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Pat Physio");
        patientEmail = "api-" + run + "@example.org";
        Clinic.registerPatient(base, patientEmail, PASSWORD, "Alan", "Turing", "1962-06-23", "MALE");
        long patientId = single("SELECT id FROM patient WHERE email = ?", patientEmail);
        HttpResponse<String> episode = api.api("POST", "api/v1/patients/" + patientId + "/episodes", "{\"region\":\"CERVICAL\",\"side\":\"RIGHT\"}", physio, PASSWORD);
        assertEquals(201, episode.statusCode(), episode.body());
        assertTrue(episode.body().contains("\"state\":\"INTAKE\""));
        episodeId = Long.parseLong(episode.body().transform(Http::topLevelId));
    }

    @Test
    void aCompleteIntake_shouldBeScored_andANeckComplaintUsesTheNdi() throws Exception {
        HttpResponse<String> created = api.api("POST", "api/v1/episodes/" + episodeId + "/intake", """
                {"submittedOn":"2026-11-20","painNow":6,"painWorst":8,
                 "disability":{"instrument":"NDI","answers":[2,1,3,2,1,2,1,2,2,2]},
                 "symptoms":{"painTravels":["ARM","HAND"],"numbness":["RIGHT_ARM"],"onsetDate":"2026-09-01"},
                 "medications":["NSAID"],"priorTreatments":["REST"],"imaging":["MRI"]}
                """, physio, PASSWORD);
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(created.body().contains("\"disabilityScore\":36.0"), created.body());
        assertTrue(created.body().contains("\"flags\":[]"), "no red flag, no flag: " + created.body());
        assertEquals(1, single("SELECT count(*) FROM intake WHERE episode_id = ? AND status = 'SUBMITTED' AND disability_instrument = 'NDI'", episodeId));
    }

    @Test
    void badInput_shouldAnswer400WithFieldErrors_andStoreNothing() throws Exception {
        Map<String, String> cases = new HashMap<>();
        cases.put("{\"painNow\":11,\"painWorst\":12}", "painNow");
        cases.put("{\"painNow\":5,\"painWorst\":3}", "painWorst");
        cases.put("{\"painNow\":5,\"painWorst\":7,\"symptoms\":{\"onsetDate\":\"2999-01-01\"}}", "symptoms.onsetDate");
        cases.put("{\"painNow\":5,\"painWorst\":7,\"symptoms\":{\"onsetDate\":\"yesterday\"}}", "symptoms.onsetDate");
        cases.put("{\"painNow\":5,\"painWorst\":7,\"redFlags\":{\"itchyEars\":true}}", "redFlags.itchyEars");
        cases.put("{\"painNow\":5,\"painWorst\":7,\"disability\":{\"instrument\":\"NDI\",\"answers\":[1,2]}}", "disability.answers");
        cases.put("{\"painNow\":5,\"painWorst\":7,\"disability\":{\"instrument\":\"NDI\",\"answers\":[6,0,0,0,0,0,0,0,0,0]}}", "disability.answers[0]");
        cases.put("{\"painNow\":5,\"painWorst\":7,\"disability\":{\"instrument\":\"ODI\",\"answers\":[1,1,1,1,1,1,1,1,1,1]}}", "disability.instrument");
        cases.put("{\"painNow\":5,\"painWorst\":7,\"medications\":[\"<script>\"]}", "medications");
        cases.put("{\"painNow\":5,\"painWorst\":7,\"notes\":\"" + "x".repeat(2001) + "\"}", "notes");
        cases.put("{\"painWorst\":7}", "painNow");
        cases.put("{\"painNow\":\"five\",\"painWorst\":7}", "painNow");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> refused = api.api("POST", "api/v1/episodes/" + episodeId + "/intake", c.getKey(), physio, PASSWORD);
            assertEquals(400, refused.statusCode(), c.getKey() + " -> " + refused.body());
            assertTrue(refused.body().startsWith("{\"errors\":["), refused.body());
            assertTrue(refused.body().contains("\"field\":\"" + c.getValue() + "\""), c.getKey() + " -> " + refused.body());
        }
        for (String malformed : List.of("{\"painNow\":", "[]", "null", "")) {
            HttpResponse<String> refused = api.api("POST", "api/v1/episodes/" + episodeId + "/intake", malformed, physio, PASSWORD);
            assertEquals(400, refused.statusCode(), "'" + malformed + "' -> " + refused.body());
        }
        assertEquals(0, single("SELECT count(*) FROM intake WHERE episode_id = ?", episodeId), "nothing stored");
        assertEquals(0, single("SELECT count(*) FROM escalation_flag WHERE episode_id = ?", episodeId));
    }

    @Test
    void aPatient_shouldSubmitForTheirOwnEpisodeOnly() throws Exception {
        String otherEmail = "other-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Clinic.registerPatient(base, otherEmail, PASSWORD, "Eve", "Other", "1990-01-01", "FEMALE");
        String body = "{\"painNow\":4,\"painWorst\":6,\"redFlags\":{\"fever\":true}}";
        HttpResponse<String> notTheirs = api.api("POST", "api/v1/episodes/" + episodeId + "/intake", body, otherEmail, PASSWORD);
        assertEquals(404, notTheirs.statusCode(), notTheirs.body());
        HttpResponse<String> unknown = api.api("POST", "api/v1/episodes/99999999/intake", body, patientEmail, PASSWORD);
        assertEquals(404, unknown.statusCode());
        assertEquals(0, single("SELECT count(*) FROM intake WHERE episode_id = ?", episodeId));

        HttpResponse<String> own = api.api("POST", "api/v1/episodes/" + episodeId + "/intake", body, patientEmail, PASSWORD);
        assertEquals(201, own.statusCode(), own.body());
        assertTrue(own.body().contains("\"rule\":\"RED_FLAG\"") && own.body().contains("\"priority\":\"URGENT\""), own.body());
        assertEquals(1, single("SELECT count(*) FROM escalation_flag WHERE episode_id = ? AND status = 'OPEN'", episodeId));
        assertEquals(403, api.api("POST", "api/v1/episodes/" + episodeId + "/intake", body,
                ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD).statusCode(), "administrators do not enter intakes");
    }

    @Test
    void theSameSubmitArrivingFourTimesAtOnce_shouldMakeOneIntake_andOneFlag() throws Exception {
        WebSession patient = new WebSession(base);
        assertEquals(302, patient.signIn(patientEmail, PASSWORD).statusCode());
        HttpResponse<String> started = patient.submit("patient/intake.xhtml", "intake",
                Map.of("mainArea", "LOWER_BACK", "side", "LEFT", "painNow", "5", "painWorst", "7"), "next");
        assertEquals(302, started.statusCode(), started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        long webEpisode = Long.parseLong(location.replaceAll(".*episode=(\\d+).*", "$1"));
        advance(patient, webEpisode, 2, Map.of());
        Map<String, String> redFlags = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            redFlags.put("redFlags:" + i + ":answer", i == 6 ? "true" : "false");   // fever
        }
        advance(patient, webEpisode, 3, redFlags);
        for (int step = 4; step <= 6; step++) {
            advance(patient, webEpisode, step, Map.of());
        }
        WebSession.PreparedForm review = patient.prepare("patient/intake.xhtml?episode=" + webEpisode + "&step=7", "intake");

        ExecutorService clicks = Executors.newFixedThreadPool(4);
        try {
            List<Callable<HttpResponse<String>>> sameSubmit = List.of(
                    () -> review.post(Map.of(), "submit"), () -> review.post(Map.of(), "submit"),
                    () -> review.post(Map.of(), "submit"), () -> review.post(Map.of(), "submit"));
            for (Future<HttpResponse<String>> answer : clicks.invokeAll(sameSubmit)) {
                HttpResponse<String> response = answer.get();
                assertEquals(302, response.statusCode(), response.body());
                assertTrue(response.headers().firstValue("Location").orElse("").contains("/patient/intake-result.xhtml"));
            }
        } finally {
            clicks.shutdown();
        }
        assertEquals(1, single("SELECT count(*) FROM intake WHERE episode_id = ?", webEpisode), "one intake");
        assertEquals(1, single("SELECT count(*) FROM intake WHERE episode_id = ? AND status = 'SUBMITTED'", webEpisode));
        assertEquals(1, single("SELECT count(*) FROM escalation_flag WHERE episode_id = ? AND rule = 'RED_FLAG'", webEpisode), "one flag");
    }

    @Test
    void staff_shouldSeeRedFlagsFirstInTheQueue_andOpeningASummaryIsAudited() throws Exception {
        assertEquals(201, api.api("POST", "api/v1/episodes/" + episodeId + "/intake",
                "{\"painNow\":3,\"painWorst\":5,\"redFlags\":{\"majorTrauma\":true},\"notes\":\"<b>bold</b> claim\"}", physio, PASSWORD).statusCode());
        long intakeId = single("SELECT id FROM intake WHERE episode_id = ? AND status = 'SUBMITTED'", episodeId);

        WebSession staff = new WebSession(base);
        assertEquals(302, staff.signIn(physio, PASSWORD).statusCode());
        HttpResponse<String> queue = staff.get("physio/intakes.xhtml");
        assertEquals(200, queue.statusCode());
        int firstRow = queue.body().indexOf("red-flag-row");
        assertTrue(firstRow > 0, "a red-flag row is marked");
        assertTrue(queue.body().indexOf("Alan Turing") > 0, "the patient is in the queue");
        assertTrue(queue.body().indexOf("red-flag-row") <= queue.body().indexOf("Alan Turing"), "red flags come first");

        HttpResponse<String> summary = staff.get("physio/intake.xhtml?id=" + intakeId);
        assertEquals(200, summary.statusCode());
        assertTrue(summary.body().contains("Did your pain start after a major accident"), "the red flag is shown");
        assertTrue(summary.body().contains("3 / 10"), "the pain score is shown");
        assertTrue(summary.body().contains("&lt;b&gt;bold&lt;/b&gt; claim"), "the patient's text is shown escaped");
        assertTrue(summary.body().contains("class=\"marked\""), "the pain map marks the neck");
        assertEquals(1, single("SELECT count(*) FROM audit_event WHERE action = 'READ' AND record_type = 'Intake' AND record_id = "
                + intakeId + " AND username = ?", physio), "opening the summary is audited");
    }

    @Test
    void theQueue_shouldSayWhereEachIntakeStands_showByDefaultOnlyThoseWaiting_emptyAsWorkIsDone_andFindAPatient() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String family = "Queue" + run.chars().mapToObj(ch -> String.valueOf((char) (Character.isDigit(ch) ? 'g' + ch - '0' : ch)))
                .collect(java.util.stream.Collectors.joining());
        long waiting = submittedIntake("Quinn", family, "1931-03-04", run);
        long inCare = submittedIntake("Rhea", family, "1932-03-04", run);
        long closed = submittedIntake("Sol", family, "1933-03-04", run);
        openForCare(inCare);
        openForCare(closed);
        try (var c = EmbeddedDatabase.get().dataSource(databaseUrl).getConnection();
             var discharge = c.prepareStatement("UPDATE episode_of_care SET state = 'DISCHARGED', closed_on = current_date WHERE id = ?")) {
            discharge.setLong(1, closed);
            assertEquals(1, discharge.executeUpdate());
        }
        WebSession staff = new WebSession(base);
        assertEquals(302, staff.signIn(physio, PASSWORD).statusCode());

        String byDefault = queueRows(staff.get("physio/intakes.xhtml"));
        assertFalse(byDefault.contains("Rhea " + family) || byDefault.contains("Sol " + family), "only what waits for a physiotherapist");
        String waitingOnly = queueRows(queue(staff, family, null));
        assertTrue(waitingOnly.contains("Quinn " + family) && waitingOnly.contains("New: no physiotherapist yet"), waitingOnly);
        assertFalse(waitingOnly.contains("Rhea " + family) || waitingOnly.contains("Sol " + family), waitingOnly);
        String all = queueRows(queue(staff, family, "ALL"));
        assertTrue(all.contains("Quinn " + family) && all.contains("Rhea " + family) && all.contains("Sol " + family), all);
        assertTrue(all.contains("Opened for care") && all.contains("Closed"), "each status in words: " + all);
        assertFalse(all.contains(">IN_CARE") || all.contains(">CLOSED") || all.contains(">NEW"), "no codes shown: " + all);

        // By record number (whole, any case, without its letters) and by date of birth, as typed two ways.
        String rheaMrn = Clinic.text(databaseUrl, "SELECT p.mrn FROM patient p JOIN episode_of_care e ON e.patient_id = p.id WHERE e.id = ?", inCare);
        for (String search : List.of(rheaMrn, rheaMrn.toLowerCase(), rheaMrn.substring(2), "1932-03-04", "4/3/1932", "rhea " + family.toLowerCase())) {
            String found = queueRows(queue(staff, search, "ALL"));
            assertTrue(found.contains("Rhea " + family) && !found.contains("Quinn " + family) && !found.contains("Sol " + family), search + ": " + found);
        }
        for (String search : List.of("Nobody" + family, "%", "_", "'", "%" + family.substring(1), family.substring(0, 5) + "_" + family.substring(6))) {
            String found = queueRows(queue(staff, search, "ALL"));
            assertTrue(found.contains("No intakes have been submitted yet.") && !found.contains(family), search + ": " + found);
        }

        // The queue empties as work is done.
        openForCare(waiting);
        String done = queueRows(queue(staff, family, null));
        assertTrue(done.contains("No intake is waiting for a physiotherapist.") && !done.contains(family), done);
    }

    /** A registered patient's lower-back episode with a submitted intake; the episode's id. */
    private long submittedIntake(String given, String family, String born, String run) throws Exception {
        String email = given.toLowerCase() + "-" + run + "@example.org";
        Clinic.registerPatient(base, email, PASSWORD, given, family, born, "FEMALE");
        HttpResponse<String> episode = api.api("POST", "api/v1/patients/" + single("SELECT id FROM patient WHERE email = ?", email) + "/episodes",
                "{\"region\":\"LUMBAR\",\"side\":\"LEFT\"}", physio, PASSWORD);
        assertEquals(201, episode.statusCode(), episode.body());
        long id = Long.parseLong(episode.body().transform(Http::topLevelId));
        HttpResponse<String> intake = api.api("POST", "api/v1/episodes/" + id + "/intake", "{\"painNow\":5,\"painWorst\":7}", physio, PASSWORD);
        assertEquals(201, intake.statusCode(), intake.body());
        return id;
    }

    /** The physiotherapist writes the plan, which opens the episode for care. */
    private void openForCare(long episode) {
        HttpResponse<String> plan = api.api("POST", "api/v1/episodes/" + episode + "/plan", "{\"startDate\":\"" + java.time.LocalDate.now()
                + "\",\"reviewDate\":\"" + java.time.LocalDate.now().plusWeeks(6) + "\",\"goals\":\"Back to work\"}", physio, PASSWORD);
        assertEquals(201, plan.statusCode(), plan.body());
    }

    private static HttpResponse<String> queue(WebSession staff, String search, String show) {
        Map<String, String> fields = new HashMap<>(Map.of("search", search));
        if (show != null) {
            fields.put("show_input", show);
        }
        return staff.submit("physio/intakes.xhtml", "queue", fields, "find");
    }

    /** The queue's rows as the page answered (not the search field echoing the search). */
    private static String queueRows(HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), page.body());
        return page.body().substring(page.body().indexOf("id=\"queue:intakes_data\""));
    }

    @Test
    void aCorrection_shouldBeANewVersion_thatKeepsTheOldOneOnRecord() throws Exception {
        String first = "{\"painNow\":4,\"painWorst\":6}";
        String corrected = "{\"painNow\":5,\"painWorst\":6}";
        assertTrue(api.api("POST", "api/v1/episodes/" + episodeId + "/intake", first, physio, PASSWORD).body().contains("\"version\":1"));
        HttpResponse<String> second = api.api("POST", "api/v1/episodes/" + episodeId + "/intake", corrected, physio, PASSWORD);
        assertEquals(201, second.statusCode(), second.body());
        assertTrue(second.body().contains("\"version\":2"), second.body());
        assertEquals(1, single("SELECT count(*) FROM intake WHERE episode_id = ? AND version_no = 1 AND status = 'SUPERSEDED' AND pain_now = 4", episodeId));
        assertEquals(1, single("SELECT count(*) FROM intake i WHERE episode_id = ? AND version_no = 2 AND status = 'SUBMITTED' AND pain_now = 5"
                + " AND supersedes_id = (SELECT id FROM intake WHERE episode_id = i.episode_id AND version_no = 1)", episodeId));

        // On the web: "Correct my answers" opens a new draft with the submitted answers; the submission stays current until then.
        WebSession patient = new WebSession(base);
        assertEquals(302, patient.signIn(patientEmail, PASSWORD).statusCode());
        HttpResponse<String> correcting = patient.submit("patient/intake-result.xhtml?episode=" + episodeId, "correction", Map.of(), "correct");
        assertEquals(302, correcting.statusCode(), correcting.body());
        assertTrue(correcting.headers().firstValue("Location").orElse("").contains("/patient/intake.xhtml"));
        assertEquals(1, single("SELECT count(*) FROM intake WHERE episode_id = ? AND version_no = 3 AND status = 'DRAFT' AND answers LIKE '%\"painNow\":5%'", episodeId));
        assertEquals(1, single("SELECT count(*) FROM intake WHERE episode_id = ? AND status = 'SUBMITTED' AND version_no = 2", episodeId));
    }

    private static void advance(WebSession session, long episode, int step, Map<String, String> fields) {
        HttpResponse<String> saved = session.submit("patient/intake.xhtml?episode=" + episode + "&step=" + step, "intake", fields, "next");
        assertEquals(302, saved.statusCode(), "step " + step + ": " + saved.body());
        assertTrue(saved.headers().firstValue("Location").orElse("").contains("step=" + (step + 1)), "step " + step);
    }

    private static long single(String sql, Object parameter) throws Exception {
        return Clinic.number(databaseUrl, sql, parameter);
    }
}
