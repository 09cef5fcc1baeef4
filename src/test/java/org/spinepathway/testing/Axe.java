package org.spinepathway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the npm package, installed by the build into target/axe) run inside the page under
 * test. WebDriver evaluates it outside the page's Content-Security-Policy.
 */
public final class Axe {

    private static final Path SCRIPT = Path.of(System.getProperty("axe.script", "target/axe/node_modules/axe-core/axe.min.js"));
    private static String source;

    private Axe() {
    }

    /** The serious and critical WCAG 2 A/AA violations on the current page, as "rule (impact): help ×nodes". */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(WebDriver driver) {
        ((JavascriptExecutor) driver).executeScript(source());
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + ".then(function (r) { done(r.violations.map(function (v) {"
                        + "  return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(function (n) { return n.target.join(' '); })}; })); })"
                        + ".catch(function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });");
        return ((List<Map<String, Object>>) result).stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("nodes"))
                .toList();
    }

    public static void assertNoSeriousViolations(WebDriver driver, String page) {
        List<String> violations = seriousViolations(driver);
        if (!violations.isEmpty()) {
            throw new AssertionError("axe-core found serious or critical accessibility violations on " + page + ": " + violations);
        }
    }

    private static synchronized String source() {
        if (source == null) {
            if (!Files.isReadable(SCRIPT)) {
                throw new IllegalStateException(SCRIPT + " is missing: the build installs axe-core with npm before the"
                        + " integration tests (./mvnw verify); npm must be on the PATH.");
            }
            try {
                source = Files.readString(SCRIPT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }
}
