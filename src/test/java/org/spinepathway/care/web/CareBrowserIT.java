package org.spinepathway.care.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spinepathway.testing.Axe;
import org.spinepathway.testing.Browser;
import org.spinepathway.testing.BrowserSession;
import org.spinepathway.testing.CareFixtures;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.Http;
import org.spinepathway.testing.PhoneLayout;
import org.spinepathway.testing.WebSession;

/**
 * Conservative care in headless Chromium: a physiotherapist opens an episode from its intake,
 * writes a plan with a medication and an injection, records two visits and reads the progress
 * chart; a patient checks in (the draft surviving a closed browser), sees their own progress and
 * cannot open another patient's.
 */
@ExtendWith(ArquillianExtension.class)
class CareBrowserIT {

    private static final String PASSWORD = "Care-browser-pass-1";
    private static final LocalDate TODAY = LocalDate.now();
    private static String databaseUrl;

    @ArquillianResource
    URL base;

    private BrowserSession session;
    private WebDriver browser;
    private WebDriverWait wait;
    private final List<String> axeFindings = new ArrayList<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        databaseUrl = EmbeddedDatabase.get().createDatabase("care_browser");
        return ClinicDeployment.onDatabase(databaseUrl);
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        if (session != null) {
            session.close("CareBrowserIT-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
        }
    }

