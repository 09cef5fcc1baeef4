package org.spinepathway.platform.boundary.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.Http;
import org.spinepathway.testing.WebSession;

/**
 * {@code /openapi} as Payara serves it from a fresh boot: the first call answers the whole
 * document (it once answered 500, then a document without its header or half its calls), valid
 * for a real OpenAPI validator, describing every call of the API contract (api.md).
 * <p>
 * The first method must be the first request the server gets, so the order is fixed here; the
 * other methods hold whatever the order.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiIT {

    /** The calls of api.md's table, as it writes them; path parameters are compared without their names. */
    static final List<String> API_MD_CALLS = List.of(
            "POST /staff",
            "POST /patients",
            "GET /patients/{id}",
            "POST /patients/{patientId}/episodes",
            "POST /episodes/{id}/intake",
            "POST /episodes/{id}/plan",
            "POST /episodes/{id}/interventions",
            "POST /episodes/{id}/assessments",
            "GET /episodes/{id}",
            "GET /episodes/{id}/flags",
            "POST /flags/{id}/decision",
            "POST /flags/{id}/acknowledgements",
            "GET /worklist",
            "POST /escalation/evaluations",
            "POST /follow-up/invitations",
            "GET /follow-up/completion");

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ClinicDeployment.onNewDatabase("openapi");
    }

    @Test
    @Order(1)
    void firstCallAfterBoot_shouldAnswerTheWholeDocument_validForTheOpenApiParser() throws Exception {
        // Payara builds the document on this call, reading the class model of the whole WAR first:
        // seconds, and more than Http.get waits for on a loaded two-core machine.
        HttpRequest request = HttpRequest.newBuilder(Http.resolve(base, "/openapi")).timeout(Duration.ofSeconds(120)).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        OpenAPI served = valid(response.body());
        assertTrue(served.getOpenapi().startsWith("3.0."), served.getOpenapi());
        assertEquals("Spine Pathway JSON API", served.getInfo().getTitle());
        assertEquals(OpenApiCalls.of(valid(OpenApiDocumentTest.staticDocument())), OpenApiCalls.of(served),
                "the served calls are the static document's");
    }

    @Test
    @Order(2)
    void servedDocument_shouldDescribeEveryCallOfTheApiContract() {
        Set<String> served = OpenApiCalls.of(valid(Http.get(base, "/openapi").body())).stream()
                .map(OpenApiIT::withoutParameterNames).collect(Collectors.toCollection(TreeSet::new));
        for (String call : API_MD_CALLS) {
            String[] methodAndPath = call.split(" ");
            String expected = withoutParameterNames(methodAndPath[0] + " /api/v1" + methodAndPath[1]);
            assertTrue(served.contains(expected), call + " is described; served: " + served);
        }
    }

    @Test
    @Order(3)
    void servedDocument_shouldKeepTheSchemasThePayaraModelReadsIn() {
        OpenAPI served = valid(Http.get(base, "/openapi").body());
        OpenAPI source = valid(OpenApiDocumentTest.staticDocument());
        assertEquals(source.getComponents().getSchemas().keySet(), served.getComponents().getSchemas().keySet());
        Schema<?> injection = schema(served, "InjectionDetails");
        assertEquals(Set.of("kind", "level", "givenOn"), Set.copyOf(injection.getRequired()));
        assertEquals(Boolean.FALSE, injection.getAdditionalProperties(), "details of other types are refused");
        Schema<?> intervention = schema(served, "Intervention");
        assertNotNull(intervention.getDiscriminator(), "the intervention's discriminator is served");
        assertEquals("#/components/schemas/InjectionIntervention", intervention.getDiscriminator().getMapping().get("INJECTION"));
        Schema<?> pain = schema(served, "PainScore");
        assertEquals(0, pain.getMinimum().intValue());
        assertEquals(10, pain.getMaximum().intValue());
        Schema<?> answers = schema(served, "Disability").getProperties().get("answers");
        assertEquals(Boolean.TRUE, answers.getItems().getNullable(), "an unanswered section is null");
        assertEquals("basic", served.getComponents().getSecuritySchemes().get("basicAuth").getScheme());
        assertTrue(served.getServers() != null && !served.getServers().isEmpty(), "Payara adds the server's address");
    }

    @Test
    @Order(4)
    void realCalls_shouldAnswerAsTheirSchemasSay_andRefuseTheBodiesTheSchemasRefuse() {
        SchemaCheck check = new SchemaCheck(valid(Http.get(base, "/openapi").body()));
        WebSession api = new WebSession(base);
        answered(check, "Created", 201, api.api("POST", "api/v1/staff", ApiExamples.STAFF, ClinicDeployment.ADMIN_USERNAME,
                ClinicDeployment.ADMIN_PASSWORD));
        String physio = "oa.physio";
        String password = "Physio-pass-2026";
        long patient = Clinic.idOf(answered(check, "PatientCreated", 201, api.api("POST", "api/v1/patients", ApiExamples.PATIENT, physio, password)));
        answered(check, "Patient", 200, api.api("GET", "api/v1/patients/" + patient, null, physio, password));
        String episode = "api/v1/episodes/" + Clinic.idOf(answered(check, "EpisodeCreated", 201,
                api.api("POST", "api/v1/patients/" + patient + "/episodes", ApiExamples.EPISODE, physio, password)));

        for (ApiExamples.Example refused : ApiExamples.REFUSED_INTAKES) {
            refused(check, api.api("POST", episode + "/intake", refused.json(), physio, password), refused.json());
        }
        answered(check, "IntakeSubmitted", 201, api.api("POST", episode + "/intake", ApiExamples.INTAKE, physio, password));
        answered(check, "Created", 201, api.api("POST", episode + "/plan", ApiExamples.PLAN, physio, password));
        for (ApiExamples.Example refused : ApiExamples.REFUSED_INTERVENTIONS) {
            refused(check, api.api("POST", episode + "/interventions", refused.json(), physio, password), refused.json());
        }
        answered(check, "Created", 201, api.api("POST", episode + "/interventions", ApiExamples.MEDICATION, physio, password));
        answered(check, "Created", 201, api.api("POST", episode + "/interventions", ApiExamples.REST, physio, password));
        for (ApiExamples.Example refused : ApiExamples.REFUSED_ASSESSMENTS) {
            refused(check, api.api("POST", episode + "/assessments", refused.json(), physio, password), refused.json());
        }
        answered(check, "AssessmentRecorded", 201, api.api("POST", episode + "/assessments", ApiExamples.ASSESSMENT, physio, password));

        String chart = answered(check, "Episode", 200, api.api("GET", episode, null, physio, password));
        assertTrue(chart.contains("\"givenOn\""), "the plan's injection is in the episode: " + chart);
        HttpResponse<String> flags = api.api("GET", episode + "/flags", null, physio, password);
        assertEquals(200, flags.statusCode(), flags.body());
        assertEquals(List.of(), check.problemsOfItems("Flag", flags.body()), flags.body());
        assertTrue(flags.body().contains("RED_FLAG"), "the intake's saddle numbness raised a flag: " + flags.body());
        answered(check, "Errors", 401, api.api("GET", episode, null, null, null));
    }

    @Test
    @Order(5)
    void servedDocument_shouldBeJson_whenAskedForJson() {
        HttpResponse<String> json = new WebSession(base).api("GET", "/openapi", null, null, null);
        assertEquals(200, json.statusCode(), json.body());
        assertTrue(json.body().strip().startsWith("{"), json.body());
        assertEquals(OpenApiCalls.of(valid(Http.get(base, "/openapi").body())), OpenApiCalls.of(valid(json.body())));
    }

    private static void refused(SchemaCheck check, HttpResponse<String> response, String sent) {
        assertEquals(400, response.statusCode(), "the server took " + sent + ": " + response.body());
        assertEquals(List.of(), check.problems("Errors", response.body()), response.body());
    }

    /** The answer's body, after its status and its schema were checked. */
    private static String answered(SchemaCheck check, String schema, int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.request().method() + " " + response.uri() + ": " + response.body());
        assertEquals(List.of(), check.problems(schema, response.body()), schema + ": " + response.body());
        return response.body();
    }

    private static Schema<?> schema(OpenAPI document, String name) {
        Schema<?> schema = document.getComponents().getSchemas().get(name);
        assertNotNull(schema, "schema " + name);
        return schema;
    }

    private static OpenAPI valid(String document) {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, null);
        assertEquals(List.of(), result.getMessages(), "the OpenAPI parser's messages");
        assertNotNull(result.getOpenAPI(), document);
        return result.getOpenAPI();
    }

    private static String withoutParameterNames(String call) {
        return call.replaceAll("\\{[^}]+}", "{}");
    }
}
