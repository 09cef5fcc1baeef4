package org.spinepathway.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.WebSession;

/**
 * Integer fields take a number only as it was written (issue 18): a pain score of 7.5 was stored
 * as 7, an MRC grade of 1e308 as 0 (and raised an URGENT motor decline), 9223372036854775808 as
 * 0. Every integer field of every API body refuses fractions, exponents, numbers beyond its type
 * and numbers sent as text with a 400 naming it and stores nothing; what is taken is stored as
 * sent; the pages refuse the same with a message next to the field.
 */
@ExtendWith(ArquillianExtension.class)
class ExactNumbersIT {

    private static final String PASSWORD = "Exact-numbers-pass-1";
    private static final LocalDate TODAY = LocalDate.now();
    /** Fractions, exponents, 2^31, 2^32 + 7, 2^63, -2^63 - 1, numbers as text. */
    private static final List<String> INEXACT = List.of("2.9", "5.0", "0.5", "1e0", "1E2", "1e308", "2147483648", "4294967303",
            "9223372036854775808", "-9223372036854775809", "\"3\"", "\"7.5\"");
    private static final List<String> STORED = List.of("intake", "treatment_plan", "intervention", "assessment", "motor_grade", "escalation_flag");

    private static String databaseUrl;

    @ArquillianResource
    URL base;

    private WebSession api;
    private String physio;

    @Deployment(testable = false)
    static WebArchive deployment() {
        databaseUrl = EmbeddedDatabase.get().createDatabase("exact_numbers");
        return ClinicDeployment.onDatabase(databaseUrl);
    }

    @BeforeEach
    void physiotherapist() {
        api = new WebSession(base);
        physio = "physio-" + UUID.randomUUID().toString().substring(0, 8);
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Ivy Integer");
    }

    /** A body, where it goes, and the JSON pointers of its integer fields with the field name the 400 must give. */
    private record Call(String name, String path, String body, Map<String, String> integerFields) {
    }

