package org.spinepathway.care.entity;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of an episode: {@code INTAKE -> CONSERVATIVE_CARE -> UNDER_REVIEW -> REFERRED | RESOLVED |
 * DISCHARGED}; a physician's "continue conservative care" returns it from review.
 */
public enum EpisodeState {
    INTAKE,
    CONSERVATIVE_CARE,
    UNDER_REVIEW,
    REFERRED,
    RESOLVED,
    DISCHARGED;

    /** States the escalation rules look at. */
    public static final Set<EpisodeState> ACTIVE = EnumSet.of(INTAKE, CONSERVATIVE_CARE, UNDER_REVIEW);

    /**
     * The only moves an episode makes (design.md): a red flag can put an episode under review while
     * still at intake; "continue conservative care" returns it to CONSERVATIVE_CARE; REFERRED,
     * RESOLVED and DISCHARGED are final.
     */
    private static final Map<EpisodeState, Set<EpisodeState>> NEXT = new EnumMap<>(Map.of(
            INTAKE, EnumSet.of(CONSERVATIVE_CARE, UNDER_REVIEW, DISCHARGED),
            CONSERVATIVE_CARE, EnumSet.of(UNDER_REVIEW, RESOLVED, DISCHARGED),
            UNDER_REVIEW, EnumSet.of(CONSERVATIVE_CARE, REFERRED, RESOLVED, DISCHARGED),
            REFERRED, EnumSet.noneOf(EpisodeState.class),
            RESOLVED, EnumSet.noneOf(EpisodeState.class),
            DISCHARGED, EnumSet.noneOf(EpisodeState.class)));

    public boolean isActive() {
        return ACTIVE.contains(this);
    }

    public boolean canMoveTo(EpisodeState next) {
        return NEXT.get(this).contains(next);
    }
}
