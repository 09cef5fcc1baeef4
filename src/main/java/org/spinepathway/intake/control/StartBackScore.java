package org.spinepathway.intake.control;

import java.util.List;
import java.util.Optional;

/**
 * Keele STarT Back Screening Tool: items 1-8 agree (1) / disagree (0); item 9, bothersomeness, is
 * answered 0 (not at all) to 4 (extremely) and counts 1 for "very much" or "extremely". Total 0-9;
 * the psychosocial subscore is items 5-9 (0-5). Total 3 or less: low risk; otherwise subscore 4 or
 * more: high risk; else medium.
 */
public record StartBackScore(int total, int psychosocial, Risk risk) {

    public enum Risk { LOW, MEDIUM, HIGH }

    public static final int ITEMS = 9;

    /** The score, or empty when the optional screen was not completed. */
    public static Optional<StartBackScore> of(List<Integer> items) {
        if (items == null || items.size() != ITEMS || items.stream().anyMatch(i -> i == null)) {
            return Optional.empty();
        }
        int total = 0;
        int psychosocial = 0;
        for (int i = 0; i < ITEMS; i++) {
            int answer = items.get(i);
            int max = i == ITEMS - 1 ? 4 : 1;
            if (answer < 0 || answer > max) {
                throw new IllegalArgumentException("STarT Back item " + (i + 1) + " is answered 0 to " + max + ", not " + answer);
            }
            int point = i == ITEMS - 1 ? (answer >= 3 ? 1 : 0) : answer;
            total += point;
            if (i >= 4) {
                psychosocial += point;
            }
        }
        Risk risk = total <= 3 ? Risk.LOW : psychosocial >= 4 ? Risk.HIGH : Risk.MEDIUM;
        return Optional.of(new StartBackScore(total, psychosocial, risk));
    }
}
