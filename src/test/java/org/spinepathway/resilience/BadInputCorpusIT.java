package org.spinepathway.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spinepathway.testing.BadInputCorpus;
import org.spinepathway.testing.BrowserSession;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.FormProbe;
import org.spinepathway.testing.Http;
import org.spinepathway.testing.WebSession;

/**
 * Every value of the bad-input corpus into every field of every JSON API call and every form
 * field of the clinic's pages. An answer is a 400 with the API's error shape (415 for a body
 * that is not JSON at all) or a message on the page, with nothing stored; or the value is taken
 * as the text it is, and an integer field stores exactly the number sent (read back from the
 * database after every taken request). Never a 500, never a stack trace, and no markup comes back unescaped: in the
 * answers here, and in a real browser where nothing the corpus planted may run.
 */
@ExtendWith(ArquillianExtension.class)
class BadInputCorpusIT {

    private static final String PASSWORD = "Corpus-pass-2026";
    private static final LocalDate TODAY = LocalDate.now();
    private static final BadInputCorpus CORPUS = BadInputCorpus.load();
    /** Tables that hold what users enter; an answer that refuses must leave every one unchanged. */
    private static final List<String> STORED = List.of("user_account", "patient", "episode_of_care", "intake", "treatment_plan", "intervention",
            "assessment", "motor_grade", "assessment_draft", "escalation_flag", "referral", "evaluation_run", "mail_outbox");
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    /** An input in the second or a later row of a data table: "measurementsForm:measurements:3:voidReason". */
    private static final java.util.regex.Pattern LATER_ROW = java.util.regex.Pattern.compile("^(measurementsForm|interventions|overdueForm|accounts):[^:]+:[1-9]\\d*:");

    private static String databaseUrl;
    private static String fingerprintSql;
    private static Connection fingerprintConnection;

    @ArquillianResource
    URL base;

    private WebSession api;
    private String physio;
    private String physician;

    @Deployment(testable = false)
    static WebArchive deployment() {
        databaseUrl = EmbeddedDatabase.get().createDatabase("corpus");
        return ClinicDeployment.onDatabase(databaseUrl);
    }

    // ---------------------------------------------------------------- the JSON API

    /**
     * One API call: where it goes, who makes it, a valid body, how to get a fresh target once a body
     * was taken, and, for a call with integer fields, what it stored for them (by JSON pointer, as
     * text, null for nothing) read back from the database after the call's answer.
     */
    private record Call(String name, String method, Supplier<String> path, String user, Supplier<String> validBody, Runnable afterAccepted,
                        Function<HttpResponse<String>, Map<String, String>> stored) {
        Call(String name, String method, Supplier<String> path, String user, Supplier<String> validBody, Runnable afterAccepted) {
            this(name, method, path, user, validBody, afterAccepted, null);
        }
    }

    /** A body sent: the valid one with the value at {@code pointer} replaced by the JSON text {@code token} (null: removed). */
    private record Variant(String body, String pointer, String token) {
        static Variant whole(String body) {
            return new Variant(body, null, null);
        }
    }

