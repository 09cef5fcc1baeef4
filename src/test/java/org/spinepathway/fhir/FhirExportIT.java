package org.spinepathway.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spinepathway.testing.CareFixtures;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.Http;
import org.spinepathway.testing.WebSession;

/**
 * The FHIR R4 export end to end: an episode with every kind of intervention, a voided visit, a
 * patient's check-in, a red flag, decisions and a referral, built through the API, exported by the
 * physician, the physiotherapist and the patient, and every bundle and questionnaire validated with
 * HAPI's {@code FhirValidator} against the R4 core definitions: no errors.
 */
@ExtendWith(ArquillianExtension.class)
class FhirExportIT {

    private static final String PASSWORD = "Fhir-export-pass-1";
    private static final LocalDate TODAY = LocalDate.now();
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static String databaseUrl;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        databaseUrl = EmbeddedDatabase.get().createDatabase("fhir");
        return ClinicDeployment.onDatabase(databaseUrl);
    }

    @Test
    void anEpisodeWithEveryIntervention_aRedFlag_decisionsAndAReferral_shouldExportAsAValidR4Bundle() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String physio = "fhir-physio-" + run;
        String physician = "fhir-doc-" + run;
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Phoebe Physio");
        Clinic.createStaff(base, physician, PASSWORD, "PHYSICIAN", "Dr Fhir");
        CareFixtures care = new CareFixtures(base, databaseUrl, PASSWORD);
        WebSession api = new WebSession(base);
        String patientEmail = "fhir-" + run + "@example.org";

        long episode = care.episodeWithIntake(physio, patientEmail, "Grace", "Hopper", 7, 3, TODAY.minusDays(70),
                "{\"painTravels\":[\"BUTTOCK\",\"THIGH\"],\"numbness\":[\"LEFT_LEG\"],\"onsetDate\":\"" + TODAY.minusDays(90) + "\"}");
        care.plan(physio, episode, TODAY.minusDays(60), "Back to gardening without leg pain");
        WebSession physioWeb = new WebSession(base);
        assertEquals(302, physioWeb.signIn(physio, PASSWORD).statusCode());
        HttpResponse<String> contactSaved = physioWeb.submit("physio/plan.xhtml?episode=" + episode, "contact", Map.of("phone", Clinic.PHONE,
                "emergencyContactName", "Vincent Hopper", "emergencyContactPhone", "(020) 7946 0999"), "saveContact");
        assertTrue(contactSaved.body().contains("contact details are saved"), contactSaved.body());
        for (String intervention : List.of(
                "{\"type\":\"REST\",\"startDate\":\"%s\",\"endDate\":\"%s\",\"status\":\"COMPLETED\",\"details\":{\"instructions\":\"Relative rest, short walks\"}}",
                "{\"type\":\"PHYSICAL_THERAPY\",\"startDate\":\"%s\",\"status\":\"ACTIVE\",\"details\":{\"programme\":\"McKenzie extension\",\"sessionsPerWeek\":2}}",
                "{\"type\":\"MEDICATION\",\"startDate\":\"%s\",\"status\":\"ACTIVE\",\"details\":{\"drug\":\"naproxen\",\"dose\":\"500 mg\",\"frequency\":\"twice daily\",\"drugClass\":\"NSAID\"}}",
                "{\"type\":\"INJECTION\",\"startDate\":\"%s\",\"status\":\"COMPLETED\",\"details\":{\"kind\":\"EPIDURAL_STEROID\",\"level\":\"L4-L5\",\"givenOn\":\"%s\"}}",
                "{\"type\":\"HEAT_COLD\",\"startDate\":\"%s\",\"status\":\"PLANNED\",\"details\":{\"instructions\":\"Heat 20 minutes\"}}",
                "{\"type\":\"MANIPULATION\",\"startDate\":\"%s\",\"status\":\"ACTIVE\",\"details\":{\"sessions\":4,\"technique\":\"Lumbar mobilisation\"}}")) {
            String json = intervention.replaceFirst("%s", TODAY.minusDays(55).toString()).replace("%s", TODAY.minusDays(45).toString());
            HttpResponse<String> added = api.api("POST", "api/v1/episodes/" + episode + "/interventions", json, physio, PASSWORD);
            assertEquals(201, added.statusCode(), json + " -> " + added.body());
        }
        assertEquals(201, care.visit(physio, episode, TODAY.minusDays(30), 7, 3, "{}").statusCode());
        HttpResponse<String> mistaken = care.visit(physio, episode, TODAY.minusDays(20), 2, 1, "{}");
        long mistakenId = Long.parseLong(mistaken.body().transform(Http::topLevelId));
        assertEquals(200, api.api("POST", "api/v1/episodes/" + episode + "/assessments/" + mistakenId + "/void",
                "{\"reason\":\"Entered on the wrong patient\"}", physio, PASSWORD).statusCode());
        assertEquals(201, api.api("POST", "api/v1/episodes/" + episode + "/assessments",
                "{\"date\":\"" + TODAY.minusDays(10) + "\",\"source\":\"PATIENT\",\"nrs\":7}", patientEmail, PASSWORD).statusCode());
        assertEquals(201, api.api("POST", "api/v1/episodes/" + episode + "/assessments", "{\"date\":\"" + TODAY.minusDays(5)
                + "\",\"source\":\"CLINICIAN\",\"motor\":[{\"myotome\":\"L5\",\"side\":\"LEFT\",\"grade\":4},"
                + "{\"myotome\":\"S1\",\"side\":\"LEFT\",\"grade\":5}],\"notes\":\"Toe walking weaker on the left\"}", physio, PASSWORD).statusCode());
        care.evaluate(TODAY);
        long notImproving = Clinic.number(databaseUrl, "SELECT id FROM escalation_flag WHERE episode_id = ? AND rule = 'NOT_IMPROVING'", episode);
        assertEquals(200, api.api("POST", "api/v1/flags/" + notImproving + "/decision", "{\"decision\":\"CONTINUE\",\"reason\":\"Injection "
                + "given recently\",\"recheckOn\":\"" + TODAY.plusDays(14) + "\"}", physician, PASSWORD).statusCode());
        assertEquals(201, care.visit(physio, episode, TODAY, 8, 3, "{\"bladderBowelChange\":true}").statusCode());
        long redFlag = Clinic.number(databaseUrl, "SELECT id FROM escalation_flag WHERE episode_id = ? AND rule = 'RED_FLAG'", episode);
        assertEquals(200, api.api("POST", "api/v1/flags/" + redFlag + "/decision", "{\"decision\":\"REFER\",\"reason\":\"Same-day MRI and "
                + "spinal surgeon\"}", physician, PASSWORD).statusCode());

        FhirValidator validator = validator(questionnaires(api, physio), codeSystems(api, patientEmail));

        HttpResponse<String> asPhysician = api.api("GET", "api/v1/episodes/" + episode + "/fhir", null, physician, PASSWORD);
        assertEquals(200, asPhysician.statusCode(), asPhysician.body());
        assertTrue(asPhysician.headers().firstValue("Content-Type").orElse("").startsWith("application/fhir+json"));
        assertValid(validator, asPhysician.body(), "the physician's export");
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, asPhysician.body());
        assertEquals(Bundle.BundleType.COLLECTION, bundle.getType());
        Map<String, Long> types = types(bundle);
        System.out.println("FHIR export of the physician: " + bundle.getEntry().size() + " resources " + types);
        assertEquals(1L, types.get("Patient"), types.toString());
        assertEquals(1L, types.get("EpisodeOfCare"), types.toString());
        assertEquals(1L, types.get("CarePlan"), types.toString());
        assertEquals(1L, types.get("Procedure"), "the injection: " + types);
        assertEquals(1L, types.get("MedicationStatement"), "the naproxen: " + types);
        assertEquals(1L, types.get("ServiceRequest"), "the referral: " + types);
        assertTrue(types.get("Flag") >= 2 && types.get("Flag").equals(types.get("DetectedIssue")), "a Flag and a DetectedIssue per flag: " + types);
        assertTrue(types.get("QuestionnaireResponse") >= 5, "intake + its ODI + the visits' ODIs: " + types);
        assertTrue(types.get("Observation") >= 8, "pain and ODI of intake and visits, and the check-in's pain: " + types);
        CarePlan plan = (CarePlan) bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(r -> r instanceof CarePlan).findFirst().orElseThrow();
        assertEquals(6, plan.getActivity().size(), "one activity per intervention");
        org.hl7.fhir.r4.model.Patient patient = (org.hl7.fhir.r4.model.Patient) bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource).filter(r -> r instanceof org.hl7.fhir.r4.model.Patient).findFirst().orElseThrow();
        assertTrue(patient.getTelecom().stream().anyMatch(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE
                && t.getUse() == ContactPoint.ContactPointUse.MOBILE && Clinic.PHONE_E164.equals(t.getValue())), "the mobile in E.164");
        assertEquals(1, patient.getContact().size(), "the emergency contact");
        org.hl7.fhir.r4.model.Patient.ContactComponent contact = patient.getContactFirstRep();
        assertEquals("http://terminology.hl7.org/CodeSystem/v2-0131", contact.getRelationshipFirstRep().getCodingFirstRep().getSystem());
        assertEquals("C", contact.getRelationshipFirstRep().getCodingFirstRep().getCode());
        assertEquals("Vincent Hopper", contact.getName().getText());
        assertEquals("+442079460999", contact.getTelecomFirstRep().getValue());
        String json = asPhysician.body();
        assertTrue(json.contains("\"code\":\"72514-3\""), "pain as LOINC 72514-3");
        List<Observation> grades = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(r -> r instanceof Observation)
                .map(r -> (Observation) r).filter(o -> o.getCode().getCodingFirstRep().getCode().startsWith("MRC-")).toList();
        assertEquals(2, grades.size(), "an Observation per graded myotome");
        Observation l5 = grades.stream().filter(o -> o.getCode().getCodingFirstRep().getCode().equals("MRC-L5")).findFirst().orElseThrow();
        assertEquals(4, l5.getValueIntegerType().getValue());
        assertEquals("L5 (big toe extension), left side", l5.getBodySite().getText());
        assertEquals("Toe walking weaker on the left", l5.getNoteFirstRep().getText(), "the visit's notes go with its grades");
        assertTrue(json.contains("entered-in-error") && json.contains("Entered on the wrong patient"), "the voided visit, with its reason");
        assertTrue(json.contains("Same-day MRI and spinal surgeon"), "the referral's reason");
        assertTrue(json.contains("Conservative care continued until " + TODAY.plusDays(14)), "the CONTINUE decision");
        assertTrue(Clinic.number(databaseUrl, "SELECT count(*) FROM audit_event WHERE action = 'EXPORT' AND record_type = 'EpisodeOfCare'"
                + " AND record_id = ?", episode) >= 1, "the export is audited");

        HttpResponse<String> asPhysio = api.api("GET", "api/v1/episodes/" + episode + "/fhir", null, physio, PASSWORD);
        assertEquals(200, asPhysio.statusCode());
        assertValid(validator, asPhysio.body(), "the physiotherapist's export");

        HttpResponse<String> asPatient = api.api("GET", "api/v1/episodes/" + episode + "/fhir", null, patientEmail, PASSWORD);
        assertEquals(200, asPatient.statusCode(), asPatient.body());
        assertValid(validator, asPatient.body(), "the patient's own export");
        Map<String, Long> own = types(FHIR.newJsonParser().parseResource(Bundle.class, asPatient.body()));
        assertTrue(!own.containsKey("Flag") && !own.containsKey("DetectedIssue") && !own.containsKey("ServiceRequest"),
                "escalation is staff information, as in the flags API: " + own);

        String stranger = "fhir-other-" + run + "@example.org";
        Clinic.registerPatient(base, stranger, PASSWORD, "Other", "Person", "1970-01-01", "MALE");
        assertEquals(404, api.api("GET", "api/v1/episodes/" + episode + "/fhir", null, stranger, PASSWORD).statusCode(),
                "another patient's episode does not exist for them");
        assertEquals(401, api.api("GET", "api/v1/episodes/" + episode + "/fhir", null, null, null).statusCode());
        assertEquals(404, api.api("GET", "api/v1/episodes/999999/fhir", null, physician, PASSWORD).statusCode());
        assertEquals(404, api.api("GET", "api/v1/fhir/Questionnaire/no-such", null, physio, PASSWORD).statusCode());
    }

    /** The code systems the application serves (any signed-in user may read them), each itself valid R4. */
    private List<CodeSystem> codeSystems(WebSession api, String user) {
        FhirValidator plain = validator(List.of(), List.of());
        List<CodeSystem> systems = List.of("escalation-rule", "intervention-type", "measure").stream().map(name -> {
            HttpResponse<String> served = api.api("GET", "api/v1/fhir/CodeSystem/" + name, null, user, PASSWORD);
            assertEquals(200, served.statusCode(), name + ": " + served.body());
            assertValid(plain, served.body(), "CodeSystem " + name);
            return FHIR.newJsonParser().parseResource(CodeSystem.class, served.body());
        }).toList();
        assertEquals(404, api.api("GET", "api/v1/fhir/CodeSystem/no-such", null, user, PASSWORD).statusCode());
        return systems;
    }

    /** The questionnaires the application serves, each itself valid R4. */
    private List<Questionnaire> questionnaires(WebSession api, String user) {
        FhirValidator plain = validator(List.of(), List.of());
        return List.of("spine-intake", "odi", "ndi").stream().map(name -> {
            HttpResponse<String> served = api.api("GET", "api/v1/fhir/Questionnaire/" + name, null, user, PASSWORD);
            assertEquals(200, served.statusCode(), name + ": " + served.body());
            assertValid(plain, served.body(), "Questionnaire " + name);
            return FHIR.newJsonParser().parseResource(Questionnaire.class, served.body());
        }).toList();
    }

    /** R4 core profiles and terminology, and the application's questionnaires, so responses are checked against them. */
    private static FhirValidator validator(List<Questionnaire> questionnaires, List<CodeSystem> codeSystems) {
        PrePopulatedValidationSupport published = new PrePopulatedValidationSupport(FHIR);
        codeSystems.forEach(published::addCodeSystem);
        Map<String, Questionnaire> byUrl = questionnaires.stream().collect(Collectors.toMap(Questionnaire::getUrl, q -> q));
        IValidationSupport ours = new IValidationSupport() {
            @Override
            public FhirContext getFhirContext() {
                return FHIR;
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
                return type == null || type.isAssignableFrom(Questionnaire.class) ? (T) byUrl.get(url) : null;
            }
        };
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR), published,
                new InMemoryTerminologyServerValidationSupport(FHIR), new CommonCodeSystemsTerminologyService(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR), ours);
        FhirValidator validator = FHIR.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(chain));
        return validator;
    }

    private static void assertValid(FhirValidator validator, String json, String what) {
        ValidationResult result = validator.validateWithResult(json);
        List<SingleValidationMessage> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL).toList();
        // The warnings are listed in the build log, for the closing note and the README.
        result.getMessages().stream().filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING)
                .map(m -> m.getMessage().replaceAll("Bundle\\.entry\\[\\d+\\]", "Bundle.entry[n]"))
                .distinct().forEach(m -> System.out.println("FHIR validator warning (" + what + "): " + m));
        assertTrue(errors.isEmpty(), what + ": " + errors.stream().map(m -> m.getLocationString() + ": " + m.getMessage())
                .collect(Collectors.joining("\n")));
    }

    private static Map<String, Long> types(Bundle bundle) {
        return bundle.getEntry().stream().collect(Collectors.groupingBy(e -> e.getResource().fhirType(), TreeMap::new, Collectors.counting()));
    }
}
