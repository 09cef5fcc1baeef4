package org.spinepathway.fhir.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.BooleanType;
import org.spinepathway.escalation.entity.FlagAcknowledgement;
import org.spinepathway.care.entity.Assessment;
import org.spinepathway.care.entity.Intervention;
import org.spinepathway.care.entity.MotorGrade;
import org.spinepathway.care.entity.Myotome;
import org.spinepathway.care.entity.TreatmentPlan;
import org.spinepathway.escalation.control.FlagExplanation;
import org.spinepathway.escalation.entity.EscalationFlag;
import org.spinepathway.escalation.entity.FlagPriority;
import org.spinepathway.escalation.entity.Referral;
import org.spinepathway.intake.entity.Intake;
import org.spinepathway.intake.entity.IntakeAnswers;

/**
 * One episode of care as a FHIR R4 {@code Bundle} of type {@code collection}, built with HAPI's R4
 * model. The mapping, field by field, is the README's "FHIR export" table. Plain class: the caller
 * loads the records (with access checks and audit) and passes them in.
 */
public final class EpisodeBundle {

    /** Identifier and code systems of Spine Pathway's own identifiers and codes. */
    public static final String SYSTEM_BASE = "https://spinepathway.org/fhir/";
    public static final String MRN_SYSTEM = SYSTEM_BASE + "sid/mrn";
    public static final String RULE_SYSTEM = SYSTEM_BASE + "CodeSystem/" + ClinicCodeSystems.ESCALATION_RULE;
    public static final String MEASURE_SYSTEM = SYSTEM_BASE + "CodeSystem/" + ClinicCodeSystems.MEASURE;
    public static final String INTERVENTION_SYSTEM = SYSTEM_BASE + "CodeSystem/" + ClinicCodeSystems.INTERVENTION_TYPE;
    static final String LOINC = "http://loinc.org";
    static final String PAIN_NRS_LOINC = "72514-3";
    static final String UCUM = "http://unitsofmeasure.org";
    /** HL7 v2 table 0131, contact role: "C" is the emergency contact. */
    static final String CONTACT_ROLE = "http://terminology.hl7.org/CodeSystem/v2-0131";

    /** Everything the export reads of one episode; the flags and referrals are empty for callers who may not see them. */
    public record EpisodeRecord(org.spinepathway.patient.entity.Patient patient, org.spinepathway.care.entity.EpisodeOfCare episode,
                                Intake intake, IntakeAnswers intakeAnswers, TreatmentPlan plan, List<Intervention> interventions,
                                List<Assessment> assessments, List<EscalationFlag> flags, List<Referral> referrals,
                                Function<Intervention, String> interventionText, List<FlagAcknowledgement> contacts) {
    }

    private final EpisodeRecord r;
    private final String apiBase;
    private final ZoneId zone;
    private final Bundle bundle = new Bundle();

    private EpisodeBundle(EpisodeRecord record, String apiBase, ZoneId zone) {
        this.r = record;
        this.apiBase = apiBase;
        this.zone = zone;
    }

    /**
     * @param apiBase the API's base address, ending in '/', e.g. {@code https://clinic.example/api/v1/}:
     *                full URLs of the entries and the questionnaires' canonical URLs are under it
     */
    public static Bundle of(EpisodeRecord record, String apiBase, ZoneId zone) {
        return new EpisodeBundle(record, apiBase, zone).build();
    }

    private Bundle build() {
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setId("episode-" + r.episode().getId());
        bundle.setTimestamp(new Date());
        add(episodeOfCare());
        add(patient());
        if (r.intake() != null) {
            intakeResources();
        }
        for (Assessment a : r.assessments()) {
            assessmentResources(a);
        }
        if (r.plan() != null) {
            planResources();
        }
        for (EscalationFlag f : r.flags()) {
            flagResources(f);
        }
        for (Referral referral : r.referrals()) {
            add(serviceRequest(referral));
        }
        for (FlagAcknowledgement contact : r.contacts()) {
            add(communication(contact));
        }
        return bundle;
    }

