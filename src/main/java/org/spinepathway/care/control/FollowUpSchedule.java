package org.spinepathway.care.control;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The patient check-ins of an episode in conservative care, counted from the day care started: a
 * weekly one while the episode is in care, and one at each outcome time point (6 weeks, 3, 6 and
 * 12 months by default), which also comes after care has ended. Each has a window around its due
 * date: an answer inside the window answers it. A weekly check-in whose window holds an outcome
 * time point's due date gives way to it: the patient is asked once, with the outcome questions.
 */
public final class FollowUpSchedule {

    /** An outcome time point: its code ({@code P6W}) and how long after care start it falls. */
    public record TimePoint(String code, Period after) {

        /** {@code P6W}, {@code P3M}, {@code P1Y}...: an ISO-8601 period of whole days, weeks, months or years. */
        public static TimePoint parse(String code) {
            String c = code.strip().toUpperCase();
            Period after;
            try {
                after = Period.parse(c);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("clinic.follow-up.time-points: \"" + code + "\" is not a period such as P6W or P3M", e);
            }
            if (after.isNegative() || after.isZero() || c.length() > 8) {
                throw new IllegalArgumentException("clinic.follow-up.time-points: \"" + code + "\" must be a positive period such as P6W");
            }
            return new TimePoint(c, after);
        }

        /** Whole months, for SQL's {@code make_interval}. */
        public int months() {
            return (int) after.toTotalMonths();
        }

        public int days() {
            return after.getDays();
        }

        /** "6 weeks", "3 months", "1 year": how the time point is named to people. */
        public String words() {
            if (after.getYears() > 0 && after.getMonths() == 0 && after.getDays() == 0) {
                return after.getYears() == 1 ? "1 year" : after.getYears() + " years";
            }
            if (after.getDays() == 0) {
                long months = after.toTotalMonths();
                return months == 1 ? "1 month" : months + " months";
            }
            if (after.toTotalMonths() == 0 && after.getDays() % 7 == 0) {
                int weeks = after.getDays() / 7;
                return weeks == 1 ? "1 week" : weeks + " weeks";
            }
            return after.toString();
        }
    }

    /** One check-in: its code ({@code W3}: week 3; {@code P6W}: an outcome time point), due date and window. */
    public record CheckIn(String timePoint, boolean outcome, LocalDate dueOn, LocalDate opens, LocalDate closes) {

        public boolean holds(LocalDate date) {
            return !date.isBefore(opens) && !date.isAfter(closes);
        }
    }

    private final boolean weekly;
    private final int weeklyWindowDays;
    private final List<TimePoint> timePoints;
    private final int outcomeWindowDays;

    public FollowUpSchedule(boolean weekly, int weeklyWindowDays, List<TimePoint> timePoints, int outcomeWindowDays) {
        if (weeklyWindowDays < 0 || weeklyWindowDays > 3) {
            throw new IllegalArgumentException("clinic.follow-up.weekly-window-days must be 0 to 3, so weekly windows do not overlap");
        }
        if (outcomeWindowDays < 0 || outcomeWindowDays > 60) {
            throw new IllegalArgumentException("clinic.follow-up.outcome-window-days must be 0 to 60");
        }
        Set<String> codes = new HashSet<>();
        for (TimePoint p : timePoints) {
            if (!codes.add(p.code())) {
                throw new IllegalArgumentException("clinic.follow-up.time-points names " + p.code() + " twice");
            }
        }
        this.weekly = weekly;
        this.weeklyWindowDays = weeklyWindowDays;
        this.timePoints = timePoints.stream().sorted(Comparator.comparing(p -> LocalDate.EPOCH.plus(p.after()))).toList();
        this.outcomeWindowDays = outcomeWindowDays;
    }

    /** {@code "P6W,P3M,P6M,P12M"}: the time points as configured ("none" or empty: none). */
    public static List<TimePoint> parseTimePoints(String list) {
        if (list == null || list.isBlank() || list.strip().equalsIgnoreCase("none")) {
            return List.of();
        }
        List<TimePoint> points = new ArrayList<>();
        for (String code : list.split(",")) {
            if (!code.isBlank()) {
                points.add(TimePoint.parse(code));
            }
        }
        return List.copyOf(points);
    }

    public boolean isWeekly() {
        return weekly;
    }

    public int weeklyWindowDays() {
        return weeklyWindowDays;
    }

    public int outcomeWindowDays() {
        return outcomeWindowDays;
    }

    public List<TimePoint> timePoints() {
        return timePoints;
    }

    /**
     * The check-ins whose window holds {@code date}, for care that started on {@code careStart}:
     * weekly ones only while the episode is {@code inCare}, outcome ones whether or not.
     */
    public List<CheckIn> openOn(LocalDate careStart, LocalDate date, boolean inCare) {
        List<CheckIn> open = new ArrayList<>();
        for (TimePoint p : timePoints) {
            CheckIn outcome = outcome(careStart, p);
            if (outcome.holds(date)) {
                open.add(outcome);
            }
        }
        if (weekly && inCare) {
            long days = ChronoUnit.DAYS.between(careStart, date);
            for (long week = Math.max(1, Math.floorDiv(days - weeklyWindowDays, 7)); week * 7 <= days + weeklyWindowDays; week++) {
                CheckIn weeklyCheckIn = weekly(careStart, (int) week);
                if (weeklyCheckIn.holds(date) && !givesWay(weeklyCheckIn, careStart)) {
                    open.add(weeklyCheckIn);
                }
            }
        }
        open.sort(Comparator.comparing(CheckIn::dueOn));
        return open;
    }

    /** The open check-ins whose due date has come by {@code date}: those the clinic invites the patient to then. */
    public List<CheckIn> dueOn(LocalDate careStart, LocalDate date, boolean inCare) {
        return openOn(careStart, date, inCare).stream().filter(c -> !c.dueOn().isAfter(date)).toList();
    }

    /** Every check-in that an answer dated {@code date} answers (windows may overlap where an outcome point is near). */
    public List<CheckIn> answeredBy(LocalDate careStart, LocalDate date, boolean inCare) {
        return openOn(careStart, date, inCare);
    }

    /** Whether {@code date} falls in an outcome time point's window: the check-in then asks the outcome questions too. */
    public boolean asksOutcomeQuestionsOn(LocalDate careStart, LocalDate date) {
        return timePoints.stream().anyMatch(p -> outcome(careStart, p).holds(date));
    }

    /** How the check-in is named to people: "week 3" or "6 weeks after care started". */
    public String words(String timePoint) {
        if (timePoint.startsWith("W")) {
            return "week " + timePoint.substring(1);
        }
        return timePoints.stream().filter(p -> p.code().equals(timePoint)).findFirst().map(TimePoint::words)
                .orElseGet(() -> TimePoint.parse(timePoint).words()) + " after care started";
    }

    private CheckIn outcome(LocalDate careStart, TimePoint p) {
        LocalDate due = careStart.plus(p.after());
        return new CheckIn(p.code(), true, due, due.minusDays(outcomeWindowDays), due.plusDays(outcomeWindowDays));
    }

    private CheckIn weekly(LocalDate careStart, int week) {
        LocalDate due = careStart.plusDays(7L * week);
        return new CheckIn("W" + week, false, due, due.minusDays(weeklyWindowDays), due.plusDays(weeklyWindowDays));
    }

    private boolean givesWay(CheckIn weeklyCheckIn, LocalDate careStart) {
        return timePoints.stream().anyMatch(p -> weeklyCheckIn.holds(careStart.plus(p.after())));
    }
}
