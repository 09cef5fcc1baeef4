package org.spinepathway.fhir.boundary;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.spinepathway.escalation.entity.FlagAcknowledgement;
import org.spinepathway.care.boundary.EpisodeService;
import org.spinepathway.care.control.CareRepository;
import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.care.entity.TreatmentPlan;
import org.spinepathway.care.boundary.InterventionText;
import org.spinepathway.escalation.control.FlagRepository;
import org.spinepathway.escalation.entity.Referral;
import org.spinepathway.fhir.control.EpisodeBundle;
import org.spinepathway.intake.boundary.IntakeService;
import org.spinepathway.intake.control.IntakeRepository;
import org.spinepathway.intake.entity.Intake;
import org.spinepathway.intake.entity.IntakeStatus;
import org.spinepathway.patient.boundary.PatientService;
import org.spinepathway.patient.entity.Patient;
import org.spinepathway.security.boundary.AuditLog;
import org.spinepathway.security.entity.AuditAction;
import org.spinepathway.security.entity.Role;

/**
 * Reads one episode for export as FHIR, under the chart's rules: whoever may open the chart may
 * export it (the care team, the physician, the patient themselves), and the export is audited.
 * Escalation flags and referrals are staff information: a patient's own export leaves them out,
 * as the flags API does.
 */
@ApplicationScoped
public class FhirExport {

    /** HAPI's R4 context is costly to build and safe to share. */
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Inject
    EpisodeService episodes;

    @Inject
    PatientService patients;

    @Inject
    CareRepository care;

    @Inject
    IntakeRepository intakes;

    @Inject
    IntakeService intakeService;

    @Inject
    FlagRepository flags;

    @Inject
    InterventionText interventionText;

    @Inject
    SecurityContext security;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    public static FhirContext context() {
        return FHIR;
    }

    /** The episode as FHIR R4 JSON; {@code apiBase} is the API's base address, ending in '/'. */
    @Transactional
    public String episodeJson(long episodeId, String apiBase) {
        EpisodeOfCare episode = episodes.require(episodeId);
        Patient patient = patients.requireAccess(episode.getPatientId());
        Intake intake = intakes.findByStatus(episodeId, IntakeStatus.SUBMITTED).orElse(null);
        TreatmentPlan plan = care.planOf(episodeId).orElse(null);
        boolean staff = !security.isCallerInRole(Role.PATIENT_NAME);
        List<Referral> referrals = staff ? em.createNamedQuery(Referral.FIND_BY_EPISODE, Referral.class)
                .setParameter("episodeId", episodeId).getResultList() : List.of();
        // Voided records travel too, as entered-in-error with their reason: a receiver that imported them earlier learns they are void.
        var record = new EpisodeBundle.EpisodeRecord(patient, episode, intake, intake == null ? null : intakeService.answersOf(intake), plan,
                plan == null ? List.of() : care.allInterventionsOf(plan.getId()), care.allAssessmentsOf(episodeId),
                staff ? flags.ofEpisode(episodeId) : List.of(), referrals, interventionText::details,
                staff ? em.createNamedQuery(FlagAcknowledgement.OF_EPISODE, FlagAcknowledgement.class)
                        .setParameter("episodeId", episodeId).getResultList() : List.of());
        Bundle bundle = EpisodeBundle.of(record, apiBase, clock.getZone());
        audit.record(AuditAction.EXPORT, patient.getId(), "EpisodeOfCare", episodeId, "FHIR R4 bundle, " + bundle.getEntry().size() + " resources");
        return FHIR.newJsonParser().encodeResourceToString(bundle);
    }
}