    @Test
    void physio_opensCare_plansAMedicationAndAnInjection_recordsTwoVisits_andReadsTheChart() throws Exception {
        String run = run();
        String physio = "pia-" + run;
        String physicianName = "Dr Phil " + run;
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Pia Physio " + run);
        Clinic.createStaff(base, "phil-" + run, PASSWORD, "PHYSICIAN", physicianName);
        String patient = "care-" + run + "@example.org";
        long episodeId = episodeWithIntake(physio, patient, "Grace", "Hopper", true);
        long intakeId = Clinic.number(databaseUrl, "SELECT id FROM intake WHERE episode_id = ? AND status = 'SUBMITTED'", episodeId);

        startBrowser(physio, "/physio/caseload.xhtml");
        browser.get(page("physio/intake.xhtml?id=" + intakeId));
        Browser.select(wait, "openForCare:physicianId", physicianName);
        click("openForCare:open");
        wait.until(ExpectedConditions.urlContains("/physio/plan.xhtml"));
        assertEquals("7", text("baselinePain"), "the intake's pain is the baseline");
        assertEquals("40.0%", text("baselineDisability"), "the intake's ODI is the baseline");
        assertEquals(physicianName, Clinic.text(databaseUrl,
                "SELECT a.display_name FROM episode_of_care e JOIN user_account a ON a.id = e.physician_id WHERE e.id = ?", episodeId));

        type("plan:goals", "Walk 2 km without leg pain; back to work in 6 weeks");
        click("plan:create");
        wait.until(d -> d.findElement(By.id("episodeState")).getText().equals("Conservative care"));

        Browser.select(wait, "add:type", "Medication");
        type("add:drug", "tramadol");
        Browser.select(wait, "add:drugClass", "Opioid painkillers (codeine, tramadol, morphine, oxycodone)");
        type("add:dose", "50 mg");
        type("add:frequency", "up to 4 times a day");
        click("add:addIntervention");
        wait.until(d -> d.getPageSource().contains("The intervention is added to the plan."));
        assertTrue(browser.getPageSource().contains("reported shaky hands or tremor"), "the tremor warning for an opioid");

        Browser.select(wait, "add:type", "Injection");
        Browser.select(wait, "add:injectionKind", "Epidural steroid");
        type("add:level", "L4-L5");
        type("add:givenOn_input", TODAY.minusDays(3).toString());
        click("add:addIntervention");
        wait.until(d -> d.findElements(By.cssSelector("[id='interventions:list_data'] tr")).size() == 2);
        String interventions = text("interventions:list_data");
        assertTrue(interventions.contains("tramadol, 50 mg, up to 4 times a day"), interventions);
        assertTrue(interventions.contains("epidural steroid at L4-L5, given " + TODAY.minusDays(3)), interventions);

        click("recordVisit");
        wait.until(ExpectedConditions.urlContains("/physio/visit.xhtml"));
        checkAccessibility("visit");
        click("assessment:record");
        assertTrue(wait.until(d -> d.findElement(By.id("assessment:nrs")).findElement(By.xpath("..")).getText())
                .contains("Record at least the pain score"), "an empty visit is refused next to the pain score");

        recordVisit(TODAY.minusDays(1), 6, 2, "5");
        assertTrue(text("recorded").contains("ODI: 40.0%"), text("recorded"));
        click("after:another");
        recordVisit(TODAY, 4, 1, "4");
        assertTrue(text("recorded").contains("ODI: 20.0%"), text("recorded"));
        assertTrue(text("flagsRaised").contains("Motor decline (Urgent)"), "L5 left 5 -> 4 raises MOTOR_DECLINE at once: " + text("flagsRaised"));
        assertEquals(2, Clinic.number(databaseUrl, "SELECT count(*) FROM assessment WHERE episode_id = ? AND source = 'CLINICIAN'", episodeId));
        assertEquals(0, Clinic.number(databaseUrl, "SELECT count(*) FROM assessment_draft WHERE episode_id = ?", episodeId),
                "the draft is gone once the visit is recorded");

        click("after:progress");
        wait.until(ExpectedConditions.urlContains("/physio/progress.xhtml"));
        // Chart.js drew each chart: the band's two edges, the band between them, the baseline and the measure.
        assertEquals(5L, session.chartDatasets("painChart"));
        assertEquals(5L, session.chartDatasets("disabilityChart"));
        assertEquals(2L, ((Number) script("return Chart.getChart(document.querySelector(\"[id='interventionChart'] canvas\")).data.labels.length;")).longValue());
        assertEquals(2L, ((Number) script("return Chart.getChart(document.querySelector(\"[id='painChart'] canvas\")).data.datasets[4].data.length;")).longValue(),
                "both visits are on the pain line");
        String table = text("measurementsForm:measurements_data");
        assertTrue(table.contains(TODAY.toString()) && table.contains("Clinician visit"), table);
        assertTrue(text("team").contains(physicianName), text("team"));
        checkAccessibility("progress");

        // The first visit was recorded in error: voided with a reason, it leaves the chart but stays on record.
        click("measurementsForm:measurements:0:void");
        wait.until(d -> d.getPageSource().contains("Say why this assessment is voided"));
        type("measurementsForm:measurements:0:voidReason", "Recorded on the wrong day");
        click("measurementsForm:measurements:0:void");
        wait.until(d -> d.getPageSource().contains("The assessment is voided"));
        assertEquals(1L, ((Number) script("return Chart.getChart(document.querySelector(\"[id='painChart'] canvas\")).data.datasets[4].data.length;")).longValue());
        assertEquals("Recorded on the wrong day", Clinic.text(databaseUrl,
                "SELECT void_reason FROM assessment WHERE episode_id = ? AND voided_at IS NOT NULL", episodeId));
        assertEquals(List.of(), allAxeFindings(), "serious or critical accessibility violations");
    }

