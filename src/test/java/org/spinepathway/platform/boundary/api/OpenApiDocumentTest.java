package org.spinepathway.platform.boundary.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.ws.rs.HttpMethod;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.junit.jupiter.api.Test;
import org.spinepathway.care.boundary.CareRequests;
import org.spinepathway.care.boundary.EpisodeCareResource;
import org.spinepathway.care.boundary.EpisodeResource;
import org.spinepathway.care.control.CareCheck;
import org.spinepathway.care.entity.EpisodeState;
import org.spinepathway.care.entity.InterventionStatus;
import org.spinepathway.care.entity.InterventionType;
import org.spinepathway.care.entity.Side;
import org.spinepathway.care.entity.SpineRegion;
import org.spinepathway.escalation.boundary.EvaluationResource;
import org.spinepathway.escalation.boundary.FlagResources;
import org.spinepathway.escalation.entity.ContactMethod;
import org.spinepathway.escalation.entity.FlagPriority;
import org.spinepathway.escalation.entity.FlagRule;
import org.spinepathway.escalation.entity.FlagStatus;
import org.spinepathway.intake.boundary.IntakeResource;
import org.spinepathway.intake.control.IntakeCheck;
import org.spinepathway.intake.entity.DisabilityInstrument;
import org.spinepathway.intake.entity.RedFlag;
import org.spinepathway.patient.boundary.NewPatient;
import org.spinepathway.patient.boundary.PatientResource;
import org.spinepathway.patient.entity.Sex;
import org.spinepathway.platform.control.FieldError;
import org.spinepathway.security.boundary.NewStaffAccount;
import org.spinepathway.security.boundary.StaffResource;

/**
 * The hand-written {@code META-INF/openapi.yaml} against the code, without a server: a valid
 * OpenAPI 3 document, every JAX-RS call documented and nothing else, every request and answer
 * record with exactly its schema's properties, and the code's vocabularies as the schemas' enums.
 */
class OpenApiDocumentTest {

    private static final String API_BASE = "/api/v1";

    private static final OpenAPI DOCUMENT = parse();

