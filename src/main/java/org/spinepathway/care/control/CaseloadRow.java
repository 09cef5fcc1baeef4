package org.spinepathway.care.control;

import java.io.Serializable;
import java.time.LocalDate;

/** One episode on a physiotherapist's list, with the dates the list sorts by and its open follow-up task, if any. */
public record CaseloadRow(long episodeId, String patientName, String mrn, String region, String state, LocalDate careStart,
                          LocalDate lastAssessment, Long daysInCare, Long daysSinceAssessment, Long openTaskId) implements Serializable {
}