    @Test
    void patient_checksIn_keepsTheDraftAcrossBrowsers_seesOwnProgress_butNotAnotherPatientsPlan() throws Exception {
        String run = run();
        String physio = "pete-" + run;
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Pete Physio " + run);
        String patient = "own-" + run + "@example.org";
        long ownEpisode = episodeWithIntake(physio, patient, "Katherine", "Johnson", false);
        plan(physio, ownEpisode, "Own goals: garden again");
        long otherEpisode = episodeWithIntake(physio, "other-" + run + "@example.org", "Dorothy", "Vaughan", false);
        plan(physio, otherEpisode, "Secret goals of another patient");

        startBrowser(patient, "/patient/home.xhtml");
        browser.findElement(By.id("complaints")).findElement(By.linkText("Weekly check-in")).click();
        wait.until(ExpectedConditions.urlContains("/patient/check-in.xhtml"));
        checkAccessibility("check-in");
        Browser.choose(wait, "assessment:nrs", 5);
        Browser.choose(wait, "assessment:disabilityAnswers:0:answer", 2);
        Browser.waitForAjax(wait);

        // The patient closes the browser half-way and comes back later.
        axeFindings.addAll(session.axeFindings());
        browser.quit();
        startBrowser(patient, "/patient/home.xhtml");
        browser.get(page("patient/check-in.xhtml?episode=" + ownEpisode));
        assertTrue(browser.findElement(By.id("assessment:nrs:5")).isSelected(), "the pain score was kept");
        assertTrue(browser.findElement(By.id("assessment:disabilityAnswers:0:answer:2")).isSelected(), "the ODI answer was kept");
        for (int i = 0; i < 8; i++) {
            Browser.choose(wait, "assessment:redFlags:" + i + ":answer", 1);
        }
        click("assessment:record");
        wait.until(d -> d.getPageSource().contains("your check-in is sent"));
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM assessment WHERE episode_id = ? AND source = 'PATIENT' AND nrs = 5", ownEpisode));

        click("after:progress");
        wait.until(ExpectedConditions.urlContains("/patient/progress.xhtml"));
        assertTrue(text("measurementsForm:measurements_data").contains("Patient check-in"), text("measurementsForm:measurements_data"));
        assertTrue(text("goals").contains("Own goals: garden again"));
        assertEquals(1L, ((Number) script("return Chart.getChart(document.querySelector(\"[id='painChart'] canvas\")).data.datasets[4].data.length;")).longValue());
        checkAccessibility("patient progress");

        // Another patient's episode: the same answer as an unknown one, and nothing of theirs shown.
        for (String other : List.of("patient/progress.xhtml?episode=" + otherEpisode, "patient/check-in.xhtml?episode=" + otherEpisode)) {
            browser.get(page(other));
            assertTrue(text("missing").contains("no episode with this number that you may see"), other);
            assertFalse(browser.getPageSource().contains("Secret goals") || browser.getPageSource().contains("Vaughan"), other);
        }
        assertEquals(404, new WebSession(base).api("GET", "api/v1/episodes/" + otherEpisode, null, patient, PASSWORD).statusCode());

        // A red flag in a check-in: the patient is sent to emergency care, the physician's flag is raised at once.
        browser.get(page("patient/check-in.xhtml?episode=" + ownEpisode));
        Browser.choose(wait, "assessment:nrs", 6);
        Browser.choose(wait, "assessment:redFlags:0:answer", 0);   // bladder or bowel change: yes
        click("assessment:record");
        wait.until(d -> d.findElements(By.id("emergencyAdvice")).size() == 1);
        assertTrue(text("emergencyAdvice").contains("Go to an emergency department now"));
        assertEquals(1, Clinic.number(databaseUrl,
                "SELECT count(*) FROM escalation_flag WHERE episode_id = ? AND rule = 'RED_FLAG' AND status = 'OPEN'", ownEpisode));
        assertEquals(List.of(), allAxeFindings(), "serious or critical accessibility violations");
    }