    @Test
    void everyJsonApiCall_shouldRefuseBadInputWith400_andStoreNothing_neverA500() throws Exception {
        people();
        Targets t = new Targets();
        List<Call> calls = List.of(
                new Call("create staff", "POST", () -> "api/v1/staff", ClinicDeployment.ADMIN_USERNAME,
                        () -> "{\"username\":\"staff" + unique() + "\",\"password\":\"Staff-pass-2026-ok\",\"role\":\"PHYSIO\",\"displayName\":\"Dee Staff\"}", () -> { }),
                new Call("create patient", "POST", () -> "api/v1/patients", physio,
                        () -> "{\"givenName\":\"Ann\",\"familyName\":\"Lee\",\"birthDate\":\"1970-01-01\",\"sex\":\"FEMALE\",\"email\":\"p" + unique() + "@example.org\"}", () -> { }),
                new Call("open episode", "POST", () -> "api/v1/patients/" + t.patient + "/episodes", physio,
                        () -> "{\"region\":\"LUMBAR\",\"side\":\"LEFT\"}", () -> t.patient = patient()),
                new Call("submit intake", "POST", () -> "api/v1/episodes/" + t.forIntake + "/intake", physio, () -> """
                        {"submittedOn":"%s","painNow":6,"painWorst":8,"disability":{"instrument":"ODI","answers":[2,1,3,2,1,2,1,2,2,2]},
                         "redFlags":{"fever":false},"symptoms":{"painTravels":["LEG"],"numbness":["LEFT_LEG"],"onsetDate":"2026-09-01"},
                         "medications":["NSAID"],"priorTreatments":["REST"],"imaging":["MRI"],"notes":"Worse when sitting"}""".formatted(TODAY),
                        () -> t.forIntake = episode(t.patient), taken -> {
                            long id = Clinic.idOf(taken.body());
                            JsonObject stored = read(storedText("SELECT answers FROM intake WHERE id = ?", id));
                            Map<String, String> numbers = new HashMap<>();
                            numbers.put("/painNow", storedText("SELECT pain_now::text FROM intake WHERE id = ?", id));
                            numbers.put("/painWorst", storedText("SELECT pain_worst::text FROM intake WHERE id = ?", id));
                            numbers.put("/disability/answers/0", stored.getJsonArray("disabilityAnswers").get(0).toString());
                            return numbers;
                        }),
                new Call("write plan", "POST", () -> "api/v1/episodes/" + t.forPlan + "/plan", physio, () -> """
                        {"startDate":"%s","reviewDate":"%s","goals":"Walk 30 minutes",
                         "interventions":[{"type":"REST","startDate":"%s","status":"ACTIVE"}]}""".formatted(TODAY, TODAY.plusWeeks(6), TODAY),
                        () -> t.forPlan = episodeWithIntake(false)),
                new Call("add intervention", "POST", () -> "api/v1/episodes/" + t.inCare + "/interventions", physio, () -> """
                        {"type":"INJECTION","startDate":"%s","status":"COMPLETED",
                         "details":{"kind":"EPIDURAL_STEROID","level":"L4-L5","givenOn":"%s"}}""".formatted(TODAY, TODAY), () -> { }),
                new Call("add therapy", "POST", () -> "api/v1/episodes/" + t.inCare + "/interventions", physio, () -> """
                        {"type":"PHYSICAL_THERAPY","startDate":"%s","status":"ACTIVE","details":{"programme":"Core","sessionsPerWeek":3}}""".formatted(TODAY),
                        () -> { }, taken -> Map.of("/details/sessionsPerWeek", read(storedText("SELECT details FROM intervention WHERE id = ?",
                                Clinic.idOf(taken.body()))).asJsonObject().getOrDefault("sessionsPerWeek", JsonValue.NULL).toString())),
                new Call("record assessment", "POST", () -> "api/v1/episodes/" + t.inCare + "/assessments", physio, () -> """
                        {"date":"%s","source":"CLINICIAN","nrs":5,"disability":{"instrument":"ODI","answers":[2,2,2,2,2,2,2,2,2,2]},
                         "motor":[{"myotome":"L5","side":"LEFT","grade":5}],"redFlags":{"fever":false},"notes":"Better mornings"}""".formatted(TODAY), () -> { },
                        taken -> {
                            long id = Clinic.idOf(taken.body());
                            Map<String, String> stored = new HashMap<>();
                            stored.put("/nrs", storedText("SELECT nrs::text FROM assessment WHERE id = ?", id));
                            stored.put("/disability/answers/0", storedText("SELECT nullif(split_part(disability_answers, ',', 1), '') FROM assessment WHERE id = ?", id));
                            stored.put("/motor/0/grade", storedText("SELECT (SELECT grade::text FROM motor_grade WHERE assessment_id = ? ORDER BY myotome, side LIMIT 1)", id));
                            return stored;
                        }),
                new Call("void assessment", "POST", () -> "api/v1/episodes/" + t.inCare + "/assessments/" + t.toVoid + "/void", physio,
                        () -> "{\"reason\":\"Entered for the wrong patient\"}", () -> t.toVoid = assessment(t.inCare)),
                new Call("decide flag", "POST", () -> "api/v1/flags/" + t.flag + "/decision", physician,
                        () -> "{\"decision\":\"CONTINUE\",\"reason\":\"Give physiotherapy four more weeks\",\"recheckOn\":\"" + TODAY.plusWeeks(4) + "\"}",
                        () -> t.flag = openFlag()),
                new Call("run evaluation", "POST", () -> "api/v1/escalation/evaluations", ClinicDeployment.ADMIN_USERNAME,
                        () -> "{\"asOf\":\"" + TODAY + "\"}", () -> { }));

        Map<String, Integer> answers = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (Call call : calls) {
            unchanged = null;
            HttpResponse<String> valid = send(call, call.validBody().get(), "application/json");
            assertTrue(valid.statusCode() / 100 == 2, call.name() + ": the valid body is taken: " + valid.body());
            call.afterAccepted().run();
            List<Variant> variants = new ArrayList<>();
            JsonObject template = read(call.validBody().get());
            for (String pointer : pointers(template, "")) {
                for (String text : CORPUS.text()) {
                    variants.add(replaced(call.validBody().get(), pointer, Json.createValue(text).toString()));
                }
                for (String literal : CORPUS.literals()) {
                    variants.add(replaced(call.validBody().get(), pointer, literal));
                }
                variants.add(replaced(call.validBody().get(), pointer, null));
            }
            for (String field : template.keySet()) {
                variants.add(Variant.whole("{\"" + field + "\":\"<script>window.__xss=1</script>\"," + call.validBody().get().strip().substring(1)));
            }
            for (Variant variant : variants) {
                tried++;
                check(call, variant, "application/json", answers, wrong, false);
            }
            for (String body : CORPUS.bodies()) {
                tried++;
                check(call, Variant.whole(body), "application/json", answers, wrong, !call.name().equals("run evaluation") || !(body.isEmpty() || body.equals("null")));
            }
            for (String type : CORPUS.contentTypes()) {
                tried++;
                check(call, Variant.whole(call.validBody().get()), type, answers, wrong, true);
            }
            if (call.name().equals("submit intake")) {
                // Larger than the API takes at all (a megabyte): 413 before anything reads it.
                tried++;
                check(call, replaced(call.validBody().get(), "/notes", Json.createValue("x".repeat(LARGEST_BODY + 1)).toString()), "application/json",
                        answers, wrong, true);
            }
        }
        for (String parameter : List.of("priority", "page", "size", "search")) {
            for (String text : CORPUS.text()) {
                tried++;
                HttpResponse<String> list = api.api("GET", "api/v1/worklist?" + parameter + "=" + URLEncoder.encode(text, StandardCharsets.UTF_8), null,
                        physician, PASSWORD);
                answers.merge("worklist " + list.statusCode(), 1, Integer::sum);
                if (list.statusCode() != 200 && list.statusCode() != 400) {
                    wrong.add("worklist?" + parameter + "=" + shorten(text) + " -> " + list.statusCode() + " " + shorten(list.body()));
                }
            }
        }
        System.out.printf("[corpus] JSON API: %d requests over %d calls and the worklist's parameters; answers %s%n", tried, calls.size(), answers);
        assertTrue(wrong.isEmpty(), wrong.size() + " wrong answers:\n" + String.join("\n", wrong.subList(0, Math.min(40, wrong.size()))));
    }

