package org.spinepathway.security.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spinepathway.security.boundary.ClinicAuthenticationMechanism;
import org.spinepathway.testing.Browser;
import org.spinepathway.testing.BrowserSession;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.Http;
import org.spinepathway.testing.Axe;
import org.spinepathway.testing.Mailbox;
import org.spinepathway.testing.WebSession;

/**
 * Accounts as people use them, in headless Chromium: a patient registers (with a mobile number the
 * clinic can call), signs out and in; an attacker's wrong passwords make strangers wait but not the patient's own browser; an idle session ends with
 * a clear page; the administrator finds a chart read in the audit log. How the clinic reaches a
 * patient is changed by the patient on their home page and by the physiotherapist on the plan page.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityBrowserIT {

    private static final String PASSWORD = "Browser-pass-2026";
    private static String databaseUrl;

    @ArquillianResource
    URL base;

    private WebDriver browser;
    private WebDriverWait wait;
    private String email;

    private static GreenMail smtp;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        databaseUrl = EmbeddedDatabase.get().createDatabase("security_browser");
        smtp = Mailbox.startSmtp();
        return ClinicDeployment.onDatabase(databaseUrl, Map.of("clinic.mail.host", "localhost",
                "clinic.mail.port", Mailbox.port(smtp), "clinic.mail.poll-seconds", "1"));
    }

    @AfterAll
    static void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        email = "patient-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    @AfterEach
    void closeBrowser(org.junit.jupiter.api.TestInfo test) {
        if (browser != null) {
            Browser.keepEvidence(browser, getClass().getSimpleName() + "-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
            browser.quit();
        }
    }

    @Test
    void patient_shouldRegister_signOut_andSignInAgain() {
        browser.get(page("index.xhtml"));
        browser.findElement(By.id("patientRegister")).click();
        wait.until(ExpectedConditions.urlContains("/register.xhtml"));

        // First a slip: the passwords differ. The form keeps the other answers and says what is wrong.
        fillRegistration("Mary", "Shelley", "1979-08-30", "07400 123456", PASSWORD, PASSWORD + "x");
        browser.findElement(By.id("registration:submit")).click();
        WebElement mismatch = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id='registration:passwordRepeated'] ~ .ui-message-error, .ui-message-error[id*='passwordRepeated']")));
        assertTrue(mismatch.getText().contains("not the same"), mismatch.getText());
        assertEquals("Mary", browser.findElement(By.id("registration:givenName")).getAttribute("value"));

        typeInto("registration:password", PASSWORD);
        typeInto("registration:passwordRepeated", PASSWORD);
        browser.findElement(By.id("registration:submit")).click();

        wait.until(ExpectedConditions.urlContains("/registered.xhtml"));
        assertTrue(browser.findElement(By.id("checkEmail")).getText().contains("We have sent a message"));
        browser.findElement(By.id("signIn")).click();
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        typeInto("login:username", email);
        typeInto("login:password", PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        wait.until(ExpectedConditions.urlContains("/patient/home.xhtml"));
        assertEquals("Mary Shelley", browser.findElement(By.id("name")).getText());
        assertTrue(browser.findElement(By.id("confirmEmailNotice")).getText().contains("Please confirm your e-mail address"));
        assertTrue(browser.findElement(By.id("mrn")).getText().matches("SP\\d+"), "a medical record number is issued");
        assertEquals("Mary Shelley", browser.findElement(By.id("navForm:signedInUser")).getText());
        Browser.assertNoConsoleErrors(browser);

        browser.findElement(By.id("navForm:signOut")).click();
        wait.until(ExpectedConditions.urlContains("signedOut=true"));

        signIn(email, PASSWORD);
        wait.until(ExpectedConditions.urlContains("/patient/home.xhtml"));
        assertEquals("Mary Shelley", browser.findElement(By.id("name")).getText());
        browser.findElement(By.id("navForm:signOut")).click();
        wait.until(ExpectedConditions.urlContains("signedOut=true"));
    }

    /**
     * The attack of issue 20: intervention text that ends the chart's script and sends the browser
     * elsewhere. The long text is the reported one (the chart label keeps its first 39 characters,
     * enough to end the script); the short one fits the label whole, element and all.
     */
    @Test
    void markupInInterventionText_shouldStayTextInTheProgressCharts_forPhysioPhysicianAndPatient() throws Exception {
        String planted = "</script><meta http-equiv=\"refresh\" content=\"0;url=https://example.org/\"><b id=\"planted\">x</b>";
        String plantedShort = "</script><b id=\"planted\">x</b>";
        String run = UUID.randomUUID().toString().substring(0, 8);
        String physio = "chart-physio-" + run;
        String physician = "chart-physician-" + run;
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Chart Physio");
        Clinic.createStaff(base, physician, PASSWORD, "PHYSICIAN", "Chart Physician");
        Clinic.registerPatient(base, email, PASSWORD, "Ada", "Planted", "1970-02-03", "FEMALE");
        long patientId = Clinic.number(databaseUrl, "SELECT id FROM patient WHERE email = ?", email);
        WebSession api = new WebSession(base);
        long episode = Clinic.idOf(api.api("POST", "api/v1/patients/" + patientId + "/episodes", "{\"region\":\"LUMBAR\",\"side\":\"LEFT\"}",
                physio, PASSWORD).body());
        // A red flag at intake, so the physician has a flag page, which shows the same charts.
        assertEquals(201, api.api("POST", "api/v1/episodes/" + episode + "/intake",
                "{\"painNow\":6,\"painWorst\":8,\"redFlags\":{\"saddleNumbness\":true}}", email, PASSWORD).statusCode());
        java.time.LocalDate start = java.time.LocalDate.now().minusDays(3);
        assertEquals(201, api.api("POST", "api/v1/episodes/" + episode + "/plan", "{\"startDate\":\"" + start + "\",\"reviewDate\":\""
                + start.plusWeeks(6) + "\",\"goals\":\"Walk without pain\"}", physio, PASSWORD).statusCode());
        for (var intervention : List.of(List.of("REST", planted), List.of("HEAT_COLD", plantedShort))) {
            String json = jakarta.json.Json.createObjectBuilder().add("type", intervention.get(0)).add("startDate", start.toString())
                    .add("status", "ACTIVE").add("details", jakarta.json.Json.createObjectBuilder().add("instructions", intervention.get(1)))
                    .build().toString();
            var added = api.api("POST", "api/v1/episodes/" + episode + "/interventions", json, physio, PASSWORD);
            assertEquals(201, added.statusCode(), added.body());
        }
        long flag = Clinic.number(databaseUrl, "SELECT id FROM escalation_flag WHERE episode_id = ?", episode);

        browser.quit();
        browser = null;
        record Visit(String user, String landing, String page) {
        }
        for (Visit visit : List.of(new Visit(physio, "physio/caseload.xhtml", "physio/progress.xhtml?episode=" + episode),
                new Visit(physician, "physician/worklist.xhtml", "physio/progress.xhtml?episode=" + episode),
                new Visit(physician, "physician/worklist.xhtml", "physician/flag.xhtml?id=" + flag),
                new Visit(email, "patient/home.xhtml", "patient/progress.xhtml?episode=" + episode))) {
            BrowserSession session = BrowserSession.signIn(base, visit.user(), PASSWORD, visit.landing());
            try {
                session.open(visit.page());
                String where = visit.page() + " as " + visit.user();
                assertEquals(2L, ((Number) session.script("return Chart.getChart(document.querySelector(\"[id='interventionChart'] canvas\"))"
                        + ".data.labels.length;")).longValue(), "the intervention chart is drawn on " + where);
                Object labels = session.script("return Chart.getChart(document.querySelector(\"[id='interventionChart'] canvas\")).data.labels.map(l => [].concat(l).join(' ')).join('|');");
                assertTrue(String.valueOf(labels).contains("</script><b id=\"planted\">x</b>"), "the text is the label, as text: " + labels);
                assertTrue(session.chartDatasets("painChart") > 0, "the pain chart is drawn on " + where);
                assertTrue(session.driver().findElements(By.id("planted")).isEmpty(), "a planted element on " + where);
                assertTrue(session.driver().findElements(By.cssSelector("meta[http-equiv]")).isEmpty(), "a planted refresh on " + where);
                Thread.sleep(1500);
                assertTrue(session.driver().getCurrentUrl().startsWith(session.url(visit.page())), "navigated away from " + where
                        + " to " + session.driver().getCurrentUrl());
                Browser.assertNoConsoleErrors(session.driver());
            } finally {
                session.close(getClass().getSimpleName() + "-chart-" + visit.page().replaceAll("\\W", "_"));
            }
        }
    }

    @Test
    void registration_withoutAMobileNumber_orWithOneThatIsNoNumber_shouldSaySoNextToTheField_andStoreNothing() throws SQLException {
        browser.get(page("register.xhtml"));
        fillRegistration("Ada", "Lovelace", "1975-12-10", "", PASSWORD, PASSWORD);
        browser.findElement(By.id("registration:submit")).click();
        wait.until(d -> fieldMessage("phone").contains("Enter your mobile number"));
        assertEquals(0, Clinic.number(databaseUrl, "SELECT count(*) FROM patient WHERE email = ?", email), "nothing stored");

        for (String[] bad : new String[][] {{"hello", "This is not a phone number: write your mobile number in digits"},
                {"12", "not a valid number for United Kingdom: check your mobile number"},
                {"07700 900123", "not a valid number for United Kingdom: check your mobile number"}}) {
            typeInto("registration:phone", bad[0]);
            typeInto("registration:password", PASSWORD);
            typeInto("registration:passwordRepeated", PASSWORD);
            browser.findElement(By.id("registration:submit")).click();
            Browser.waitForAjax(wait);
            wait.until(d -> fieldMessage("phone").contains(bad[1]));
            assertTrue(browser.getCurrentUrl().contains("/register.xhtml"), bad[0] + " was taken");
            assertEquals(bad[0], browser.findElement(By.id("registration:phone")).getAttribute("value"), "what was typed stays");
            assertEquals(0, Clinic.number(databaseUrl, "SELECT count(*) FROM patient WHERE email = ?", email), bad[0] + ": nothing stored");
            assertEquals(0, Clinic.number(databaseUrl, "SELECT count(*) FROM user_account WHERE username = ?", email), bad[0] + ": no account");
        }
        Browser.keepEvidence(browser, "registration-phone-refused");
        Browser.assertNoConsoleErrors(browser);
    }

    @Test
    void registration_shouldAnswerAlike_forANewAddressAndOneAlreadyRegistered_andSayTheRestByEmail() throws Exception {
        HttpResponse<String> fresh = sendRegistration("Mary", PASSWORD);
        HttpResponse<String> again = sendRegistration("Mallory", "Another-pass-2027");
        assertEquals(302, fresh.statusCode());
        assertEquals(fresh.statusCode(), again.statusCode(), "the same answer either way");
        assertEquals(fresh.headers().firstValue("Location"), again.headers().firstValue("Location"));
        assertTrue(fresh.headers().firstValue("Location").orElse("").endsWith("/registered.xhtml"));
        assertEquals(fresh.headers().allValues("Set-Cookie"), again.headers().allValues("Set-Cookie"), "no session for either");
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM user_account WHERE username = ?", email));
        assertEquals("Mary", Clinic.text(databaseUrl, "SELECT given_name FROM patient WHERE email = ?", email), "the first stays as it was");
        assertEquals(200, new WebSession(base).signIn(email, "Another-pass-2027").statusCode(), "the second password opens nothing");

        String confirmation = Mailbox.text(Mailbox.await(smtp, email, "Please confirm your e-mail address"));
        String warning = Mailbox.text(Mailbox.await(smtp, email, "Someone tried to register with your e-mail address"));
        assertTrue(warning.contains("It already has an account, and nothing was changed"), warning);
        assertFalse(warning.contains("Mallory") || confirmation.contains("Mary"), "no registrant's words are mailed to the address");
        Matcher link = Pattern.compile("/confirm-email\\.xhtml\\?token=([A-Za-z0-9_-]{43})\\s").matcher(confirmation);
        assertTrue(link.find(), confirmation);
        String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(link.group(1).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM account_link WHERE token_sha256 = ? AND used_at IS NULL", digest),
                "the database holds the token's digest, not the token");

        browser.get(page("confirm-email.xhtml?token=" + link.group(1)));
        assertEquals(0, Clinic.number(databaseUrl, "SELECT count(*) FROM user_account WHERE username = ? AND email_confirmed_at IS NOT NULL", email),
                "opening the link confirms nothing: a mail scanner may open it");
        browser.findElement(By.id("confirm:confirmButton")).click();
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("resultText"))).getText().contains("is confirmed"));
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM user_account WHERE username = ? AND email_confirmed_at IS NOT NULL", email));
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM audit_event WHERE username = ? AND detail LIKE 'e-mail address confirmed%'", email));
        Browser.assertNoConsoleErrors(browser);

        browser.get(page("confirm-email.xhtml?token=" + link.group(1)));
        browser.findElement(By.id("confirm:confirmButton")).click();
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("resultText"))).getText().contains("already confirmed"));
        browser.get(page("confirm-email.xhtml?token=" + link.group(1).substring(1)));
        browser.findElement(By.id("confirm:confirmButton")).click();
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("resultText"))).getText().contains("cannot be used"));
    }

    @Test
    void patient_whoForgotTheirPassword_shouldChooseANewOneByTheEmailedLink_andEndTheirOtherSessions() throws Exception {
        registerByHttp();
        WebSession otherDevice = new WebSession(base);
        assertEquals(302, otherDevice.signIn(email, PASSWORD).statusCode());
        assertEquals(200, otherDevice.get("patient/home.xhtml").statusCode());

        browser.get(page("login.xhtml"));
        browser.findElement(By.id("forgotPassword")).click();
        wait.until(ExpectedConditions.urlContains("/forgot-password.xhtml"));
        typeInto("forgot:email", email.toUpperCase(java.util.Locale.ROOT));
        browser.findElement(By.id("forgot:send")).click();
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sentText"))).getText()
                .contains("If an account has this address, we have e-mailed it a link"));
        Axe.assertNoSeriousViolations(browser, "forgot password, sent");
        Browser.assertNoConsoleErrors(browser);

        // The same answer for an address with no account, and a second link for the patient.
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        HttpResponse<String> forUnknown = new WebSession(base).submit("forgot-password.xhtml", "forgot", Map.of("email", unknown), "send");
        HttpResponse<String> forKnown = new WebSession(base).submit("forgot-password.xhtml", "forgot", Map.of("email", email), "send");
        assertEquals(302, forKnown.statusCode());
        assertEquals(forKnown.statusCode(), forUnknown.statusCode(), "the same answer either way");
        assertEquals(forKnown.headers().firstValue("Location"), forUnknown.headers().firstValue("Location"));
        assertEquals(forKnown.headers().allValues("Set-Cookie"), forUnknown.headers().allValues("Set-Cookie"), "no session for either");

        // No address: said next to the field, nothing asked.
        HttpResponse<String> empty = new WebSession(base).submit("forgot-password.xhtml", "forgot", Map.of("email", " "), "send");
        assertEquals(200, empty.statusCode());
        assertTrue(empty.body().contains("Enter the e-mail address you registered with."), empty.body());

        List<String> links = awaitResetLinks(email, 2);
        assertEquals(0, Mailbox.countTo(smtp, unknown), "nothing is sent to an address with no account");
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM audit_event WHERE username = ? AND action = 'SIGN_IN_FAILURE'"
                + " AND detail LIKE 'a password reset link asked for an address with no enabled patient account%'", unknown));

        // Opening the link changes nothing; passwords that differ are refused next to the field, the link still good.
        browser.get(page(links.get(0)));
        typeInto("reset:newPassword", "Chosen-anew-2027");
        typeInto("reset:newPasswordRepeated", "Chosen-anew-2028");
        browser.findElement(By.id("reset:submit")).click();
        assertEquals("The two passwords are not the same.",
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[id='reset:newPasswordRepeated'] ~ .ui-message-error"))).getText());
        assertEquals(302, new WebSession(base).signIn(email, PASSWORD).statusCode(), "the old password still works until the link is used");
        typeInto("reset:newPassword", "Chosen-anew-2027");
        typeInto("reset:newPasswordRepeated", "Chosen-anew-2027");
        browser.findElement(By.id("reset:submit")).click();
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("doneText"))).getText().contains("Your new password is set"));
        Axe.assertNoSeriousViolations(browser, "new password set");
        Browser.assertNoConsoleErrors(browser);

        HttpResponse<String> onTheOtherDevice = otherDevice.get("patient/home.xhtml");
        assertEquals(302, onTheOtherDevice.statusCode(), "the session opened with the old password has ended");
        assertTrue(onTheOtherDevice.headers().firstValue("Location").orElse("").contains("signed-out.xhtml?reason=changed"));
        assertEquals(200, new WebSession(base).signIn(email, PASSWORD).statusCode(), "the old password no longer works");
        assertEquals(302, new WebSession(base).signIn(email, "Chosen-anew-2027").statusCode());
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM audit_event WHERE username = ? AND action = 'UPDATE'"
                + " AND detail LIKE 'password reset through a single-use link%every session of the account ended'", email));
        assertEquals(2, Clinic.number(databaseUrl, "SELECT count(*) FROM audit_event WHERE username = ?"
                + " AND detail = 'a password reset link was e-mailed to the account''s address'", email));

        // Used, withdrawn by the use of another, or expired: each refused with a clear page.
        browser.get(page(links.get(0)));
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notValidText"))).getText().contains("cannot be used"));
        assertTrue(browser.findElements(By.id("reset:submit")).isEmpty(), "no form for a used link");
        browser.get(page(links.get(1)));
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notValidText"))).getText().contains("cannot be used"));
        new WebSession(base).submit("forgot-password.xhtml", "forgot", Map.of("email", email), "send");
        String expiring = awaitResetLinks(email, 3).get(2);
        Clinic.execute(databaseUrl, "UPDATE account_link SET created_at = now() - interval '2 hours', expires_at = now() - interval '90 minutes'"
                + " WHERE used_at IS NULL AND purpose = 'RESET_PASSWORD' AND account_id = (SELECT id FROM user_account WHERE username = ?)", email);
        HttpResponse<String> late = new WebSession(base).submit(expiring, "reset", Map.of("token", expiring.substring(expiring.indexOf('=') + 1),
                "newPassword", "Too-late-pass-2029", "newPasswordRepeated", "Too-late-pass-2029"), "submit");
        assertTrue(late.body().contains("This link cannot be used"), late.body());
        assertEquals(302, new WebSession(base).signIn(email, "Chosen-anew-2027").statusCode(), "an expired link changes nothing");
    }

    @Test
    void administrator_shouldIssueAOneTimePasswordLink_forAStaffMember_withoutSeeingThePassword() throws Exception {
        String physio = "linked-" + UUID.randomUUID().toString().substring(0, 8);
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Pat Forgetful");
        signIn(ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/admin/accounts.xhtml"));
        assertTrue(staffRow(ClinicDeployment.ADMIN_USERNAME).findElements(By.cssSelector("button[id$=':passwordLink'], button[id$=':disable']"))
                .isEmpty(), "no password link, and no disabling, for the administrator's own account");
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> staffRow(physio)).findElement(By.cssSelector("button[id$=':passwordLink']")).click();
        WebElement issued = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issuedLinkText")));
        assertTrue(browser.findElement(By.id("accounts:issuedLink")).getText().contains("Give this link to Pat Forgetful"));
        Matcher link = Pattern.compile("reset-password\\.xhtml\\?token=[A-Za-z0-9_-]{43}$").matcher(issued.getText());
        assertTrue(link.find(), issued.getText());
        Axe.assertNoSeriousViolations(browser, "staff accounts, a password link issued");
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM audit_event WHERE username = ? AND action = 'UPDATE'"
                + " AND detail LIKE 'a one-time password link was issued for " + physio + "%'", ClinicDeployment.ADMIN_USERNAME));

        HttpResponse<String> chosen = new WebSession(base).submit(link.group(), "reset", Map.of("token", link.group().substring(link.group().indexOf('=') + 1),
                "newPassword", "Physio-chose-2027", "newPasswordRepeated", "Physio-chose-2027"), "submit");
        assertTrue(chosen.body().contains("Your new password is set"), chosen.body());
        assertEquals(302, new WebSession(base).signIn(physio, "Physio-chose-2027").statusCode());
        assertEquals(200, new WebSession(base).signIn(physio, PASSWORD).statusCode(), "the earlier password no longer works");
    }

    /** The reset links e-mailed to {@code recipient}, oldest first, once {@code count} have arrived. */
    private List<String> awaitResetLinks(String recipient, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Pattern link = Pattern.compile("/(reset-password\\.xhtml\\?token=[A-Za-z0-9_-]{43})\\s");
        List<String> found = List.of();
        while (System.nanoTime() < deadline) {
            found = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> Mailbox.text(m).contains("/reset-password.xhtml")
                    && Mailbox.recipients(m).contains(recipient)).map(m -> {
                        Matcher matcher = link.matcher(Mailbox.text(m));
                        return matcher.find() ? matcher.group(1) : "";
                    }).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(count + " reset links to " + recipient + " expected, found " + found);
    }

    private HttpResponse<String> sendRegistration(String givenName, String password) {
        return new WebSession(base).submit("register.xhtml", "registration", Map.of(
                "givenName", givenName, "familyName", "Shelley", "birthDate_input", "1979-08-30", "sex", "FEMALE",
                "email", email, "phone", "07400 123456", "password", password, "passwordRepeated", password), "submit");
    }

    @Test
    void registration_withAMobileNumberWrittenAnyCommonWay_shouldStoreItInE164Form() throws SQLException {
        browser.get(page("register.xhtml"));
        Browser.keepEvidence(browser, "registration-with-phone-field");
        fillRegistration("Grace", "Hopper", "1976-12-09", "07400 123456", PASSWORD, PASSWORD);
        browser.findElement(By.id("registration:submit")).click();
        wait.until(ExpectedConditions.urlContains("/registered.xhtml"));
        signIn(email, PASSWORD);
        wait.until(ExpectedConditions.urlContains("/patient/home.xhtml"));
        assertEquals("+447400123456", Clinic.text(databaseUrl, "SELECT phone FROM patient WHERE email = ?", email));
        assertEquals("+447400123456", browser.findElement(By.id("contact:phone")).getAttribute("value"), "shown on the home page");
    }

    @Test
    void patient_shouldChangeTheirMobileNumberAndEmergencyContact_onTheirHomePage() throws SQLException {
        registerByHttp();
        signIn(email, PASSWORD);
        wait.until(ExpectedConditions.urlContains("/patient/home.xhtml"));
        assertEquals(Clinic.PHONE_E164, browser.findElement(By.id("contact:phone")).getAttribute("value"));

        typeInto("contact:phone", "12");
        typeInto("contact:emergencyContactName", "Sam Smith");
        browser.findElement(By.id("contact:saveContact")).click();
        wait.until(d -> fieldMessage("phone").contains("your mobile number"));
        assertTrue(fieldMessage("emergencyContactPhone").contains("your emergency contact's number too"), fieldMessage("emergencyContactPhone"));
        assertEquals(Clinic.PHONE_E164, Clinic.text(databaseUrl, "SELECT phone FROM patient WHERE email = ?", email), "nothing half-changed");
        assertEquals(0, Clinic.number(databaseUrl, "SELECT count(*) FROM patient WHERE email = ? AND emergency_contact_name IS NOT NULL", email));

        typeInto("contact:phone", "+44 7400 654321");
        typeInto("contact:emergencyContactPhone", "(020) 7946 0123");
        browser.findElement(By.id("contact:saveContact")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact:messages"), "Your contact details are saved"));
        assertEquals("+447400654321", Clinic.text(databaseUrl, "SELECT phone FROM patient WHERE email = ?", email));
        assertEquals("Sam Smith", Clinic.text(databaseUrl, "SELECT emergency_contact_name FROM patient WHERE email = ?", email));
        assertEquals("+442079460123", Clinic.text(databaseUrl, "SELECT emergency_contact_phone FROM patient WHERE email = ?", email));
        assertEquals("+442079460123", browser.findElement(By.id("contact:emergencyContactPhone")).getAttribute("value"));
        long patientId = Clinic.number(databaseUrl, "SELECT id FROM patient WHERE email = ?", email);
        String audited = Clinic.text(databaseUrl, "SELECT detail FROM audit_event WHERE action = 'UPDATE' AND record_type = 'Patient'"
                + " AND record_id = ? ORDER BY id DESC LIMIT 1", patientId);
        assertTrue(audited.contains(Clinic.PHONE_E164 + " -> +447400654321"), audited);
        Browser.assertNoConsoleErrors(browser);
    }

    @Test
    void physiotherapist_shouldCorrectThePatientsPhone_onThePlanPage() throws SQLException {
        String physio = "physio-" + UUID.randomUUID().toString().substring(0, 8);
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Pat Physio");
        long episode = Clinic.patientWithEpisode(base, physio, PASSWORD, email);
        long patientId = Clinic.number(databaseUrl, "SELECT patient_id FROM episode_of_care WHERE id = ?", episode);
        Browser.signIn(browser, wait, page("login.xhtml"), physio, PASSWORD, "/physio/");
        browser.get(page("physio/plan.xhtml?episode=" + episode));

        typeInto("contact:phone", "hello");
        browser.findElement(By.id("contact:saveContact")).click();
        wait.until(d -> fieldMessage("phone").contains("the patient's phone number"));
        assertEquals(0, Clinic.number(databaseUrl, "SELECT count(*) FROM patient WHERE id = ? AND phone IS NOT NULL", patientId));

        typeInto("contact:phone", "07400 111222");
        browser.findElement(By.id("contact:saveContact")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("contact:contactMessages"), "The patient's contact details are saved"));
        assertEquals("+447400111222", Clinic.text(databaseUrl, "SELECT phone FROM patient WHERE id = ?", patientId));
        assertEquals(physio, Clinic.text(databaseUrl, "SELECT updated_by FROM patient WHERE id = ?", patientId));
        Browser.assertNoConsoleErrors(browser);
    }

    @Test
    void anAttackersWrongPasswords_shouldMakeStrangersWait_butNotThePatientsOwnBrowser() throws SQLException {
        registerByHttp();
        signIn(email, PASSWORD);
        wait.until(ExpectedConditions.urlContains("/patient/home.xhtml"));
        org.openqa.selenium.Cookie known = browser.manage().getCookieNamed(ClinicAuthenticationMechanism.KNOWN_BROWSER_COOKIE);
        assertTrue(known != null && known.isHttpOnly() && "Strict".equals(known.getSameSite()), "the browser is remembered: " + known);
        browser.findElement(By.id("navForm:signOut")).click();
        wait.until(ExpectedConditions.urlContains("signedOut=true"));

        WebSession attacker = new WebSession(base);
        for (int i = 1; i <= 5; i++) {
            HttpResponse<String> guess = attacker.signIn(email, "Not-my-password-" + i);
            assertEquals(200, guess.statusCode(), "guess " + i + " is refused");
        }
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM audit_event WHERE username = ? AND action = 'LOCKOUT'", email));
        HttpResponse<String> stranger = new WebSession(base).signIn(email, PASSWORD);
        assertEquals(200, stranger.statusCode(), "another browser with the right password waits");
        assertTrue(stranger.body().contains("must wait a little"), "and is told so, as every refusal is");

        signIn(email, PASSWORD);
        wait.until(ExpectedConditions.urlContains("/patient/home.xhtml"));
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM user_account WHERE username = ? AND locked_until > now()", email),
                "the patient's own sign-in leaves strangers waiting");
    }

    @Test
    void wrongPasswordsFromTheBrowserItself_shouldCountAgainstIt_andFiveForgetIt() throws SQLException {
        registerByHttp();
        signIn(email, PASSWORD);
        wait.until(ExpectedConditions.urlContains("/patient/home.xhtml"));
        browser.findElement(By.id("navForm:signOut")).click();
        wait.until(ExpectedConditions.urlContains("signedOut=true"));
        for (int i = 1; i <= 5; i++) {
            signIn(email, "Not-my-password-" + i);
            assertTrue(failureMessage().contains("not right"), "attempt " + i);
        }
        assertTrue(browser.findElement(By.cssSelector(".hint")).getText().contains("not kept waiting"));
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM known_device d JOIN user_account a ON a.id = d.account_id"
                + " WHERE a.username = ? AND d.forgotten_at IS NOT NULL", email), "five wrong passwords forget the browser");
        assertEquals(0, Clinic.number(databaseUrl, "SELECT count(*) FROM user_account WHERE username = ? AND failed_sign_ins > 0", email),
                "they are not the account's failures: strangers are not kept waiting by them");
    }

    @Test
    void anIdleSession_shouldEndOnAClearPage() {
        registerByHttp();
        signIn(email, PASSWORD);
        wait.until(ExpectedConditions.urlContains("/patient/home.xhtml"));

        // What a timeout leaves behind: the browser still holds its marker, the server no session.
        browser.manage().deleteCookieNamed("JSESSIONID");
        browser.get(page("patient/home.xhtml"));

        wait.until(ExpectedConditions.urlContains("/signed-out.xhtml"));
        assertTrue(browser.findElement(By.id("signedOutReason")).getText().contains("no activity"));
        browser.findElement(By.id("signInAgain")).click();
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    }

    @Test
    void administrator_shouldFindAChartReadInTheAuditLog() {
        registerByHttp();
        String physio = "physio-" + UUID.randomUUID().toString().substring(0, 8);
        WebSession api = new WebSession(base);
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Pat Physio");
        String created = api.api("POST", "api/v1/patients",
                "{\"givenName\":\"Ida\",\"familyName\":\"Wells\",\"birthDate\":\"1962-07-16\",\"sex\":\"FEMALE\"}", physio, PASSWORD).body();
        String patientId = created.transform(Http::topLevelId);
        assertEquals(200, api.api("GET", "api/v1/patients/" + patientId, null, physio, PASSWORD).statusCode());

        signIn(ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/admin/accounts.xhtml"));
        browser.findElement(By.linkText("Audit log")).click();
        wait.until(ExpectedConditions.urlContains("/admin/audit.xhtml"));
        typeInto("audit:username", physio);
        browser.findElement(By.id("audit:patientId_input")).sendKeys(patientId);
        browser.findElement(By.id("audit:apply")).click();

        // The table is re-rendered by AJAX: rows read mid-update go stale, and are read again.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> rows().size() == 2 && rows().get(0).contains("READ"));
        List<String> rows = rows();
        assertTrue(rows.get(0).contains(physio) && rows.get(0).contains("Patient " + patientId), rows.get(0));
        assertTrue(rows.get(1).contains("CREATE"), rows.get(1));
        Browser.assertNoConsoleErrors(browser);
    }

    @Test
    void administrator_shouldCreateDisableAndEnableAStaffAccount() {
        String physio = "staff-" + UUID.randomUUID().toString().substring(0, 8);
        signIn(ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/admin/accounts.xhtml"));
        typeInto("newAccount:username", physio);
        typeInto("newAccount:displayName", "Sam Spine");
        typeInto("newAccount:password", "short");
        browser.findElement(By.id("newAccount:create")).click();
        WebElement tooShort = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-message-error")));
        assertTrue(tooShort.getText().contains("too short"), tooShort.getText());

        typeInto("newAccount:password", PASSWORD);
        browser.findElement(By.id("newAccount:create")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("newAccount:messages"), "Account " + physio + " created"));
        WebElement row = wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> staffRow(physio));

        assertEquals(404, new WebSession(base).api("GET", "api/v1/patients/999999", null, physio, PASSWORD).statusCode(),
                "a new account works in the API (and its verified password is remembered for a while)");
        // The physiotherapist is signed in on another computer, reading the caseload.
        WebSession elsewhere = new WebSession(base);
        assertEquals(302, elsewhere.signIn(physio, PASSWORD).statusCode());
        assertEquals(200, elsewhere.get("physio/caseload.xhtml").statusCode());
        row.findElement(By.cssSelector("button[id$=':disable']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("accounts:messages"), physio + " can no longer sign in"));
        HttpResponse<String> afterDisabling = elsewhere.get("physio/caseload.xhtml");
        assertEquals(302, afterDisabling.statusCode(), "the disabled account's open session reads no more");
        assertTrue(afterDisabling.headers().firstValue("Location").orElse("").contains("signed-out.xhtml?reason=changed"),
                afterDisabling.headers().toString());
        assertTrue(elsewhere.get(afterDisabling.headers().firstValue("Location").orElseThrow()).body().contains("your account was changed"));
        assertEquals(302, elsewhere.get("physio/caseload.xhtml").statusCode(), "and stays ended");
        assertEquals(401, new WebSession(base).api("GET", "api/v1/patients/1", null, physio, PASSWORD).statusCode(),
                "a disabled account cannot sign in, though its password was verified a moment ago");

        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> staffRow(physio)).findElement(By.cssSelector("button[id$=':enable']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("accounts:messages"), physio + " can sign in again"));
        assertEquals(404, new WebSession(base).api("GET", "api/v1/patients/999999", null, physio, PASSWORD).statusCode(),
                "enabled again: signed in, and told the patient does not exist");
    }

    @Test
    void patient_shouldChangeTheirPassword_andOnlyTheNewOneWorksAfterwards() {
        registerByHttp();
        assertEquals(404, new WebSession(base).api("GET", "api/v1/patients/999999", null, email, PASSWORD).statusCode(),
                "the API signs the patient in (404, not 401) and remembers the verified password for a while");
        WebSession otherDevice = new WebSession(base);
        assertEquals(302, otherDevice.signIn(email, PASSWORD).statusCode());
        assertEquals(200, otherDevice.get("patient/home.xhtml").statusCode());
        signIn(email, PASSWORD);
        wait.until(ExpectedConditions.urlContains("/patient/home.xhtml"));
        browser.findElement(By.linkText("Change password")).click();
        wait.until(ExpectedConditions.urlContains("/account/password.xhtml"));

        typeInto("password:currentPassword", "not-my-current-1");
        typeInto("password:newPassword", "Brand-new-pass-77");
        typeInto("password:newPasswordRepeated", "Brand-new-pass-77");
        browser.findElement(By.id("password:submit")).click();
        WebElement wrongCurrent = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-message-error")));
        assertTrue(wrongCurrent.getText().contains("not your current password"), wrongCurrent.getText());

        typeInto("password:currentPassword", PASSWORD);
        typeInto("password:newPassword", "Brand-new-pass-77");
        typeInto("password:newPasswordRepeated", "Brand-new-pass-77");
        browser.findElement(By.id("password:submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password:messages"), "Your password has been changed"));
        HttpResponse<String> onTheOtherDevice = otherDevice.get("patient/home.xhtml");
        assertEquals(302, onTheOtherDevice.statusCode(), "the session opened with the old password has ended");
        assertTrue(onTheOtherDevice.headers().firstValue("Location").orElse("").contains("signed-out.xhtml?reason=changed"));
        browser.findElement(By.linkText("My record")).click();
        wait.until(ExpectedConditions.urlContains("/patient/home.xhtml"));
        assertTrue(browser.findElements(By.id("signedOutReason")).isEmpty(), "the session that changed the password goes on");

        assertEquals(401, new WebSession(base).api("GET", "api/v1/patients/999999", null, email, PASSWORD).statusCode(),
                "the API forgets the old password at once");
        assertEquals(404, new WebSession(base).api("GET", "api/v1/patients/999999", null, email, "Brand-new-pass-77").statusCode());
        browser.findElement(By.id("navForm:signOut")).click();
        wait.until(ExpectedConditions.urlContains("signedOut=true"));
        signIn(email, PASSWORD);
        assertTrue(failureMessage().contains("not right"), "the old password no longer works");
        signIn(email, "Brand-new-pass-77");
        wait.until(ExpectedConditions.urlContains("/patient/home.xhtml"));
    }

    private WebElement staffRow(String username) {
        return browser.findElements(By.cssSelector("#accounts\\:staff_data tr")).stream()
                .filter(r -> r.getText().contains(username)).findFirst().orElse(null);
    }

    private List<String> rows() {
        return browser.findElements(By.cssSelector("#audit\\:events_data tr")).stream().map(WebElement::getText).toList();
    }

    private void fillRegistration(String given, String family, String birthDate, String phone, String password, String repeated) {
        typeInto("registration:givenName", given);
        typeInto("registration:familyName", family);
        WebElement date = browser.findElement(By.id("registration:birthDate_input"));
        date.sendKeys(birthDate);
        browser.findElement(By.cssSelector("label[for='registration:sex:1']")).click();
        typeInto("registration:email", email);
        typeInto("registration:phone", phone);
        typeInto("registration:password", password);
        typeInto("registration:passwordRepeated", repeated);
    }

    /** The text of the message next to an input of the page's form ("" when there is none). */
    private String fieldMessage(String input) {
        return browser.findElements(By.cssSelector("[id$=':" + input + "'] ~ .ui-message-error, .ui-message-error[id*='" + input + "']"))
                .stream().map(WebElement::getText).findFirst().orElse("");
    }

    private void registerByHttp() {
        Clinic.registerPatient(base, email, PASSWORD, "Test", "Patient", "1980-05-17", "UNKNOWN");
    }

    private void signIn(String username, String password) {
        browser.get(page("login.xhtml"));
        typeInto("login:username", username);
        typeInto("login:password", password);
        browser.findElement(By.id("login:submit")).click();
    }

    private String failureMessage() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login:messages"))).getText();
    }

    private void typeInto(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String page(String path) {
        return Http.resolve(base, path).toString();
    }
}
