package org.spinepathway.intake.boundary;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.spinepathway.escalation.entity.FlagPriority;
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.escalation.entity.FlagStatus;
import org.spinepathway.intake.entity.IntakeAnswers;
import org.spinepathway.intake.entity.RedFlag;
import org.spinepathway.platform.control.FieldError;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.security.entity.Role;

/**
 * {@code POST /api/v1/episodes/{id}/intake}: a whole intake from a kiosk, an import, or the patient's
 * own app. Red flags not sent are "no". The answer carries the disability score and any flag raised.
 */
@Path("episodes/{episodeId}/intake")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class IntakeResource {

    @Inject
    IntakeService intakes;

    @POST
    @RolesAllowed({Role.PHYSIO_NAME, Role.PATIENT_NAME})
    public Response submit(@PathParam("episodeId") long episodeId, IntakeRequest request) {
        if (request == null) {
            throw InvalidInputException.of(null, "Send the intake as a JSON object.");
        }
        IntakeAnswers answers = request.toAnswers();
        SubmissionResult result;
        try {
            result = intakes.submitWhole(episodeId, answers, request.submittedOn(),
                    request.disability() == null ? null : request.disability().instrument());
        } catch (InvalidInputException invalid) {
            throw new InvalidInputException(invalid.errors().stream()
                    .map(e -> new FieldError(jsonPath(e.field()), e.message())).toList());
        }
        return Response.created(URI.create("episodes/" + episodeId + "/intake"))
                .entity(Submitted.of(result)).build();
    }

    /** The service names fields as the stored answers do; clients get the path in the JSON they sent. */
    static String jsonPath(String field) {
        if (field == null) {
            return null;
        }
        if (field.startsWith("disabilityAnswers")) {
            return "disability.answers" + field.substring("disabilityAnswers".length());
        }
        if (field.equals("painCharacter")) {
            return "symptoms.character";
        }
        return SYMPTOM_FIELDS.contains(field) ? "symptoms." + field : field;
    }

    private static final java.util.Set<String> SYMPTOM_FIELDS = java.util.Set.of("mainArea", "otherAreas", "side", "painTravels",
            "onsetDate", "onsetCause", "numbness", "tingling", "weakness", "dexterityLoss", "spasms", "tremor", "wasting");

    public record IntakeRequest(LocalDate submittedOn, Integer painNow, Integer painWorst, Disability disability,
                                Map<String, Boolean> redFlags, Symptoms symptoms, List<String> medications, String otherMedication,
                                List<String> priorTreatments, List<String> imaging, String stress, String anxiety,
                                String workStatus, List<Integer> startBack, String notes) {

        IntakeAnswers toAnswers() {
            IntakeAnswers a = new IntakeAnswers();
            a.setPainNow(painNow);
            a.setPainWorst(painWorst);
            if (disability != null && disability.answers() != null) {
                if (disability.answers().size() != IntakeAnswers.DISABILITY_SECTIONS) {
                    throw InvalidInputException.of("disability.answers", "Send 10 answers, one per section, null for a section not answered.");
                }
                a.setDisabilityAnswers(disability.answers());
            }
            for (RedFlag flag : RedFlag.values()) {
                a.getRedFlags().put(flag.code(), false);
            }
            if (redFlags != null) {
                redFlags.forEach((code, yes) -> a.getRedFlags().put(code, Boolean.TRUE.equals(yes)));
            }
            if (symptoms != null) {
                a.setMainArea(symptoms.mainArea());
                a.setOtherAreas(symptoms.otherAreas());
                a.setSide(symptoms.side());
                a.setPainTravels(symptoms.painTravels());
                a.setPainCharacter(symptoms.character());
                a.setOnsetDate(symptoms.onsetDate());
                a.setOnsetCause(symptoms.onsetCause());
                a.setNumbness(symptoms.numbness());
                a.setTingling(symptoms.tingling());
                a.setWeakness(symptoms.weakness());
                a.setDexterityLoss(symptoms.dexterityLoss());
                a.setSpasms(symptoms.spasms());
                a.setTremor(symptoms.tremor());
                a.setWasting(symptoms.wasting());
            }
            a.setMedications(medications);
            a.setOtherMedication(otherMedication);
            a.setPriorTreatments(priorTreatments);
            a.setImaging(imaging);
            a.setStress(stress);
            a.setAnxiety(anxiety);
            a.setWorkStatus(workStatus);
            if (startBack != null) {
                if (startBack.size() != IntakeAnswers.START_BACK_ITEMS) {
                    throw new InvalidInputException(List.of(new FieldError("startBack", "Send all 9 STarT Back answers, or leave it out.")));
                }
                a.setStartBack(startBack);
            }
            a.setNotes(notes);
            a.normalize();
            return a;
        }
    }

    public record Disability(String instrument, List<Integer> answers) {
    }

    public record Symptoms(String mainArea, List<String> otherAreas, String side, List<String> painTravels, List<String> character,
                           LocalDate onsetDate, String onsetCause, List<String> numbness, List<String> tingling, List<String> weakness,
                           List<String> dexterityLoss, List<String> spasms, List<String> tremor, List<String> wasting) {
    }

    public record Flag(long id, FlagRule rule, FlagPriority priority, FlagStatus status) {
    }

    public record Submitted(long id, int version, BigDecimal disabilityScore, List<Integer> missingSections, String startBackRisk,
                            List<String> redFlags, List<Flag> flags) {
        static Submitted of(SubmissionResult r) {
            List<Flag> flags = new ArrayList<>();
            r.flags().forEach(f -> flags.add(new Flag(f.getId(), f.getRule(), f.getPriority(), f.getStatus())));
            return new Submitted(r.intake().getId(), r.intake().getVersionNo(), r.disability().percent(),
                    r.disability().missingSections(), r.startBack().map(s -> s.risk().name()).orElse(null),
                    r.redFlags().stream().map(RedFlag::code).toList(), flags);
        }
    }
}
