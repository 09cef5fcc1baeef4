package org.spinepathway.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spinepathway.testing.CareFixtures;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.Http;
import org.spinepathway.testing.Pdf;
import org.spinepathway.testing.WebSession;

/**
 * The escalation engine against the real server: episodes built through the API, the evaluation
 * run as of chosen dates, open flags checked; two runs and two concurrent runs raise nothing new;
 * each decision suppresses as escalation-rules.md says; a referral's letter is a PDF naming the
 * patient and the rule; URGENT flags reach the physician by email through the outbox, also after
 * the mail server was down.
 */
@ExtendWith(ArquillianExtension.class)
class EscalationIT {

    private static final String PASSWORD = "Escalation-pass-1";
    private static final LocalDate TODAY = LocalDate.now();
    private static final String ON_CALL = "oncall@clinic.test";
    private static String databaseUrl;
    private static GreenMail smtp;
    private static int smtpPort;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        databaseUrl = EmbeddedDatabase.get().createDatabase("escalation");
        try (ServerSocket free = new ServerSocket(0)) {
            smtpPort = free.getLocalPort();
        }
        startSmtp();
        return ClinicDeployment.onDatabase(databaseUrl, Map.of("clinic.mail.host", "localhost", "clinic.mail.port", String.valueOf(smtpPort),
                "clinic.mail.poll-seconds", "1", "clinic.mail.retry-base-seconds", "1", "clinic.notify.urgent-fallback", ON_CALL));
    }

    private static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void evaluationAsOfChosenDates_raisesTheRightFlags_onceOnly_andDecisionsSuppressAsTheRulesSay() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String physio = "esc-physio-" + run;
        String physician = "esc-doc-" + run;
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Esc Physio");
        createStaffWithEmail(physician, "PHYSICIAN", "Dr Esc", physician + "@clinic.test");
        WebSession api = new WebSession(base);

        // A: pain 7, ODI 44% at intake; care since day -60; visits at -30 and -15 with no real change.
        long a = episode(api, physio, "a-" + run, "Ada", "Lovelace", 7, false);
        plan(api, physio, a, TODAY.minusDays(60));
        assessment(api, physio, a, TODAY.minusDays(30), 7, 3, "{}");
        assessment(api, physio, a, TODAY.minusDays(15), 7, 3, "{}");
        // B: care since day -40, never seen since: a follow-up task for the physiotherapist.
        long b = episode(api, physio, "b-" + run, "Bea", "Benz", 6, false);
        plan(api, physio, b, TODAY.minusDays(40));

        // As of 20 days ago A's last visit was on day 30 of care: nothing is due yet.
        Map<String, Object> early = evaluate(TODAY.minusDays(20));
        assertEquals("COMPLETED", early.get("outcome"), early.toString());
        assertEquals(0, openFlags(a), "as of day 40 of care no rule fires for A");

        Map<String, Object> now = evaluate(TODAY);
        assertTrue(((Number) now.get("raised")).intValue() >= 3, now.toString());
        assertEquals(1, open(a, "NOT_IMPROVING"), "day 45, pain 7 -> 7, ODI 60 -> 60: not improving");
        assertEquals(1, open(a, "PERSISTENT_SEVERE"), "pain 7 at day 30 and day 45");
        assertEquals(0, open(a, "WORSENING") + open(a, "NOT_RESOLVED_12_WEEKS") + open(a, "FOLLOW_UP_OVERDUE"));
        assertEquals(1, open(b, "FOLLOW_UP_OVERDUE"), "40 days in care, never assessed");
        assertEquals("UNDER_REVIEW", text("SELECT state FROM episode_of_care WHERE id = ?", a));
        assertEquals("CONSERVATIVE_CARE", text("SELECT state FROM episode_of_care WHERE id = ?", b), "a TASK does not put an episode under review");
        String evidence = text("SELECT evidence FROM escalation_flag WHERE episode_id = ? AND rule = 'NOT_IMPROVING'", a);
        assertTrue(evidence.contains("\"afterDays\":42") && evidence.contains("\"baselineNrs\":7"), evidence);
        assertEquals("2026.1", text("SELECT rule_version FROM escalation_flag WHERE episode_id = ? AND rule = 'NOT_IMPROVING'", a));

        // Idempotent: again, and twice at once, raises nothing new.
        long flagsBefore = count("SELECT count(*) FROM escalation_flag WHERE episode_id IN (?, " + b + ")", a);
        assertEquals(0, ((Number) evaluate(TODAY).get("raised")).intValue());
        List<Integer> statuses = concurrentEvaluations(TODAY, 2);
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), statuses.toString());
        assertTrue(statuses.contains(200), statuses.toString());
        assertEquals(flagsBefore, count("SELECT count(*) FROM escalation_flag WHERE episode_id IN (?, " + b + ")", a), "no duplicate flags");
        assertEquals(0L, count("SELECT count(*) FROM (SELECT episode_id, rule FROM escalation_flag WHERE status = 'OPEN' AND episode_id >= ?"
                + " GROUP BY episode_id, rule HAVING count(*) > 1) duplicates", 0), "at most one open flag per episode and rule");

        // The physician's worklist shows A's flags with a sentence; the physiotherapist sees the episode's flags.
        HttpResponse<String> worklist = api.api("GET", "api/v1/worklist?rule=NOT_IMPROVING", null, physician, PASSWORD);
        assertEquals(200, worklist.statusCode());
        assertTrue(worklist.body().contains("No clinically important improvement 42 or more days into care"), worklist.body());
        HttpResponse<String> flags = api.api("GET", "api/v1/episodes/" + a + "/flags", null, physio, PASSWORD);
        assertEquals(200, flags.statusCode());
        assertTrue(flags.body().contains("\"rule\":\"PERSISTENT_SEVERE\"") && flags.body().contains("\"evidence\":{"), flags.body());
        assertEquals(403, api.api("GET", "api/v1/episodes/" + a + "/flags", null, "a-" + run + "@example.org", PASSWORD).statusCode());

        long notImproving = number("SELECT id FROM escalation_flag WHERE episode_id = ? AND rule = 'NOT_IMPROVING' AND status = 'OPEN'", a);
        long persistent = number("SELECT id FROM escalation_flag WHERE episode_id = ? AND rule = 'PERSISTENT_SEVERE' AND status = 'OPEN'", a);

        // Bad decisions: named field, nothing changed.
        assertEquals(400, decide(api, physician, notImproving, "{\"decision\":\"CONTINUE\"}").statusCode(), "continue needs a recheck date");
        assertEquals(400, decide(api, physician, notImproving, "{\"decision\":\"DISMISS\",\"reason\":\" \"}").statusCode(), "dismiss needs a reason");
        assertEquals(400, decide(api, physician, notImproving, "{\"decision\":\"MAYBE\"}").statusCode());
        assertEquals(403, decide(api, physio, notImproving, "{\"decision\":\"DISMISS\",\"reason\":\"not mine\"}").statusCode());
        assertEquals("OPEN", text("SELECT status FROM escalation_flag WHERE id = ?", notImproving));

        // Dismiss: the rule cannot fire again until an assessment is recorded after the decision.
        HttpResponse<String> dismissed = decide(api, physician, notImproving, "{\"decision\":\"DISMISS\",\"reason\":\"Improving clinically; scores lag\"}");
        assertEquals(200, dismissed.statusCode(), dismissed.body());
        assertTrue(dismissed.body().contains("\"status\":\"DISMISSED\""), dismissed.body());
        assertEquals(409, decide(api, physician, notImproving, "{\"decision\":\"DISMISS\",\"reason\":\"again\"}").statusCode(), "decided once");
        evaluate(TODAY);
        assertEquals(0, open(a, "NOT_IMPROVING"), "dismissed: not raised again without new data");

        // Continue: no REVIEW rule before the recheck date; URGENT rules still fire.
        HttpResponse<String> continued = decide(api, physician, persistent,
                "{\"decision\":\"CONTINUE\",\"reason\":\"Trial of nerve-root block\",\"recheckOn\":\"" + TODAY.plusDays(14) + "\"}");
        assertEquals(200, continued.statusCode(), continued.body());
        assertEquals("CONSERVATIVE_CARE", text("SELECT state FROM episode_of_care WHERE id = ?", a), "no flag left open: back to conservative care");
        assertEquals(201, assessment(api, physio, a, TODAY, 7, 3, "{\"bladderBowelChange\":true}").statusCode());
        assertEquals(1, open(a, "RED_FLAG"), "raised at once when the visit is saved");
        evaluate(TODAY.plusDays(13));
        assertEquals(0, open(a, "PERSISTENT_SEVERE") + open(a, "NOT_IMPROVING"), "before the recheck date no REVIEW rule fires");
        assertEquals(1, open(a, "RED_FLAG"));
        evaluate(TODAY.plusDays(14));
        assertEquals(1, open(a, "NOT_IMPROVING"), "recheck date reached, and a visit was recorded after both decisions");
        assertEquals(1, open(a, "PERSISTENT_SEVERE"));

        // A has no assigned physician: the URGENT red flag went to the on-call address.
        assertTrue(awaitMail(ON_CALL, "URGENT: red flag"), "URGENT flag mailed to the on-call address");

        // Refer: a referral with its letter; the episode leaves the rules.
        long redFlag = number("SELECT id FROM escalation_flag WHERE episode_id = ? AND rule = 'RED_FLAG' AND status = 'OPEN'", a);
        HttpResponse<String> referred = decide(api, physician, redFlag, "{\"decision\":\"REFER\",\"reason\":\"Urgent MRI and spinal surgeon today\"}");
        assertEquals(200, referred.statusCode(), referred.body());
        assertEquals("REFERRED", text("SELECT state FROM episode_of_care WHERE id = ?", a));
        long flagsOfA = count("SELECT count(*) FROM escalation_flag WHERE episode_id = ?", a);
        evaluate(TODAY.plusDays(30));
        assertEquals(flagsOfA, count("SELECT count(*) FROM escalation_flag WHERE episode_id = ?", a), "a referred episode leaves the rules");
        HttpResponse<byte[]> letter = pdf("api/v1/flags/" + redFlag + "/referral-letter", physician);
        assertEquals(200, letter.statusCode());
        assertEquals("application/pdf", letter.headers().firstValue("Content-Type").orElse(""));
        String letterText = Pdf.text(letter.body());
        assertTrue(letterText.contains("Ada Lovelace") && letterText.contains("Red flag (urgent)") && letterText.contains("Urgent MRI")
                && letterText.contains("To: Spinal surgery service"), letterText);
        assertEquals(1, count("SELECT count(*) FROM audit_event WHERE action = 'DECISION' AND record_id = ?", redFlag));

        // The follow-up task is closed by recording a visit.
        assertEquals(201, assessment(api, physio, b, TODAY, 5, 2, "{}").statusCode());
        assertEquals(0, open(b, "FOLLOW_UP_OVERDUE"));
        assertEquals("CLOSED", text("SELECT status FROM escalation_flag WHERE episode_id = ? AND rule = 'FOLLOW_UP_OVERDUE'", b));

        // Every run is on record.
        assertTrue(count("SELECT count(*) FROM evaluation_run WHERE outcome = 'COMPLETED' AND started_by = ?", ClinicDeployment.ADMIN_USERNAME) >= 6);
    }

    @Test
    void anEpisodeWithSeveralOpenFlags_shouldBeOneWorklistRow_ledByTheMostUrgent_listingEveryFlag_andBeFoundByNameMrnOrBirthDate()
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Letters only, so the family name is searched for as a name and matches this patient alone.
        String family = "Flagg" + run.chars().mapToObj(ch -> String.valueOf((char) (Character.isDigit(ch) ? 'g' + ch - '0' : ch)))
                .collect(java.util.stream.Collectors.joining());
        String physio = "multi-physio-" + run;
        String physician = "multi-doc-" + run;
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Multi Physio");
        Clinic.createStaff(base, physician, PASSWORD, "PHYSICIAN", "Dr Multi");
        WebSession api = new WebSession(base);
        long episode = episode(api, physio, "multi-" + run, "Octavia", family, 7, false);
        plan(api, physio, episode, TODAY.minusDays(60));
        assessment(api, physio, episode, TODAY.minusDays(30), 7, 3, "{}");
        assessment(api, physio, episode, TODAY.minusDays(15), 7, 3, "{}");
        evaluate(TODAY);
        assertEquals(1, open(episode, "NOT_IMPROVING"));
        assertEquals(1, open(episode, "PERSISTENT_SEVERE"));
        assertEquals(201, assessment(api, physio, episode, TODAY, 7, 3, "{\"bladderBowelChange\":true}").statusCode());
        long redFlag = number("SELECT id FROM escalation_flag WHERE episode_id = ? AND rule = 'RED_FLAG' AND status = 'OPEN'", episode);
        LocalDate born = LocalDate.of(1921, 1, 1).plusDays(Math.floorMod(run.hashCode(), 20_000));
        try (var c = EmbeddedDatabase.get().dataSource(databaseUrl).getConnection();
             var update = c.prepareStatement("UPDATE patient SET birth_date = ? WHERE email = ?")) {
            update.setObject(1, born);
            update.setString(2, "multi-" + run + "@example.org");
            assertEquals(1, update.executeUpdate());
        }
        String mrn = text("SELECT mrn FROM patient WHERE email = ?", "multi-" + run + "@example.org");

        JsonArray found = worklist(physician, "search=" + family);
        assertEquals(1, found.size(), "one row for the episode: " + found);
        JsonObject row = found.getJsonObject(0);
        assertEquals(episode, row.getJsonNumber("episodeId").longValueExact());
        assertEquals(redFlag, row.getJsonNumber("id").longValueExact(), "the row's own fields are the leading flag's: the most urgent");
        assertEquals("RED_FLAG", row.getString("rule"));
        assertEquals("URGENT", row.getString("priority"));
        assertTrue(row.containsKey("phone") && row.containsKey("acknowledged") && row.containsKey("overdue"), row.toString());
        JsonArray flags = row.getJsonArray("flags");
        assertEquals(3, flags.size(), flags.toString());
        assertEquals(List.of("RED_FLAG", "URGENT"), List.of(flags.getJsonObject(0).getString("rule"), flags.getJsonObject(0).getString("priority")));
        assertEquals(java.util.Set.of("NOT_IMPROVING", "PERSISTENT_SEVERE"),
                java.util.Set.of(flags.getJsonObject(1).getString("rule"), flags.getJsonObject(2).getString("rule")));
        assertEquals("REVIEW", flags.getJsonObject(1).getString("priority"));
        assertTrue(flags.getJsonObject(1).getJsonNumber("id").longValueExact() < flags.getJsonObject(2).getJsonNumber("id").longValueExact(),
                "flags of one priority oldest first");
        for (JsonValue flag : flags) {
            assertFalse(flag.asJsonObject().getString("reason").isBlank(), flag.toString());
            assertEquals(episode, number("SELECT episode_id FROM escalation_flag WHERE id = ? AND status = 'OPEN'",
                    flag.asJsonObject().getJsonNumber("id").longValueExact()));
        }
        assertEquals(1, worklist(physician, "size=100").stream().filter(r -> r.asJsonObject().getJsonNumber("episodeId").longValueExact() == episode)
                .count() + worklist(physician, "size=100&page=1").stream()
                .filter(r -> r.asJsonObject().getJsonNumber("episodeId").longValueExact() == episode).count(), "the whole list has the episode once");

        // Filters: priority is the row's most urgent; rule is any open flag of the episode.
        assertEquals(1, worklist(physician, "priority=URGENT&search=" + family).size());
        assertEquals(0, worklist(physician, "priority=REVIEW&search=" + family).size(), "the row is urgent, not for review");
        JsonArray byRule = worklist(physician, "rule=PERSISTENT_SEVERE&search=" + family);
        assertEquals(1, byRule.size());
        assertEquals("RED_FLAG", byRule.getJsonObject(0).getString("rule"), "found by a REVIEW flag, still led by its most urgent");
        assertEquals(0, worklist(physician, "rule=WORSENING&search=" + family).size());

        // Search by name (any word, any case), by record number (whole, begun, without its letters) and by date of birth.
        for (String search : List.of("octavia " + family.toUpperCase(), family.toLowerCase() + " Octa", mrn, mrn.toLowerCase(), mrn.substring(2),
                born.toString(), born.getDayOfMonth() + "/" + born.getMonthValue() + "/" + born.getYear())) {
            JsonArray rows = worklist(physician, "search=" + java.net.URLEncoder.encode(search, StandardCharsets.UTF_8));
            assertTrue(rows.stream().anyMatch(r -> r.asJsonObject().getJsonNumber("episodeId").longValueExact() == episode), search + ": " + rows);
        }
        assertEquals(1, worklist(physician, "search=" + born).size(), "nobody else was born that day");
        // Nothing matches; wildcards and quotes are text: "Flagg_..." would match this patient if _ were a wildcard.
        for (String search : List.of("Nobody" + family, "%", "_", "'", "%%", family.substring(0, 5) + "_" + family.substring(6),
                "%" + family.substring(1), "' OR '1'='1", "\\")) {
            HttpResponse<String> answer = api.api("GET", "api/v1/worklist?search=" + java.net.URLEncoder.encode(search, StandardCharsets.UTF_8), null,
                    physician, PASSWORD);
            assertEquals(200, answer.statusCode(), search + ": " + answer.body());
            assertEquals("[]", answer.body(), search);
        }
        HttpResponse<String> tooLong = api.api("GET", "api/v1/worklist?search=" + "x".repeat(101), null, physician, PASSWORD);
        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("\"field\":\"search\""), tooLong.body());
    }

    private JsonArray worklist(String physician, String query) {
        HttpResponse<String> answer = new WebSession(base).api("GET", "api/v1/worklist?" + query, null, physician, PASSWORD);
        assertEquals(200, answer.statusCode(), query + ": " + answer.body());
        try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
            return reader.readArray();
        }
    }

    @Test
    void urgentMail_survivesAMailServerOutage_andGoesToTheAssignedPhysician() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String physio = "mail-physio-" + run;
        String physician = "mail-doc-" + run;
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Mail Physio");
        long physicianId = createStaffWithEmail(physician, "PHYSICIAN", "Dr Mail", physician + "@clinic.test");
        WebSession api = new WebSession(base);
        long episode = episode(api, physio, "m-" + run, "Mary", "Somerville", 6, false);
        plan(api, physio, episode, TODAY.minusDays(10));

        // The physiotherapist assigns the physician on the plan page.
        WebSession page = new WebSession(base);
        assertEquals(302, page.signIn(physio, PASSWORD).statusCode());
        long physioId = number("SELECT id FROM user_account WHERE username = ?", physio);
        HttpResponse<String> assigned = page.prepare("physio/plan.xhtml?episode=" + episode, "team")
                .post(Map.of("physioId_input", String.valueOf(physioId), "physicianId_input", String.valueOf(physicianId)), "assign");
        assertTrue(assigned.body().contains("The care team is saved"), assigned.body());

        smtp.stop();
        assertEquals(201, assessment(api, physio, episode, TODAY, 6, 2, "{\"saddleNumbness\":true}").statusCode());
        long mailId = number("SELECT id FROM mail_outbox WHERE recipient = ?", physician + "@clinic.test");
        waitUntil(() -> count("SELECT attempts FROM mail_outbox WHERE id = ?", mailId) >= 1, "a failed attempt while the server is down");
        assertTrue(text("SELECT coalesce(last_error, '') FROM mail_outbox WHERE id = ?", mailId).length() > 0);
        assertEquals(0, count("SELECT count(*) FROM mail_outbox WHERE id = ? AND sent_at IS NOT NULL", mailId), "not lost, not sent");

        startSmtp();
        assertTrue(awaitMail(physician + "@clinic.test", "URGENT: red flag"), "sent once the server is back");
        waitUntil(() -> count("SELECT count(*) FROM mail_outbox WHERE id = ? AND sent_at IS NOT NULL", mailId) == 1, "marked sent");
        MimeMessage message = List.of(smtp.getReceivedMessages()).stream()
                .filter(m -> recipients(m).contains(physician + "@clinic.test")).findFirst().orElseThrow();
        String body = (String) message.getContent();
        assertTrue(body.contains(text("SELECT mrn FROM patient WHERE email = ?", "m-" + run + "@example.org")), body);
        assertFalse(body.contains("Somerville"), "no name or clinical detail in the email");
    }

    // --- helpers -------------------------------------------------------------------------

    private long createStaffWithEmail(String username, String role, String displayName, String email) throws Exception {
        HttpResponse<String> created = new WebSession(base).api("POST", "api/v1/staff", "{\"username\":\"" + username + "\",\"password\":\""
                + PASSWORD + "\",\"role\":\"" + role + "\",\"displayName\":\"" + displayName + "\",\"email\":\"" + email + "\"}",
                ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD);
        assertEquals(201, created.statusCode(), created.body());
        return number("SELECT id FROM user_account WHERE username = ?", username);
    }

    private long episode(WebSession api, String physio, String emailUser, String given, String family, int pain, boolean redFlag) throws Exception {
        return fixtures().episodeWithIntake(physio, emailUser + "@example.org", given, family, pain, 3, TODAY.minusDays(62), "{}");
    }

    private void plan(WebSession api, String physio, long episodeId, LocalDate start) {
        fixtures().plan(physio, episodeId, start, "Walk the dog");
    }

    private HttpResponse<String> assessment(WebSession api, String physio, long episodeId, LocalDate date, int nrs, int odiAnswer, String redFlags) {
        return fixtures().visit(physio, episodeId, date, nrs, odiAnswer, redFlags);
    }

    private CareFixtures fixtures() {
        return new CareFixtures(base, databaseUrl, PASSWORD);
    }

    private HttpResponse<String> decide(WebSession api, String user, long flagId, String json) {
        return api.api("POST", "api/v1/flags/" + flagId + "/decision", json, user, PASSWORD);
    }

    private Map<String, Object> evaluate(LocalDate asOf) {
        String body = fixtures().evaluate(asOf);
        return Map.of("raised", Integer.parseInt(body.replaceAll(".*\"raised\":(\\d+).*", "$1")),
                "evaluated", Integer.parseInt(body.replaceAll(".*\"evaluated\":(\\d+).*", "$1")),
                "outcome", body.replaceAll(".*\"outcome\":\"([A-Z_]+)\".*", "$1"));
    }

    private List<Integer> concurrentEvaluations(LocalDate asOf, int at) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(at);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < at; i++) {
                calls.add(() -> new WebSession(base).api("POST", "api/v1/escalation/evaluations", "{\"asOf\":\"" + asOf + "\"}",
                        ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResponse<byte[]> pdf(String path, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(Http.resolve(base, path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }


    private boolean awaitMail(String recipient, String subjectStart) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (recipients(m).contains(recipient) && m.getSubject().startsWith(subjectStart)) {
                    return true;
                }
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static String recipients(MimeMessage m) {
        try {
            return String.valueOf(java.util.Arrays.toString(m.getAllRecipients()));
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static void waitUntil(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(250);
        }
    }

    private static long open(long episodeId, String rule) throws Exception {
        return Clinic.number(databaseUrl, "SELECT count(*) FROM escalation_flag WHERE episode_id = ? AND status = 'OPEN' AND rule = '" + rule + "'", episodeId);
    }

    private static long openFlags(long episodeId) throws Exception {
        return Clinic.number(databaseUrl, "SELECT count(*) FROM escalation_flag WHERE episode_id = ? AND status = 'OPEN'", episodeId);
    }

    private static Long count(String sql, Object parameter) throws Exception {
        return Clinic.number(databaseUrl, sql, parameter);
    }

    private static long number(String sql, Object parameter) throws Exception {
        return Clinic.number(databaseUrl, sql, parameter);
    }

    private static String text(String sql, Object parameter) throws Exception {
        return Clinic.text(databaseUrl, sql, parameter);
    }
}
