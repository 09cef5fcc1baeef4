package org.spinepathway.escalation.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spinepathway.testing.Browser;
import org.spinepathway.testing.BrowserSession;
import org.spinepathway.testing.CareFixtures;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.Pdf;
import org.spinepathway.testing.WebSession;

/**
 * A physician works a flag in headless Chromium: the worklist (filtered by rule), the flag's
 * evidence and chart, the decision to refer, and the referral letter downloaded and opened as PDF.
 * The administrator runs the rules from the runs page.
 */
@ExtendWith(ArquillianExtension.class)
class EscalationBrowserIT {

    private static final String PASSWORD = "Escalation-browser-1";
    private static final LocalDate TODAY = LocalDate.now();
    private static String databaseUrl;

    @ArquillianResource
    URL base;

    private BrowserSession browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        databaseUrl = EmbeddedDatabase.get().createDatabase("escalation_browser");
        return ClinicDeployment.onDatabase(databaseUrl);
    }

    @AfterEach
    void closeBrowser(TestInfo test) {
        if (browser != null) {
            browser.close("EscalationBrowserIT-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
        }
    }

    @Test
    void physician_worksAFlagFromTheWorklistToTheReferralLetter() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String physio = "wl-physio-" + run;
        String physician = "wl-doc-" + run;
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Wendy Physio");
        Clinic.createStaff(base, physician, PASSWORD, "PHYSICIAN", "Dr Walter " + run);
        CareFixtures care = new CareFixtures(base, databaseUrl, PASSWORD);
        long episode = care.episodeWithIntake(physio, "wl-" + run + "@example.org", "Florence", "Nightingale", 7, 3, TODAY.minusDays(62), "{}");
        care.plan(physio, episode, TODAY.minusDays(60), "Back to nursing shifts");
        care.visit(physio, episode, TODAY.minusDays(30), 7, 3, "{}");
        care.visit(physio, episode, TODAY.minusDays(15), 7, 3, "{}");

        // The administrator runs the rules from the runs page.
        BrowserSession admin = BrowserSession.signIn(base, ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD, "/admin/accounts.xhtml");
        admin.open("admin/evaluations.xhtml");
        admin.checkAccessibility("evaluations");
        admin.click("run:evaluate");
        admin.await().until(d -> d.getPageSource().contains("flags raised"));
        assertTrue(admin.text("runsForm:runs_data").contains("COMPLETED"), admin.text("runsForm:runs_data"));
        List<String> adminFindings = admin.axeFindings();
        admin.close("EscalationBrowserIT-admin");

        Path downloads = Path.of("target", "downloads", run);
        browser = BrowserSession.signIn(base, physician, PASSWORD, "/physician/worklist.xhtml", downloads);
        browser.checkAccessibility("worklist");
        Browser.select(browser.await(), "worklist:rule", "Not improving at 6 weeks");
        browser.await().until(d -> d.findElements(By.cssSelector("[id='worklist:rows_data'] tr")).size() == 1
                && d.findElement(By.id("worklist:rows_data")).getText().contains("Nightingale"));
        String row = browser.text("worklist:rows_data");
        assertTrue(row.contains("7 → 7") && row.contains("No clinically important improvement"), row);
        // One row for the episode, each open flag in words with a link to its page.
        List<String> flagLinks = browser.driver().findElements(By.cssSelector("[id='worklist:rows_data'] .worklist-flag a")).stream()
                .map(a -> a.getText()).toList();
        assertTrue(flagLinks.contains("Not improving at 6 weeks") && flagLinks.contains("Persistent severe pain"), flagLinks.toString());
        assertFalse(row.contains("NOT_IMPROVING") || row.contains("PERSISTENT_SEVERE") || row.contains("REVIEW"), "no codes: " + row);

        // Search as one types: by family name, and for nobody.
        browser.search("worklist:search", "nightingale", "worklist:rows_data");
        browser.await().until(d -> d.findElements(By.cssSelector("[id='worklist:rows_data'] tr")).size() == 1
                && d.findElement(By.id("worklist:rows_data")).getText().contains("Florence Nightingale"));
        browser.search("worklist:search", "Nobody Nowhere", "worklist:rows_data");
        browser.await().until(d -> d.findElement(By.id("worklist:rows_data")).getText().contains("No open flags."));
        browser.search("worklist:search", "Florence", "worklist:rows_data");
        browser.await().until(d -> d.findElement(By.id("worklist:rows_data")).getText().contains("Florence Nightingale"));

        // The CSV export: the filtered rows, one per episode, in words.
        WebSession exporter = new WebSession(base);
        assertEquals(302, exporter.signIn(physician, PASSWORD).statusCode());
        HttpResponse<String> rowsCsv = exporter.prepare("physician/worklist.xhtml", "worklist")
                .post(Map.of("priority_input", "REVIEW", "search", "Nightingale"), "export");
        assertEquals(200, rowsCsv.statusCode());
        List<String> lines = rowsCsv.body().lines().toList();
        assertTrue(rowsCsv.body().startsWith("priority,flags,raised on"), rowsCsv.body());
        assertTrue(rowsCsv.body().contains("Florence Nightingale") && rowsCsv.body().contains("For review")
                && rowsCsv.body().contains("Not improving at 6 weeks") && rowsCsv.body().contains("Lower back"), rowsCsv.body());
        assertEquals(1, lines.stream().filter(l -> l.contains("Florence Nightingale")).count(), "one line for the episode: " + rowsCsv.body());
        assertFalse(rowsCsv.body().contains("NOT_IMPROVING") || rowsCsv.body().contains("LUMBAR") || rowsCsv.body().contains(",REVIEW,"),
                "no codes in the export: " + rowsCsv.body());

        browser.driver().findElement(By.id("worklist:rows_data")).findElement(By.linkText("Florence Nightingale")).click();
        browser.await().until(ExpectedConditions.urlContains("/physician/flag.xhtml"));
        browser.checkAccessibility("flag");
        assertTrue(browser.text("explanation").contains("pain 7 → 7"), browser.text("explanation"));
        assertEquals(5L, browser.chartDatasets("painChart"), "the progress chart is on the decision page");
        assertFalse(browser.driver().getPageSource().contains("{&quot;") || browser.text("evidence").contains("NOT_IMPROVING"),
                "the flag page shows the evidence in words, not as JSON or codes");

        Browser.choose(browser.await(), "decision:decision", 0);   // refer
        browser.type("decision:referTo", "Spinal surgery, Example Royal Infirmary");
        browser.type("decision:reason", "Six weeks of physiotherapy without change; MRI and surgical opinion please.");
        browser.click("decision:decide");
        browser.await().until(d -> d.getPageSource().contains("Referred. The referral letter is ready"));
        assertEquals("Referred for a surgical opinion", browser.text("flagStatus"));
        assertEquals("REFERRED", Clinic.text(databaseUrl, "SELECT state FROM episode_of_care WHERE id = ?", episode));

        browser.click("letter:download");
        Path letter = waitForDownload(downloads);
        String pdf = Pdf.text(Files.readAllBytes(letter));
        assertTrue(pdf.contains("Florence Nightingale"), pdf);
        assertTrue(pdf.contains("Not improving at 6 weeks (for review)"), pdf);
        assertTrue(pdf.contains("To: Spinal surgery, Example Royal Infirmary"), pdf);
        assertFalse(pdf.contains("NOT_IMPROVING") || pdf.contains("{\""), pdf);
        assertTrue(pdf.contains("MRI and surgical opinion please"), pdf);
        assertTrue(pdf.contains(Clinic.text(databaseUrl, "SELECT mrn FROM patient WHERE email = ?", "wl-" + run + "@example.org")), pdf);
        List<String> findings = new ArrayList<>(adminFindings);
        findings.addAll(browser.axeFindings());
        assertEquals(List.of(), findings, "serious or critical accessibility violations");

        // The worklist's CSV export holds the filtered rows.
        WebSession session = new WebSession(base);
        assertEquals(302, session.signIn(physician, PASSWORD).statusCode());
        HttpResponse<String> csv = session.prepare("physician/worklist.xhtml", "worklist").post(Map.of("priority_input", "REVIEW"), "export");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), csv.headers().map().toString());
        assertTrue(csv.body().startsWith("priority,flags,raised on"), csv.body());
    }

    @Test
    void physician_readsARedFlagAndAMotorDeclineInWords_withTheGradesAndNotesOfTheVisits() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String physio = "rf-physio-" + run;
        String physician = "rf-doc-" + run;
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Rita Physio");
        Clinic.createStaff(base, physician, PASSWORD, "PHYSICIAN", "Dr Helen Decider");
        CareFixtures care = new CareFixtures(base, databaseUrl, PASSWORD);
        long episode = care.episodeWithIntake(physio, "rf-" + run + "@example.org", "Mary", "Seacole", 6, 3, TODAY.minusDays(40), "{}");
        care.plan(physio, episode, TODAY.minusDays(38), "Walk the dog again");
        LocalDate firstVisit = TODAY.minusDays(30);
        LocalDate secondVisit = TODAY.minusDays(10);
        care.visitWithGrades(physio, episode, firstVisit, 6, "[{\"myotome\":\"L5\",\"side\":\"LEFT\",\"grade\":5}]", "{}",
                "Big toe strong on both sides");
        care.visitWithGrades(physio, episode, secondVisit, 6, "[{\"myotome\":\"L5\",\"side\":\"LEFT\",\"grade\":3}]",
                "{\"saddleNumbness\":true}", "Foot slapping when walking; numbness around the bottom since Sunday");

        browser = BrowserSession.signIn(base, physician, PASSWORD, "/physician/worklist.xhtml");
        browser.search("worklist:search", "Seacole", "worklist:rows_data");
        browser.await().until(d -> d.findElements(By.cssSelector("[id='worklist:rows_data'] tr")).size() == 1
                && d.findElement(By.id("worklist:rows_data")).getText().contains("Mary Seacole"));
        // Urgency looks urgent: the row in the urgent style, the priority with its warning icon, both flags in words.
        var row = browser.driver().findElement(By.cssSelector("[id='worklist:rows_data'] tr"));
        assertTrue(row.getAttribute("class").contains("row-urgent"), row.getAttribute("class"));
        assertEquals(1, row.findElements(By.cssSelector(".priority-URGENT .pi-exclamation-triangle")).size(), row.getText());
        List<String> flagLinks = row.findElements(By.cssSelector(".worklist-flag a")).stream().map(a -> a.getText()).toList();
        assertEquals(List.of("Red flag", "Motor decline"), flagLinks, "every open flag in words, most urgent first");
        assertFalse(row.getText().contains("RED_FLAG") || row.getText().contains("MOTOR_DECLINE") || row.getText().contains("URGENT"),
                row.getText());

        // The red flag: the question as the patient was asked it, at which record, on which date.
        row.findElement(By.linkText("Red flag")).click();
        browser.await().until(ExpectedConditions.urlContains("/physician/flag.xhtml"));
        String redFlag = browser.text("explanation");
        assertEquals("Answered yes at the clinic visit on " + secondVisit + ": “Do you have numbness or tingling between your legs, around"
                + " your bottom or genitals (the area that would touch a saddle)?”.", redFlag);
        assertTrue(browser.driver().findElement(By.id("evidence")).getAttribute("class").contains("urgent"));
        // The visits' grades per myotome over time, and their notes, beside the evidence.
        String grades = browser.text("motorGrades");
        assertTrue(grades.contains("L5") && grades.contains("big toe extension") && grades.contains(firstVisit.toString())
                && grades.contains(secondVisit.toString()), grades);
        assertTrue(grades.matches("(?s).*\\b5\\b.*\\b3\\b.*"), "grade 5 then 3: " + grades);
        String page = browser.driver().findElement(By.tagName("main")).getText();
        assertTrue(page.contains("Foot slapping when walking; numbness around the bottom since Sunday") && page.contains("Big toe strong on both sides"),
                "the visits' notes: " + page);
        assertFalse(page.contains("saddleNumbness") || page.contains("RED_FLAG") || page.contains("CLINICIAN") || page.contains("{\""),
                "no codes or JSON: " + page);
        browser.checkAccessibility("red flag");

        // Continuing conservative care: the decision is signed with the physician's name, not their username.
        Browser.choose(browser.await(), "decision:decision", 1);
        browser.type("decision:reason", "Seen today: no retention, sensation normal on examination.");
        browser.click("decision:decide");
        browser.await().until(d -> d.findElements(By.id("decider")).size() == 1);
        assertEquals("Dr Helen Decider", browser.text("decider"));
        assertEquals("Conservative care continued", browser.text("flagStatus"));

        // The motor decline: myotome, movement, side and the grades with their dates.
        browser.open("physician/worklist.xhtml");
        browser.search("worklist:search", "Seacole", "worklist:rows_data");
        browser.await().until(d -> d.findElement(By.id("worklist:rows_data")).getText().contains("Motor decline"));
        browser.driver().findElement(By.id("worklist:rows_data")).findElement(By.linkText("Motor decline")).click();
        browser.await().until(ExpectedConditions.urlContains("/physician/flag.xhtml"));
        assertEquals("Motor strength on the MRC scale (0 to 5): L5 (big toe extension) left fell from grade 5 on " + firstVisit
                + " to grade 3 on " + secondVisit + " (3 or below is weak).", browser.text("explanation"));
        assertEquals(List.of(), browser.axeFindings(), "serious or critical accessibility violations");
    }

    private Path waitForDownload(Path downloads) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".pdf")).findFirst().orElse(null);
            } catch (IOException notYet) {
                return null;
            }
        });
    }
}
