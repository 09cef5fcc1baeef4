package org.spinepathway.care.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class MotorGradeTableTest {

    private static final LocalDate OCT = LocalDate.of(2026, 10, 1);
    private static final LocalDate NOV = LocalDate.of(2026, 11, 1);

    @Test
    void gradesPerMyotomeAndSideOverTime_inSpinalOrder_withGapsWhereNotGraded() {
        MotorGradeTable table = new MotorGradeTable(List.of(
                new MotorGradeTable.Grade(NOV, 2, "S1", "LEFT", 5),
                new MotorGradeTable.Grade(NOV, 2, "L5", "RIGHT", 3),
                new MotorGradeTable.Grade(OCT, 1, "L5", "RIGHT", 5),
                new MotorGradeTable.Grade(OCT, 1, "L5", "LEFT", 5)));
        assertEquals(List.of(OCT, NOV), table.dates());
        assertEquals(3, table.rows().size());
        assertEquals("L5 (big toe extension)", table.rows().get(0).myotome());
        assertEquals("LEFT", table.rows().get(0).side());
        assertEquals(Arrays.asList(5, null), table.rows().get(0).grades(), "L5 left was not graded in November");
        assertEquals(List.of(5, 3), table.rows().get(1).grades(), "L5 right fell from 5 to 3");
        assertEquals("S1 (ankle plantar flexion)", table.rows().get(2).myotome());
        assertEquals(Arrays.asList(null, 5), table.rows().get(2).grades());
    }

    @Test
    void twoVisitsOnOneDay_showTheLaterOne() {
        MotorGradeTable table = new MotorGradeTable(List.of(
                new MotorGradeTable.Grade(OCT, 9, "C6", "LEFT", 3),
                new MotorGradeTable.Grade(OCT, 4, "C6", "LEFT", 4)));
        assertEquals(List.of(3), table.rows().get(0).grades());
    }

    @Test
    void withoutGrades_theTableIsEmpty() {
        assertTrue(new MotorGradeTable(List.of()).isEmpty());
    }
}