    @Test
    void patient_onAPhone_readsHomeCheckInAndProgressWhole_withThePainScaleOnOneLine_andAShortHeader() throws Exception {
        String run = run();
        String physio = "phil-" + run;
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Phil Physio " + run);
        String patient = "phone-" + run + "@example.org";
        long episode = episodeWithIntake(physio, patient, "Mary", "Somerville", false);
        HttpResponse<String> plan = new WebSession(base).api("POST", "api/v1/episodes/" + episode + "/plan", """
                {"startDate":"%s","reviewDate":"%s","goals":"Walk to the shops without leg pain",
                 "interventions":[
                   {"type":"PHYSICAL_THERAPY","startDate":"%s","status":"ACTIVE","details":{"programme":"McKenzie extension","sessionsPerWeek":2}},
                   {"type":"MEDICATION","startDate":"%s","status":"ACTIVE","details":{"drug":"naproxen","dose":"500 mg","frequency":"twice daily","drugClass":"NSAID"}},
                   {"type":"HEAT_COLD","startDate":"%s","status":"ACTIVE","details":{"instructions":"Heat pack 20 minutes in the evening"}}]}
                """.formatted(TODAY.minusDays(21), TODAY.plusDays(21), TODAY.minusDays(21), TODAY.minusDays(21), TODAY.minusDays(14)),
                physio, PASSWORD);
        assertEquals(201, plan.statusCode(), plan.body());
        fixtures().visit(physio, episode, TODAY.minusDays(14), 6, 2, "[]");
        fixtures().visit(physio, episode, TODAY.minusDays(7), 5, 1, "[]");

        startBrowser(patient, "/patient/home.xhtml");
        Browser.emulatePhone(browser);
        browser.navigate().refresh();
        List<String> findings = new ArrayList<>(readsWholeOnAPhone("home"));

        browser.get(page("patient/check-in.xhtml?episode=" + episode));
        findings.addAll(readsWholeOnAPhone("check-in"));
        findings.addAll(onOneLineWithItsWords("check-in", "assessment:nrs"));

        browser.get(page("patient/progress.xhtml?episode=" + episode));
        wait.until(d -> ((Number) script("return Chart.getChart(document.querySelector(\"[id='interventionChart'] canvas\")) ? 1 : 0;")).intValue() == 1);
        findings.addAll(readsWholeOnAPhone("progress"));
        script("document.getElementById('disabilityChart').scrollIntoView(); return true;");
        Browser.keepEvidence(browser, "CareBrowserIT-phone-progress-charts");
        script("document.getElementById('measurementsForm').scrollIntoView(); return true;");
        Browser.keepEvidence(browser, "CareBrowserIT-phone-progress-tables");
        for (String chart : List.of("painChart", "disabilityChart", "interventionChart")) {
            for (Object cut : (List<?>) script(PhoneLayout.CUT_CHART_LABELS.formatted(chart))) {
                findings.add("progress, " + chart + ": " + cut + " cut off at the edge of the chart");
            }
        }
        assertEquals(List.of(), findings, "what a patient on a phone cannot read whole");
        assertEquals(List.of(), allAxeFindings(), "serious or critical accessibility violations");
    }

    /** On a 390 × 844 phone: nothing scrolls sideways, no word is cut off, the header takes at most a fifth of the screen. */
    private List<String> readsWholeOnAPhone(String pageName) {
        Browser.keepEvidence(browser, "CareBrowserIT-phone-" + pageName);
        checkAccessibility(pageName + " on a phone");
        List<String> findings = new ArrayList<>();
        long sideways = ((Number) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).longValue();
        if (sideways != 0) {
            findings.add(pageName + " scrolls sideways by " + sideways + " px");
        }
        for (Object cut : (List<?>) script(PhoneLayout.CUT_TEXT)) {
            findings.add(pageName + ": " + cut);
        }
        double header = ((Number) script("return document.querySelector('header').getBoundingClientRect().height;")).doubleValue();
        double screen = ((Number) script("return window.innerHeight;")).doubleValue();
        if (header > screen / 5) {
            findings.add(pageName + ": the header is " + Math.round(header) + " px high on a " + Math.round(screen) + " px screen");
        }
        return findings;
    }

    /** The 0–10 scale: its eleven choices and their numbers on one line, with the words at both ends. */
    private List<String> onOneLineWithItsWords(String pageName, String scaleId) {
        List<String> findings = new ArrayList<>();
        for (Object problem : (List<?>) script(PhoneLayout.SCALE_LINE_BREAKS.formatted(scaleId))) {
            findings.add(pageName + ", the pain scale: " + problem);
        }
        List<WebElement> words = browser.findElements(By.id(scaleId + "Anchors"));
        if (words.isEmpty() || !words.get(0).getText().contains("No pain") || !words.get(0).getText().contains("Worst pain imaginable")) {
            findings.add(pageName + ", the pain scale: no words at its ends");
        } else if (words.get(0).getSize().getHeight() > 2 * 24) {
            findings.add(pageName + ", the pain scale: its words take more than two lines");
        }
        return findings;
    }