    private void add(Resource resource) {
        if (resource instanceof org.hl7.fhir.r4.model.DomainResource domain && !domain.hasText()) {
            Narratives.set(domain, summary(resource));
        }
        bundle.addEntry().setFullUrl(apiBase + "fhir/" + resource.fhirType() + "/" + resource.getIdElement().getIdPart()).setResource(resource);
    }

    private Reference patientRef() {
        return new Reference("Patient/patient-" + r.patient().getId())
                .setDisplay(r.patient().getGivenName() + " " + r.patient().getFamilyName());
    }

    private EpisodeOfCare episodeOfCare() {
        var e = r.episode();
        EpisodeOfCare fhir = new EpisodeOfCare();
        fhir.setId("episode-" + e.getId());
        fhir.addIdentifier().setSystem(SYSTEM_BASE + "sid/episode").setValue(String.valueOf(e.getId()));
        fhir.setStatus(switch (e.getState()) {
            case INTAKE -> EpisodeOfCare.EpisodeOfCareStatus.PLANNED;
            case CONSERVATIVE_CARE, UNDER_REVIEW, REFERRED -> EpisodeOfCare.EpisodeOfCareStatus.ACTIVE;
            case RESOLVED, DISCHARGED -> EpisodeOfCare.EpisodeOfCareStatus.FINISHED;
        });
        fhir.addType().setText(("Neck or back pain: " + e.getRegion() + ", " + e.getSide() + " side, " + e.getState()).toLowerCase()
                .replace('_', ' '));
        fhir.setPatient(patientRef());
        Period period = new Period().setStartElement(day(e.getOpenedOn()));
        if (e.getClosedOn() != null) {
            period.setEndElement(day(e.getClosedOn()));
        }
        fhir.setPeriod(period);
        return fhir;
    }

