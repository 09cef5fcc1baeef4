package org.spinepathway.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.Json;

import jakarta.json.JsonObject;
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
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spinepathway.testing.Browser;
import org.spinepathway.testing.BrowserSession;
import org.spinepathway.testing.CareFixtures;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.Http;
import org.spinepathway.testing.Mailbox;
import org.spinepathway.testing.ShiftedClockProducer;
import org.spinepathway.testing.WebSession;

/**
 * Follow-up that patients answer, against the real server and a real SMTP server (GreenMail): the
 * invitation job invites a patient whose care started a week ago, once however often it runs; a
 * reminder follows after the spacing and stops once the check-in is answered (through the e-mail's
 * link, on a phone, or on the portal); a patient who stopped the e-mails gets none; links that are
 * used, expired or unknown are refused in words; staff read the completion.
 */
@ExtendWith(ArquillianExtension.class)
class FollowUpIT {

    private static final String PASSWORD = "Follow-up-pass-1";
    private static final Pattern ANSWER_LINK = Pattern.compile("/follow-up\\.xhtml\\?t=([A-Za-z0-9_-]{43})\\s");
    private static final Pattern STOP_LINK = Pattern.compile("/follow-up-stop\\.xhtml\\?t=([A-Za-z0-9_-]{43})\\s");
    private static final Path CLOCK = Path.of("target", "follow-up-clock-shift").toAbsolutePath();
    private static String databaseUrl;
    private static GreenMail smtp;

