package org.spinepathway.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.Mailbox;
import org.spinepathway.testing.ShiftedClockProducer;
import org.spinepathway.testing.WebSession;

/**
 * The closed loop on URGENT flags against the real server, with the server's clock moved on by the
 * test: a flag nobody acknowledged in time is sent again to the on-call fallback, once; a contact
 * that reached the patient stops it; "no answer" does not. The worklist carries the phone and the
 * state of the loop, and the acknowledgement call refuses what it cannot take. Reaching a patient
 * needs a number that works: the API stores phones as E.164 and refuses what is no phone number.
 * Two sign-in rules that need the clock moved on are here too: a web session's 12-hour lifetime, and
 * the end of the wait that wrong passwords impose on an account.
 */
@ExtendWith(ArquillianExtension.class)
class UrgentContactIT {

    private static final String PASSWORD = "Urgent-contact-pass-1";
    private static final String ON_CALL = "oncall@clinic.test";
    private static final Path CLOCK = Path.of("target", "urgent-contact-clock-shift").toAbsolutePath();
    private static final Duration PAST_THE_ACKNOWLEDGEMENT_TIME = Duration.ofMinutes(61);
    private static String databaseUrl;
    private static GreenMail smtp;

    @ArquillianResource
    URL base;

    private String physio;
    private String physician;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        databaseUrl = EmbeddedDatabase.get().createDatabase("urgent_contact");
        smtp = Mailbox.startSmtp();
        ShiftedClockProducer.shift(CLOCK, Duration.ZERO);
        return ClinicDeployment.onDatabase(databaseUrl, Map.of("clinic.mail.host", "localhost", "clinic.mail.port", Mailbox.port(smtp),
                        "clinic.mail.poll-seconds", "1", "clinic.notify.urgent-fallback", ON_CALL,
                        "clinic.escalation.urgent-ack-minutes", "60", "clinic.escalation.urgent-ack-check-seconds", "1",
                        "clinic.test.clock-shift-file", CLOCK.toString()))
                .addClass(ShiftedClockProducer.class);
    }

    @AfterAll
    static void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @BeforeEach
    void staff() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        physio = "physio-" + run;
        physician = "doctor-" + run;
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Pat Physio");
        Clinic.createStaff(base, physician, PASSWORD, "PHYSICIAN", "Dr Spine");
    }

    @Test
    void aWebSession_shouldEndTwelveHoursAfterItsSignIn_howeverActiveItIs() {
        // Here because this deployment's clock can be moved on; the idle timeout runs on the real clock.
        WebSession browser = new WebSession(base);
        assertEquals(302, browser.signIn(physio, PASSWORD).statusCode());
        assertEquals(200, browser.get("physio/caseload.xhtml").statusCode());
        ShiftedClockProducer.shift(CLOCK, ShiftedClockProducer.shiftIn(CLOCK).plus(Duration.ofHours(11).plusMinutes(55)));
        assertEquals(200, browser.get("physio/caseload.xhtml").statusCode(), "almost twelve hours on: still signed in");
        ShiftedClockProducer.shift(CLOCK, ShiftedClockProducer.shiftIn(CLOCK).plus(Duration.ofMinutes(10)));
        HttpResponse<String> ended = browser.get("physio/caseload.xhtml");
        assertEquals(302, ended.statusCode());
        assertTrue(ended.headers().firstValue("Location").orElse("").contains("signed-out.xhtml?reason=expired"), ended.headers().toString());
        assertTrue(browser.get(ended.headers().firstValue("Location").orElseThrow()).body().contains("a sign-in lasts at most a working day"));
        assertEquals(302, browser.get("physio/caseload.xhtml").statusCode(), "the session is gone");
    }

    @Test
    void anAccountMadeToWaitByWrongPasswords_shouldTakeTheRightOneOnceTheWaitIsOver() {
        // Here, like the session's lifetime, because this deployment's clock can be moved on.
        WebSession attacker = new WebSession(base);
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, attacker.api("GET", "api/v1/worklist", null, physician, "Wrong-guess-number-" + i).statusCode());
        }
        assertEquals(401, new WebSession(base).api("GET", "api/v1/worklist", null, physician, PASSWORD).statusCode(),
                "while the account waits, a client it has not used is refused even the right password");
        assertEquals(401, attacker.api("GET", "api/v1/worklist", null, physician, "Wrong-guess-number-6").statusCode());
        ShiftedClockProducer.shift(CLOCK, ShiftedClockProducer.shiftIn(CLOCK).plus(Duration.ofSeconds(61)));
        assertEquals(200, new WebSession(base).api("GET", "api/v1/worklist", null, physician, PASSWORD).statusCode(),
                "a minute on, the right password passes: guesses during the wait did not stretch it");
    }

    @Test
    void urgentFlagNobodyAcknowledged_shouldBeSentAgainToTheFallback_once() throws Exception {
        Urgent flag = urgentFlag("+447400900101");
        timePasses();
        MimeMessage resent = awaitOverdueMail(flag.mrn());
        assertEquals(ON_CALL, resent.getAllRecipients()[0].toString());
        assertTrue(resent.getContent().toString().contains("/physician/flag.xhtml?id=" + flag.id()), resent.getContent().toString());
        Thread.sleep(3000);   // three more checks of the watch
        assertEquals(1, overdueMails(flag.mrn()).size(), "sent again once, not at every check");
        JsonObject row = worklistRow(flag.mrn());
        assertTrue(row.getBoolean("overdue"));
        assertFalse(row.getBoolean("acknowledged"));
    }

    @Test
    void urgentFlagWhosePatientWasReached_shouldNotBeSentAgain() throws Exception {
        Urgent reached = urgentFlag("+447400900102");
        Urgent control = urgentFlag("+447400900103");
        HttpResponse<String> ack = acknowledge(physio, reached.id(), "{\"method\":\"PHONE\",\"note\":\"Told to go to the emergency department now\"}");
        assertEquals(201, ack.statusCode(), ack.body());
        long ackId = read(ack.body()).asJsonObject().getJsonNumber("id").longValue();
        assertEquals("PHONE", Clinic.text(databaseUrl, "SELECT method FROM flag_acknowledgement WHERE id = ?", ackId));
        assertEquals(physio, Clinic.text(databaseUrl, "SELECT created_by FROM flag_acknowledgement WHERE id = ?", ackId));
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM audit_event WHERE record_type = 'FlagAcknowledgement' AND record_id = ?", ackId),
                "the acknowledgement is audited");
        timePasses();
        awaitOverdueMail(control.mrn());   // the watch has run past the acknowledgement time
        assertTrue(overdueMails(reached.mrn()).isEmpty(), "a patient who was reached is not chased again");
        JsonObject row = worklistRow(reached.mrn());
        assertTrue(row.getBoolean("acknowledged"));
        assertFalse(row.getBoolean("overdue"));
        assertEquals("OPEN", Clinic.text(databaseUrl, "SELECT status FROM escalation_flag WHERE id = ?", reached.id()),
                "the physician's decision is still to come");
    }

    @Test
    void urgentFlagWhoseContactGotNoAnswer_shouldStayUnacknowledged_andBeSentAgain() throws Exception {
        Urgent flag = urgentFlag("+447400900104");
        HttpResponse<String> ack = acknowledge(physician, flag.id(), "{\"method\":\"NO_ANSWER\"}");
        assertEquals(201, ack.statusCode(), ack.body());
        assertFalse(worklistRow(flag.mrn()).getBoolean("acknowledged"));
        timePasses();
        awaitOverdueMail(flag.mrn());
    }

    @Test
    void worklistRowOfAnUrgentFlag_shouldCarryThePatientsPhone_orNoneWhenThereIsNone() throws Exception {
        Urgent withPhone = urgentFlag("07400 900105");
        Urgent withoutPhone = urgentFlag(null);
        assertEquals("+447400900105", worklistRow(withPhone.mrn()).getString("phone"), "stored and shown as E.164");
        JsonObject none = worklistRow(withoutPhone.mrn());
        assertTrue(none.containsKey("phone") && none.isNull("phone"), "an URGENT row says there is no phone: " + none);
    }

    @Test
    void patientCreatedThroughTheApi_shouldHaveTheirPhoneAndEmergencyContactStoredAsE164() throws Exception {
        String email = "reach-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> created = api().api("POST", "api/v1/patients", "{\"givenName\":\"Rhea\",\"familyName\":\"Reach\","
                + "\"birthDate\":\"1970-03-03\",\"sex\":\"FEMALE\",\"email\":\"" + email + "\",\"phone\":\"07400 900107\","
                + "\"emergencyContact\":{\"name\":\"Ray Reach\",\"phone\":\"(020) 7946 0107\"}}", physio, PASSWORD);
        assertEquals(201, created.statusCode(), created.body());
        long id = Clinic.idOf(created.body());
        assertEquals("+447400900107", Clinic.text(databaseUrl, "SELECT phone FROM patient WHERE id = ?", id));
        assertEquals("Ray Reach", Clinic.text(databaseUrl, "SELECT emergency_contact_name FROM patient WHERE id = ?", id));
        assertEquals("+442079460107", Clinic.text(databaseUrl, "SELECT emergency_contact_phone FROM patient WHERE id = ?", id));
        JsonObject shown = read(api().api("GET", "api/v1/patients/" + id, null, physio, PASSWORD).body()).asJsonObject();
        assertEquals("+447400900107", shown.getString("phone"));
        assertEquals("+442079460107", shown.getJsonObject("emergencyContact").getString("phone"));
    }

    @Test
    void patientWithANumberThatIsNoPhoneNumber_shouldBeRefusedNamingThePhone_andNothingStored() throws Exception {
        String email = "unreachable-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        for (String bad : List.of("hello", "12", "+999 123", "07700 900123")) {
            HttpResponse<String> refused = api().api("POST", "api/v1/patients", "{\"givenName\":\"Nora\",\"familyName\":\"Number\","
                    + "\"birthDate\":\"1970-03-03\",\"sex\":\"FEMALE\",\"email\":\"" + email + "\",\"phone\":\"" + bad + "\"}",
                    physio, PASSWORD);
            assertRefused(refused, 400, "phone");
            assertTrue(read(refused.body()).asJsonObject().getJsonArray("errors").getJsonObject(0).getString("message")
                    .contains("the patient's phone number"), bad + ": " + refused.body());
        }
        assertRefused(api().api("POST", "api/v1/patients", "{\"givenName\":\"Nora\",\"familyName\":\"Number\","
                + "\"birthDate\":\"1970-03-03\",\"sex\":\"FEMALE\",\"email\":\"" + email + "\","
                + "\"emergencyContact\":{\"name\":\"Half Contact\"}}", physio, PASSWORD), 400, "emergencyContact.phone");
        assertEquals(0, Clinic.number(databaseUrl, "SELECT count(*) FROM patient WHERE email = ?", email), "nothing stored");
    }

    @Test
    void acknowledgement_shouldBeRefusedWithTheReason_forWhatItCannotTake() throws Exception {
        Urgent flag = urgentFlag("+447400900106");
        assertRefused(acknowledge(physio, flag.id(), "{\"note\":\"Spoke to her\"}"), 400, "method");
        assertRefused(acknowledge(physio, flag.id(), "{\"method\":\"CARRIER_PIGEON\",\"note\":\"x\"}"), 400, "method");
        assertRefused(acknowledge(physio, flag.id(), "{\"method\":\"PHONE\"}"), 400, "note");
        assertRefused(acknowledge(physio, flag.id(), "{\"method\":\"PHONE\",\"note\":\"x\",\"contactedAt\":\""
                + OffsetDateTime.now().plus(ShiftedClockProducer.shiftIn(CLOCK)).plusDays(1) + "\"}"), 400, "contactedAt");
        assertRefused(acknowledge(physio, flag.id(), "{\"method\":\"PHONE\",\"note\":\"x\",\"contactedAt\":\"yesterday\"}"), 400, "contactedAt");
        assertEquals(404, acknowledge(physio, Long.MAX_VALUE, "{\"method\":\"PHONE\",\"note\":\"x\"}").statusCode());
        assertEquals(0, Clinic.number(databaseUrl, "SELECT count(*) FROM flag_acknowledgement WHERE flag_id = ?", flag.id()), "nothing stored");
    }

    private record Urgent(long id, long episodeId, String mrn) {
    }

    /** A patient (with this phone, or none) whose intake answers "yes" to saddle numbness: an URGENT flag. */
    private Urgent urgentFlag(String phone) throws Exception {
        String email = "urgent-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> patient = api().api("POST", "api/v1/patients", "{\"givenName\":\"Una\",\"familyName\":\"Urgent\","
                + "\"birthDate\":\"1966-06-06\",\"sex\":\"FEMALE\",\"email\":\"" + email + "\""
                + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + "}", physio, PASSWORD);
        assertEquals(201, patient.statusCode(), patient.body());
        JsonObject created = read(patient.body()).asJsonObject();
        HttpResponse<String> episode = api().api("POST", "api/v1/patients/" + created.getJsonNumber("id").longValue() + "/episodes",
                "{\"region\":\"LUMBAR\",\"side\":\"LEFT\"}", physio, PASSWORD);
        assertEquals(201, episode.statusCode(), episode.body());
        long episodeId = read(episode.body()).asJsonObject().getJsonNumber("id").longValue();
        HttpResponse<String> intake = api().api("POST", "api/v1/episodes/" + episodeId + "/intake", """
                {"submittedOn":"%s","painNow":6,"painWorst":8,"disability":{"instrument":"ODI","answers":[2,1,3,2,1,2,1,2,2,2]},
                 "redFlags":{"saddleNumbness":true},"symptoms":{"painTravels":["LEG"],"onsetDate":"2026-09-01"}}"""
                .formatted(LocalDate.now().minusDays(1)), physio, PASSWORD);
        assertEquals(201, intake.statusCode(), intake.body());
        long flagId = Clinic.number(databaseUrl, "SELECT id FROM escalation_flag WHERE episode_id = ? AND rule = 'RED_FLAG'", episodeId);
        return new Urgent(flagId, episodeId, created.getString("mrn"));
    }

    private WebSession api() {
        return new WebSession(base);
    }

    private HttpResponse<String> acknowledge(String user, long flagId, String body) {
        return api().api("POST", "api/v1/flags/" + flagId + "/acknowledgements", body, user, PASSWORD);
    }

    /** The acknowledgement time passes on the server's clock. */
    private static void timePasses() {
        ShiftedClockProducer.shift(CLOCK, ShiftedClockProducer.shiftIn(CLOCK).plus(PAST_THE_ACKNOWLEDGEMENT_TIME));
    }

    /** The patient's one worklist row, found by searching for the MRN; led by their URGENT flag, which heads its flags too. */
    private JsonObject worklistRow(String mrn) {
        HttpResponse<String> list = api().api("GET", "api/v1/worklist?priority=URGENT&size=100&search=" + mrn, null, physician, PASSWORD);
        assertEquals(200, list.statusCode(), list.body());
        List<JsonObject> rows = read(list.body()).asJsonArray().stream().map(JsonValue::asJsonObject).filter(r -> r.getString("mrn").equals(mrn))
                .toList();
        assertEquals(1, rows.size(), "patient " + mrn + " is on the worklist once: " + list.body());
        JsonObject row = rows.get(0);
        assertEquals(row.getJsonNumber("id"), row.getJsonArray("flags").getJsonObject(0).getJsonNumber("id"), "the leading flag heads the row's flags");
        return row;
    }

    private static MimeMessage awaitOverdueMail(String mrn) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            List<MimeMessage> found = overdueMails(mrn);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no overdue notice for patient " + mrn + " within 30 s");
    }

    private static List<MimeMessage> overdueMails(String mrn) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getSubject().startsWith("OVERDUE URGENT") && m.getSubject().contains(mrn)) {
                found.add(m);
            }
        }
        return found;
    }

    private static void assertRefused(HttpResponse<String> answer, int status, String field) {
        assertEquals(status, answer.statusCode(), answer.body());
        JsonObject error = read(answer.body()).asJsonObject().getJsonArray("errors").getJsonObject(0);
        assertEquals(field, error.getString("field"), answer.body());
    }

    private static JsonValue read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
