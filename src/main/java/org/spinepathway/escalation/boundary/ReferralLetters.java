package org.spinepathway.escalation.boundary;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.care.control.CareRepository;
import org.spinepathway.care.entity.Assessment;
import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.care.entity.Intervention;
import org.spinepathway.care.web.InterventionText;
import org.spinepathway.escalation.control.FlagExplanation;
import org.spinepathway.escalation.control.ReferralLetter;
import org.spinepathway.escalation.entity.EscalationFlag;
import org.spinepathway.escalation.entity.FlagAcknowledgement;
import org.spinepathway.intake.boundary.IntakeService;
import org.spinepathway.intake.entity.IntakeAnswers;
import org.spinepathway.patient.control.PatientRepository;
import org.spinepathway.patient.entity.Patient;
import org.spinepathway.security.control.UserAccountRepository;
import org.spinepathway.security.entity.UserAccount;

/** Gathers what a referral letter says about an episode, and writes it (in the deciding transaction). */
@ApplicationScoped
public class ReferralLetters {

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    @Inject
    PatientRepository patients;

    @Inject
    CareRepository care;

    @Inject
    IntakeService intakes;

    @Inject
    UserAccountRepository accounts;

    @Inject
    InterventionText interventionText;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clinic.name", defaultValue = "Spine Pathway clinic")
    String clinicName;

    public byte[] letter(EpisodeOfCare episode, EscalationFlag flag, String note, String physicianUsername) {
        Patient patient = patients.find(episode.getPatientId()).orElseThrow();
        String physician = accounts.findByUsername(physicianUsername).map(UserAccount::getDisplayName).orElse(physicianUsername);
        List<ReferralLetter.Score> scores = new ArrayList<>();
        List<Assessment> assessments = new ArrayList<>(care.assessmentsOf(episode.getId()));
        java.util.Collections.reverse(assessments);
        for (Assessment a : assessments) {
            scores.add(new ReferralLetter.Score(a.getAssessedOn(), "PATIENT".equals(a.getSource()) ? "patient check-in" : "clinician visit",
                    a.getNrs(), a.getDisabilityScore() == null ? null : a.getDisabilityScore().toPlainString()));
        }
        List<ReferralLetter.Treatment> treatments = new ArrayList<>();
        care.planOf(episode.getId()).ifPresent(plan -> {
            for (Intervention i : care.interventionsOf(plan.getId())) {
                treatments.add(new ReferralLetter.Treatment(i.getType().name().replace('_', ' ').toLowerCase(), interventionText.details(i),
                        i.getStartDate(), i.getEndDate(), i.getStatus().name().toLowerCase()
                                + (i.getStopReason() == null ? "" : " (" + i.getStopReason() + ")")));
            }
        });
        String baseline = "pain " + (episode.getBaselineNrs() == null ? "not recorded" : episode.getBaselineNrs() + "/10") + ", "
                + (episode.getBaselineInstrument() == null ? "ODI/NDI" : episode.getBaselineInstrument()) + " "
                + (episode.getBaselineDisability() == null ? "not recorded" : episode.getBaselineDisability().toPlainString() + "%");
        return ReferralLetter.pdf(new ReferralLetter.Content(clinicName, LocalDate.now(clock),
                patient.getGivenName() + " " + patient.getFamilyName(), patient.getMrn(), patient.getBirthDate(),
                patient.getSex() == null ? "" : patient.getSex().name().toLowerCase(),
                episode.getRegion().name().toLowerCase() + " pain, " + episode.getSide().name().toLowerCase() + " side, since care opened "
                        + episode.getOpenedOn(),
                history(episode.getId()), baseline, scores, treatments, flag.getRule().name(), flag.getPriority().name(), flag.getRaisedOn(),
                FlagExplanation.sentence(flag.getRule(), flag.getEvidence()), flag.getEvidence(), flag.getRuleVersion(), physician, note,
                contacts(episode.getId())));
    }

    /** Every recorded attempt to reach the patient about the episode's URGENT flags, oldest first. */
    private List<ReferralLetter.Contact> contacts(long episodeId) {
        List<FlagAcknowledgement> attempts = em.createNamedQuery(FlagAcknowledgement.OF_EPISODE, FlagAcknowledgement.class)
                .setParameter("episodeId", episodeId).getResultList();
        ResourceBundle words = ResourceBundle.getBundle("org.spinepathway.platform.web.messages", Locale.ENGLISH);
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        return attempts.stream().map(a -> new ReferralLetter.Contact(a.getContactedAt().atZoneSameInstant(clock.getZone()).format(when),
                words.getString("contact.method." + a.getMethod().name()),
                accounts.findByUsername(a.getCreatedBy()).map(UserAccount::getDisplayName).orElse(a.getCreatedBy()), a.getNote())).toList();
    }

    /** The intake's history in a few plain sentences. */
    private String history(long episodeId) {
        return intakes.currentAnswers(episodeId).map(a -> {
            List<String> parts = new ArrayList<>();
            if (a.getOnsetDate() != null) {
                parts.add("Symptoms since " + a.getOnsetDate() + (a.getOnsetCause() == null ? "" : " (" + a.getOnsetCause().toLowerCase().replace('_', ' ') + ")") + ".");
            }
            parts.add("Pain at intake " + a.getPainNow() + "/10, at worst " + a.getPainWorst() + "/10.");
            add(parts, "Pain travels to", a.getPainTravels());
            add(parts, "Numbness", a.getNumbness());
            add(parts, "Tingling", a.getTingling());
            add(parts, "Weakness", a.getWeakness());
            add(parts, "Loss of hand dexterity", a.getDexterityLoss());
            add(parts, "Spasms", a.getSpasms());
            add(parts, "Tremor", a.getTremor());
            add(parts, "Medicines before care", a.getMedications());
            add(parts, "Treatments before care", a.getPriorTreatments());
            add(parts, "Imaging", a.getImaging());
            return String.join(" ", parts);
        }).orElse("No intake was submitted for this episode.");
    }

    private static void add(List<String> parts, String label, List<String> values) {
        if (values != null && !values.isEmpty()) {
            parts.add(label + ": " + String.join(", ", values.stream().map(v -> v.toLowerCase().replace('_', ' ')).toList()) + ".");
        }
    }
}