    @ArquillianResource
    URL base;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    private String physio;
    private CareFixtures fixtures;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        databaseUrl = EmbeddedDatabase.get().createDatabase("follow_up");
        smtp = Mailbox.startSmtp();
        ShiftedClockProducer.shift(CLOCK, Duration.ZERO);
        return ClinicDeployment.onDatabase(databaseUrl, Map.of("clinic.mail.host", "localhost", "clinic.mail.port", Mailbox.port(smtp),
                "clinic.mail.poll-seconds", "1", "clinic.follow-up.reminders", "2", "clinic.follow-up.reminder-spacing-days", "1",
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
        ShiftedClockProducer.shift(CLOCK, Duration.ZERO);
        physio = "physio-" + UUID.randomUUID().toString().substring(0, 8);
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Pat Physio");
        fixtures = new CareFixtures(base, databaseUrl, PASSWORD);
    }

    @Test
    void aPatientWhoseCareStartedAWeekAgo_shouldBeInvitedOnce_howeverOftenTheJobRuns() throws Exception {
        String email = patientInCareSince(today.minusDays(7), "Ines");
        invite();
        MimeMessage invitation = Mailbox.await(smtp, email, "Your check-in with");
        String text = Mailbox.text(invitation);
        assertTrue(text.startsWith("Hello Ines,"), text);
        assertTrue(ANSWER_LINK.matcher(text).find() && STOP_LINK.matcher(text).find(), text);
        assertEquals("W1", Clinic.text(databaseUrl, "SELECT fi.time_point FROM follow_up_invitation fi JOIN episode_of_care e ON e.id = fi.episode_id"
                + " JOIN patient p ON p.id = e.patient_id WHERE p.email = ?", email));

        invite();
        // Two runs at once (as two instances' timers would): one runs, the other is refused or finds nothing new.
        List<CompletableFuture<HttpResponse<String>>> together = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> new WebSession(base).api("POST", "api/v1/follow-up/invitations", "{}",
                        ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD))).toList();
        for (CompletableFuture<HttpResponse<String>> run : together) {
            int status = run.get().statusCode();
            assertTrue(status == 200 || status == 409, run.get().body());
        }
        Thread.sleep(3000);
        assertEquals(1, followUpMailsTo(email), "running the job again sends nothing new");
        assertEquals(1, outboxRowsTo(email));
        // Sent, the stored copy opens nothing: the database keeps the links' tokens as hashes only.
        String answerToken = token(ANSWER_LINK, text);
        assertEquals(0, Clinic.number(databaseUrl, "SELECT count(*) FROM mail_outbox WHERE strpos(body, ?) > 0", answerToken));
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM mail_outbox WHERE recipient = ? AND follow_up_invitation_id IS NOT NULL"
                + " AND body LIKE '%follow-up.xhtml?t=(sent)%' AND list_unsubscribe LIKE '%stop?t=(sent)'", email));
    }

    @Test
    void aReminder_shouldFollowAfterTheSpacing_andNoneOnceTheCheckInIsAnsweredThroughTheLinkOnAPhone() throws Exception {
        String email = patientInCareSince(today.minusDays(7), "Rosa");
        invite();
        String first = Mailbox.text(Mailbox.await(smtp, email, "Your check-in with"));
        invite();
        assertEquals(1, outboxRowsTo(email), "no reminder the same day");
        ShiftedClockProducer.shift(CLOCK, Duration.ofDays(1));
        invite();
        String reminder = Mailbox.text(Mailbox.await(smtp, email, "Reminder: your check-in with"));
        assertTrue(reminder.contains("We have not had your answers yet"), reminder);
        String token = token(ANSWER_LINK, reminder);
        HttpResponse<String> replaced = new WebSession(base).get("follow-up.xhtml?t=" + token(ANSWER_LINK, first));
        assertTrue(replaced.body().contains("This link was replaced by the one in our latest e-mail"), "one live link per check-in");

        WebDriver browser = Browser.start();
        try {
            Browser.emulatePhone(browser);
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            browser.get(Http.resolve(base, "follow-up.xhtml?t=" + token).toString());
            // The first question, in the first page load, with no password and nothing else of the patient's.
            assertTrue(browser.findElement(By.id("assessment:nrs")).isDisplayed());
            assertTrue(browser.findElement(By.id("hello")).getText().startsWith("Hello Rosa."), browser.findElement(By.id("hello")).getText());
            assertTrue(browser.findElements(By.id("navForm")).isEmpty(), "no menu, no name, no way elsewhere");
            assertFalse(browser.getPageSource().contains(email), "the address is not shown");
            Browser.keepEvidence(browser, "follow-up-link-phone");
            Browser.choose(wait, "assessment:nrs", 3);
            browser.findElement(By.id("assessment:record")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("recorded")));
            assertTrue(browser.findElements(By.id("after:progress")).isEmpty(), "no way to earlier answers");
            Browser.keepEvidence(browser, "follow-up-link-recorded");
            Browser.assertNoConsoleErrors(browser);

            browser.get(Http.resolve(base, "patient/home.xhtml").toString());
            wait.until(ExpectedConditions.urlContains("login.xhtml"));
        } finally {
            browser.quit();
        }
        assertEquals("3", Clinic.text(databaseUrl, "SELECT a.nrs FROM assessment a JOIN episode_of_care e ON e.id = a.episode_id"
                + " JOIN patient p ON p.id = e.patient_id WHERE p.email = ? AND a.source = 'PATIENT'", email));

        ShiftedClockProducer.shift(CLOCK, Duration.ofDays(2));
        invite();
        Thread.sleep(3000);
        assertEquals(2, outboxRowsTo(email), "the invitation and one reminder: none after the answer");
        HttpResponse<String> usedAgain = new WebSession(base).get("follow-up.xhtml?t=" + token);
        assertEquals(200, usedAgain.statusCode());
        assertTrue(usedAgain.body().contains("This check-in is answered already"), usedAgain.body());
    }

    @Test
    void aCheckInAnsweredOnThePortal_shouldGetNoReminder() throws Exception {
        String email = patientInCareSince(today.minusDays(7), "Paula");
        invite();
        Mailbox.await(smtp, email, "Your check-in with");
        long episode = Clinic.number(databaseUrl, "SELECT e.id FROM episode_of_care e JOIN patient p ON p.id = e.patient_id WHERE p.email = ?", email);
        WebSession portal = new WebSession(base);
        portal.signIn(email, PASSWORD);
        String home = portal.get("patient/home.xhtml").body();
        assertTrue(home.contains("Check-ins to answer now") && home.contains("Your check-in (week 1) is open until"), home);
        HttpResponse<String> checkIn = new WebSession(base).api("POST", "api/v1/episodes/" + episode + "/assessments",
                "{\"date\":\"" + today + "\",\"source\":\"PATIENT\",\"nrs\":4}", email, PASSWORD);
        assertEquals(201, checkIn.statusCode(), checkIn.body());
        assertFalse(portal.get("patient/home.xhtml").body().contains("Check-ins to answer now"), "answered: no longer due");
        String link = token(ANSWER_LINK, Mailbox.text(Mailbox.await(smtp, email, "Your check-in with")));
        HttpResponse<String> signedIn = portal.get("follow-up.xhtml?t=" + link);
        assertTrue(signedIn.body().contains("Someone is signed in to the clinic in this browser"), "a link never replaces a password session");
        assertEquals(200, portal.get("patient/home.xhtml").statusCode(), "and that session goes on");
        ShiftedClockProducer.shift(CLOCK, Duration.ofDays(1));
        invite();
        Thread.sleep(3000);
        assertEquals(1, outboxRowsTo(email));
    }

    @Test
    void aPatientWhoStoppedTheEmails_shouldGetNothingMore() throws Exception {
        String email = patientInCareSince(today.minusDays(7), "Olga");
        invite();
        MimeMessage invitation = Mailbox.await(smtp, email, "Your check-in with");
        String stopToken = token(STOP_LINK, Mailbox.text(invitation));
        HttpResponse<String> opened = new WebSession(base).get("follow-up-stop.xhtml?t=" + stopToken);
        assertTrue(opened.body().contains("To stop these e-mails, press the button"), opened.body());
        assertEquals(0, Clinic.number(databaseUrl, "SELECT count(*) FROM patient WHERE email = ? AND follow_up_stopped_at IS NOT NULL", email),
                "opening the link (as a mail filter does) stops nothing");
        // The mail program's one-click "unsubscribe" (RFC 8058) posts to the address in the header.
        String oneClick = invitation.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
        assertEquals("List-Unsubscribe=One-Click", invitation.getHeader("List-Unsubscribe-Post")[0]);
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(Http.resolve(base,
                        oneClick.substring(oneClick.indexOf("/follow-up/stop")))).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, posted.statusCode(), posted.body());
        assertTrue(new WebSession(base).get("follow-up-stop.xhtml?t=" + stopToken).body().contains("You asked for no more follow-up e-mails"));
        ShiftedClockProducer.shift(CLOCK, Duration.ofDays(1));
        invite();
        Thread.sleep(3000);
        assertEquals(1, outboxRowsTo(email), "no reminder after stopping");

        String stoppedFirst = patientInCareSince(today.minusDays(7), "Nora");
        WebSession portal = new WebSession(base);
        portal.signIn(stoppedFirst, PASSWORD);
        HttpResponse<String> toggled = portal.submit("patient/home.xhtml", "followUpEmails", Map.of(), "toggle");
        assertTrue(toggled.body().contains("Follow-up e-mails are stopped"), toggled.body());
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM patient WHERE email = ? AND follow_up_stopped_at IS NOT NULL", stoppedFirst));
        String pressed = patientInCareSince(today.minusDays(7), "Stella");
        invite();
        String stella = Mailbox.text(Mailbox.await(smtp, pressed, "Your check-in with"));
        String stellaStop = "follow-up-stop.xhtml?t=" + token(STOP_LINK, stella);
        HttpResponse<String> button = new WebSession(base).submit(stellaStop, "stop", Map.of("t", stellaStop.substring(stellaStop.indexOf('=') + 1)),
                "stopButton");
        assertTrue(button.body().contains("You will get no more follow-up e-mails"), button.body());
        String deceased = patientInCareSince(today.minusDays(7), "Dora");
        Clinic.execute(databaseUrl, "UPDATE patient SET deceased_on = now()::date WHERE email = ?", deceased);
        invite();
        Thread.sleep(3000);
        assertEquals(0, outboxRowsTo(stoppedFirst));
        assertEquals(0, outboxRowsTo(deceased));
        ShiftedClockProducer.shift(CLOCK, Duration.ofDays(2));
        invite();
        Thread.sleep(3000);
        assertEquals(1, outboxRowsTo(pressed), "no reminder after the page's button");
    }

    @Test
    void anOutcomeTimePoint_shouldAskWorkAndPainMedication_insteadOfTheWeeklyCheckIn() throws Exception {
        String email = patientInCareSince(today.minusDays(42), "Olive");
        invite();
        String text = Mailbox.text(Mailbox.await(smtp, email, "Your check-in with"));
        assertTrue(text.contains("It is 6 weeks after care started"), text);
        assertEquals("P6W", Clinic.text(databaseUrl, "SELECT fi.time_point FROM follow_up_invitation fi JOIN episode_of_care e ON e.id = fi.episode_id"
                + " JOIN patient p ON p.id = e.patient_id WHERE p.email = ?", email));
        WebDriver browser = Browser.start();
        try {
            Browser.emulatePhone(browser);
            browser.get(Http.resolve(base, "follow-up.xhtml?t=" + token(ANSWER_LINK, text)).toString());
            assertTrue(browser.findElement(By.id("outcomeNote")).getText().contains("also asks about work and pain medicines"));
            assertTrue(browser.getPageSource().contains("Which describes your work now?") && browser.getPageSource().contains("an opioid"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                    browser.findElement(By.id("assessment:workStatus")));
            Browser.keepEvidence(browser, "follow-up-outcome-questions-phone");
        } finally {
            browser.quit();
        }

        long episode = Clinic.number(databaseUrl, "SELECT e.id FROM episode_of_care e JOIN patient p ON p.id = e.patient_id WHERE p.email = ?", email);
        HttpResponse<String> refused = new WebSession(base).api("POST", "api/v1/episodes/" + episode + "/assessments",
                "{\"date\":\"" + today + "\",\"source\":\"PATIENT\",\"nrs\":2,\"workStatus\":\"BUSY\"}", email, PASSWORD);
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("workStatus"), refused.body());
        HttpResponse<String> answered = new WebSession(base).api("POST", "api/v1/episodes/" + episode + "/assessments",
                "{\"date\":\"" + today + "\",\"source\":\"PATIENT\",\"nrs\":2,\"workStatus\":\"WORKING_REDUCED\",\"painMedication\":\"OPIOID\"}",
                email, PASSWORD);
        assertEquals(201, answered.statusCode(), answered.body());
        assertEquals("WORKING_REDUCED OPIOID", Clinic.text(databaseUrl, "SELECT work_status || ' ' || pain_medication FROM assessment WHERE episode_id = ?",
                episode));
    }

    @Test
    void anExpiredOrUnknownLink_shouldBeRefusedWithAClearPage() throws Exception {
        String email = patientInCareSince(today.minusDays(7), "Edna");
        invite();
        String text = Mailbox.text(Mailbox.await(smtp, email, "Your check-in with"));
        String token = token(ANSWER_LINK, text);
        // The window's end come and gone: the link's time is over.
        Clinic.execute(databaseUrl, "UPDATE follow_up_link SET created_at = created_at - interval '30 days', expires_at = now() - interval '1 minute'"
                + " WHERE invitation_id = (SELECT fi.id FROM follow_up_invitation fi JOIN episode_of_care e ON e.id = fi.episode_id"
                + " JOIN patient p ON p.id = e.patient_id WHERE p.email = ?)", email);
        HttpResponse<String> expired = new WebSession(base).get("follow-up.xhtml?t=" + token);
        assertEquals(200, expired.statusCode());
        assertTrue(expired.body().contains("The time for this check-in is over"), expired.body());
        assertFalse(expired.body().contains("assessment:nrs"));
        HttpResponse<String> unknown = new WebSession(base).get("follow-up.xhtml?t=" + "A".repeat(43));
        assertTrue(unknown.body().contains("This link does not open a check-in"), unknown.body());
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM audit_event WHERE action = 'SIGN_IN_FAILURE' AND lower(username) = lower(?)"
                + " AND detail = 'a follow-up check-in link that is refused (expired)'", email), "the refused opening is audited");

        String closedLongAgo = patientInCareSince(today.minusDays(20), "Elsa");
        invite(today.minusDays(13));
        Thread.sleep(2000);
        assertEquals(0, outboxRowsTo(closedLongAgo), "a run as of a past date invites to no window already closed");
    }

    @Test
    void completion_shouldBeCountedPerTimePoint_forStaffOnly() throws Exception {
        String answered = patientInCareSince(today.minusDays(7), "Cara");
        patientInCareSince(today.minusDays(7), "Cleo");
        invite();
        long episode = Clinic.number(databaseUrl, "SELECT e.id FROM episode_of_care e JOIN patient p ON p.id = e.patient_id WHERE p.email = ?", answered);
        assertEquals(201, new WebSession(base).api("POST", "api/v1/episodes/" + episode + "/assessments",
                "{\"date\":\"" + today + "\",\"source\":\"PATIENT\",\"nrs\":4}", answered, PASSWORD).statusCode());

        HttpResponse<String> completion = new WebSession(base).api("GET", "api/v1/follow-up/completion?from=" + today + "&to=" + today,
                null, physio, PASSWORD);
        assertEquals(200, completion.statusCode(), completion.body());
        JsonObject weekly = Json.createReader(new StringReader(completion.body())).readArray().getJsonObject(0);
        assertEquals("WEEKLY", weekly.getString("timePoint"));
        long invited = weekly.getJsonNumber("invited").longValueExact();
        long answeredCount = weekly.getJsonNumber("answered").longValueExact();
        assertTrue(invited >= 2 && answeredCount >= 1, completion.body());
        assertEquals(Long.parseLong(Clinic.text(databaseUrl, "SELECT count(*) FROM follow_up_invitation WHERE NOT outcome AND due_on = ?", today)),
                invited);

        HttpResponse<String> badDate = new WebSession(base).api("GET", "api/v1/follow-up/completion?from=yesterday", null, physio, PASSWORD);
        assertEquals(400, badDate.statusCode());
        assertTrue(badDate.body().contains("\"from\""), badDate.body());
        assertEquals(403, new WebSession(base).api("GET", "api/v1/follow-up/completion", null, answered, PASSWORD).statusCode());
        assertEquals(403, new WebSession(base).api("POST", "api/v1/follow-up/invitations", "{}", physio, PASSWORD).statusCode());

        WebSession physioPages = new WebSession(base);
        physioPages.signIn(physio, PASSWORD);
        HttpResponse<String> csv = physioPages.submit("physio/follow-up.xhtml", "filter", Map.of(), "csv");
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csv.headers().toString());
        assertTrue(csv.body().startsWith("Physiotherapist,Check-in,Invited,Answered,Rate"), csv.body());
        assertTrue(csv.body().contains("Whole clinic,Weekly check-ins,") && csv.body().contains("Pat Physio,Weekly check-ins,"), csv.body());

        BrowserSession staff = BrowserSession.signIn(base, physio, PASSWORD, "caseload");
        try {
            staff.open("physio/follow-up.xhtml");
            assertTrue(staff.driver().getPageSource().contains("Weekly check-ins") && staff.driver().getPageSource().contains("Pat Physio"));
            assertEquals(1, staff.chartDatasets("completionChart"));
            staff.checkAccessibility("follow-up completion");
            assertEquals(List.of(), staff.axeFindings());
        } finally {
            staff.close("follow-up-completion");
        }
    }

    /** A registered patient with a confirmed address, an episode, and a plan whose care started on {@code start}; their address. */
    private String patientInCareSince(LocalDate start, String givenName) throws SQLException {
        String email = givenName.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        long episode = fixtures.episodeWithIntake(physio, email, givenName, "Example", 6, 2, start.minusDays(1), "{}");
        fixtures.plan(physio, episode, start, "Walk further");
        Clinic.execute(databaseUrl, "UPDATE user_account SET email_confirmed_at = now() WHERE lower(username) = lower(?)", email);
        return email;
    }

    /** The day's invitations and reminders, as of the server's today. */
    private JsonObject invite() {
        return invite("{}");
    }

    private JsonObject invite(LocalDate asOf) {
        return invite("{\"asOf\":\"" + asOf + "\"}");
    }

    private JsonObject invite(String body) {
        HttpResponse<String> answer = new WebSession(base).api("POST", "api/v1/follow-up/invitations", body,
                ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD);
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    private static long followUpMailsTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Mailbox.recipients(m).contains(email) && (m.getSubject().startsWith("Your check-in") || m.getSubject().startsWith("Reminder"));
            } catch (MessagingException e) {
                return false;
            }
        }).count();
    }

    private static long outboxRowsTo(String email) throws SQLException {
        return Clinic.number(databaseUrl, "SELECT count(*) FROM mail_outbox WHERE follow_up_invitation_id IS NOT NULL AND recipient = ?", email);
    }

    private static String token(Pattern link, String text) {
        Matcher m = link.matcher(text);
        assertTrue(m.find(), text);
        return m.group(1);
    }
}
