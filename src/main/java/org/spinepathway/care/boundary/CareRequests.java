package org.spinepathway.care.boundary;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

/** The JSON bodies of the care API calls, as the API contract names their fields. */
public final class CareRequests {

    private CareRequests() {
    }

    public record Plan(LocalDate startDate, LocalDate reviewDate, String goals, List<Intervention> interventions) {
    }

    public record Intervention(String type, LocalDate startDate, LocalDate endDate, String status, String stopReason, JsonObject details) {
    }

    public record Assessment(LocalDate date, String source, Integer nrs, Disability disability, List<Motor> motor,
                             Map<String, Boolean> redFlags, String adherence, String notes, String workStatus,
                             String painMedication) {
    }

    public record Disability(String instrument, List<Integer> answers) {
    }

    public record Motor(String myotome, String side, Integer grade) {
    }
}
