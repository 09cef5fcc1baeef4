package org.spinepathway.care.control;

import static org.spinepathway.platform.control.JsonValues.JSON;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The progress of one episode as Chart.js configurations (PrimeFaces' {@code p:chart}): pain and
 * ODI/NDI over days since care started, against the baseline, with the band of the minimal
 * clinically important change (a change inside it is one patients do not feel), and the
 * intervention periods on the same day axis.
 *
 * <p>The x axis counts days from the start of care rather than showing dates, because the
 * thresholds of care (6 and 12 weeks) are counted that way and Chart.js needs no date adapter.
 */
public final class ProgressChart {

    /** Pain improves by at least 2 points and 30% of the baseline; it worsens by 2 points. */
    public static final BigDecimal PAIN_POINTS = BigDecimal.valueOf(2);
    public static final BigDecimal PAIN_FRACTION = new BigDecimal("0.30");
    /** ODI/NDI changes by 10 points either way. */
    public static final BigDecimal DISABILITY_POINTS = BigDecimal.TEN;

    private static final int MINIMUM_DAYS_SHOWN = 42;
    private static final String PAIN_COLOUR = "#1d4ed8";
    private static final String DISABILITY_COLOUR = "#7c2d12";
    private static final String BASELINE_COLOUR = "#4b5563";
    private static final String BAND_COLOUR = "rgba(22, 163, 74, 0.15)";
    private static final String BAND_EDGE_COLOUR = "rgba(22, 101, 52, 0.6)";

    /** One measurement: a clinician's visit or a patient's check-in. */
    public record Point(Long id, LocalDate date, Integer nrs, BigDecimal disability, boolean byPatient) {
    }

    /** One intervention's time in the plan; {@code end} is null while it goes on. */
    public record Period(String label, LocalDate start, LocalDate end, boolean stopped) {
    }

    /** A row of the table that carries the same data for screen readers and print. */
    public record Row(Long id, LocalDate date, long day, String source, Integer nrs, BigDecimal disability) {
    }

    private final LocalDate careStart;
    private final LocalDate today;
    private final Integer baselineNrs;
    private final BigDecimal baselineDisability;
    private final String instrument;
    private final List<Point> points;
    private final List<Period> periods;

    /**
     * @param careStart the plan's start date (or the day the episode opened, before there is a plan)
     * @param baselineNrs the intake's pain, or null to take the earliest measurement's
     * @param baselineDisability the intake's ODI/NDI, or null to take the earliest measurement's
     */
    public ProgressChart(LocalDate careStart, LocalDate today, Integer baselineNrs, BigDecimal baselineDisability, String instrument,
                         List<Point> points, List<Period> periods) {
        this.careStart = Objects.requireNonNull(careStart);
        this.today = Objects.requireNonNull(today);
        this.points = points.stream().sorted(Comparator.comparing(Point::date)).toList();
        this.periods = List.copyOf(periods);
        this.instrument = instrument == null ? "ODI/NDI" : instrument;
        // Where the intake lacks a measure, the earliest assessment is the baseline (escalation-rules.md, "Baseline").
        this.baselineNrs = baselineNrs != null ? baselineNrs : earliest(Point::nrs).orElse(null);
        this.baselineDisability = baselineDisability != null ? baselineDisability : earliest(Point::disability).orElse(null);
    }

    public Integer baselineNrs() {
        return baselineNrs;
    }

    public BigDecimal baselineDisability() {
        return baselineDisability;
    }

    /** The lowest pain that is not yet an improvement: baseline − max(2, 30% of baseline), not below 0. */
    public static BigDecimal painImprovedAtOrBelow(int baseline) {
        BigDecimal base = BigDecimal.valueOf(baseline);
        return base.subtract(PAIN_POINTS.max(base.multiply(PAIN_FRACTION))).max(BigDecimal.ZERO).setScale(1, RoundingMode.HALF_UP);
    }

    public String painJson() {
        BigDecimal baseline = baselineNrs == null ? null : BigDecimal.valueOf(baselineNrs);
        BigDecimal lower = baselineNrs == null ? null : painImprovedAtOrBelow(baselineNrs);
        BigDecimal upper = baseline == null ? null : baseline.add(PAIN_POINTS).min(BigDecimal.TEN);
        return measureChart("Pain now (0–10)", PAIN_COLOUR, BigDecimal.TEN, baseline, lower, upper,
                "Improved at or below baseline − 2 points and 30%", "Worse at or above baseline + 2 points",
                p -> p.nrs() == null ? null : BigDecimal.valueOf(p.nrs()));
    }

    public String disabilityJson() {
        BigDecimal lower = baselineDisability == null ? null : baselineDisability.subtract(DISABILITY_POINTS).max(BigDecimal.ZERO);
        BigDecimal upper = baselineDisability == null ? null : baselineDisability.add(DISABILITY_POINTS).min(BigDecimal.valueOf(100));
        return measureChart(instrument + " (%)", DISABILITY_COLOUR, BigDecimal.valueOf(100), baselineDisability, lower, upper,
                "Improved at or below baseline − 10 points", "Worse at or above baseline + 10 points", Point::disability);
    }

    /** Floating horizontal bars, one per intervention, on the same day axis as the measures. */
    public String interventionsJson() {
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        JsonArrayBuilder bars = JSON.createArrayBuilder();
        JsonArrayBuilder colours = JSON.createArrayBuilder();
        for (Period period : periods) {
            long from = day(period.start());
            // A one-day intervention (an injection) still needs a visible width.
            long to = Math.max(day(period.end() == null ? today : period.end()), from) + 1;
            labels.add(label(period));
            bars.add(JSON.createArrayBuilder().add(from).add(to));
            colours.add(period.stopped() ? "#9ca3af" : "#0f766e");
        }
        JsonObject config = JSON.createObjectBuilder()
                .add("type", "bar")
                .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", JSON.createArrayBuilder()
                        .add(JSON.createObjectBuilder().add("label", "Interventions").add("data", bars).add("backgroundColor", colours)
                                .add("borderSkipped", false).add("barPercentage", 0.6))))
                .add("options", JSON.createObjectBuilder()
                        .add("indexAxis", "y")
                        .add("maintainAspectRatio", false)
                        .add("animation", false)
                        .add("plugins", JSON.createObjectBuilder().add("legend", JSON.createObjectBuilder().add("display", false))
                                .add("title", title("Interventions")))
                        .add("scales", JSON.createObjectBuilder()
                                .add("x", dayAxis())))
                .build();
        return config.toString();
    }

    /**
     * The intervention chart's height in pixels: room for every intervention's label, as many lines
     * as the longest one takes.
     */
    public int interventionChartHeight() {
        int lines = periods.stream().mapToInt(p -> lines(fullLabel(p), LABEL_LINE_LENGTH).size()).max().orElse(1);
        return 80 + periods.size() * Math.max(30, 15 * lines + 12);
    }

    /** A label the width of a phone's chart allows: one line when short, else lines of at most {@link #LABEL_LINE_LENGTH} characters. */
    private static JsonValue label(Period period) {
        List<String> lines = lines(fullLabel(period), LABEL_LINE_LENGTH);
        if (lines.size() == 1) {
            return Json.createValue(lines.get(0));
        }
        JsonArrayBuilder array = JSON.createArrayBuilder();
        lines.forEach(array::add);
        return array.build();
    }

    private static String fullLabel(Period period) {
        return period.label() + (period.stopped() ? " (stopped)" : "");
    }

    /** The words of {@code text} in lines of at most {@code length} characters; a longer word is broken. */
    static List<String> lines(String text, int length) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            while (word.length() > length) {
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, length));
                word = word.substring(length);
            }
            if (!line.isEmpty() && line.length() + 1 + word.length() > length) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The chart's data as table rows, oldest first. */
    public List<Row> rows() {
        return points.stream().map(p -> new Row(p.id(), p.date(), day(p.date()), p.byPatient() ? "Patient check-in" : "Clinician visit",
                p.nrs(), p.disability())).toList();
    }

    public boolean hasMeasurements() {
        return !points.isEmpty() || baselineNrs != null || baselineDisability != null;
    }

    public boolean hasPeriods() {
        return !periods.isEmpty();
    }

    public long daysInCare() {
        return Math.max(0, day(today));
    }

    /** The legend's name for the shaded band between the two edges. */
    static final String BAND_LABEL = "Within the minimal clinically important change";

    /** Characters per line of an intervention's label: a phone's chart keeps most of its width for the bars. */
    static final int LABEL_LINE_LENGTH = 24;

    private String measureChart(String label, String colour, BigDecimal max, BigDecimal baseline, BigDecimal lower, BigDecimal upper,
                                String lowerLabel, String upperLabel, Function<Point, BigDecimal> value) {
        long first = firstDay();
        long last = lastDay();
        JsonArrayBuilder datasets = JSON.createArrayBuilder();
        if (baseline != null) {
            // Two edges, each with its own legend entry, and the band between them as a third, filled down
            // to the first edge (dataset 0): the legend names the shaded band for what it is.
            datasets.add(line(lowerLabel, BAND_EDGE_COLOUR, first, last, lower).add("fill", false).add("backgroundColor", BAND_EDGE_COLOUR)
                    .add("borderDash", dash(2, 3)));
            datasets.add(line(upperLabel, BAND_EDGE_COLOUR, first, last, upper).add("fill", false).add("backgroundColor", BAND_EDGE_COLOUR)
                    .add("borderDash", dash(2, 3)));
            datasets.add(line(BAND_LABEL, BAND_COLOUR, first, last, upper).add("fill", 0).add("backgroundColor", BAND_COLOUR)
                    .add("borderWidth", 0));
            datasets.add(line("Baseline (" + baseline.stripTrailingZeros().toPlainString() + ")", BASELINE_COLOUR, first, last, baseline)
                    .add("fill", false).add("borderDash", dash(8, 4)));
        }
        JsonArrayBuilder data = JSON.createArrayBuilder();
        JsonArrayBuilder styles = JSON.createArrayBuilder();
        for (Point p : points) {
            BigDecimal y = value.apply(p);
            if (y != null) {
                data.add(JSON.createObjectBuilder().add("x", day(p.date())).add("y", y));
                // Patients' check-ins are triangles, clinicians' visits circles.
                styles.add(p.byPatient() ? "triangle" : "circle");
            }
        }
        datasets.add(JSON.createObjectBuilder().add("label", label).add("data", data).add("borderColor", colour)
                .add("backgroundColor", colour).add("pointStyle", styles).add("pointRadius", 5).add("fill", false).add("tension", 0));
        return JSON.createObjectBuilder()
                .add("type", "line")
                .add("data", JSON.createObjectBuilder().add("datasets", datasets))
                .add("options", JSON.createObjectBuilder()
                        .add("maintainAspectRatio", false)
                        .add("animation", false)
                        .add("plugins", JSON.createObjectBuilder().add("title", title(label))
                                .add("legend", JSON.createObjectBuilder().add("position", "bottom")))
                        .add("scales", JSON.createObjectBuilder()
                                .add("x", dayAxis())
                                .add("y", JSON.createObjectBuilder().add("min", 0).add("max", max)
                                        .add("title", JSON.createObjectBuilder().add("display", true).add("text", label)))))
                .build().toString();
    }

    private JsonObjectBuilder line(String label, String colour, long first, long last, BigDecimal y) {
        return JSON.createObjectBuilder().add("label", label).add("borderColor", colour).add("pointRadius", 0).add("borderWidth", 1)
                .add("data", JSON.createArrayBuilder()
                        .add(JSON.createObjectBuilder().add("x", first).add("y", y))
                        .add(JSON.createObjectBuilder().add("x", last).add("y", y)));
    }

    private JsonObjectBuilder dayAxis() {
        return JSON.createObjectBuilder().add("type", "linear").add("min", firstDay()).add("max", lastDay())
                .add("title", JSON.createObjectBuilder().add("display", true).add("text", "Days since care started (" + careStart + ")"));
    }

    private static JsonObjectBuilder title(String text) {
        return JSON.createObjectBuilder().add("display", true).add("text", text);
    }

    private static JsonArrayBuilder dash(int on, int off) {
        return JSON.createArrayBuilder().add(on).add(off);
    }

    private long firstDay() {
        long first = 0;
        for (Point p : points) {
            first = Math.min(first, day(p.date()));
        }
        for (Period p : periods) {
            first = Math.min(first, day(p.start()));
        }
        return first;
    }

    private long lastDay() {
        long last = Math.max(MINIMUM_DAYS_SHOWN, day(today));
        for (Point p : points) {
            last = Math.max(last, day(p.date()));
        }
        for (Period p : periods) {
            if (p.end() != null) {
                last = Math.max(last, day(p.end()) + 1);
            }
        }
        return last;
    }

    private long day(LocalDate date) {
        return ChronoUnit.DAYS.between(careStart, date);
    }

    private <T> Optional<T> earliest(Function<Point, T> measure) {
        return points.stream().map(measure).filter(Objects::nonNull).findFirst();
    }
}