    private void check(Call call, Variant variant, String contentType, Map<String, Integer> answers, List<String> wrong, boolean mustRefuse) throws SQLException {
        String body = variant.body();
        // After a refusal the database is as the last fingerprint saw it, so that one serves as this request's "before".
        String before = unchanged != null ? unchanged : fingerprint();
        unchanged = null;
        HttpResponse<String> answer = send(call, body, contentType);
        int status = answer.statusCode();
        answers.merge(String.valueOf(status), 1, Integer::sum);
        String what = call.name() + " " + contentType + " " + shorten(body) + " -> " + status + " " + shorten(answer.body());
        if (status / 100 == 2 && !mustRefuse) {
            if (call.stored() != null) {
                storedAsSent(call.stored().apply(answer), variant, what, wrong);
            }
            call.afterAccepted().run();
            return;
        }
        // 409: a value that is well formed but taken already (a username); 413: a body over the API's limit; 415: a body that is not JSON.
        boolean refusal = status == 400 || status == 409 || (status == 413 && body.length() > LARGEST_BODY)
                || (status == 415 && !contentType.equals("application/json"));
        String after = fingerprint();
        if (!refusal) {
            wrong.add(what);
        } else if (!answer.body().startsWith("{\"errors\":[{")) {
            wrong.add("not the API's error shape: " + what);
        } else if (!before.equals(after)) {
            wrong.add("stored although refused: " + what);
        } else {
            unchanged = after;
        }
    }

    /** The database's fingerprint after the last form send that stored nothing, valid while its page is sent again. */
    private String unchangedForm;
    /** The database's fingerprint after the last refused request, while nothing else has been sent since; else null. */
    private String unchanged;
    /** The largest JSON body the API reads (StrictJsonFilter). */
    private static final int LARGEST_BODY = 1024 * 1024;

