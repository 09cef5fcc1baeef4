package org.spinepathway.intake.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spinepathway.testing.Axe;
import org.spinepathway.testing.Browser;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.Http;
import org.spinepathway.testing.PhoneLayout;
import org.spinepathway.testing.WebSession;

/**
 * The patient's intake in headless Chromium: every step filled, the browser closed and the intake
 * resumed, submission and its result; a red flag's urgent instruction and the physician's worklist.
 * axe-core checks every intake page.
 */
@ExtendWith(ArquillianExtension.class)
class IntakeBrowserIT {

    private static final String PASSWORD = "Intake-pass-2026";
    private static final String SCRIPT_TEXT = "<script>alert('x')</script> & Co";
    private static String databaseUrl;

    @ArquillianResource
    URL base;

    private WebDriver browser;
    private WebDriverWait wait;
    private String email;
    private final List<String> axeFindings = new ArrayList<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        databaseUrl = EmbeddedDatabase.get().createDatabase("intake_browser");
        // The physician is told through the outbox; here it only queues (no SMTP server to send to).
        return ClinicDeployment.onDatabase(databaseUrl, Map.of("clinic.notify.urgent-fallback", "on-call@clinic.test",
                "clinic.mail.enabled", "false"));
    }

    @BeforeEach
    void registerPatient() {
        email = "intake-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Clinic.registerPatient(base, email, PASSWORD, "Rosa", "Parks", "1971-02-04", "FEMALE");
        openBrowserAndSignIn();
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        if (browser != null) {
            Browser.keepEvidence(browser, "IntakeBrowserIT-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
            browser.quit();
        }
    }

    @Test
    void patient_shouldFillEveryStep_leaveAndResume_andSubmitOnce() throws Exception {
        browser.findElement(By.id("startIntake")).click();
        waitForStep(1);
        checkAccessibility("step 1");

        // Step 1: "Save and continue" with nothing answered names every required question.
        next();
        assertTrue(fieldMessage("intake:mainArea").contains("main pain"), fieldMessage("intake:mainArea"));
        choose("intake:mainArea", 0);          // lower back
        choose("intake:side", 0);              // left
        choose("intake:travels", 2);           // lower leg
        choose("intake:painNow", 6);
        choose("intake:painWorst", 8);
        choose("intake:painCharacter", 1);     // shooting
        browser.findElement(By.id("intake:onsetDate_input")).sendKeys("2026-09-14");
        choose("intake:onsetCause", 1);        // lifting
        next();

        waitForStep(2);
        checkAccessibility("step 2");
        choose("intake:nerve:0:answer", 2);    // numbness in the left leg
        next();

        waitForStep(3);
        checkAccessibility("step 3");
        next();
        // The refusal comes back by Ajax: wait for it rather than read the page before it arrives.
        assertTrue(wait.until((WebDriver d) -> d.getPageSource().contains("this question is important for your safety")), "red flags must all be answered");
        for (int i = 0; i < 10; i++) {
            choose("intake:redFlags:" + i + ":answer", 1);   // no
        }
        next();

        waitForStep(4);
        checkAccessibility("step 4");
        choose("intake:medications", 1);       // anti-inflammatories
        browser.findElement(By.id("intake:otherMedication")).sendKeys(SCRIPT_TEXT);
        waitForAutosave();

        // The patient closes the browser mid-step, comes back in a new one, and resumes.
        browser.quit();
        openBrowserAndSignIn();
        browser.findElement(By.linkText("open")).click();
        waitForStep(4);
        assertTrue(browser.findElement(By.id("intake:medications:1")).isSelected(), "the ticked medicine was kept");
        assertEquals(SCRIPT_TEXT, browser.findElement(By.id("intake:otherMedication")).getAttribute("value"), "typed text was kept");
        next();

        waitForStep(5);
        checkAccessibility("step 5");
        choose("intake:stress", 1);
        choose("intake:anxiety", 1);
        choose("intake:workStatus", 1);
        for (int i = 0; i < 8; i++) {
            choose("intake:startBack:" + i + ":answer", i < 5 ? 0 : 1);   // agree with the first five
        }
        choose("intake:startBack:8:bother", 2);                            // moderately
        next();

        waitForStep(6);
        checkAccessibility("step 6");
        assertTrue(browser.getPageSource().contains("How your back pain affects daily life"), "lower back: the Oswestry questionnaire");
        int[] answers = {2, 1, 3, 2, 1, 2, 1, -1, 2, 2};                   // section 8 skipped
        for (int s = 0; s < answers.length; s++) {
            if (answers[s] >= 0) {
                choose("intake:disabilityAnswers:" + s + ":answer", answers[s]);
            }
        }
        next();

        waitForStep(7);
        checkAccessibility("step 7 (review)");
        assertEquals("Lower back", browser.findElement(By.id("review-mainArea")).getText());
        assertEquals("6 / 10", browser.findElement(By.id("review-painNow")).getText());
        assertEquals(SCRIPT_TEXT, browser.findElement(By.id("intake:review-otherMedication")).getText(), "text shown as typed, escaped");
        assertFalse(browser.getPageSource().contains("<script>alert"), "never as markup");
        waitForAjax();
        browser.findElement(By.id("intake:submit")).click();

        wait.until(ExpectedConditions.urlContains("/patient/intake-result.xhtml"));
        checkAccessibility("result");
        assertTrue(browser.findElement(By.id("thanks")).getText().contains("your answers have been sent"));
        assertEquals("35.6%", browser.findElement(By.id("disabilityScore")).getText(), "16 of 45 (9 sections) -> 35.6%");
        assertEquals("Medium", browser.findElement(By.id("startBackRisk")).getText());
        long episodeId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*episode=(\\d+).*", "$1"));

        // Back to the form (back button, bookmark): the submitted intake is read-only, and nothing new is made.
        browser.get(page("patient/intake.xhtml?episode=" + episodeId + "&step=7"));
        wait.until(ExpectedConditions.urlContains("/patient/intake-result.xhtml"));
        assertEquals(1, countIntakes(episodeId, "SUBMITTED"));
        assertEquals(0, countIntakes(episodeId, "DRAFT"));
        assertTrue(axeFindings.isEmpty(), "axe-core: " + axeFindings);
    }

    @Test
    void aRedFlag_shouldTellThePatientToSeekCareNow_andReachThePhysiciansWorklist() {
        // This patient uses a phone.
        Browser.emulatePhone(browser);
        browser.findElement(By.id("startIntake")).click();
        waitForStep(1);
        assertFitsTheScreen("step 1 on a phone");
        for (String scale : List.of("intake:painNow", "intake:painWorst")) {
            assertEquals(List.of(), ((JavascriptExecutor) browser).executeScript(PhoneLayout.SCALE_LINE_BREAKS.formatted(scale)), scale + " on one line");
        }
        assertEquals(List.of(), ((JavascriptExecutor) browser).executeScript(PhoneLayout.CUT_TEXT), "step 1: text cut off");
        assertTrue(((Number) ((JavascriptExecutor) browser).executeScript("return document.querySelector('header').getBoundingClientRect().height;"))
                .doubleValue() <= 844 / 5.0, "the header takes at most a fifth of the phone's screen");
        Browser.keepEvidence(browser, "IntakeBrowserIT-phone-step1");
        choose("intake:mainArea", 0);
        choose("intake:side", 2);
        choose("intake:painNow", 7);
        choose("intake:painWorst", 9);
        next();
        waitForStep(2);
        next();
        waitForStep(3);
        for (int i = 0; i < 10; i++) {
            choose("intake:redFlags:" + i + ":answer", i == 1 ? 0 : 1);   // yes to saddle numbness only
        }
        next();
        for (int step = 4; step <= 6; step++) {
            waitForStep(step);
            next();
        }
        waitForStep(7);
        waitForAjax();
        browser.findElement(By.id("intake:submit")).click();

        wait.until(ExpectedConditions.urlContains("/patient/intake-result.xhtml"));
        checkAccessibility("red-flag result");
        assertFitsTheScreen("result on a phone");
        WebElement emergency = browser.findElement(By.id("emergency"));
        assertTrue(emergency.getText().contains("Go to an emergency department now"), emergency.getText());
        assertTrue(browser.findElement(By.id("redFlagList")).getText().contains("numbness or tingling between your legs"));

        String mrn = patientMrn();
        String physician = "doctor-" + UUID.randomUUID().toString().substring(0, 8);
        WebSession api = new WebSession(base);
        Clinic.createStaff(base, physician, PASSWORD, "PHYSICIAN", "Dr Spine");
        HttpResponse<String> worklist = api.api("GET", "api/v1/worklist?priority=URGENT&size=100&search=" + mrn, null, physician, PASSWORD);
        assertEquals(200, worklist.statusCode());
        JsonArray rows = Json.createReader(new StringReader(worklist.body())).readArray();
        assertEquals(1, rows.size(), "the patient is on the worklist, once: " + worklist.body());
        JsonObject ourEntry = rows.getJsonObject(0);
        assertEquals(mrn, ourEntry.getString("mrn"));
        assertEquals("RED_FLAG", ourEntry.getString("rule"));
        assertEquals("URGENT", ourEntry.getString("priority"));
        assertEquals("RED_FLAG", ourEntry.getJsonArray("flags").getJsonObject(0).getString("rule"));
        assertTrue(ourEntry.getJsonObject("evidence").toString().contains("\"saddleNumbness\""), "the evidence names the answer");
        assertTrue(axeFindings.isEmpty(), "axe-core: " + axeFindings);
    }

    @Test
    void aRedFlagYes_shouldRaiseTheUrgentFlagTheMomentItIsSaved_evenIfTheIntakeIsNeverSent() throws Exception {
        browser.findElement(By.id("startIntake")).click();
        waitForStep(1);
        choose("intake:mainArea", 0);
        choose("intake:side", 0);
        choose("intake:painNow", 6);
        choose("intake:painWorst", 8);
        next();
        waitForStep(2);
        long episodeId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*episode=(\\d+).*", "$1"));
        next();
        waitForStep(3);
        choose("intake:redFlags:1:answer", 0);   // yes to saddle numbness, saved by its autosave
        WebElement advice = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id='intake:redFlags:1:advice'] .urgent")));
        assertTrue(advice.getText().contains("Go to an emergency department now"), advice.getText());
        checkAccessibility("step 3 with a red flag");
        Browser.keepEvidence(browser, "IntakeBrowserIT-red-flag-advice-on-step-3");
        waitForAjax();
        // The patient closes the browser without sending the intake.
        browser.quit();
        browser = null;

        assertEquals(1, count("SELECT count(*) FROM escalation_flag WHERE episode_id = ? AND rule = 'RED_FLAG' AND priority = 'URGENT'"
                + " AND status = 'OPEN'", episodeId), "the URGENT flag is raised from the draft");
        String evidence = Clinic.text(databaseUrl, "SELECT evidence FROM escalation_flag WHERE episode_id = ?", episodeId);
        assertTrue(evidence.contains("numbness or tingling between your legs"), "the evidence has the question's words: " + evidence);
        assertEquals(1, count("SELECT count(*) FROM mail_outbox m JOIN escalation_flag f ON f.id = m.flag_id WHERE f.episode_id = ?", episodeId),
                "the physician is told through the outbox");
        assertEquals(0, countIntakes(episodeId, "SUBMITTED"));

        String mrn = Clinic.text(databaseUrl, "SELECT p.mrn FROM patient p JOIN episode_of_care e ON e.patient_id = p.id WHERE e.id = ?", episodeId);
        String phone = Clinic.text(databaseUrl, "SELECT p.phone FROM patient p JOIN episode_of_care e ON e.patient_id = p.id WHERE e.id = ?", episodeId);
        String physician = "doctor-" + UUID.randomUUID().toString().substring(0, 8);
        Clinic.createStaff(base, physician, PASSWORD, "PHYSICIAN", "Dr Spine");
        HttpResponse<String> worklist = new WebSession(base).api("GET", "api/v1/worklist?priority=URGENT&size=100&search=" + mrn, null, physician,
                PASSWORD);
        assertEquals(200, worklist.statusCode(), worklist.body());
        JsonObject row = Json.createReader(new StringReader(worklist.body())).readArray().stream()
                .map(JsonValue::asJsonObject).filter(r -> r.getString("mrn").equals(mrn)).findFirst()
                .orElseThrow(() -> new AssertionError("the patient is on the worklist: " + worklist.body()));
        assertEquals("RED_FLAG", row.getString("rule"));
        assertEquals(phone, row.getString("phone"), "an URGENT row carries the patient's phone");
        assertFalse(row.getBoolean("acknowledged"));

        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        Browser.signIn(browser, wait, page("login.xhtml"), physician, PASSWORD, "/physician/worklist.xhtml");
        WebElement urgentRow = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tr[contains(@class,'row-urgent')][contains(., '" + mrn + "')]")));
        assertTrue(urgentRow.getText().contains(phone), "the worklist page shows the phone: " + urgentRow.getText());
        Browser.keepEvidence(browser, "IntakeBrowserIT-worklist-urgent-row-with-phone");
        browser.quit();

        // The patient comes back and sends the intake: no second flag, no second message.
        openBrowserAndSignIn();
        browser.findElement(By.linkText("open")).click();
        waitForStep(3);
        for (int i = 0; i < 10; i++) {
            if (i != 1) {
                choose("intake:redFlags:" + i + ":answer", 1);
            }
        }
        next();
        for (int step = 4; step <= 6; step++) {
            waitForStep(step);
            assertTrue(browser.findElement(By.cssSelector(".emergency-advice")).isDisplayed(), "the advice stays on later steps");
            next();
        }
        waitForStep(7);
        waitForAjax();
        browser.findElement(By.id("intake:submit")).click();
        wait.until(ExpectedConditions.urlContains("/patient/intake-result.xhtml"));
        assertEquals(1, countIntakes(episodeId, "SUBMITTED"));
        assertEquals(1, count("SELECT count(*) FROM escalation_flag WHERE episode_id = ? AND rule = 'RED_FLAG'", episodeId),
                "submitting raises no second flag");
        assertEquals(1, count("SELECT count(*) FROM mail_outbox m JOIN escalation_flag f ON f.id = m.flag_id WHERE f.episode_id = ?", episodeId));
        assertTrue(axeFindings.isEmpty(), "axe-core: " + axeFindings);
    }

    private long count(String sql, long episodeId) throws Exception {
        return Clinic.number(databaseUrl, sql, episodeId);
    }

    /** Nothing wider than the screen: the patient never scrolls sideways. */
    private void assertFitsTheScreen(String pageName) {
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, ((Number) overflow).longValue(), pageName + " scrolls sideways by " + overflow + " px");
    }

    private void openBrowserAndSignIn() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        Browser.signIn(browser, wait, page("login.xhtml"), email, PASSWORD, "/patient/home.xhtml");
    }

    /** Clicks the label of a radio button or checkbox: what a person does. */
    private void choose(String groupId, int index) {
        Browser.choose(wait, groupId, index);
    }

    private void next() {
        waitForAjax();
        browser.findElement(By.id("intake:next")).click();
    }

    /** Lets the autosave of the last answer finish first, as a person's pace would. */
    private void waitForAjax() {
        Browser.waitForAjax(wait);
    }

    private void waitForStep(int step) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stepCounter"), "Step " + step + " of 7"));
    }

    private String fieldMessage(String inputId) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id='" + inputId + "'] ~ .ui-message-error, [id='" + inputId + "'] + .ui-message"))).getText();
    }

    private void waitForAutosave() throws InterruptedException {
        // keyup autosave fires 800 ms after the last key; give it time to reach the server.
        Thread.sleep(2500);
    }

    private void checkAccessibility(String pageName) {
        axeFindings.addAll(Axe.seriousViolations(browser).stream().map(v -> pageName + ": " + v).toList());
        Browser.assertNoConsoleErrors(browser);
    }

    private String patientMrn() {
        browser.get(page("patient/home.xhtml"));
        return browser.findElement(By.id("mrn")).getText();
    }

    private int countIntakes(long episodeId, String status) throws Exception {
        try (Connection c = EmbeddedDatabase.get().dataSource(databaseUrl).getConnection();
             PreparedStatement q = c.prepareStatement("SELECT count(*) FROM intake WHERE episode_id = ? AND status = ?")) {
            q.setLong(1, episodeId);
            q.setString(2, status);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private String page(String path) {
        return Http.resolve(base, path).toString();
    }
}
