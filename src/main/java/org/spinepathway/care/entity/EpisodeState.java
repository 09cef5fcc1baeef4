package org.spinepathway.care.entity;

import java.util.EnumSet;
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

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
