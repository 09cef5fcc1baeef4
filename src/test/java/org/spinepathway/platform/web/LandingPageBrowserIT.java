package org.spinepathway.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.spinepathway.platform.control.SchemaMigrator;
import org.spinepathway.testing.Browser;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.Http;

/**
 * The landing page and sign-in in headless Chromium. The application starts here on a database
 * that is already migrated, as after an upgrade or restart.
 */
@ExtendWith(ArquillianExtension.class)
class LandingPageBrowserIT {

    @ArquillianResource
    URL base;

    private WebDriver browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        EmbeddedDatabase postgres = EmbeddedDatabase.get();
        String url = postgres.createDatabase("browser");
        new SchemaMigrator(LandingPageBrowserIT.class.getClassLoader()).migrate(postgres.ownerDataSource(url), EmbeddedDatabase.APPLICATION);
        return ClinicDeployment.onDatabase(url);
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser(org.junit.jupiter.api.TestInfo test) {
        if (browser != null) {
            Browser.keepEvidence(browser, getClass().getSimpleName() + "-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
            browser.quit();
        }
    }

    @Test
    void landingPage_shouldRenderWithPrimeFaces_andNoConsoleErrors() {
        // Twice: the first visit renders the page, the second is served from the kept copy with a new nonce.
        for (int visit = 0; visit < 2; visit++) {
            browser.get(page("index.xhtml"));
            assertLandingPageWorks();
        }
    }

    private void assertLandingPageWorks() {

        assertEquals("Welcome to Spine Pathway · Spine Pathway", browser.getTitle());
        Object primeFacesLoaded = ((JavascriptExecutor) browser).executeScript(
                "return typeof window.PrimeFaces !== 'undefined' && typeof window.jQuery !== 'undefined'"
                        + " && !!PrimeFaces.widgets['widget_navForm_menu'];");
        assertEquals(Boolean.TRUE, primeFacesLoaded, "PrimeFaces scripts loaded and the menubar widget initialised");
        assertTrue(browser.findElement(By.id("navForm:menu")).getAttribute("class").contains("ui-menubar"));
        assertTrue(browser.findElement(By.id("patientStart")).isDisplayed());
        assertTrue(browser.findElement(By.id("staffSignIn")).isDisplayed());
        Object cssApplied = ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.querySelector('.site-header')).backgroundColor;");
        assertEquals("rgb(11, 79, 108)", cssApplied, "the clinic stylesheet is served and applied");

        Browser.assertNoConsoleErrors(browser);
    }

    @Test
    void administrator_shouldSignIn_seeTheirNameAndStaffAccounts_andSignOut() {
        browser.get(page("index.xhtml"));
        browser.findElement(By.id("staffSignIn")).click();
        browser.findElement(By.id("login:username")).sendKeys(ClinicDeployment.ADMIN_USERNAME.toUpperCase());
        browser.findElement(By.id("login:password")).sendKeys(ClinicDeployment.ADMIN_PASSWORD);
        browser.findElement(By.id("login:submit")).click();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.urlContains("/admin/accounts.xhtml"));
        assertEquals("Administrator", browser.findElement(By.id("navForm:signedInUser")).getText());
        List<String> cells = browser.findElements(By.cssSelector("#accounts\\:staff td")).stream().map(c -> c.getText()).toList();
        assertTrue(cells.contains(ClinicDeployment.ADMIN_USERNAME), "the bootstrap administrator, named in config/test.properties, is listed: " + cells);
        Browser.assertNoConsoleErrors(browser);

        // The landing page, signed in: their own, not the copy strangers get.
        browser.get(page(""));
        assertEquals("Administrator", browser.findElement(By.id("navForm:signedInUser")).getText());
        assertTrue(browser.findElement(By.id("signedInNotice")).isDisplayed());

        browser.findElement(By.id("navForm:signOut")).click();
        wait.until(ExpectedConditions.urlContains("signedOut=true"));
        assertTrue(browser.findElement(By.id("signedOutNotice")).getText().contains("You have been signed out"));
        browser.get(page("admin/accounts.xhtml"));
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
    }

    @Test
    void wrongPassword_shouldSayItWithoutRevealingWhetherTheAccountExists() {
        browser.get(page("login.xhtml"));
        browser.findElement(By.id("login:username")).sendKeys("admin");
        browser.findElement(By.id("login:password")).sendKeys("not-the-password");
        browser.findElement(By.id("login:submit")).click();
        String knownUser = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("login:messages"))).getText();

        browser.findElement(By.id("login:username")).clear();
        browser.findElement(By.id("login:username")).sendKeys("nobody-here");
        browser.findElement(By.id("login:password")).sendKeys("whatever");
        browser.findElement(By.id("login:submit")).click();
        String unknownUser = new WebDriverWait(browser, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("login:messages"))).getText();

        assertTrue(knownUser.contains("The username or password is not right"), knownUser);
        assertEquals(knownUser, unknownUser);
    }

    @Test
    void emptySignIn_shouldShowAMessageNextToEachField() {
        browser.get(page("login.xhtml"));
        browser.findElement(By.id("login:submit")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        String usernameMessage = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[id='login:username'] ~ .ui-message, #login\\:username + .ui-message"))).getText();
        assertTrue(usernameMessage.contains("Enter your username"), usernameMessage);
        assertTrue(browser.getPageSource().contains("Enter your password"));
        assertFalse(Http.showsStackTrace(browser.getPageSource()));
    }

    private String page(String path) {
        return Http.resolve(base, path).toString();
    }
}
