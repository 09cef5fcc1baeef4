package org.spinepathway.escalation.boundary;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.care.control.CareRepository;
import org.spinepathway.care.control.MotorGradeTable;
import org.spinepathway.care.entity.Assessment;
import org.spinepathway.care.entity.EpisodeOfCare;
import org.spinepathway.care.entity.Intervention;
import org.spinepathway.care.entity.InterventionStatus;
import org.spinepathway.care.entity.InterventionType;
import org.spinepathway.care.entity.TreatmentPlan;
import org.spinepathway.care.boundary.InterventionText;
import org.spinepathway.escalation.control.FlagExplanation;
import org.spinepathway.escalation.control.ReferralLetter;
import org.spinepathway.escalation.entity.EscalationFlag;
import org.spinepathway.escalation.entity.FlagAcknowledgement;
import org.spinepathway.intake.boundary.IntakeService;
import org.spinepathway.intake.entity.IntakeAnswers;
import org.spinepathway.intake.entity.RedFlag;
import org.spinepathway.patient.control.PatientRepository;
import org.spinepathway.patient.entity.Patient;
import org.spinepathway.platform.control.ClinicWords;
import org.spinepathway.security.control.UserAccountRepository;
import org.spinepathway.security.entity.UserAccount;

/** Gathers what a referral letter says about an episode, in words, and writes it (in the deciding transaction). */
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
    @ConfigProperty(name = "clinic.letter.name")
    String clinicName;

    /** Address lines, separated by "|". */
    @Inject
    @ConfigProperty(name = "clinic.letter.address")
    Optional<String> address;

    @Inject
    @ConfigProperty(name = "clinic.letter.phone")
    Optional<String> phone;

    @Inject
    @ConfigProperty(name = "clinic.letter.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "clinic.letter.default-addressee")
    String defaultAddressee;

    /** The receiving services a physician may choose from at referral, separated by "|"; they may type another. */
    @Inject
    @ConfigProperty(name = "clinic.letter.services")
    Optional<String> services;

    /** The services offered at referral, the default first. */
    public List<String> services() {
        List<String> offered = new ArrayList<>(List.of(defaultAddressee()));
        services.map(ReferralLetters::lines).orElse(List.of()).stream().filter(s -> !offered.contains(s)).forEach(offered::add);
        return offered;
    }

    /** The service a letter goes to when the physician names none. */
    public String defaultAddressee() {
        return defaultAddressee.strip();
    }

    public byte[] letter(EpisodeOfCare episode, EscalationFlag flag, String note, String physicianUsername, String addressee) {
        Patient patient = patients.find(episode.getPatientId()).orElseThrow();
        Optional<UserAccount> physician = accounts.findByUsername(physicianUsername);
        List<Assessment> assessments = care.assessmentsOf(episode.getId());
        Optional<TreatmentPlan> plan = care.planOf(episode.getId());
        Optional<IntakeService.IntakeView> intake = intakes.current(episode);

        List<ReferralLetter.Score> scores = new ArrayList<>();
        List<Assessment> newestFirst = new ArrayList<>(assessments);
        Collections.reverse(newestFirst);
        for (Assessment a : newestFirst) {
            scores.add(new ReferralLetter.Score(a.getAssessedOn(), byPatient(a) ? "patient's check-in" : "clinic visit",
                    a.getNrs(), a.getDisabilityScore() == null ? null : a.getDisabilityScore().stripTrailingZeros().toPlainString()));
        }
        MotorGradeTable table = MotorGradeTable.ofVisits(assessments);
        List<ReferralLetter.Grades> grades = table.rows().stream()
                .map(r -> new ReferralLetter.Grades(r.myotome(), ClinicWords.of("side." + r.side()).toLowerCase(), r.grades())).toList();

        List<ReferralLetter.Treatment> treatments = new ArrayList<>();
        plan.ifPresent(p -> care.interventionsOf(p.getId()).forEach(i -> treatments.add(treatment(i))));

        String baseline = "pain " + (episode.getBaselineNrs() == null ? "not recorded" : episode.getBaselineNrs() + " out of 10") + ", "
                + (episode.getBaselineInstrument() == null ? "ODI/NDI" : episode.getBaselineInstrument()) + " "
                + (episode.getBaselineDisability() == null ? "not recorded" : episode.getBaselineDisability().stripTrailingZeros().toPlainString() + "%");
        String complaint = ClinicWords.of("region", episode.getRegion()) + " pain, " + ClinicWords.of("intake.side", episode.getSide()).toLowerCase();
        String role = physician.map(a -> ClinicWords.of("role", a.getRole())).orElse("Physician");

        return ReferralLetter.pdf(new ReferralLetter.Content(
                new ReferralLetter.Letterhead(clinicName.strip(), address.map(ReferralLetters::lines).orElse(List.of()), phone.orElse(""), email.orElse("")),
                addressee == null || addressee.isBlank() ? defaultAddressee() : addressee.strip(), LocalDate.now(clock),
                new ReferralLetter.Patient(patient.getGivenName() + " " + patient.getFamilyName(), patient.getMrn(), patient.getBirthDate(),
                        patient.getSex() == null ? "sex not recorded" : patient.getSex().name().toLowerCase()),
                complaint, plan.map(TreatmentPlan::getStartDate).orElse(null),
                intake.map(i -> history(i.answers())).orElse("No intake was submitted for this episode."), baseline,
                ClinicWords.of("rule", flag.getRule()) + " (" + ClinicWords.of("priority", flag.getPriority()).toLowerCase() + ")", flag.getRaisedOn(),
                FlagExplanation.sentence(flag.getRule(), flag.getEvidence()),
                redFlags(intake, assessments), scores, table.dates(), grades, treatments, contacts(episode.getId()), note,
                new ReferralLetter.Signatory(physician.map(UserAccount::getDisplayName).orElse(physicianUsername), role), flag.getRuleVersion()));
    }

    private static boolean byPatient(Assessment a) {
        return "PATIENT".equals(a.getSource());
    }

    private static List<String> lines(String address) {
        return Arrays.stream(address.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A treatment with its real end: dates as recorded, and an outcome in words (stopped with its reason). */
    private ReferralLetter.Treatment treatment(Intervention i) {
        boolean injection = i.getType() == InterventionType.INJECTION;
        LocalDate start = injection && i.getGivenOn() != null ? i.getGivenOn() : i.getStartDate();
        String to = injection && i.getGivenOn() != null ? "single treatment"
                : i.getEndDate() != null ? ReferralLetter.shortDate(i.getEndDate())
                : i.getStatus() == InterventionStatus.ACTIVE ? "continuing"
                : i.getStatus() == InterventionStatus.PLANNED ? "not started" : "end not recorded";
        String outcome = ClinicWords.of("interventionStatus", i.getStatus())
                + (i.getStopReason() == null || i.getStopReason().isBlank() ? "" : ": " + i.getStopReason().strip());
        return new ReferralLetter.Treatment(ClinicWords.of("intervention", i.getType()), interventionText.details(i), start, to, outcome);
    }

    /** Every red flag answered yes, at the intake and at later check-ins and visits (voided assessments are not in the list). */
    private static List<ReferralLetter.RedFlagAnswer> redFlags(Optional<IntakeService.IntakeView> intake, List<Assessment> assessments) {
        List<ReferralLetter.RedFlagAnswer> answers = new ArrayList<>();
        intake.ifPresent(i -> i.answers().redFlagsYes().forEach(f -> answers.add(new ReferralLetter.RedFlagAnswer(capitalised(f.words()),
                "intake", i.intake().getSubmittedOn()))));
        for (Assessment a : assessments) {
            if (a.getRedFlags() == null || a.getRedFlags().isBlank()) {
                continue;
            }
            for (String code : a.getRedFlags().split(",")) {
                RedFlag.ofCode(code).ifPresent(f -> answers.add(new ReferralLetter.RedFlagAnswer(capitalised(f.words()),
                        byPatient(a) ? "patient's check-in" : "clinic visit", a.getAssessedOn())));
            }
        }
        return answers;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Every recorded attempt to reach the patient about the episode's URGENT flags, oldest first. */
    private List<ReferralLetter.Contact> contacts(long episodeId) {
        List<FlagAcknowledgement> attempts = em.createNamedQuery(FlagAcknowledgement.OF_EPISODE, FlagAcknowledgement.class)
                .setParameter("episodeId", episodeId).getResultList();
        DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        return attempts.stream().map(a -> new ReferralLetter.Contact(a.getContactedAt().atZoneSameInstant(clock.getZone()).format(when),
                ClinicWords.of("contact.method", a.getMethod()),
                accounts.findByUsername(a.getCreatedBy()).map(UserAccount::getDisplayName).orElse(a.getCreatedBy()), a.getNote())).toList();
    }

    /** The intake's history in a few plain sentences, every answer in the words the patient chose it by. */
    private static String history(IntakeAnswers a) {
        List<String> parts = new ArrayList<>();
        if (a.getOnsetDate() != null) {
            parts.add("Symptoms since " + ReferralLetter.date(a.getOnsetDate())
                    + (a.getOnsetCause() == null ? "" : " (" + ClinicWords.of("intake.cause." + a.getOnsetCause()).toLowerCase() + ")") + ".");
        }
        parts.add("Pain at intake " + a.getPainNow() + " out of 10, at worst " + a.getPainWorst() + " out of 10.");
        add(parts, "Pain travels to", "intake.travel", a.getPainTravels());
        add(parts, "Numbness", "intake.location", a.getNumbness());
        add(parts, "Tingling", "intake.location", a.getTingling());
        add(parts, "Weakness", "intake.location", a.getWeakness());
        add(parts, "Loss of hand dexterity", "intake.location", a.getDexterityLoss());
        add(parts, "Spasms", "intake.location", a.getSpasms());
        add(parts, "Tremor", "intake.location", a.getTremor());
        add(parts, "Medicines before care", "intake.medication", a.getMedications());
        add(parts, "Treatments before care", "intake.treatment", a.getPriorTreatments());
        add(parts, "Imaging", "intake.imaging", a.getImaging());
        return String.join(" ", parts);
    }

    private static void add(List<String> parts, String label, String prefix, List<String> codes) {
        if (codes != null && !codes.isEmpty()) {
            parts.add(label + ": " + String.join("; ", codes.stream().map(c -> ClinicWords.of(prefix + "." + c)).toList()) + ".");
        }
    }
}