    private static OpenAPI parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(staticDocument(), null, options);
        assertEquals(List.of(), result.getMessages(), "the OpenAPI parser's messages");
        assertNotNull(result.getOpenAPI());
        return result.getOpenAPI();
    }

    static String staticDocument() {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            assertNotNull(in, "META-INF/openapi.yaml is on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void document_shouldBeValidOpenApi3_withItsHeader() {
        assertTrue(DOCUMENT.getOpenapi().startsWith("3.0."), DOCUMENT.getOpenapi());
        assertEquals("Spine Pathway JSON API", DOCUMENT.getInfo().getTitle());
        assertNotNull(DOCUMENT.getInfo().getVersion());
        assertEquals("basic", DOCUMENT.getComponents().getSecuritySchemes().get("basicAuth").getScheme());
    }

    @Test
    void document_shouldDescribeEveryCallOfTheJaxRsResources_andNoOther() throws Exception {
        assertEquals(resourceCalls(), OpenApiCalls.of(DOCUMENT));
    }

    @Test
    void everyCall_shouldAnswer401WithoutCredentials_andEveryBodyCall400ForBadInput() {
        DOCUMENT.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String call = method + " " + path;
            assertTrue(operation.getResponses().containsKey("401"), call + " documents 401");
            assertTrue(operation.getResponses().keySet().stream().anyMatch(s -> s.startsWith("2")), call + " documents its success");
            if (operation.getRequestBody() != null) {
                assertTrue(operation.getResponses().containsKey("400"), call + " documents 400");
            }
        }));
    }

    @Test
    void everyRequestAndAnswerRecord_shouldHaveExactlyItsSchemasProperties() {
        Map<Class<?>, String> schemaOf = new LinkedHashMap<>();
        schemaOf.put(NewStaffAccount.class, "NewStaffAccount");
        schemaOf.put(StaffResource.Created.class, "Created");
        schemaOf.put(NewPatient.class, "NewPatient");
        schemaOf.put(PatientResource.Created.class, "PatientCreated");
        schemaOf.put(PatientResource.PatientView.class, "Patient");
        schemaOf.put(EpisodeResource.NewEpisode.class, "NewEpisode");
        schemaOf.put(EpisodeResource.Created.class, "EpisodeCreated");
        schemaOf.put(IntakeResource.IntakeRequest.class, "Intake");
        schemaOf.put(IntakeResource.Disability.class, "Disability");
        schemaOf.put(IntakeResource.Symptoms.class, "Symptoms");
        schemaOf.put(IntakeResource.Submitted.class, "IntakeSubmitted");
        schemaOf.put(IntakeResource.Flag.class, "FlagRaised");
        schemaOf.put(CareRequests.Plan.class, "Plan");
        schemaOf.put(CareRequests.Intervention.class, "InterventionCommon");
        schemaOf.put(CareRequests.Assessment.class, "Assessment");
        schemaOf.put(CareRequests.Disability.class, "Disability");
        schemaOf.put(CareRequests.Motor.class, "MotorGrade");
        schemaOf.put(EpisodeCareResource.Created.class, "Created");
        schemaOf.put(EpisodeCareResource.Recorded.class, "AssessmentRecorded");
        schemaOf.put(EpisodeCareResource.FlagView.class, "FlagRaised");
        schemaOf.put(EpisodeCareResource.VoidRequest.class, "VoidRequest");
        schemaOf.put(EpisodeCareResource.Voided.class, "Voided");
        schemaOf.put(EpisodeCareResource.EpisodeView.class, "Episode");
        schemaOf.put(EpisodeCareResource.BaselineView.class, "Baseline");
        schemaOf.put(EpisodeCareResource.PlanView.class, "PlanView");
        schemaOf.put(EpisodeCareResource.InterventionView.class, "InterventionView");
        schemaOf.put(EpisodeCareResource.AssessmentView.class, "AssessmentView");
        schemaOf.put(EpisodeCareResource.MotorView.class, "MotorGrade");
        schemaOf.put(FlagResources.FlagView.class, "Flag");
        schemaOf.put(FlagResources.Decisions.DecisionRequest.class, "Decision");
        schemaOf.put(FlagResources.Decisions.AcknowledgementRequest.class, "Acknowledgement");
        schemaOf.put(FlagResources.Decisions.Created.class, "Created");
        schemaOf.put(EvaluationResource.EvaluationRequest.class, "EvaluationRequest");
        schemaOf.put(EvaluationResource.EvaluationResult.class, "EvaluationResult");
        schemaOf.put(ApiErrors.class, "Errors");
        schemaOf.put(FieldError.class, "FieldError");

        schemaOf.forEach((record, schema) -> assertEquals(
                Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(schema(schema).getProperties().keySet()),
                record.getName() + " and schema " + schema));
    }

    @Test
    void schemaEnums_shouldBeTheCodesVocabularies() {
        assertEnum("Sex", names(Sex.values()));
        assertEnum("Region", names(SpineRegion.values()));
        assertEnum("EpisodeState", names(EpisodeState.values()));
        assertEquals(names(Side.values()), enumOf(schema("NewEpisode").getProperties().get("side")));
        assertEnum("InterventionType", names(InterventionType.values()));
        assertEnum("InterventionStatus", names(InterventionStatus.values()));
        assertEnum("FlagRule", names(FlagRule.values()));
        assertEnum("FlagPriority", names(FlagPriority.values()));
        assertEnum("FlagStatus", names(FlagStatus.values()));
        assertEquals(names(ContactMethod.values()), enumOf(schema("Acknowledgement").getProperties().get("method")));
        assertEquals(names(DisabilityInstrument.values()), enumOf(schema("Disability").getProperties().get("instrument")));
        assertEquals(new TreeSet<>(CareCheck.INJECTION_KINDS), enumOf(schema("InjectionDetails").getProperties().get("kind")));
        Set<String> myotomes = new TreeSet<>(CareCheck.CERVICAL_MYOTOMES);
        myotomes.addAll(CareCheck.LUMBAR_MYOTOMES);
        assertEnum("Myotome", myotomes);
        assertEquals(Arrays.stream(RedFlag.values()).map(RedFlag::code).collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(schema("RedFlags").getProperties().keySet()));
        assertEnum("Area", IntakeCheck.AREAS);
        assertEnum("Level", IntakeCheck.LEVELS);
        assertEquals(new TreeSet<>(IntakeCheck.NERVE_LOCATIONS), enumOf(schema("NerveLocations").getItems()));
        assertEquals(new TreeSet<>(IntakeCheck.MEDICATIONS), enumOf(schema("Intake").getProperties().get("medications").getItems()));
        assertEquals(new TreeSet<>(IntakeCheck.TREATMENTS), enumOf(schema("Intake").getProperties().get("priorTreatments").getItems()));
        assertEquals(new TreeSet<>(IntakeCheck.IMAGING), enumOf(schema("Intake").getProperties().get("imaging").getItems()));
        assertEquals(new TreeSet<>(IntakeCheck.WORK), enumOf(schema("Intake").getProperties().get("workStatus")));
    }

    @Test
    void intervention_shouldRequireTheDetailsOfItsType_byDiscriminator() {
        Schema<?> intervention = schema("Intervention");
        assertEquals("type", intervention.getDiscriminator().getPropertyName());
        assertEquals(names(InterventionType.values()), new TreeSet<>(intervention.getDiscriminator().getMapping().keySet()));
        assertEquals(intervention.getDiscriminator().getMapping().size(), intervention.getOneOf().size());
        assertEquals(Set.of("kind", "level", "givenOn"), Set.copyOf(schema("InjectionDetails").getRequired()));
        assertEquals(Set.of("programme", "sessionsPerWeek"), Set.copyOf(schema("PhysicalTherapyDetails").getRequired()));
        assertEquals(Set.of("drug"), Set.copyOf(schema("MedicationDetails").getRequired()));
        Schema<?> sessions = schema("PhysicalTherapyDetails").getProperties().get("sessionsPerWeek");
        assertEquals(1, sessions.getMinimum().intValue());
        assertEquals(14, sessions.getMaximum().intValue());
        for (String details : List.of("InstructionsDetails", "PhysicalTherapyDetails", "MedicationDetails", "InjectionDetails", "ManipulationDetails")) {
            assertEquals(Boolean.FALSE, schema(details).getAdditionalProperties(), details + " refuses details of other types");
        }
    }

    @Test
    void scales_shouldCarryTheirRanges() {
        assertRange(schema("PainScore"), 0, 10);
        assertRange(schema("MrcGrade"), 0, 5);
        Schema<?> answer = schema("Disability").getProperties().get("answers").getItems();
        assertRange(answer, 0, 5);
        assertTrue(Boolean.TRUE.equals(answer.getNullable()), "an unanswered ODI/NDI section is null");
        assertEquals(10, schema("Disability").getProperties().get("answers").getMinItems());
        assertEquals(10, schema("Disability").getProperties().get("answers").getMaxItems());
    }

    @Test
    void schemas_shouldTakeTheReadmesExamples() {
        SchemaCheck check = new SchemaCheck(DOCUMENT);
        for (ApiExamples.Example example : ApiExamples.TAKEN) {
            assertEquals(List.of(), check.problems(example.schema(), example.json()), example.json());
        }
    }

    @Test
    void schemas_shouldRefuseWhatTheServerRefuses() {
        SchemaCheck check = new SchemaCheck(DOCUMENT);
        for (List<ApiExamples.Example> refused : List.of(ApiExamples.REFUSED_INTAKES, ApiExamples.REFUSED_INTERVENTIONS,
                ApiExamples.REFUSED_ASSESSMENTS, ApiExamples.NOT_INTEGERS)) {
            for (ApiExamples.Example example : refused) {
                assertTrue(!check.problems(example.schema(), example.json()).isEmpty(), example.schema() + " takes " + example.json());
            }
        }
    }

    private static void assertRange(Schema<?> schema, int min, int max) {
        assertEquals("integer", schema.getType());
        assertEquals(min, schema.getMinimum().intValue());
        assertEquals(max, schema.getMaximum().intValue());
    }

    private static void assertEnum(String schema, Set<String> expected) {
        assertEquals(new TreeSet<>(expected), enumOf(schema(schema)), schema);
    }

    private static Set<String> enumOf(Schema<?> schema) {
        assertNotNull(schema.getEnum(), "an enum");
        return schema.getEnum().stream().map(String::valueOf).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("rawtypes")
    private static Schema<?> schema(String name) {
        Schema schema = DOCUMENT.getComponents().getSchemas().get(name);
        assertNotNull(schema, "schema " + name);
        return schema;
    }

    /** "POST /api/v1/staff" for every resource method of every JAX-RS resource in the WAR's classes. */
    static Set<String> resourceCalls() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(ApiApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(classes::relativize).map(Path::toString).filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.')).toList();
        }
        Set<String> calls = new TreeSet<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, ApiApplication.class.getClassLoader());
            jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
                    if (http != null) {
                        jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                        calls.add(http.value() + " " + join(API_BASE, root.value(), sub == null ? "" : sub.value()));
                    }
                }
            }
        }
        assertTrue(calls.size() > 10, "the resources were found: " + calls);
        return calls;
    }

    private static String join(String... parts) {
        String path = Arrays.stream(parts).filter(p -> !p.isEmpty()).map(p -> p.replaceAll("^/+|/+$", ""))
                .collect(Collectors.joining("/", "/", ""));
        return path.replace("//", "/");
    }
}
