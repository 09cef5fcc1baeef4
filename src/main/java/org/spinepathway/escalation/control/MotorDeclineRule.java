package org.spinepathway.escalation.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MOTOR_DECLINE (URGENT): for some myotome and side, its most recent MRC grade is 3 or below, or is
 * 1 or more below the grade of the previous clinician assessment that graded it. Grades come from
 * clinician assessments only.
 */
public final class MotorDeclineRule {

    public static final int DEFAULT_WEAK_GRADE = 3;

    /** One grade as recorded: the assessment's date and id order the grades of one myotome and side. */
    public record Grade(long assessmentId, LocalDate assessedOn, String myotome, String side, int grade) {
    }

    /**
     * What fired, for the evidence: the myotome, side, latest and previous grade (null if none) with the
     * dates they were graded, and why.
     */
    public record Finding(String myotome, String side, int latest, LocalDate latestOn, Integer previous, LocalDate previousOn,
                          String reason) {
    }

    private final int weakGrade;

    public MotorDeclineRule(int weakGrade) {
        this.weakGrade = weakGrade;
    }

    /** The findings over an episode's clinician grades up to the evaluation date; empty when the rule does not fire. */
    public List<Finding> evaluate(List<Grade> grades, LocalDate asOf) {
        Map<String, List<Grade>> bySite = new LinkedHashMap<>();
        grades.stream()
                .filter(g -> !g.assessedOn().isAfter(asOf))
                .sorted(Comparator.comparing(Grade::assessedOn).thenComparing(Grade::assessmentId).reversed())
                .forEach(g -> bySite.computeIfAbsent(g.myotome() + " " + g.side(), k -> new ArrayList<>()).add(g));
        List<Finding> findings = new ArrayList<>();
        for (List<Grade> newestFirst : bySite.values()) {
            Grade latest = newestFirst.get(0);
            Optional<Grade> previous = newestFirst.size() > 1 ? Optional.of(newestFirst.get(1)) : Optional.empty();
            if (latest.grade() <= weakGrade) {
                findings.add(new Finding(latest.myotome(), latest.side(), latest.grade(), latest.assessedOn(),
                        previous.map(Grade::grade).orElse(null), previous.map(Grade::assessedOn).orElse(null),
                        "grade " + latest.grade() + " is " + weakGrade + " or below"));
            } else if (previous.isPresent() && latest.grade() <= previous.get().grade() - 1) {
                findings.add(new Finding(latest.myotome(), latest.side(), latest.grade(), latest.assessedOn(),
                        previous.get().grade(), previous.get().assessedOn(),
                        "grade fell from " + previous.get().grade() + " to " + latest.grade()));
            }
        }
        return findings;
    }
}