    private HttpResponse<String> send(Call call, String body, String contentType) {
        String password = call.user().equals(ClinicDeployment.ADMIN_USERNAME) ? ClinicDeployment.ADMIN_PASSWORD : PASSWORD;
        HttpRequest request = HttpRequest.newBuilder(Http.resolve(base, call.path().get()))
                .header("Accept", "application/json")
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((call.user() + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .method(call.method(), HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(call.name() + ": no answer to " + shorten(body), e);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** JSON pointers of every member of every object, and of the first element of every array. */
    private static List<String> pointers(JsonValue value, String at) {
        List<String> found = new ArrayList<>();
        if (value instanceof JsonObject object) {
            object.forEach((name, member) -> {
                found.add(at + "/" + name);
                found.addAll(pointers(member, at + "/" + name));
            });
        } else if (value instanceof JsonArray array && !array.isEmpty()) {
            found.add(at + "/0");
            found.addAll(pointers(array.get(0), at + "/0"));
        }
        return found;
    }

    /**
     * The body with the value at {@code pointer} replaced by the JSON text {@code token}, as written
     * (a parser would turn 1e0 into 1), or removed when {@code token} is null.
     */
    private static Variant replaced(String body, String pointer, String token) {
        JsonStructure structure = read(body);
        var jsonPointer = Json.createPointer(pointer);
        if (token == null) {
            return new Variant(jsonPointer.remove(structure).toString(), pointer, null);
        }
        String marker = "__corpus_value_" + UUID.randomUUID() + "__";
        return new Variant(jsonPointer.replace(structure, Json.createValue(marker)).toString().replace("\"" + marker + "\"", token), pointer, token);
    }

    /**
     * A taken request stored each integer field as it was sent: the token put there, or the value
     * the body holds at that place, as written; nothing when nothing (or null) was sent. 7.5 stored
     * as 7, 1e0 as 1 or "5" as 5 are all wrong.
     */
    private static void storedAsSent(Map<String, String> stored, Variant variant, String what, List<String> wrong) {
        JsonStructure sent = read(variant.body());
        stored.forEach((pointer, value) -> {
            String expected;
            if (pointer.equals(variant.pointer())) {
                expected = variant.token() == null || variant.token().equals("null") ? null : variant.token();
            } else {
                expected = valueAt(sent, pointer);
            }
            String storedValue = "null".equals(value) ? null : value;
            if (!java.util.Objects.equals(expected, storedValue)) {
                wrong.add("stored " + storedValue + " at " + pointer + " where " + expected + " was sent: " + what);
            }
        });
    }

    /** The value at the pointer as JSON text; null when it is null or not there (its parent missing, null or not a structure). */
    private static String valueAt(JsonStructure body, String pointer) {
        try {
            var at = Json.createPointer(pointer);
            return at.containsValue(body) && at.getValue(body) != JsonValue.NULL ? at.getValue(body).toString() : null;
        } catch (jakarta.json.JsonException noSuchPlace) {
            return null;
        }
    }

    /** One value the query finds for one id (null when it is NULL), on the fingerprint's connection. */
    private static String storedText(String sql, long id) {
        try {
            try (var q = connection().prepareStatement(sql)) {
                q.setLong(1, id);
                try (ResultSet rs = q.executeQuery()) {
                    assertTrue(rs.next(), sql + " " + id);
                    return rs.getString(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T extends JsonValue> T read(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            @SuppressWarnings("unchecked")
            T value = (T) reader.readValue();
            return value;
        }
    }

    // ---------------------------------------------------------------- the forms

    /** One form: whose page, which form, which button ({@code null}: the form works by AJAX), fields filled in for a valid send. */
    private record Form(WebSession session, Supplier<String> page, String formId, String button, Map<String, String> defaults, Runnable renew) {
    }

    @Test
    void everyFormField_shouldShowAFieldMessageOrTakeTheText_neverA500_andEchoNothingUnescaped() throws Exception {
        people();
        Targets t = new Targets();
        String patientEmail = "corpus-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Clinic.registerPatient(base, patientEmail, PASSWORD, "Cora", "Corpus", "1975-04-04", "FEMALE");
        WebSession patient = signedIn(patientEmail);
        WebSession physioWeb = signedIn(physio);
        WebSession physicianWeb = signedIn(physician);
        WebSession admin = signedIn(ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD);
        HttpResponse<String> started = patient.submit("patient/intake.xhtml", "intake",
                Map.of("mainArea", "LOWER_BACK", "side", "LEFT", "painNow", "5", "painWorst", "7"), "next");
        assertEquals(302, started.statusCode(), started.body());
        long draft = Long.parseLong(started.headers().firstValue("Location").orElseThrow().replaceAll(".*episode=(\\d+).*", "$1"));
        long patientId = Clinic.number(databaseUrl, "SELECT id FROM patient WHERE email = ?", patientEmail);
        long ownInCare = episodeInCare(patientId);
        long intakeToOpen = intakeOf(episodeWithIntake(false));

        List<Form> forms = new ArrayList<>();
        forms.add(new Form(null, () -> "login.xhtml", "login", "submit$", Map.of(), () -> { }));
        forms.add(new Form(null, () -> "register.xhtml", "registration", "submit$", Map.of("givenName", "Ann", "familyName", "Lee",
                "birthDate_input", "1970-01-01", "sex", "FEMALE", "email", "reg{unique}@example.org", "password", "Register-pass-2026",
                "passwordRepeated", "Register-pass-2026", "phone", "07400 123456"), () -> { }));
        Map<String, String> noRedFlags = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            noRedFlags.put("redFlags:" + i + ":answer", "false");
        }
        for (int step = 1; step <= 7; step++) {
            int s = step;
            forms.add(new Form(patient, () -> "patient/intake.xhtml?episode=" + draft + "&step=" + s, "intake", s == 7 ? "back$" : "next$",
                    s == 3 ? noRedFlags : Map.of(), () -> { }));
        }
        forms.add(new Form(patient, () -> "patient/check-in.xhtml?episode=" + ownInCare, "assessment", "record$", Map.of("nrs", "4"), () -> { }));
        forms.add(new Form(patient, () -> "account/password.xhtml", "password", "submit$", Map.of(), () -> { }));
        forms.add(new Form(patient, () -> "patient/home.xhtml", "contact", "saveContact$", Map.of(), () -> { }));
        forms.add(new Form(physioWeb, () -> "physio/intake.xhtml?id=" + t.intakeToOpen, "openForCare", "open$", Map.of(),
                () -> t.intakeToOpen = intakeOf(episodeWithIntake(false))));
        forms.add(new Form(physioWeb, () -> "physio/plan.xhtml?episode=" + t.inCare, "plan", "save$", Map.of(), () -> { }));
        forms.add(new Form(physioWeb, () -> "physio/plan.xhtml?episode=" + t.inCare, "team", "assign$", Map.of(), () -> { }));
        forms.add(new Form(physioWeb, () -> "physio/plan.xhtml?episode=" + t.inCare, "contact", "saveContact$", Map.of(), () -> { }));
        forms.add(new Form(physioWeb, () -> "physio/plan.xhtml?episode=" + t.inCare, "add", "addIntervention$", Map.of(), () -> { }));
        forms.add(new Form(physioWeb, () -> "physio/plan.xhtml?episode=" + t.inCare, "interventions", "stop$", Map.of(),
                () -> intervention(t.inCare)));
        forms.add(new Form(physioWeb, () -> "physio/visit.xhtml?episode=" + t.inCare, "assessment", "record$", Map.of("nrs", "5"), () -> { }));
        forms.add(new Form(physioWeb, () -> "physio/progress.xhtml?episode=" + t.inCare, "measurementsForm", "void$", Map.of(),
                () -> assessment(t.inCare)));
        forms.add(new Form(physioWeb, () -> "physio/caseload.xhtml", "caseloadForm", null, Map.of(), () -> { }));
        forms.add(new Form(physioWeb, () -> "physio/intakes.xhtml", "queue", null, Map.of(), () -> { }));
        forms.add(new Form(physicianWeb, () -> "physician/flag.xhtml?id=" + t.flag, "decision", "decide$", Map.of(), () -> t.flag = openFlag()));
        forms.add(new Form(physicianWeb, () -> "physician/worklist.xhtml", "worklist", null, Map.of(), () -> { }));
        forms.add(new Form(admin, () -> "admin/accounts.xhtml", "newAccount", "create$", Map.of("username", "staff{unique}",
                "displayName", "New Staff", "email", "staff{unique}@example.org"), () -> { }));
        forms.add(new Form(admin, () -> "admin/audit.xhtml", "audit", "apply$", Map.of(), () -> { }));
        forms.add(new Form(admin, () -> "admin/evaluations.xhtml", "run", "evaluate$", Map.of(), () -> { }));
        t.intakeToOpen = intakeToOpen;
        assessment(t.inCare);

        Map<String, int[]> outcomes = new LinkedHashMap<>();
        Map<String, String> examples = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        int fieldsProbed = 0;
        for (Form form : forms) {
            long formStarted = System.nanoTime();
            int formSends = 0;
            WebSession session = form.session() == null ? new WebSession(base) : form.session();
            FormProbe first = open(form, session);
            int[] counts = outcomes.computeIfAbsent(first.toString(), k -> new int[3]);   // refused with a message, taken, neither
            FormProbe current = first;
            int reused = 0;
            for (FormProbe.Field field : first.fields()) {
                if (LATER_ROW.matcher(field.name()).find()) {
                    continue;   // a table's rows have the same inputs: the first row stands for them all
                }
                fieldsProbed++;
                for (String value : field.isChoice() ? CORPUS.forChoices() : CORPUS.text()) {
                    tried++;
                    formSends++;
                    WebSession visitor = form.session() == null ? new WebSession(base) : form.session();
                    // Sent from the refusal's page, with no request between: the database is as the last fingerprint saw it.
                    String known = current != null ? unchangedForm : null;
                    FormProbe probe = current != null ? current : open(form, visitor);
                    current = null;
                    FormProbe.Field same = probe.sameField(field).orElse(null);
                    if (same == null) {
                        continue;   // the field is not on the page any more (a taken value moved the page on)
                    }
                    String before = known != null ? known : fingerprint();
                    HttpResponse<String> answer = probe.sendWith(visitor, same, value, uniqueDefaults(form.defaults()));
                    String body = answer.body();
                    String what = probe + " " + probe.shortName(same) + "=" + shorten(value) + " -> " + answer.statusCode();
                    if (answer.statusCode() >= 500 || body.contains("Something went wrong") || Http.showsStackTrace(body)) {
                        wrong.add(what + " " + shorten(body));
                        continue;
                    }
                    if (BadInputCorpus.isMarkup(value) && body.contains(value)) {
                        wrong.add("echoed unescaped: " + what);
                        continue;
                    }
                    String after = fingerprint();
                    boolean stored = !before.equals(after);
                    if (stored || answer.statusCode() == 302 || body.contains("<redirect")) {
                        counts[1]++;
                        examples.putIfAbsent(first + " taken", what);
                        form.renew().run();
                    } else if (body.contains("ui-message-error") || body.contains("ui-messages-error") || body.contains("error-text")) {
                        counts[0]++;
                    } else {
                        counts[2]++;
                        examples.putIfAbsent(first + " neither", what);
                    }
                    // The refusal drew the form again: send the next value from it, as a user would, but open the page
                    // afresh now and then (a view posted back hundreds of times grows, as no user's does).
                    if (!stored && answer.statusCode() == 200 && !probe.isAjax() && form.session() != null && ++reused % 8 != 0) {
                        current = probe.againFrom(body).orElse(null);
                        unchangedForm = after;
                    }
                }
            }
            System.out.printf("[corpus] %-70s %4d sends in %5.1f s%n", first, formSends, (System.nanoTime() - formStarted) / 1e9);
            // Where text can be typed, some of the corpus must be refused with a message; choices drop what they do not offer.
            if (form.button() != null && counts[0] == 0 && first.fields().stream().anyMatch(f -> !f.isChoice())) {
                wrong.add(first + ": no value of the corpus was refused with a message");
            }
        }
        StringBuilder table = new StringBuilder();
        outcomes.forEach((form, c) -> table.append(String.format("%n  %-75s refused %4d  taken %4d  neither %4d", form, c[0], c[1], c[2])));
        System.out.printf("[corpus] forms: %d sends into %d fields of %d forms%s%n", tried, fieldsProbed, forms.size(), table);
        examples.forEach((kind, example) -> System.out.printf("[corpus] first %s: %s%n", kind, example));
        assertTrue(wrong.isEmpty(), wrong.size() + " wrong answers:\n" + String.join("\n", wrong.subList(0, Math.min(40, wrong.size()))));

        // The pages' own query parameters are fields too.
        List<String> pages = List.of("patient/intake.xhtml?step=1&episode=", "patient/check-in.xhtml?episode=", "patient/progress.xhtml?episode=",
                "patient/intake-result.xhtml?episode=", "physio/plan.xhtml?episode=", "physio/visit.xhtml?episode=", "physio/progress.xhtml?episode=",
                "physio/intake.xhtml?id=", "physician/flag.xhtml?id=", "patient/intake.xhtml?episode=" + draft + "&step=");
        for (String page : pages) {
            WebSession visitor = page.startsWith("patient") ? patient : page.startsWith("physician") ? physicianWeb : physioWeb;
            for (String value : CORPUS.text()) {
                HttpResponse<String> answer = visitor.get(page + URLEncoder.encode(value, StandardCharsets.UTF_8));
                if (answer.statusCode() >= 500 || answer.body().contains("Something went wrong") || (BadInputCorpus.isMarkup(value) && answer.body().contains(value))) {
                    wrong.add("GET " + page + shorten(value) + " -> " + answer.statusCode());
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static FormProbe open(Form form, WebSession session) {
        Optional<FormProbe> probe = FormProbe.open(session, form.page().get(), form.formId(), form.button());
        if (probe.isEmpty()) {
            form.renew().run();
            probe = FormProbe.open(session, form.page().get(), form.formId(), form.button());
        }
        return probe.orElseThrow(() -> new AssertionError("form " + form.formId() + " is not on " + form.page().get()));
    }

    private static Map<String, String> uniqueDefaults(Map<String, String> defaults) {
        Map<String, String> filled = new LinkedHashMap<>();
        String unique = String.valueOf(unique());
        defaults.forEach((name, value) -> filled.put(name, value.replace("{unique}", unique)));
        return filled;
    }

    // ---------------------------------------------------------------- in a real browser

    @Test
    void hostileTextThatWasTaken_shouldBeShownAsText_onEveryPage_andNoScriptRuns() throws Exception {
        people();
        String script = "<script>window.__xss=1</script>";
        String image = "<img src=x onerror=\"window.__xss=1\">";
        String breakout = "\"><svg onload=window.__xss=1>";
        String email = "xss-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Clinic.registerPatient(base, email, PASSWORD, "Xena", "Script", "1970-01-01", "FEMALE");
        long patientId = Clinic.number(databaseUrl, "SELECT id FROM patient WHERE email = ?", email);
        long episode = episode(patientId);
        assertEquals(201, api.api("POST", "api/v1/episodes/" + episode + "/intake", "{\"submittedOn\":\"" + TODAY.minusWeeks(8)
                + "\",\"painNow\":8,\"painWorst\":9,\"redFlags\":{\"fever\":true},\"notes\":" + Json.createValue(script + breakout) + "}", physio, PASSWORD).statusCode());
        assertEquals(201, api.api("POST", "api/v1/episodes/" + episode + "/plan", "{\"startDate\":\"" + TODAY.minusWeeks(8) + "\",\"reviewDate\":\""
                + TODAY.plusWeeks(1) + "\",\"goals\":" + Json.createValue(image + " walk") + ",\"interventions\":[{\"type\":\"MEDICATION\",\"startDate\":\""
                + TODAY.minusWeeks(8) + "\",\"status\":\"ACTIVE\",\"details\":{\"drug\":" + Json.createValue(script) + ",\"drugClass\":\"NSAID\"}}]}",
                physio, PASSWORD).statusCode());
        HttpResponse<String> visit = api.api("POST", "api/v1/episodes/" + episode + "/assessments", "{\"date\":\"" + TODAY + "\",\"source\":\"CLINICIAN\","
                + "\"nrs\":8,\"notes\":" + Json.createValue(breakout + image) + "}", physio, PASSWORD);
        assertEquals(201, visit.statusCode(), visit.body());
        long flag = Clinic.number(databaseUrl, "SELECT id FROM escalation_flag WHERE episode_id = ? AND rule = 'RED_FLAG'", episode);
        assertEquals(200, api.api("POST", "api/v1/flags/" + flag + "/decision", "{\"decision\":\"CONTINUE\",\"reason\":" + Json.createValue(image)
                + ",\"recheckOn\":\"" + TODAY.plusWeeks(2) + "\"}", physician, PASSWORD).statusCode());
        String staff = "xss" + unique();
        assertEquals(201, api.api("POST", "api/v1/staff", "{\"username\":\"" + staff + "\",\"password\":\"Staff-pass-2026-ok\",\"role\":\"PHYSIO\","
                + "\"displayName\":" + Json.createValue(script) + "}", ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD).statusCode());
        long intake = intakeOf(episode);

        Map<String, List<String>> pagesByUser = new LinkedHashMap<>();
        pagesByUser.put(physio, List.of("physio/intakes.xhtml", "physio/intake.xhtml?id=" + intake, "physio/plan.xhtml?episode=" + episode,
                "physio/progress.xhtml?episode=" + episode, "physio/caseload.xhtml"));
        pagesByUser.put(physician, List.of("physician/worklist.xhtml", "physician/flag.xhtml?id=" + flag, "physio/progress.xhtml?episode=" + episode));
        pagesByUser.put(ClinicDeployment.ADMIN_USERNAME, List.of("admin/accounts.xhtml", "admin/audit.xhtml"));
        pagesByUser.put(email, List.of("patient/home.xhtml", "patient/progress.xhtml?episode=" + episode, "patient/intake-result.xhtml?episode=" + episode));
        int pagesSeen = 0;
        int textsShown = 0;
        for (Map.Entry<String, List<String>> user : pagesByUser.entrySet()) {
            String password = user.getKey().equals(ClinicDeployment.ADMIN_USERNAME) ? ClinicDeployment.ADMIN_PASSWORD : PASSWORD;
            String home = user.getKey().equals(physio) ? "physio/caseload.xhtml" : user.getKey().equals(physician) ? "physician/worklist.xhtml"
                    : user.getKey().equals(email) ? "patient/home.xhtml" : "admin/accounts.xhtml";
            BrowserSession browser = BrowserSession.signIn(base, user.getKey(), password, home);
            try {
                for (String page : user.getValue()) {
                    browser.open(page);
                    pagesSeen++;
                    Object ran = browser.script("return (window.__xss === undefined ? 'no' : 'yes') + (window.parent.__xss === undefined ? '' : ' parent');");
                    assertEquals("no", ran, "a planted script ran on " + page);
                    String shown = String.valueOf(browser.script("return document.body.innerText;"));
                    for (String planted : List.of(script, image, breakout)) {
                        if (shown.contains(planted)) {
                            textsShown++;
                        }
                    }
                }
            } finally {
                browser.close("corpus-xss-" + user.getKey().replaceAll("[^a-z0-9]", ""));
            }
        }
        System.out.printf("[corpus] browser: %d pages seen as four roles, planted markup shown as text %d times, scripts run 0%n", pagesSeen, textsShown);
        assertTrue(textsShown >= 8, "the planted texts are on the pages, as text: " + textsShown);
    }

    // ---------------------------------------------------------------- the clinic the calls need

    /** Where the calls that need one go: replaced when a call used them up. */
    private final class Targets {
        long patient = patient();
        long forIntake = episode(patient);
        long forPlan = episodeWithIntake(false);
        long inCare = episodeInCare(patient());
        long toVoid = assessment(inCare);
        long flag = openFlag();
        long intakeToOpen;
    }

    private void people() {
        api = new WebSession(base);
        String run = UUID.randomUUID().toString().substring(0, 8);
        physio = "physio-" + run;
        physician = "doctor-" + run;
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Phil Physio");
        Clinic.createStaff(base, physician, PASSWORD, "PHYSICIAN", "Dr Doc");
    }

    private long patient() {
        HttpResponse<String> created = api.api("POST", "api/v1/patients", "{\"givenName\":\"Pat\",\"familyName\":\"Ient\",\"birthDate\":\"1970-01-01\","
                + "\"sex\":\"MALE\",\"email\":\"t" + unique() + "@example.org\"}", physio, PASSWORD);
        assertEquals(201, created.statusCode(), created.body());
        return Clinic.idOf(created.body());
    }

    private long episode(long patient) {
        HttpResponse<String> created = api.api("POST", "api/v1/patients/" + patient + "/episodes", "{\"region\":\"LUMBAR\",\"side\":\"LEFT\"}", physio, PASSWORD);
        assertEquals(201, created.statusCode(), created.body());
        return Clinic.idOf(created.body());
    }

    private long episodeWithIntake(boolean redFlag) {
        long episode = episode(patient());
        HttpResponse<String> intake = api.api("POST", "api/v1/episodes/" + episode + "/intake", "{\"submittedOn\":\"" + TODAY.minusWeeks(8)
                + "\",\"painNow\":7,\"painWorst\":9,\"redFlags\":{\"fever\":" + redFlag + "}}", physio, PASSWORD);
        assertEquals(201, intake.statusCode(), intake.body());
        return episode;
    }

    private long episodeInCare(long patient) {
        long episode = episode(patient);
        assertEquals(201, api.api("POST", "api/v1/episodes/" + episode + "/intake", "{\"submittedOn\":\"" + TODAY.minusWeeks(8)
                + "\",\"painNow\":7,\"painWorst\":9}", physio, PASSWORD).statusCode());
        assertEquals(201, api.api("POST", "api/v1/episodes/" + episode + "/plan", "{\"startDate\":\"" + TODAY.minusWeeks(8) + "\",\"reviewDate\":\""
                + TODAY.plusWeeks(4) + "\",\"goals\":\"Sit through a film\",\"interventions\":[{\"type\":\"REST\",\"startDate\":\""
                + TODAY.minusWeeks(8) + "\",\"status\":\"ACTIVE\"}]}", physio, PASSWORD).statusCode());
        return episode;
    }

    private long assessment(long episode) {
        HttpResponse<String> recorded = api.api("POST", "api/v1/episodes/" + episode + "/assessments",
                "{\"date\":\"" + TODAY + "\",\"source\":\"CLINICIAN\",\"nrs\":6}", physio, PASSWORD);
        assertEquals(201, recorded.statusCode(), recorded.body());
        return Clinic.idOf(recorded.body());
    }

    private void intervention(long episode) {
        assertEquals(201, api.api("POST", "api/v1/episodes/" + episode + "/interventions", "{\"type\":\"HEAT_COLD\",\"startDate\":\"" + TODAY
                + "\",\"status\":\"ACTIVE\"}", physio, PASSWORD).statusCode());
    }

    private long openFlag() {
        long episode = episodeWithIntake(true);
        try {
            return Clinic.number(databaseUrl, "SELECT id FROM escalation_flag WHERE status = 'OPEN' AND rule = 'RED_FLAG' AND episode_id = ?", episode);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long intakeOf(long episode) {
        try {
            return Clinic.number(databaseUrl, "SELECT id FROM intake WHERE status = 'SUBMITTED' AND episode_id = ?", episode);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebSession signedIn(String username) {
        return signedIn(username, PASSWORD);
    }

    private WebSession signedIn(String username, String password) {
        WebSession session = new WebSession(base);
        assertEquals(302, session.signIn(username, password).statusCode(), username);
        return session;
    }

    /**
     * Row counts and row versions of every table users fill: equal before and after means nothing
     * was stored. One connection for the whole class: thousands of look-ups, each a few rows.
     */
    private static String fingerprint() throws SQLException {
        try (Statement q = connection().createStatement()) {
            if (fingerprintSql == null) {
                List<String> parts = new ArrayList<>();
                for (String table : STORED) {
                    parts.add("(SELECT count(*) FROM " + table + ")");
                    try (ResultSet rs = q.executeQuery("SELECT 1 FROM information_schema.columns WHERE table_name = '" + table + "' AND column_name = 'version'")) {
                        if (rs.next()) {
                            parts.add("(SELECT coalesce(sum(version), 0) FROM " + table + ")");
                        }
                    }
                }
                fingerprintSql = "SELECT concat_ws(',', " + String.join(", ", parts) + ")";
            }
            try (ResultSet rs = q.executeQuery(fingerprintSql)) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static Connection connection() throws SQLException {
        if (fingerprintConnection == null || fingerprintConnection.isClosed()) {
            fingerprintConnection = EmbeddedDatabase.get().dataSource(databaseUrl).getConnection();
        }
        return fingerprintConnection;
    }

    @AfterAll
    static void closeFingerprintConnection() throws SQLException {
        if (fingerprintConnection != null) {
            fingerprintConnection.close();
        }
    }

    private static int unique() {
        return UNIQUE.incrementAndGet();
    }

    private static String shorten(String text) {
        String oneLine = text.replace("\n", " ");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "...(" + text.length() + " chars)" : oneLine;
    }
}
