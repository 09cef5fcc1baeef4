package org.spinepathway.testing;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One signed-in headless Chromium on the application under test, with the steps every browser test
 * takes: open a page, click and type as a user does (after PrimeFaces' AJAX has settled), read an
 * element's text, and collect axe-core's serious findings and console errors per page.
 */
public final class BrowserSession {

    private final URL base;
    private final WebDriver driver;
    private final WebDriverWait wait;
    private final List<String> axeFindings = new ArrayList<>();

    private BrowserSession(URL base, Path downloads) {
        this.base = base;
        this.driver = Browser.start(downloads);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** Signs in on the login page and waits to land on {@code landing}. */
    public static BrowserSession signIn(URL base, String username, String password, String landing) {
        return signIn(base, username, password, landing, null);
    }

    /** As {@link #signIn(URL, String, String, String)}, saving downloads into {@code downloads}. */
    public static BrowserSession signIn(URL base, String username, String password, String landing, Path downloads) {
        BrowserSession session = new BrowserSession(base, downloads);
        Browser.signIn(session.driver, session.wait, session.url("login.xhtml"), username, password, landing);
        return session;
    }

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait await() {
        return wait;
    }

    public void open(String path) {
        driver.get(url(path));
    }

    public String url(String path) {
        return Http.resolve(base, path).toString();
    }

    public void click(String id) {
        Browser.waitForAjax(wait);
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    public void type(String id, String text) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Types into a search-as-you-type field and waits for its answer: the element {@code renderedId}
     * is marked before typing and the wait ends when the marked element has been replaced by the
     * server's answer, so a list that already looked right is not read while the delayed request is
     * still to come.
     */
    public void search(String inputId, String text, String renderedId) {
        Browser.waitForAjax(wait);
        ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).dataset.beforeSearch = 'yes';", renderedId);
        type(inputId, text);
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "var e = document.getElementById(arguments[0]);"
                        + " return e !== null && e.dataset.beforeSearch === undefined && PrimeFaces.ajax.Queue.isEmpty();", renderedId)));
    }

    public String text(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id))).getText();
    }

    /** A script's answer, retried until the page can give one (a chart drawn after load, say). */
    public Object script(String js) {
        return wait.until(d -> {
            try {
                return ((JavascriptExecutor) d).executeScript(js);
            } catch (org.openqa.selenium.JavascriptException notYet) {
                return null;
            }
        });
    }

    /** How many datasets Chart.js drew in the PrimeFaces chart with this id. */
    public long chartDatasets(String chartId) {
        return ((Number) script("return Chart.getChart(document.querySelector(\"[id='" + chartId + "'] canvas\")).data.datasets.length;")).longValue();
    }

    /** axe-core's serious and critical findings on the current page, and no console errors. */
    public void checkAccessibility(String pageName) {
        axeFindings.addAll(Axe.seriousViolations(driver).stream().map(v -> pageName + ": " + v).toList());
        Browser.assertNoConsoleErrors(driver);
    }

    public List<String> axeFindings() {
        return List.copyOf(axeFindings);
    }

    /** Keeps a screenshot and the page under target/screenshots, and closes the browser. */
    public void close(String evidenceName) {
        Browser.keepEvidence(driver, evidenceName);
        driver.quit();
    }
}