    private Patient patient() {
        var p = r.patient();
        Patient fhir = new Patient();
        fhir.setId("patient-" + p.getId());
        fhir.addIdentifier().setSystem(MRN_SYSTEM).setValue(p.getMrn())
                .setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "MR", "Medical record number")));
        fhir.addName().setFamily(p.getFamilyName()).addGiven(p.getGivenName());
        fhir.setBirthDateElement(date(p.getBirthDate()));
        fhir.setGender(switch (p.getSex()) {
            case FEMALE -> AdministrativeGender.FEMALE;
            case MALE -> AdministrativeGender.MALE;
            case OTHER -> AdministrativeGender.OTHER;
            case UNKNOWN -> AdministrativeGender.UNKNOWN;
        });
        if (p.getEmail() != null) {
            fhir.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(p.getEmail());
        }
        if (p.getPhone() != null) {
            fhir.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.MOBILE)
                    .setValue(p.getPhone());
        }
        if (p.getEmergencyContactName() != null) {
            Patient.ContactComponent contact = fhir.addContact();
            contact.addRelationship(new CodeableConcept(new Coding(CONTACT_ROLE, "C", "Emergency Contact")));
            contact.getName().setText(p.getEmergencyContactName());
            contact.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.getEmergencyContactPhone());
        }
        return fhir;
    }

    // ---- intake: the answers, the disability index, the pain score

    private void intakeResources() {
        Intake intake = r.intake();
        IntakeAnswers a = r.intakeAnswers();
        QuestionnaireResponse qr = response("intake-" + intake.getId(), ClinicQuestionnaires.INTAKE, intake.getSubmittedAt());
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("mainArea", a.getMainArea());
        values.put("otherAreas", a.getOtherAreas());
        values.put("side", a.getSide());
        values.put("painTravels", a.getPainTravels());
        values.put("painNow", a.getPainNow());
        values.put("painWorst", a.getPainWorst());
        values.put("painCharacter", a.getPainCharacter());
        values.put("onsetDate", a.getOnsetDate());
        values.put("onsetCause", a.getOnsetCause());
        values.put("numbness", a.getNumbness());
        values.put("tingling", a.getTingling());
        values.put("weakness", a.getWeakness());
        values.put("dexterityLoss", a.getDexterityLoss());
        values.put("spasms", a.getSpasms());
        values.put("tremor", a.getTremor());
        values.put("wasting", a.getWasting());
        values.put("medications", a.getMedications());
        values.put("otherMedication", a.getOtherMedication());
        values.put("priorTreatments", a.getPriorTreatments());
        values.put("imaging", a.getImaging());
        values.put("stress", a.getStress());
        values.put("anxiety", a.getAnxiety());
        values.put("workStatus", a.getWorkStatus());
        values.put("notes", a.getNotes());
        for (ClinicQuestionnaires.IntakeItem item : ClinicQuestionnaires.INTAKE_ITEMS) {
            Object value = values.get(item.linkId());
            List<?> answers = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
            answers = answers.stream().filter(v -> v != null && !(v instanceof String s && s.isBlank())).toList();
            if (!answers.isEmpty()) {
                QuestionnaireResponse.QuestionnaireResponseItemComponent answered = qr.addItem().setLinkId(item.linkId()).setText(item.text());
                for (Object v : answers) {
                    answered.addAnswer().setValue(v instanceof Integer i ? new IntegerType(i) : v instanceof LocalDate d ? date(d)
                            : new StringType(v.toString()));
                }
            }
        }
        QuestionnaireResponse.QuestionnaireResponseItemComponent redFlags = qr.addItem().setLinkId("redFlags").setText("Important safety questions");
        for (org.spinepathway.intake.entity.RedFlag flag : org.spinepathway.intake.entity.RedFlag.values()) {
            boolean yes = Boolean.TRUE.equals(a.getRedFlags() == null ? null : a.getRedFlags().get(flag.code()));
            redFlags.addItem().setLinkId("redFlags." + flag.code()).setText(ClinicQuestionnaires.redFlagQuestion(flag))
                    .addAnswer().setValue(new BooleanType(yes));
        }
        add(qr);
        String disabilityId = null;
        if (intake.getDisabilityInstrument() != null && a.getDisabilityAnswers() != null && a.getDisabilityAnswers().stream().anyMatch(v -> v != null)) {
            disabilityId = "intake-" + intake.getId() + "-" + intake.getDisabilityInstrument().name().toLowerCase();
            add(disabilityResponse(disabilityId, intake.getDisabilityInstrument().name(), a.getDisabilityAnswers(), intake.getSubmittedAt()));
        }
        DateTimeType when = day(intake.getSubmittedOn());
        if (intake.getPainNow() != null) {
            add(painObservation("intake-" + intake.getId() + "-pain", intake.getPainNow(), when, intake.getSubmittedAt(), "QuestionnaireResponse/" + qr.getIdElement().getIdPart(),
                    patientRef(), false, null));
        }
        if (intake.getDisabilityScore() != null && intake.getDisabilityInstrument() != null) {
            add(disabilityObservation("intake-" + intake.getId() + "-" + intake.getDisabilityInstrument().name().toLowerCase() + "-score",
                    intake.getDisabilityInstrument().name(), intake.getDisabilityScore(), when, intake.getSubmittedAt(),
                    disabilityId == null ? null : "QuestionnaireResponse/" + disabilityId, patientRef(), false, null));
        }
    }

    private QuestionnaireResponse response(String id, String questionnaire, OffsetDateTime authored) {
        QuestionnaireResponse qr = new QuestionnaireResponse();
        qr.setId(id);
        qr.setQuestionnaire(ClinicQuestionnaires.url(apiBase, questionnaire));
        qr.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        qr.setSubject(patientRef());
        if (authored != null) {
            qr.setAuthoredElement(instant(authored));
        }
        return qr;
    }

    private QuestionnaireResponse disabilityResponse(String id, String instrument, List<Integer> answers, OffsetDateTime authored) {
        String name = instrument.toLowerCase();
        QuestionnaireResponse qr = response(id, name, authored);
        for (int i = 0; i < answers.size() && i < 10; i++) {
            if (answers.get(i) != null) {
                qr.addItem().setLinkId(String.valueOf(i + 1)).setText(ClinicQuestionnaires.sectionTitle(name, i + 1))
                        .addAnswer().setValue(new IntegerType(answers.get(i)));
            }
        }
        return qr;
    }

    // ---- follow-up assessments

    private void assessmentResources(Assessment a) {
        boolean voided = a.isVoided();
        DateTimeType when = day(a.getAssessedOn());
        Reference performer = "PATIENT".equals(a.getSource()) ? patientRef() : new Reference().setDisplay("Clinician " + a.getCreatedBy());
        String note = voided ? "Voided by " + a.getVoidedBy() + ": " + a.getVoidReason() : a.getNotes();
        String disabilityId = null;
        if (a.getDisabilityInstrument() != null && a.getDisabilityAnswers() != null) {
            List<Integer> answers = a.disabilityAnswerList();
            if (answers.stream().anyMatch(v -> v != null)) {
                disabilityId = "assessment-" + a.getId() + "-" + a.getDisabilityInstrument().toLowerCase();
                QuestionnaireResponse qr = disabilityResponse(disabilityId, a.getDisabilityInstrument(), answers, a.getRecordedAt());
                if (voided) {
                    qr.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR);
                }
                add(qr);
            }
        }
        if (a.getNrs() != null) {
            add(painObservation("assessment-" + a.getId() + "-pain", a.getNrs(), when, a.getRecordedAt(), null, performer, voided, note));
        }
        if (a.getDisabilityScore() != null && a.getDisabilityInstrument() != null) {
            add(disabilityObservation("assessment-" + a.getId() + "-" + a.getDisabilityInstrument().toLowerCase() + "-score",
                    a.getDisabilityInstrument(), a.getDisabilityScore(), when, a.getRecordedAt(),
                    disabilityId == null ? null : "QuestionnaireResponse/" + disabilityId, performer, voided, note));
        }
        // An Observation per graded myotome and side (MRC 0-5), with the visit's notes.
        for (MotorGrade m : a.getMotor()) {
            Myotome.ofCode(m.getMyotome()).ifPresent(myotome -> {
                Observation o = observation("assessment-" + a.getId() + "-mrc-" + myotome.name().toLowerCase() + "-" + m.getSide().toLowerCase(),
                        when, a.getRecordedAt(), null, performer, voided, note);
                o.getCategoryFirstRep().getCodingFirstRep().setCode("exam").setDisplay("Exam");
                String display = ClinicCodeSystems.displayMotor(myotome);
                o.setCode(new CodeableConcept(new Coding(MEASURE_SYSTEM, ClinicCodeSystems.motorCode(myotome), display)).setText(display));
                o.setBodySite(new CodeableConcept().setText(myotome.words() + ", " + m.getSide().toLowerCase() + " side"));
                o.setValue(new IntegerType(m.getGrade()));
                add(o);
            });
        }
        // Notes of a visit that measured nothing else still reach the receiver.
        if (a.getNrs() == null && a.getDisabilityScore() == null && a.getMotor().isEmpty() && a.getNotes() != null && !a.getNotes().isBlank()) {
            Observation o = observation("assessment-" + a.getId() + "-notes", when, a.getRecordedAt(), null, performer, voided,
                    voided ? note : null);
            o.setCode(new CodeableConcept(new Coding(LOINC, "48767-8", "Annotation comment [Interpretation] Narrative")).setText("Notes"));
            o.setValue(new StringType(a.getNotes()));
            add(o);
        }
    }

    private Observation painObservation(String id, int nrs, DateTimeType when, OffsetDateTime recorded, String derivedFrom, Reference performer,
                                        boolean voided, String note) {
        Observation o = observation(id, when, recorded, derivedFrom, performer, voided, note);
        o.setCode(new CodeableConcept(new Coding(LOINC, PAIN_NRS_LOINC, "Pain severity - 0-10 verbal numeric rating [Score] - Reported"))
                .setText("Pain now (0-10)"));
        o.setValue(new IntegerType(nrs));
        return o;
    }

    private Observation disabilityObservation(String id, String instrument, BigDecimal score, DateTimeType when, OffsetDateTime recorded,
                                              String derivedFrom, Reference performer, boolean voided, String note) {
        Observation o = observation(id, when, recorded, derivedFrom, performer, voided, note);
        String display = ClinicCodeSystems.displayMeasure(instrument);
        o.setCode(new CodeableConcept(new Coding(MEASURE_SYSTEM, instrument, display)).setText(display + " (%)"));
        o.setValue(new Quantity().setValue(score).setUnit("%").setSystem(UCUM).setCode("%"));
        return o;
    }

    private Observation observation(String id, DateTimeType when, OffsetDateTime recorded, String derivedFrom, Reference performer,
                                    boolean voided, String note) {
        Observation o = new Observation();
        o.setId(id);
        o.setStatus(voided ? Observation.ObservationStatus.ENTEREDINERROR : Observation.ObservationStatus.FINAL);
        o.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")));
        o.setSubject(patientRef());
        o.setEffective(when);
        if (recorded != null) {
            o.setIssuedElement(new org.hl7.fhir.r4.model.InstantType(Date.from(recorded.toInstant())));
        }
        o.addPerformer(performer);
        if (derivedFrom != null) {
            o.addDerivedFrom(new Reference(derivedFrom));
        }
        if (note != null && !note.isBlank()) {
            o.addNote(new Annotation().setText(note));
        }
        return o;
    }

    // ---- the plan: CarePlan, with injections also as Procedure and medications as MedicationStatement

    private void planResources() {
        TreatmentPlan plan = r.plan();
        CarePlan carePlan = new CarePlan();
        carePlan.setId("plan-" + plan.getId());
        carePlan.setStatus(r.episode().getState() == org.spinepathway.care.entity.EpisodeState.RESOLVED
                || r.episode().getState() == org.spinepathway.care.entity.EpisodeState.DISCHARGED
                ? CarePlan.CarePlanStatus.COMPLETED : CarePlan.CarePlanStatus.ACTIVE);
        carePlan.setIntent(CarePlan.CarePlanIntent.PLAN);
        carePlan.setTitle("Conservative treatment plan");
        carePlan.setDescription(plan.getGoals());
        carePlan.setSubject(patientRef());
        carePlan.setPeriod(new Period().setStartElement(day(plan.getStartDate())).setEndElement(day(plan.getReviewDate())));
        if (plan.getCreatedAt() != null) {
            carePlan.setCreatedElement(instant(plan.getCreatedAt()));
        }
        carePlan.addAddresses(new Reference().setDisplay("Neck or back pain, " + r.episode().getRegion().name().toLowerCase()));
        List<Resource> outcomes = new ArrayList<>();
        for (Intervention i : r.interventions()) {
            CarePlan.CarePlanActivityComponent activity = carePlan.addActivity();
            String words = r.interventionText().apply(i);
            CarePlan.CarePlanActivityDetailComponent detail = activity.getDetail();
            detail.setCode(new CodeableConcept(new Coding(INTERVENTION_SYSTEM, i.getType().name(), typeWords(i))).setText(typeWords(i)));
            detail.setStatus(i.isVoided() ? CarePlan.CarePlanActivityStatus.ENTEREDINERROR : switch (i.getStatus()) {
                case PLANNED -> CarePlan.CarePlanActivityStatus.NOTSTARTED;
                case ACTIVE -> CarePlan.CarePlanActivityStatus.INPROGRESS;
                case COMPLETED -> CarePlan.CarePlanActivityStatus.COMPLETED;
                case STOPPED -> CarePlan.CarePlanActivityStatus.STOPPED;
            });
            if (i.getStopReason() != null) {
                detail.setStatusReason(new CodeableConcept().setText(i.getStopReason()));
            }
            detail.setDescription(words.isBlank() ? typeWords(i) : words);
            Period when = new Period().setStartElement(day(i.getStartDate()));
            if (i.getEndDate() != null) {
                when.setEndElement(day(i.getEndDate()));
            }
            detail.setScheduled(when);
            if (i.getType() == org.spinepathway.care.entity.InterventionType.INJECTION && i.getGivenOn() != null && !i.isVoided()) {
                Procedure procedure = procedure(i, words);
                activity.addOutcomeReference(new Reference("Procedure/" + procedure.getIdElement().getIdPart()));
                outcomes.add(procedure);
            }
            if (i.getType() == org.spinepathway.care.entity.InterventionType.MEDICATION) {
                MedicationStatement statement = medication(i, words);
                activity.addOutcomeReference(new Reference("MedicationStatement/" + statement.getIdElement().getIdPart()));
                outcomes.add(statement);
            }
        }
        add(carePlan);
        outcomes.forEach(this::add);
    }

    private Procedure procedure(Intervention i, String words) {
        Procedure p = new Procedure();
        p.setId("intervention-" + i.getId());
        p.setStatus(Procedure.ProcedureStatus.COMPLETED);
        p.setCode(new CodeableConcept().setText(words.isBlank() ? "Spinal injection" : "Spinal injection: " + words));
        p.setSubject(patientRef());
        p.setPerformed(day(i.getGivenOn()));
        p.addBasedOn(new Reference("CarePlan/plan-" + r.plan().getId()));
        return p;
    }

    private MedicationStatement medication(Intervention i, String words) {
        MedicationStatement m = new MedicationStatement();
        m.setId("intervention-" + i.getId());
        m.setStatus(i.isVoided() ? MedicationStatement.MedicationStatementStatus.ENTEREDINERROR : switch (i.getStatus()) {
            case PLANNED -> MedicationStatement.MedicationStatementStatus.INTENDED;
            case ACTIVE -> MedicationStatement.MedicationStatementStatus.ACTIVE;
            case COMPLETED -> MedicationStatement.MedicationStatementStatus.COMPLETED;
            case STOPPED -> MedicationStatement.MedicationStatementStatus.STOPPED;
        });
        m.setMedication(new CodeableConcept().setText(words.isBlank() ? "Medication" : words));
        m.setSubject(patientRef());
        Period when = new Period().setStartElement(day(i.getStartDate()));
        if (i.getEndDate() != null) {
            when.setEndElement(day(i.getEndDate()));
        }
        m.setEffective(when);
        m.addBasedOn(new Reference("CarePlan/plan-" + r.plan().getId()));
        m.addDosage().setText(words);
        return m;
    }

    private static String typeWords(Intervention i) {
        return ClinicCodeSystems.display(i.getType());
    }

    // ---- escalation: each flag as Flag + DetectedIssue; a referral as ServiceRequest

    private void flagResources(EscalationFlag f) {
        String sentence = FlagExplanation.sentence(f.getRule(), f.getEvidence());
        Coding rule = new Coding(RULE_SYSTEM, f.getRule().name(), ClinicCodeSystems.display(f.getRule()));
        DetectedIssue issue = new DetectedIssue();
        issue.setId("flag-" + f.getId() + "-issue");
        issue.setStatus(f.getStatus() == org.spinepathway.escalation.entity.FlagStatus.OPEN
                ? DetectedIssue.DetectedIssueStatus.PRELIMINARY : DetectedIssue.DetectedIssueStatus.FINAL);
        issue.setCode(new CodeableConcept(rule).setText(sentence));
        issue.setSeverity(f.getPriority() == FlagPriority.URGENT ? DetectedIssue.DetectedIssueSeverity.HIGH
                : f.getPriority() == FlagPriority.REVIEW ? DetectedIssue.DetectedIssueSeverity.MODERATE : DetectedIssue.DetectedIssueSeverity.LOW);
        issue.setPatient(patientRef());
        issue.setIdentified(instant(f.getRaisedAt()));
        issue.setAuthor(new Reference().setDisplay("Spine Pathway escalation rules, version " + f.getRuleVersion()));
        issue.setDetail(sentence);
        issue.addEvidence().addCode(new CodeableConcept().setText("Evidence (rule " + f.getRuleVersion() + "): " + f.getEvidence()));
        if (f.getDecidedAt() != null) {
            String action = switch (f.getStatus()) {
                case REFERRED -> "Referred for a surgical opinion";
                case CONTINUED -> "Conservative care continued" + (f.getRecheckOn() == null ? "" : " until " + f.getRecheckOn());
                case DISMISSED -> "Dismissed";
                default -> f.getStatus().name();
            };
            issue.addMitigation().setAction(new CodeableConcept().setText(action + (f.getDecisionReason() == null ? "" : ": " + f.getDecisionReason())))
                    .setDateElement(instant(f.getDecidedAt())).setAuthor(new Reference().setDisplay("Physician " + f.getDecidedBy()));
        }

        Flag flag = new Flag();
        flag.setId("flag-" + f.getId());
        flag.setStatus(f.getStatus() == org.spinepathway.escalation.entity.FlagStatus.OPEN ? Flag.FlagStatus.ACTIVE : Flag.FlagStatus.INACTIVE);
        flag.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/flag-category", "clinical", "Clinical")));
        flag.setCode(new CodeableConcept(rule).setText(sentence));
        flag.setSubject(patientRef());
        Period period = new Period().setStartElement(instant(f.getRaisedAt()));
        if (f.getDecidedAt() != null) {
            period.setEndElement(instant(f.getDecidedAt()));
        }
        flag.setPeriod(period);
        flag.addExtension("http://hl7.org/fhir/StructureDefinition/flag-priority", new CodeableConcept(new Coding(
                "http://hl7.org/fhir/flag-priority-code", switch (f.getPriority()) {
                    case URGENT -> "PH";
                    case REVIEW -> "PM";
                    case TASK -> "PL";
                }, switch (f.getPriority()) {
                    case URGENT -> "High priority";
                    case REVIEW -> "Medium priority";
                    case TASK -> "Low priority";
                })));
        flag.addExtension("http://hl7.org/fhir/StructureDefinition/flag-detail", new Reference("DetectedIssue/" + issue.getIdElement().getIdPart()));
        add(flag);
        add(issue);
    }

    private ServiceRequest serviceRequest(Referral referral) {
        ServiceRequest s = new ServiceRequest();
        s.setId("referral-" + referral.getId());
        s.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
        s.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        s.setCode(new CodeableConcept().setText("Referral for a spinal surgical opinion"));
        s.setSubject(patientRef());
        if (referral.getCreatedAt() != null) {
            s.setAuthoredOnElement(instant(referral.getCreatedAt()));
        }
        s.setRequester(new Reference().setDisplay("Physician " + referral.getCreatedBy()));
        // The reason is the flag's: its sentence as the reason, its DetectedIssue as supporting information
        // (reasonReference may not point at a DetectedIssue in R4).
        r.flags().stream().filter(f -> f.getId().equals(referral.getFlagId())).findFirst()
                .ifPresent(f -> s.addReasonCode(new CodeableConcept(new Coding(RULE_SYSTEM, f.getRule().name(), ClinicCodeSystems.display(f.getRule())))
                        .setText(FlagExplanation.sentence(f.getRule(), f.getEvidence()))));
        s.addSupportingInfo(new Reference("DetectedIssue/flag-" + referral.getFlagId() + "-issue"));
        if (referral.getNote() != null && !referral.getNote().isBlank()) {
            s.addNote(new Annotation().setText(referral.getNote()));
        }
        return s;
    }

    /**
     * An attempt of the care team to reach the patient about an URGENT flag, as a Communication
     * about the flag: done when the patient was reached, not done ("no answer") otherwise.
     */
    private Communication communication(FlagAcknowledgement a) {
        Communication c = new Communication();
        c.setId("contact-" + a.getId());
        boolean reached = a.getMethod().reached();
        c.setStatus(reached ? Communication.CommunicationStatus.COMPLETED : Communication.CommunicationStatus.NOTDONE);
        if (!reached) {
            c.setStatusReason(new CodeableConcept().setText("No answer"));
        }
        c.addCategory(new CodeableConcept().setText("Contact with the patient about an urgent escalation flag"));
        String words = switch (a.getMethod()) {
            case PHONE -> "Phone call";
            case SMS -> "Text message";
            case EMAIL -> "E-mail";
            case IN_PERSON -> "In person";
            case NO_ANSWER -> "Tried, no answer";
        };
        CodeableConcept medium = new CodeableConcept().setText(words);
        switch (a.getMethod()) {
            case PHONE -> medium.addCoding(new Coding(PARTICIPATION_MODE, "PHONE", "telephone"));
            case EMAIL -> medium.addCoding(new Coding(PARTICIPATION_MODE, "EMAILWRIT", "email"));
            case IN_PERSON -> medium.addCoding(new Coding(PARTICIPATION_MODE, "FACE", "face-to-face"));
            default -> {
                // No code of the value set says it exactly: the words alone.
            }
        }
        c.addMedium(medium);
        c.setSubject(patientRef());
        c.addRecipient(patientRef());
        c.setSender(new Reference().setDisplay(a.getCreatedBy()));
        c.setSentElement(instant(a.getContactedAt()));
        c.addAbout(new Reference("Flag/flag-" + a.getFlagId()));
        if (a.getNote() != null) {
            c.addPayload().setContent(new StringType(a.getNote()));
        }
        return c;
    }

    static final String PARTICIPATION_MODE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationMode";

    /** One line a person reads: what the resource is and its main content. */
    private static String summary(Resource resource) {
        if (resource instanceof Patient p) {
            return p.getNameFirstRep().getNameAsSingleString() + ", MRN " + p.getIdentifierFirstRep().getValue() + ", born "
                    + p.getBirthDateElement().getValueAsString();
        }
        if (resource instanceof EpisodeOfCare e) {
            return "Episode of care: " + e.getTypeFirstRep().getText() + " (" + e.getStatus().toCode() + ")";
        }
        if (resource instanceof QuestionnaireResponse q) {
            return "Answers to " + q.getQuestionnaire().replaceAll(".*/", "") + ": " + q.getItem().size() + " questions answered";
        }
        if (resource instanceof Observation o) {
            String value = o.getValue() instanceof Quantity q ? q.getValue().toPlainString() + " " + q.getUnit() : o.getValue().primitiveValue();
            return o.getCode().getText() + ": " + value + " on " + o.getEffectiveDateTimeType().getValueAsString()
                    + (o.getStatus() == Observation.ObservationStatus.ENTEREDINERROR ? " (entered in error)" : "");
        }
        if (resource instanceof CarePlan c) {
            return c.getTitle() + ": " + c.getDescription() + "; " + c.getActivity().size() + " interventions";
        }
        if (resource instanceof Procedure p) {
            return p.getCode().getText() + " on " + p.getPerformedDateTimeType().getValueAsString();
        }
        if (resource instanceof MedicationStatement m) {
            return "Medication: " + m.getMedicationCodeableConcept().getText() + " (" + m.getStatus().toCode() + ")";
        }
        if (resource instanceof Flag f) {
            return "Flag (" + f.getStatus().toCode() + "): " + f.getCode().getText();
        }
        if (resource instanceof DetectedIssue d) {
            return "Escalation (" + d.getSeverity().toCode() + "): " + d.getDetail();
        }
        if (resource instanceof Communication c) {
            return c.getMediumFirstRep().getText() + " on " + c.getSentElement().getValueAsString()
                    + (c.hasPayload() ? ": " + c.getPayloadFirstRep().getContentStringType().getValue() : "");
        }
        if (resource instanceof ServiceRequest r) {
            return r.getCode().getText() + (r.hasNote() ? ": " + r.getNoteFirstRep().getText() : "");
        }
        return resource.fhirType();
    }

    // ---- dates

    private static DateType date(LocalDate d) {
        return d == null ? null : new DateType(d.toString());
    }

    /** A calendar day where FHIR wants a dateTime: day precision. */
    private static DateTimeType day(LocalDate d) {
        return d == null ? null : new DateTimeType(d.toString());
    }

    /** A moment, with the clinic's offset. */
    private DateTimeType instant(OffsetDateTime t) {
        return t == null ? null : new DateTimeType(Date.from(t.toInstant()), ca.uhn.fhir.model.api.TemporalPrecisionEnum.SECOND,
                java.util.TimeZone.getTimeZone(zone));
    }
}
