package org.spinepathway.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of one Gatling run: per request from the report's request pages
 * ({@code req_*.html}: count, count/s, 50th/95th/99th percentile, failures), and for all requests
 * from the "Global Information" summary Gatling prints at the end of its console output.
 * (Gatling 3.15 writes no JSON statistics; these two are its stable outputs.)
 */
final class GatlingStats {

    /** The name of the row that counts every request of the run. */
    static final String ALL = "all requests";

    record Row(String name, long requests, double perSecond, long p50, long p95, long p99, long errors) {
    }

    private static final Pattern TITLE = Pattern.compile("<title>Gatling Stats - (.*?)</title>");

    private GatlingStats() {
    }

    static List<Row> read(Path report, Path consoleLog) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (var pages = Files.list(report)) {
            for (Path page : pages.filter(p -> p.getFileName().toString().startsWith("req_")).sorted().toList()) {
                String html = Files.readString(page);
                Matcher title = TITLE.matcher(html);
                String name = title.find() ? title.group(1) : page.getFileName().toString();
                rows.add(new Row(name, (long) cell(html, "Total count", "total"), cell(html, "Mean count/s", "total"),
                        (long) cell(html, "50th percentile", "total"), (long) cell(html, "95th percentile", "total"),
                        (long) cell(html, "99th percentile", "total"), (long) cell(html, "Total count", "ko")));
            }
        }
        String console = Files.readString(consoleLog);
        String global = console.substring(Math.max(0, console.lastIndexOf("---- Global Information")));
        rows.add(new Row(ALL, (long) line(global, "request count"), line(global, "mean throughput"),
                (long) line(global, "50th percentile"), (long) line(global, "95th percentile"), (long) line(global, "99th percentile"),
                (long) lineKo(global, "request count")));
        return rows;
    }

    /** A cell of the request page's statistics tables: the row titled {@code title}, column {@code column}. */
    private static double cell(String html, String title, String column) {
        Matcher m = Pattern.compile("class=\"title\">" + Pattern.quote(title) + "(?:</abbr>)?</td>\\s*<td class=\"total\">([^<]*)</td>\\s*"
                + "<td class=\"ok\">([^<]*)</td>\\s*<td class=\"ko\">([^<]*)</td>").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("The Gatling report has no \"" + title + "\" row: the figure cannot be read.");
        }
        return number(m.group(switch (column) {
            case "total" -> 1;
            case "ok" -> 2;
            default -> 3;
        }), column.equals("ko"), title);
    }

    /** "> response time 95th percentile (ms) |  1,252 |  1,252 |  -": the total column. */
    private static double line(String summary, String label) {
        return number(columns(summary, label)[1], false, label);
    }

    private static double lineKo(String summary, String label) {
        return number(columns(summary, label)[3], true, label + " (failed)");
    }

    private static String[] columns(String summary, String label) {
        for (String line : summary.split("\n")) {
            if (line.startsWith("> ") && line.contains(label)) {
                String[] columns = line.split("\\|");
                if (columns.length < 4) {
                    throw new IllegalStateException("Gatling's summary line for \"" + label + "\" has no total and failed columns: " + line);
                }
                return columns;
            }
        }
        throw new IllegalStateException("Gatling's summary has no \"" + label + "\" line: the figure cannot be read.");
    }

    /**
     * A figure as Gatling prints it ("1,252"). Gatling writes "-" in a failed-requests column when
     * none failed, which is 0 there; anything else that is not a number fails the benchmark rather
     * than reading as 0.
     */
    static double number(String text, boolean dashIsNone, String what) {
        String digits = text.strip().replace(",", "");
        if (dashIsNone && digits.equals("-")) {
            return 0;
        }
        try {
            return Double.parseDouble(digits);
        } catch (NumberFormatException unreadable) {
            throw new IllegalStateException("Gatling's figure for \"" + what + "\" is not a number: \"" + text.strip() + "\"", unreadable);
        }
    }
}