    @Test
    void aCoveringPhysio_readsAColleaguesEpisode_butChangesItOnlyThroughEmergencyAccessWithAReason() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String physio = "own-" + run;
        String cover = "cover-" + run;
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Olive Own " + run);
        Clinic.createStaff(base, cover, PASSWORD, "PHYSIO", "Cora Cover " + run);
        long episodeId = episodeWithIntake(physio, "ada-" + run + "@example.org", "Ada", "Lovelace", false);
        plan(physio, episodeId, "Walk the dog again");

        startBrowser(cover, "/physio/caseload.xhtml");
        session.open("physio/plan.xhtml?episode=" + episodeId);
        assertTrue(text("emergencyText").contains("in the care of Olive Own " + run), text("emergencyText"));
        // A change without emergency access is refused in words, and nothing is stored.
        type("plan:goals", "Changed without access");
        click("plan:save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan:messages"), "open emergency access"));
        assertEquals("Walk the dog again", Clinic.text(databaseUrl, "SELECT goals FROM treatment_plan WHERE episode_id = ?", episodeId));

        type("emergency:reason", "Covering while Olive is away; the patient asked to add swimming");
        click("emergency:open");
        wait.until(d -> d.findElements(By.id("emergencyOpen")).size() == 1);
        checkAccessibility("plan page under emergency access");
        type("plan:goals", "Walk the dog, and swim twice a week");
        click("plan:save");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan:messages"), "The plan is saved"));
        assertEquals("Walk the dog, and swim twice a week",
                Clinic.text(databaseUrl, "SELECT goals FROM treatment_plan WHERE episode_id = ?", episodeId));
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM emergency_access WHERE episode_id = ?", episodeId));
        assertTrue(allAxeFindings().isEmpty(), () -> "axe: " + allAxeFindings());
    }

    private void recordVisit(LocalDate date, int nrs, int odiAnswer, String l5Left) {
        // The date picker keeps its text on clear(): select it all and type over it, as a user would.
        WebElement dateInput = browser.findElement(By.id("assessment:date_input"));
        dateInput.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), date.toString());
        dateInput.sendKeys(org.openqa.selenium.Keys.ESCAPE);
        Browser.choose(wait, "assessment:nrs", nrs);
        for (int s = 0; s < 10; s++) {
            Browser.choose(wait, "assessment:disabilityAnswers:" + s + ":answer", odiAnswer);
        }
        Browser.select(wait, "assessment:motor:3:left", l5Left);
        for (int i = 0; i < 8; i++) {
            Browser.choose(wait, "assessment:redFlags:" + i + ":answer", 1);
        }
        Browser.choose(wait, "assessment:adherence", 0);
        type("assessment:notes", "Extension exercises done daily");
        click("assessment:record");
        wait.until(d -> d.findElements(By.id("recorded")).size() == 1);
    }

    /** A patient who registered, an episode opened by the physiotherapist, and the patient's submitted intake (pain 7, ODI 40%). */
    private long episodeWithIntake(String physio, String email, String givenName, String familyName, boolean tremor) throws Exception {
        return fixtures().episodeWithIntake(physio, email, givenName, familyName, 7, 2, TODAY.minusDays(7),
                "{\"painTravels\":[\"LEG\"],\"numbness\":[\"LEFT_LEG\"],\"tremor\":" + (tremor ? "[\"LEFT_ARM\"]" : "[]") + "}");
    }

    private void plan(String physio, long episodeId, String goals) {
        fixtures().plan(physio, episodeId, TODAY.minusDays(5), goals);
    }

    private CareFixtures fixtures() {
        return new CareFixtures(base, databaseUrl, PASSWORD);
    }

    private Object script(String js) {
        return session.script(js);
    }

    private void startBrowser(String username, String landing) {
        session = BrowserSession.signIn(base, username, PASSWORD, landing);
        browser = session.driver();
        wait = session.await();
    }

    private void click(String id) {
        session.click(id);
    }

    private void type(String id, String text) {
        session.type(id, text);
    }

    private String text(String id) {
        return session.text(id);
    }

    private void checkAccessibility(String pageName) {
        session.checkAccessibility(pageName);
    }

    private List<String> allAxeFindings() {
        List<String> all = new ArrayList<>(axeFindings);
        all.addAll(session.axeFindings());
        return all;
    }

    private String page(String path) {
        return session.url(path);
    }

    private static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
