package org.spinepathway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium from Debian ({@code chromium}, {@code chromium-driver}). Selenium's own
 * browser download cannot work on these machines, so a missing browser fails the test with the
 * install command instead of skipping it.
 */
public final class Browser {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    private Browser() {
    }

    /** Fails with the messages when the page logged errors to the console (CSP violations included). */
    public static void assertNoConsoleErrors(org.openqa.selenium.WebDriver driver) {
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("browser console errors: " + errors);
        }
    }

    /** Keeps what the browser shows under target/screenshots, to read when a test fails. */
    public static void keepEvidence(org.openqa.selenium.WebDriver driver, String name) {
        try {
            Path dir = Path.of(System.getProperty("build.tmpdir", "target/tmp")).resolveSibling("screenshots");
            Files.createDirectories(dir);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Files.write(dir.resolve(name + ".png"), png);
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            // Evidence is a help, never a reason for a test to fail.
        }
    }

    /** Waits until PrimeFaces has no AJAX request queued or running (autosaves included). */
    public static void waitForAjax(org.openqa.selenium.support.ui.WebDriverWait wait) {
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty();")));
    }

    /**
     * Clicks option {@code index} of a PrimeFaces radio or checkbox group. The previous answer's
     * autosave may be re-rendering the page: it is allowed to finish, and the label found again if
     * it was replaced.
     */
    public static void choose(org.openqa.selenium.support.ui.WebDriverWait wait, String groupId, int index) {
        waitForAjax(wait);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            org.openqa.selenium.WebElement label = d.findElement(org.openqa.selenium.By.cssSelector("label[for='" + groupId + ":" + index + "']"));
            ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", label);
            label.click();
            return true;
        });
    }

    /**
     * Picks the option with this label in a PrimeFaces selectOneMenu, as a user does: opens the
     * panel, waits for it to have finished opening, clicks the item, and checks the menu shows it.
     */
    public static void select(org.openqa.selenium.support.ui.WebDriverWait wait, String menuId, String optionLabel) {
        waitForAjax(wait);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementNotInteractableException.class).until(d -> {
            org.openqa.selenium.WebElement menu = d.findElement(org.openqa.selenium.By.id(menuId));
            org.openqa.selenium.WebElement panel = d.findElement(org.openqa.selenium.By.id(menuId + "_panel"));
            if (!panel.isDisplayed()) {
                ((org.openqa.selenium.JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", menu);
                menu.click();
                return false;
            }
            Boolean opened = (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "return !jQuery(arguments[0]).is(':animated');", panel);
            if (!Boolean.TRUE.equals(opened)) {
                return false;
            }
            d.findElement(org.openqa.selenium.By.cssSelector("[id='" + menuId + "_items'] li[data-label='" + optionLabel + "']")).click();
            return true;
        });
        waitForAjax(wait);
        wait.until(d -> optionLabel.equals(d.findElement(org.openqa.selenium.By.id(menuId + "_label")).getText()));
    }

    /**
     * Makes the browser a 390 × 844 phone (an iPhone 12 to 15's screen in CSS pixels): the page's
     * viewport is that size and the page lays itself out for a mobile browser.
     */
    public static void emulatePhone(org.openqa.selenium.WebDriver driver) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Signs in on the login page and waits to land on {@code landing}. */
    public static void signIn(org.openqa.selenium.WebDriver driver, org.openqa.selenium.support.ui.WebDriverWait wait, String loginUrl,
                              String username, String password, String landing) {
        driver.get(loginUrl);
        driver.findElement(org.openqa.selenium.By.id("login:username")).sendKeys(username);
        driver.findElement(org.openqa.selenium.By.id("login:password")).sendKeys(password);
        driver.findElement(org.openqa.selenium.By.id("login:submit")).click();
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains(landing));
    }

    public static ChromeDriver start() {
        return start(null);
    }

    /** A browser that saves downloads into {@code downloads} without asking. */
    public static ChromeDriver start(Path downloads) {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: browser tests need Debian's Chromium."
                        + " Install it with: apt-get install -y chromium chromium-driver");
            }
        }
        try {
            Path tmp = Path.of(System.getProperty("build.tmpdir", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(tmp);
            Path profile = Files.createTempDirectory(tmp, "chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile);
            if (downloads != null) {
                Files.createDirectories(downloads);
                options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                        "download.prompt_for_download", false, "plugins.always_open_pdf_externally", true));
            }
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
