package org.spinepathway.intake.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Oswestry (ODI) and Neck (NDI) Disability Index scoring: 10 sections scored 0-5; score % = sum ÷
 * (5 × sections answered) × 100, to one decimal. With fewer than 8 sections answered the
 * questionnaire is not scored, and the missing sections are named so the patient can complete them.
 *
 * @param percent null when not scored
 * @param missingSections 1-based numbers of the unanswered sections
 */
public record DisabilityScore(int sum, int answered, BigDecimal percent, List<Integer> missingSections) {

    public static final int SECTIONS = 10;
    public static final int MIN_ANSWERED = 8;
    public static final int MAX_PER_SECTION = 5;

    public static DisabilityScore of(List<Integer> answers) {
        if (answers == null || answers.size() != SECTIONS) {
            throw new IllegalArgumentException("a disability questionnaire has " + SECTIONS + " sections");
        }
        int sum = 0;
        int answered = 0;
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < SECTIONS; i++) {
            Integer answer = answers.get(i);
            if (answer == null) {
                missing.add(i + 1);
                continue;
            }
            if (answer < 0 || answer > MAX_PER_SECTION) {
                throw new IllegalArgumentException("section " + (i + 1) + " is scored 0 to 5, not " + answer);
            }
            sum += answer;
            answered++;
        }
        BigDecimal percent = answered < MIN_ANSWERED ? null
                : BigDecimal.valueOf(sum * 100L).divide(BigDecimal.valueOf(MAX_PER_SECTION * (long) answered), 1, RoundingMode.HALF_UP);
        return new DisabilityScore(sum, answered, percent, List.copyOf(missing));
    }

    public boolean isScored() {
        return percent != null;
    }
}
