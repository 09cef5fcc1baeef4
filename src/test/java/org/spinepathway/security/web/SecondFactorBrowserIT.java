package org.spinepathway.security.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spinepathway.security.control.Totp;
import org.spinepathway.testing.Axe;
import org.spinepathway.testing.Browser;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.Http;
import org.spinepathway.testing.WebSession;

/**
 * Two-step sign-in in headless Chromium, with the production setting: administrators and physicians
 * must have a second factor. The test is the authenticator app: it reads the key shown beside the
 * QR code and computes the codes (RFC 6238) as an app does. The first test enrols the
 * administrator, whom the others need; each of the others makes its own staff accounts.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecondFactorBrowserIT {

    private static final String PASSWORD = "Second-factor-2026";
    private static String databaseUrl;
    /** The enrolled key of each account, and the last 30-second step whose code it used. */
    private static final Map<String, String> secrets = new ConcurrentHashMap<>();
    private static final Map<String, Long> lastSteps = new ConcurrentHashMap<>();
    private static final List<String> adminRecoveryCodes = new ArrayList<>();

    @ArquillianResource
    URL base;

    private final List<WebDriver> browsers = new ArrayList<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        databaseUrl = EmbeddedDatabase.get().createDatabase("second_factor");
        return ClinicDeployment.onDatabase(databaseUrl, Map.of("clinic.security.mfa-roles", "ADMIN,PHYSICIAN",
                "clinic.security.totp-key", "second-factor-test-key-0123456789abcdef"));
    }

    @AfterEach
    void closeBrowsers(TestInfo test) {
        for (int i = 0; i < browsers.size(); i++) {
            Browser.keepEvidence(browsers.get(i), getClass().getSimpleName() + "-" + test.getTestMethod().map(m -> m.getName()).orElse("test") + "-" + i);
            browsers.get(i).quit();
        }
    }

    @Test
    @Order(1)
    void anAdministratorWithoutASecondFactor_reachesNoAdminPage_untilTheyEnrolOneByItsQrCode() throws SQLException {
        WebDriver admin = browser();
        WebDriverWait wait = new WebDriverWait(admin, java.time.Duration.ofSeconds(15));
        Browser.signIn(admin, wait, page("login.xhtml"), ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD,
                "/account/second-factor.xhtml");
        for (String adminPage : List.of("admin/accounts.xhtml", "admin/audit.xhtml", "admin/evaluations.xhtml", "index.xhtml")) {
            admin.get(page(adminPage));
            wait.until(ExpectedConditions.urlContains("/account/second-factor.xhtml"));
            assertTrue(admin.findElement(By.id("required")).getText().contains("Set it up now"), adminPage);
        }
        // Nor by a path that starts like a public resource and climbs out of it.
        WebSession sneaking = new WebSession(base);
        assertEquals(302, sneaking.signIn(ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD).statusCode());
        HttpResponse<String> climbed = sneaking.getVerbatim("/jakarta.faces.resource/../admin/audit.xhtml");
        assertFalse(climbed.statusCode() == 200 && climbed.body().contains("audit"), "the audit page unenrolled: " + climbed.statusCode());
        assertTrue(climbed.statusCode() != 302 || climbed.headers().firstValue("Location").orElse("").contains("/account/second-factor.xhtml"),
                climbed.headers().toString());
        // HTTP Basic cannot carry a second factor: the administrator's password alone opens no API call either.
        HttpResponse<String> api = new WebSession(base).api("POST", "api/v1/staff", "{}",
                ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD);
        assertEquals(401, api.statusCode(), api.body());

        WebElement qr = admin.findElement(By.id("enrol:qrCode"));
        assertTrue(((Number) ((org.openqa.selenium.JavascriptExecutor) admin).executeScript("return arguments[0].naturalWidth;", qr)).intValue() > 100,
                "the QR code is drawn");
        assertTrue(Axe.seriousViolations(admin).isEmpty(), () -> "axe: " + Axe.seriousViolations(admin));
        // A code that is not the app's: refused beside the field, nothing enrolled.
        admin.findElement(By.id("enrol:code")).sendKeys("000000");
        admin.findElement(By.id("enrol:confirm")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[id='enrol:code'] ~ .ui-message-error, .ui-message-error"),
                "not the code your app shows"));

        adminRecoveryCodes.addAll(enrol(admin, wait, ClinicDeployment.ADMIN_USERNAME));
        assertEquals(10, adminRecoveryCodes.size());
        String stored = Clinic.text(databaseUrl, "SELECT totp_secret FROM user_account WHERE username = ?", ClinicDeployment.ADMIN_USERNAME);
        assertTrue(stored.startsWith("aesgcm:") && !stored.contains(secrets.get(ClinicDeployment.ADMIN_USERNAME)),
                "the key is stored encrypted, not as the app was given it");
        admin.get(page("admin/accounts.xhtml"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("newAccount:create")));
        assertTrue(admin.getCurrentUrl().endsWith("/admin/accounts.xhtml"));
    }

    @Test
    @Order(2)
    void aPhysician_signsInWithACodeFromTheirApp_andWithARecoveryCode_eachGoodOnce() throws SQLException {
        String physician = "dr-" + UUID.randomUUID().toString().substring(0, 8);
        createStaff(adminWithRecoveryCode(), physician, "Physician");

        WebDriver doctor = browser();
        WebDriverWait wait = new WebDriverWait(doctor, java.time.Duration.ofSeconds(15));
        Browser.signIn(doctor, wait, page("login.xhtml"), physician, PASSWORD, "/account/second-factor.xhtml");
        List<String> recovery = enrol(doctor, wait, physician);
        doctor.findElement(By.id("continue")).click();
        wait.until(ExpectedConditions.urlContains("/physician/worklist.xhtml"));
        signOut(doctor, wait);

        // The password, then a code from the app.
        passwordThenCodePage(doctor, wait, physician);
        String code = nextCode(physician);
        typeCode(doctor, "123456".equals(code) ? "654321" : "123456");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-message-error"), "That code is not right"));
        assertTrue(doctor.getCurrentUrl().contains("/sign-in-code.xhtml"));
        typeCode(doctor, code);
        wait.until(ExpectedConditions.urlContains("/physician/worklist.xhtml"));
        signOut(doctor, wait);

        // The same code again: it was used.
        passwordThenCodePage(doctor, wait, physician);
        typeCode(doctor, code);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-message-error"), "used already"));

        // The password given again does not wipe the wrong code's count: codes cannot be guessed five at a time for ever.
        passwordThenCodePage(doctor, wait, physician);
        assertEquals(1, Clinic.number(databaseUrl, "SELECT failed_sign_ins FROM user_account WHERE username = ?", physician));
        // A recovery code instead, written as people copy it: upper case, no hyphens.
        typeCode(doctor, recovery.get(0).replace("-", "").toUpperCase(java.util.Locale.ROOT));
        wait.until(ExpectedConditions.urlContains("/physician/worklist.xhtml"));
        assertEquals(0, Clinic.number(databaseUrl, "SELECT failed_sign_ins FROM user_account WHERE username = ?", physician),
                "a right second factor clears the count");
        signOut(doctor, wait);

        passwordThenCodePage(doctor, wait, physician);
        typeCode(doctor, recovery.get(0));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ui-message-error"), "That code is not right"));
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM audit_event WHERE username = ? AND action = 'SIGN_IN'"
                + " AND detail = 'second factor: a recovery code; 9 left'", physician));
        assertEquals(3, Clinic.number(databaseUrl, "SELECT count(*) FROM audit_event WHERE username = ? AND action = 'SIGN_IN_FAILURE'"
                + " AND detail = 'wrong second-factor code'", physician), "the wrong code, the replayed one and the used recovery code");
    }

    @Test
    @Order(3)
    void anAdministrator_resetsAStaffMembersSecondFactor_whoseSessionEnds_andWhoEnrolsAgainAtSignIn() throws SQLException {
        WebDriver admin = adminWithRecoveryCode();
        String physician = "dr-" + UUID.randomUUID().toString().substring(0, 8);
        createStaff(admin, physician, "Physician");
        WebDriver doctor = browser();
        WebDriverWait wait = new WebDriverWait(doctor, java.time.Duration.ofSeconds(15));
        Browser.signIn(doctor, wait, page("login.xhtml"), physician, PASSWORD, "/account/second-factor.xhtml");
        enrol(doctor, wait, physician);

        WebDriverWait adminWait = new WebDriverWait(admin, java.time.Duration.ofSeconds(15));
        admin.get(page("admin/accounts.xhtml"));
        WebElement reset = adminWait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[aria-label='Reset two-step sign-in " + physician + "']")));
        reset.click();
        adminWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        adminWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("accounts:messages"), "was reset"));
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM audit_event WHERE action = 'UPDATE' AND record_type = 'UserAccount'"
                + " AND detail LIKE 'second factor of ' || ? || ' reset by an administrator%'", physician));

        // The physician's open session has ended; signing in asks them to enrol again.
        doctor.get(page("physician/worklist.xhtml"));
        wait.until(ExpectedConditions.urlContains("/signed-out.xhtml"));
        Browser.signIn(doctor, wait, page("login.xhtml"), physician, PASSWORD, "/account/second-factor.xhtml");
        assertTrue(doctor.findElement(By.id("required")).getText().contains("Set it up now"));
        assertTrue(doctor.findElement(By.id("secret")).isDisplayed(), "a new key to enrol");
    }

    @Test
    @Order(4)
    void theApi_takesAPasswordAlone_onlyFromAnAccountTheAdministratorMarkedAsAnIntegration() {
        WebDriver admin = adminWithRecoveryCode();
        String feed = "feed-" + UUID.randomUUID().toString().substring(0, 8);
        createStaff(admin, feed, "Physician");
        WebSession api = new WebSession(base);
        assertEquals(401, api.api("GET", "api/v1/worklist?page=0&size=5", null, feed, PASSWORD).statusCode());

        WebDriverWait adminWait = new WebDriverWait(admin, java.time.Duration.ofSeconds(15));
        adminWait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button[aria-label='Make integration account " + feed + "']"))).click();
        adminWait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("accounts:messages"), "is an integration account"));
        HttpResponse<String> worklist = api.api("GET", "api/v1/worklist?page=0&size=5", null, feed, PASSWORD);
        assertEquals(200, worklist.statusCode(), worklist.body());

        // An integration account is a system's: it cannot sign in on the pages.
        WebDriver person = browser();
        WebDriverWait wait = new WebDriverWait(person, java.time.Duration.ofSeconds(15));
        Browser.signIn(person, wait, page("login.xhtml"), feed, PASSWORD, "/login.xhtml");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"), "is not right"));
        assertFalse(person.getCurrentUrl().contains("worklist"));
    }

    /** Scans the page's key as an app does, types its current code, and returns the recovery codes shown. */
    private List<String> enrol(WebDriver driver, WebDriverWait wait, String username) {
        String secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret"))).getText().replace(" ", "");
        long step = Totp.stepAt(Instant.now());
        WebElement code = driver.findElement(By.id("enrol:code"));
        code.clear();
        code.sendKeys(codeAt(secret, step));
        driver.findElement(By.id("enrol:confirm")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("recoveryCodes")));
        secrets.put(username, secret);
        lastSteps.put(username, step);
        return driver.findElements(By.cssSelector("#recoveryCodes code")).stream().map(WebElement::getText).toList();
    }

    /** The administrator, signed in in a new browser with one of their recovery codes (no wait for the app's next code). */
    private WebDriver adminWithRecoveryCode() {
        assertFalse(adminRecoveryCodes.isEmpty(), "the first test enrols the administrator");
        WebDriver admin = browser();
        WebDriverWait wait = new WebDriverWait(admin, java.time.Duration.ofSeconds(15));
        passwordThenCodePage(admin, wait, ClinicDeployment.ADMIN_USERNAME);
        typeCode(admin, adminRecoveryCodes.remove(0));
        wait.until(ExpectedConditions.urlContains("/admin/accounts.xhtml"));
        return admin;
    }

    private void createStaff(WebDriver admin, String username, String roleLabel) {
        WebDriverWait wait = new WebDriverWait(admin, java.time.Duration.ofSeconds(15));
        admin.get(page("admin/accounts.xhtml"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("newAccount:username"))).sendKeys(username);
        admin.findElement(By.id("newAccount:displayName")).sendKeys("Staff " + username);
        Browser.select(wait, "newAccount:role", roleLabel);
        admin.findElement(By.id("newAccount:password")).sendKeys(PASSWORD);
        admin.findElement(By.id("newAccount:create")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("newAccount:messages"), "Account " + username + " created"));
    }

    private void passwordThenCodePage(WebDriver driver, WebDriverWait wait, String username) {
        Browser.signIn(driver, wait, page("login.xhtml"), username, username.equals(ClinicDeployment.ADMIN_USERNAME)
                ? ClinicDeployment.ADMIN_PASSWORD : PASSWORD, "/sign-in-code.xhtml");
    }

    private static void typeCode(WebDriver driver, String code) {
        WebElement input = driver.findElement(By.id("secondStep:code"));
        input.clear();
        input.sendKeys(code);
        driver.findElement(By.id("secondStep:submit")).click();
    }

    private static void signOut(WebDriver driver, WebDriverWait wait) {
        driver.findElement(By.id("navForm:signOut")).click();
        wait.until(ExpectedConditions.urlContains("signedOut=true"));
    }

    /** The app's code for a step after the last one this account used, within the one step ahead the server allows. */
    private static String nextCode(String username) {
        long step = Math.max(Totp.stepAt(Instant.now()), lastSteps.get(username) + 1);
        while (step > Totp.stepAt(Instant.now()) + 1) {
            sleep(1000);
        }
        lastSteps.put(username, step);
        return codeAt(secrets.get(username), step);
    }

    private static String codeAt(String secret, long step) {
        try {
            return new DefaultCodeGenerator().generate(secret, step);
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private WebDriver browser() {
        WebDriver driver = Browser.start();
        browsers.add(driver);
        return driver;
    }

    private String page(String path) {
        return Http.resolve(base, path).toString();
    }
}
