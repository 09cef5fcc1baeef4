package org.spinepathway.care.control;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.spinepathway.care.entity.Assessment;
import org.spinepathway.care.entity.Myotome;

/**
 * The MRC grades (0 to 5) recorded at clinic visits, as a table: a row per myotome and side (neck
 * or lower back order, left before right), a column per visit date, oldest first; a cell is empty
 * where that myotome was not graded that day. The latest grade of a day wins when a day has two visits.
 */
public final class MotorGradeTable {

    /** One recorded grade. */
    public record Grade(LocalDate date, long assessmentId, String myotome, String side, int grade) {
    }

    /** A row: the myotome in words, the side, and a grade (or null) per column. */
    public record Row(String myotome, String side, List<Integer> grades) {
    }

    private final List<LocalDate> dates;
    private final List<Row> rows;

    public MotorGradeTable(List<Grade> grades) {
        TreeSet<LocalDate> days = new TreeSet<>();
        Map<String, TreeMap<LocalDate, Grade>> bySite = new LinkedHashMap<>();
        grades.stream()
                .sorted(Comparator.comparing(Grade::myotome, Comparator.comparing(MotorGradeTable::order))
                        .thenComparing(Grade::side).thenComparing(Grade::date).thenComparing(Grade::assessmentId))
                .forEach(g -> {
                    days.add(g.date());
                    bySite.computeIfAbsent(g.myotome() + "\u0000" + g.side(), k -> new TreeMap<>()).put(g.date(), g);
                });
        this.dates = List.copyOf(days);
        List<Row> built = new ArrayList<>();
        bySite.forEach((site, byDate) -> {
            Grade any = byDate.firstEntry().getValue();
            List<Integer> cells = new ArrayList<>();
            for (LocalDate d : dates) {
                Grade g = byDate.get(d);
                cells.add(g == null ? null : g.grade());
            }
            built.add(new Row(Myotome.ofCode(any.myotome()).map(Myotome::words).orElse(any.myotome()), any.side(),
                    Collections.unmodifiableList(cells)));
        });
        this.rows = List.copyOf(built);
    }

    /** The table of the grades clinicians recorded at visits (patients' check-ins grade nothing). */
    public static MotorGradeTable ofVisits(List<Assessment> assessments) {
        return new MotorGradeTable(assessments.stream().filter(a -> !"PATIENT".equals(a.getSource()))
                .flatMap(a -> a.getMotor().stream().map(m -> new Grade(a.getAssessedOn(), a.getId(), m.getMyotome(), m.getSide(), m.getGrade())))
                .toList());
    }

    private static int order(String myotome) {
        return Myotome.ofCode(myotome).map(Enum::ordinal).orElse(Integer.MAX_VALUE);
    }

    public List<LocalDate> dates() {
        return dates;
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }
}
