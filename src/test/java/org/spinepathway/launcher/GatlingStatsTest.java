package org.spinepathway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatlingStatsTest {

    private static final String CONSOLE = """
            ---- Global Information --------------------------------------------------------
            > request count                                      |  12,000 |  12,000 |      -
            > mean throughput (rps)                              |   200.0 |   200.0 |      -
            > response time 50th percentile (ms)                 |       9 |       9 |      -
            > response time 95th percentile (ms)                 |      41 |      41 |      -
            > response time 99th percentile (ms)                 |     116 |     116 |      -
            """;

    @TempDir
    Path report;

    @Test
    void read_shouldTakeEveryFigure_andADashForNoFailuresAsZero() throws IOException {
        Files.writeString(report.resolve("req_landing.html"), page("landing page", "2,984", "50.0", "2", "11", "57", "-"));
        List<GatlingStats.Row> rows = GatlingStats.read(report, console(CONSOLE));
        assertEquals(new GatlingStats.Row("landing page", 2984, 50.0, 2, 11, 57, 0), rows.get(0));
        assertEquals(new GatlingStats.Row(GatlingStats.ALL, 12000, 200.0, 9, 41, 116, 0), rows.get(1));
    }

    @Test
    void read_shouldFail_whenAFigureIsNoNumber() throws IOException {
        Files.writeString(report.resolve("req_landing.html"), page("landing page", "2,984", "50.0", "2", "-", "57", "-"));
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> GatlingStats.read(report, console(CONSOLE)));
        assertTrue(failure.getMessage().contains("95th percentile"), failure.getMessage());
    }

    @Test
    void read_shouldFail_whenTheSummaryLacksALine() throws IOException {
        Files.writeString(report.resolve("req_landing.html"), page("landing page", "2,984", "50.0", "2", "11", "57", "0"));
        String withoutP99 = CONSOLE.lines().filter(l -> !l.contains("99th")).reduce("", (a, b) -> a + b + "\n");
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> GatlingStats.read(report, console(withoutP99)));
        assertTrue(failure.getMessage().contains("99th percentile"), failure.getMessage());
    }

    private Path console(String text) throws IOException {
        Path log = report.resolveSibling(report.getFileName() + "-console.log");
        Files.writeString(log, text);
        return log;
    }

    private static String page(String name, String count, String perSecond, String p50, String p95, String p99, String failed) {
        return "<title>Gatling Stats - " + name + "</title>"
                + row("Total count", count, count, failed)
                + row("Mean count/s", perSecond, perSecond, "-")
                + row("50th percentile", p50, p50, "-")
                + row("95th percentile", p95, p95, "-")
                + row("99th percentile", p99, p99, "-");
    }

    private static String row(String title, String total, String ok, String ko) {
        return "<tr><td class=\"title\">" + title + "</td>\n<td class=\"total\">" + total + "</td>\n<td class=\"ok\">" + ok
                + "</td>\n<td class=\"ko\">" + ko + "</td></tr>\n";
    }
}
