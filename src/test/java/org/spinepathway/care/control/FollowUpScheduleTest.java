package org.spinepathway.care.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class FollowUpScheduleTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 31);
    private final FollowUpSchedule schedule = new FollowUpSchedule(true, 3,
            FollowUpSchedule.parseTimePoints("P6W,P3M,P6M,P12M"), 7);

    private List<String> due(LocalDate date, boolean inCare) {
        return schedule.dueOn(START, date, inCare).stream().map(FollowUpSchedule.CheckIn::timePoint).toList();
    }

    @Test
    void theFirstWeeklyCheckIn_shouldBeDueSevenDaysAfterCareStarts() {
        assertEquals(List.of(), due(START.plusDays(6), true));
        assertEquals(List.of("W1"), due(START.plusDays(7), true));
        assertEquals(List.of("W1"), due(START.plusDays(10), true), "until its window closes, 3 days after");
        assertEquals(List.of(), due(START.plusDays(11), true));
        assertEquals(List.of("W2"), due(START.plusDays(14), true));
    }

    @Test
    void weeklyCheckIns_shouldStopWhenCareEnds_outcomePointsShouldNot() {
        assertEquals(List.of(), due(START.plusDays(7), false));
        assertEquals(List.of("P3M"), due(LocalDate.of(2026, 4, 30), false), "31 January + 3 months is the end of April");
        assertEquals(List.of("P12M"), due(LocalDate.of(2027, 1, 31), false));
    }

    @Test
    void aWeeklyCheckInWhoseWindowHoldsAnOutcomePoint_shouldGiveWayToIt() {
        assertEquals(List.of("P6W"), due(START.plusDays(42), true), "week 6 gives way to the 6-week point");
        assertEquals(List.of("W5", "P6W"), schedule.openOn(START, START.plusDays(36), true).stream()
                .map(FollowUpSchedule.CheckIn::timePoint).toList(), "the outcome window is wider: week 5's answer counts for both");
        assertEquals(List.of("P6W", "W7"), due(START.plusDays(49), true), "the 6-week window's last day is week 7's due date");
    }

    @Test
    void anAnswerInsideAWindow_shouldAnswerEveryCheckInThatHoldsIt() {
        assertEquals(List.of("W5", "P6W"), schedule.answeredBy(START, START.plusDays(35), true).stream()
                .map(FollowUpSchedule.CheckIn::timePoint).toList());
        assertEquals(List.of(), schedule.answeredBy(START, START.plusDays(2), true), "before the first window: an ordinary check-in");
    }

    @Test
    void theOutcomeQuestions_shouldBeAskedInsideAnOutcomeWindowOnly() {
        assertTrue(schedule.asksOutcomeQuestionsOn(START, START.plusDays(35)));
        assertTrue(schedule.asksOutcomeQuestionsOn(START, START.plusDays(49)));
        assertFalse(schedule.asksOutcomeQuestionsOn(START, START.plusDays(50)));
    }

    @Test
    void timePoints_shouldBeNamedInWords() {
        assertEquals("6 weeks after care started", schedule.words("P6W"));
        assertEquals("12 months after care started", schedule.words("P12M"));
        assertEquals("week 3", schedule.words("W3"));
        assertEquals("1 year", FollowUpSchedule.TimePoint.parse("P1Y").words());
    }

    @Test
    void aBadConfiguration_shouldBeRefusedWithItsKey() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FollowUpSchedule.parseTimePoints("P6W,six months"))
                .getMessage().contains("clinic.follow-up.time-points"));
        assertThrows(IllegalArgumentException.class, () -> FollowUpSchedule.parseTimePoints("P-3M"));
        assertThrows(IllegalArgumentException.class, () -> new FollowUpSchedule(true, 4, List.of(), 7));
        assertThrows(IllegalArgumentException.class, () -> new FollowUpSchedule(true, 3, FollowUpSchedule.parseTimePoints("P6W,p6w"), 7),
                "the same time point twice");
        assertEquals(List.of(), FollowUpSchedule.parseTimePoints("none"));
    }
}
