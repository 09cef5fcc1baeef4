package org.spinepathway.escalation.control;

import java.time.LocalDate;

import org.spinepathway.care.entity.EpisodeState;
import org.spinepathway.care.entity.SpineRegion;
import org.spinepathway.escalation.entity.FlagPriority;
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.escalation.entity.FlagStatus;

/** One line of the physicians' worklist, read in one query. */
public record WorklistRow(long flagId, FlagRule rule, FlagPriority priority, FlagStatus status, LocalDate raisedOn,
                          String evidence, long episodeId, SpineRegion region, EpisodeState episodeState,
                          long patientId, String mrn, String givenName, String familyName) {
}