    @Test
    void inexactNumbers_inEveryIntegerFieldOfEveryBody_shouldAnswer400NamingTheField_andStoreNothing() throws Exception {
        long forIntake = episode();
        long forPlan = episodeWithIntake();
        long inCare = episodeInCare();
        List<Call> calls = List.of(
                new Call("intake", "api/v1/episodes/" + forIntake + "/intake", """
                        {"submittedOn":"%s","painNow":6,"painWorst":8,"disability":{"instrument":"ODI","answers":[2,1,3,2,1,2,1,2,2,2]},
                         "startBack":[0,1,0,1,0,1,0,1,2]}""".formatted(TODAY),
                        ordered("/painNow", "painNow", "/painWorst", "painWorst", "/disability/answers/3", "disability.answers", "/startBack/8", "startBack")),
                new Call("plan", "api/v1/episodes/" + forPlan + "/plan", """
                        {"startDate":"%s","reviewDate":"%s","goals":"Walk","interventions":[{"type":"PHYSICAL_THERAPY","startDate":"%s","status":"ACTIVE",
                         "details":{"programme":"Core","sessionsPerWeek":3}}]}""".formatted(TODAY, TODAY.plusWeeks(6), TODAY),
                        ordered("/interventions/0/details/sessionsPerWeek", "interventions.details.sessionsPerWeek")),
                new Call("therapy", "api/v1/episodes/" + inCare + "/interventions", """
                        {"type":"PHYSICAL_THERAPY","startDate":"%s","status":"ACTIVE","details":{"programme":"Core","sessionsPerWeek":2}}""".formatted(TODAY),
                        ordered("/details/sessionsPerWeek", "details.sessionsPerWeek")),
                new Call("manipulation", "api/v1/episodes/" + inCare + "/interventions", """
                        {"type":"MANIPULATION","startDate":"%s","status":"ACTIVE","details":{"sessions":6}}""".formatted(TODAY),
                        ordered("/details/sessions", "details.sessions")),
                new Call("assessment", "api/v1/episodes/" + inCare + "/assessments", """
                        {"date":"%s","source":"CLINICIAN","nrs":5,"disability":{"instrument":"ODI","answers":[2,2,2,2,2,2,2,2,2,2]},
                         "motor":[{"myotome":"L5","side":"LEFT","grade":5}]}""".formatted(TODAY),
                        ordered("/nrs", "nrs", "/disability/answers/0", "disability.answers", "/motor/0/grade", "motor.grade")));
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Call call : calls) {
            for (Map.Entry<String, String> field : call.integerFields().entrySet()) {
                for (String value : INEXACT) {
                    String before = fingerprint();
                    String body = replaced(call.body(), field.getKey(), value);
                    HttpResponse<String> answer = api.api("POST", call.path(), body, physio, PASSWORD);
                    sent++;
                    String what = call.name() + " " + field.getKey() + "=" + value + " -> " + answer.statusCode() + " " + answer.body();
                    if (answer.statusCode() != 400) {
                        wrong.add(what);
                    } else if (!field.getValue().equals(withoutIndexes(firstError(answer.body()).getString("field", null)))) {
                        wrong.add("not named " + field.getValue() + ": " + what);
                    } else if (!before.equals(fingerprint())) {
                        wrong.add("stored although refused: " + what);
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + sent + " wrong:\n" + String.join("\n", wrong));
        // The templates themselves are taken, so the refusals were for the numbers alone.
        for (Call call : calls) {
            HttpResponse<String> taken = api.api("POST", call.path(), call.body(), physio, PASSWORD);
            assertEquals(201, taken.statusCode(), call.name() + ": " + taken.body());
        }
    }

    @Test
    void integersWrittenExactly_shouldBeStoredAsSent() throws Exception {
        long episode = episode();
        HttpResponse<String> intake = api.api("POST", "api/v1/episodes/" + episode + "/intake", """
                {"submittedOn":"%s","painNow":0,"painWorst":10,"disability":{"instrument":"ODI","answers":[5,0,4,-0,3,null,2,1,5,0]},
                 "startBack":[1,0,1,0,1,0,1,0,4]}""".formatted(TODAY.minusWeeks(2)), physio, PASSWORD);
        assertEquals(201, intake.statusCode(), intake.body());
        assertEquals("0 10", Clinic.text(databaseUrl, "SELECT pain_now || ' ' || pain_worst FROM intake WHERE episode_id = ?", episode));
        JsonObject answers = read(Clinic.text(databaseUrl, "SELECT answers FROM intake WHERE episode_id = ?", episode));
        assertEquals("[5,0,4,0,3,null,2,1,5,0]", answers.get("disabilityAnswers").toString());
        assertEquals("[1,0,1,0,1,0,1,0,4]", answers.get("startBack").toString());
        assertEquals("0", answers.get("painNow").toString());
        assertEquals("10", answers.get("painWorst").toString());

        plan(episode);
        HttpResponse<String> therapy = api.api("POST", "api/v1/episodes/" + episode + "/interventions", """
                {"type":"PHYSICAL_THERAPY","startDate":"%s","status":"ACTIVE","details":{"programme":"Core","sessionsPerWeek":14}}""".formatted(TODAY),
                physio, PASSWORD);
        assertEquals(201, therapy.statusCode(), therapy.body());
        assertEquals(14, object(Clinic.text(databaseUrl, "SELECT details FROM intervention WHERE id = ?", Clinic.idOf(therapy.body())))
                .getJsonNumber("sessionsPerWeek").intValueExact());

        HttpResponse<String> visit = api.api("POST", "api/v1/episodes/" + episode + "/assessments", """
                {"date":"%s","source":"CLINICIAN","nrs":10,"disability":{"instrument":"ODI","answers":[0,5,1,4,2,3,null,0,5,1]},
                 "motor":[{"myotome":"L5","side":"LEFT","grade":0},{"myotome":"S1","side":"RIGHT","grade":5}]}""".formatted(TODAY), physio, PASSWORD);
        assertEquals(201, visit.statusCode(), visit.body());
        long assessment = Clinic.idOf(visit.body());
        assertEquals("10 0,5,1,4,2,3,,0,5,1", Clinic.text(databaseUrl, "SELECT nrs || ' ' || disability_answers FROM assessment WHERE id = ?", assessment));
        assertEquals("L5 LEFT 0, S1 RIGHT 5", Clinic.text(databaseUrl,
                "SELECT string_agg(myotome || ' ' || side || ' ' || grade, ', ' ORDER BY myotome) FROM motor_grade WHERE assessment_id = ?", assessment));
        // And the API reads back what it stored.
        JsonObject chart = read(api.api("GET", "api/v1/episodes/" + episode, null, physio, PASSWORD).body());
        JsonObject recorded = chart.getJsonArray("assessments").stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getJsonNumber("id").longValueExact() == assessment).findFirst().orElseThrow();
        assertEquals(10, recorded.getInt("nrs"));
        assertEquals(List.of("L5 LEFT 0", "S1 RIGHT 5"), recorded.getJsonArray("motor").stream().map(JsonValue::asJsonObject)
                .map(m -> m.getString("myotome") + " " + m.getString("side") + " " + m.getInt("grade")).sorted().toList());
    }

    @Test
    void anMrcGradeOf1e308_shouldBeRefused_andRaiseNoMotorDecline_whileARealDeclineStillDoes() throws Exception {
        long episode = episodeInCare();
        String grade = "{\"date\":\"" + TODAY + "\",\"source\":\"CLINICIAN\",\"nrs\":5,\"motor\":[{\"myotome\":\"L5\",\"side\":\"LEFT\",\"grade\":%s}]}";
        assertEquals(201, api.api("POST", "api/v1/episodes/" + episode + "/assessments", grade.formatted("5"), physio, PASSWORD).statusCode());
        for (String inexact : List.of("1e308", "4294967296", "4.9", "\"0\"")) {
            HttpResponse<String> refused = api.api("POST", "api/v1/episodes/" + episode + "/assessments", grade.formatted(inexact), physio, PASSWORD);
            assertEquals(400, refused.statusCode(), inexact + " -> " + refused.body());
            assertEquals("motor.grade", firstError(refused.body()).getString("field"), refused.body());
        }
        assertEquals(0, Clinic.number(databaseUrl, "SELECT count(*) FROM escalation_flag WHERE episode_id = ? AND rule = 'MOTOR_DECLINE'", episode));
        assertEquals("5", Clinic.text(databaseUrl, "SELECT string_agg(g.grade::text, ',') FROM motor_grade g JOIN assessment a ON a.id = g.assessment_id"
                + " WHERE a.episode_id = ?", episode));
        HttpResponse<String> weaker = api.api("POST", "api/v1/episodes/" + episode + "/assessments", grade.formatted("4"), physio, PASSWORD);
        assertEquals(201, weaker.statusCode(), weaker.body());
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM escalation_flag WHERE episode_id = ? AND rule = 'MOTOR_DECLINE'", episode));
    }

    @Test
    void thePagesNumberFields_shouldRefuseInexactNumbersNextToTheField_andStoreExactOnes() throws Exception {
        long episode = episodeInCare();
        WebSession web = new WebSession(base);
        assertEquals(302, web.signIn(physio, PASSWORD).statusCode());
        String visit = "physio/visit.xhtml?episode=" + episode;
        for (String inexact : List.of("7.5", "7.0", "1e0", "+7", "07", "2147483648", "seven")) {
            String before = fingerprint();
            HttpResponse<String> refused = web.submit(visit, "assessment", Map.of("nrs", inexact), "record");
            assertEquals(200, refused.statusCode(), inexact);
            assertTrue(refused.body().contains("ui-message-error"), inexact + ": a message next to the field");
            assertEquals(before, fingerprint(), inexact + ": nothing stored");
        }
        HttpResponse<String> taken = web.submit(visit, "assessment", Map.of("nrs", "7"), "record");
        assertTrue(taken.statusCode() == 200 || taken.statusCode() == 302, taken.statusCode() + " " + taken.body());
        assertEquals(7, Clinic.number(databaseUrl, "SELECT nrs FROM assessment WHERE episode_id = ? AND voided_at IS NULL ORDER BY id DESC LIMIT 1", episode));

        // A number input: out of range is refused with the range, not moved into it (99 sessions a week were stored as 14).
        String plan = "physio/plan.xhtml?episode=" + episode;
        Map<String, String> therapy = new LinkedHashMap<>(Map.of("type_input", "PHYSICAL_THERAPY", "newStart_input", TODAY.toString(), "newStatus_input", "ACTIVE",
                "programme", "Core"));
        for (String inexact : List.of("99", "0", "2.5", "1e1", "9223372036854775808")) {
            String before = fingerprint();
            therapy.put("sessionsPerWeek_input", inexact);
            therapy.put("sessionsPerWeek_hinput", inexact);
            HttpResponse<String> refused = web.submit(plan, "add", therapy, "addIntervention");
            assertEquals(200, refused.statusCode(), inexact);
            assertTrue(refused.body().contains("ui-message-error"), inexact + ": a message next to the field");
            assertEquals(before, fingerprint(), inexact + ": nothing stored");
        }
        assertTrue(web.submit(plan, "add", Map.of("type_input", "PHYSICAL_THERAPY", "newStart_input", TODAY.toString(), "newStatus_input", "ACTIVE",
                "programme", "Core", "sessionsPerWeek_input", "99", "sessionsPerWeek_hinput", "99"), "addIntervention").body()
                .contains("Enter a whole number from 1 to 14."), "the out-of-range message gives the field's range");
        therapy.put("sessionsPerWeek_input", "3");
        therapy.put("sessionsPerWeek_hinput", "3");
        HttpResponse<String> added = web.submit(plan, "add", therapy, "addIntervention");
        assertTrue(added.body().contains("The intervention is added to the plan."), added.statusCode() + " " + messagesOf(added.body()));
        assertEquals(3, object(Clinic.text(databaseUrl, "SELECT details FROM intervention i JOIN treatment_plan p ON p.id = i.plan_id"
                + " WHERE p.episode_id = ? AND i.type = 'PHYSICAL_THERAPY' ORDER BY i.id DESC LIMIT 1", episode)).getInt("sessionsPerWeek"));
    }

    // ---------------------------------------------------------------- the clinic the calls need

    private long patient() {
        HttpResponse<String> created = api.api("POST", "api/v1/patients", "{\"givenName\":\"Ann\",\"familyName\":\"Exact\",\"birthDate\":\"1970-01-01\","
                + "\"sex\":\"FEMALE\",\"email\":\"exact-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org\"}", physio, PASSWORD);
        assertEquals(201, created.statusCode(), created.body());
        return Clinic.idOf(created.body());
    }

    private long episode() {
        HttpResponse<String> created = api.api("POST", "api/v1/patients/" + patient() + "/episodes", "{\"region\":\"LUMBAR\",\"side\":\"LEFT\"}", physio, PASSWORD);
        assertEquals(201, created.statusCode(), created.body());
        return Clinic.idOf(created.body());
    }

    private long episodeWithIntake() {
        long episode = episode();
        HttpResponse<String> intake = api.api("POST", "api/v1/episodes/" + episode + "/intake", "{\"submittedOn\":\"" + TODAY.minusWeeks(8)
                + "\",\"painNow\":7,\"painWorst\":9}", physio, PASSWORD);
        assertEquals(201, intake.statusCode(), intake.body());
        return episode;
    }

    private long episodeInCare() {
        long episode = episodeWithIntake();
        plan(episode);
        return episode;
    }

    private void plan(long episode) {
        HttpResponse<String> plan = api.api("POST", "api/v1/episodes/" + episode + "/plan", "{\"startDate\":\"" + TODAY.minusWeeks(8) + "\",\"reviewDate\":\""
                + TODAY.plusWeeks(4) + "\",\"goals\":\"Sit through a film\",\"interventions\":[{\"type\":\"REST\",\"startDate\":\""
                + TODAY.minusWeeks(8) + "\",\"status\":\"ACTIVE\"}]}", physio, PASSWORD);
        assertEquals(201, plan.statusCode(), plan.body());
    }

    /**
     * JSON-B names a field by its path without list indexes ("disability.answers"); the clinical
     * checks after it with them ("interventions[0].details.sessionsPerWeek"). Either names the field.
     */
    private static String withoutIndexes(String field) {
        return field == null ? null : field.replaceAll("\\[\\d+]", "");
    }

    private static Map<String, String> ordered(String... pointersAndFields) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pointersAndFields.length; i += 2) {
            fields.put(pointersAndFields[i], pointersAndFields[i + 1]);
        }
        return fields;
    }

    /** The body with the value at the JSON pointer replaced by a raw JSON token, kept as written (a parser would rewrite 1e0). */
    private static String replaced(String body, String pointer, String token) {
        String marker = "\"__replace_me__\"";
        JsonStructure structure = read(body);
        return Json.createPointer(pointer).replace(structure, Json.createValue("__replace_me__")).toString().replace(marker, token);
    }

    /** The messages a page shows, for a failure's report. */
    private static String messagesOf(String html) {
        return String.join(" | ", java.util.regex.Pattern.compile("ui-messages?-(?:error|warn|info)-(?:detail|summary)\"[^>]*>([^<]{0,300})<").matcher(html)
                .results().map(r -> r.group(1)).toList());
    }

    private static JsonObject object(String json) {
        return read(json).asJsonObject();
    }

    private static JsonObject firstError(String body) {
        return object(body).getJsonArray("errors").getJsonObject(0);
    }

    @SuppressWarnings("unchecked")
    private static <T extends JsonValue> T read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return (T) reader.readValue();
        }
    }

    /** Row counts and version sums of the clinical tables: equal before and after means nothing was stored. */
    private static String fingerprint() throws SQLException {
        List<String> parts = new ArrayList<>();
        for (String table : STORED) {
            // motor_grade rows are written with their assessment and never changed: no version column.
            parts.add(table.equals("motor_grade") ? "(SELECT count(*) FROM motor_grade)"
                    : "(SELECT count(*) || '/' || coalesce(sum(version), 0) FROM " + table + ")");
        }
        try (Connection c = EmbeddedDatabase.get().dataSource(databaseUrl).getConnection(); Statement q = c.createStatement();
             ResultSet rs = q.executeQuery("SELECT concat_ws(',', " + String.join(", ", parts) + ")")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
