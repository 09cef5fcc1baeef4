package org.spinepathway.care;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import org.spinepathway.testing.Http;
import org.spinepathway.testing.WebSession;

/**
 * The care API: a plan with interventions opens conservative care; assessments from clinicians and
 * patients, with the immediate RED_FLAG and MOTOR_DECLINE flags; bad input is a 400 with nothing
 * stored; patients see and add only to their own episode.
 */
@ExtendWith(ArquillianExtension.class)
class CareApiIT {

    private static final String PASSWORD = "Care-api-pass-1";
    private static final LocalDate TODAY = LocalDate.now();
    private static String databaseUrl;

    @ArquillianResource
    URL base;

    private WebSession api;
    private String physio;
    private String patient;
    private long episodeId;

    @Deployment(testable = false)
    static WebArchive deployment() {
        databaseUrl = EmbeddedDatabase.get().createDatabase("care_api");
        return ClinicDeployment.onDatabase(databaseUrl);
    }

    @BeforeEach
    void episode() throws Exception {
        api = new WebSession(base);
        String run = UUID.randomUUID().toString().substring(0, 8);
        physio = "physio-" + run;
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Pat Physio");
        patient = "care-" + run + "@example.org";
        Clinic.registerPatient(base, patient, PASSWORD, "Mae", "Jemison", "1956-10-17", "FEMALE");
        long patientId = single("SELECT id FROM patient WHERE email = ?", patient);
        HttpResponse<String> episode = api.api("POST", "api/v1/patients/" + patientId + "/episodes", "{\"region\":\"LUMBAR\",\"side\":\"LEFT\"}", physio, PASSWORD);
        episodeId = Long.parseLong(episode.body().transform(Http::topLevelId));
    }

    @Test
    void aPlanWithInterventions_shouldStartConservativeCare_andShowOnTheEpisode() throws Exception {
        HttpResponse<String> plan = post("plan", """
                {"startDate":"%s","reviewDate":"%s","goals":"Walk 2 km without leg pain",
                 "interventions":[
                   {"type":"PHYSICAL_THERAPY","startDate":"%s","status":"ACTIVE","details":{"programme":"McKenzie extension","sessionsPerWeek":2}},
                   {"type":"MEDICATION","startDate":"%s","status":"ACTIVE","details":{"drug":"naproxen","dose":"500 mg","frequency":"twice daily","drugClass":"NSAID"}},
                   {"type":"INJECTION","startDate":"%s","status":"COMPLETED","details":{"kind":"EPIDURAL_STEROID","level":"L4-L5","givenOn":"%s"}}]}
                """.formatted(TODAY.minusDays(30), TODAY.plusDays(30), TODAY.minusDays(30), TODAY.minusDays(30), TODAY.minusDays(10), TODAY.minusDays(10)));
        assertEquals(201, plan.statusCode(), plan.body());
        assertEquals(409, post("plan", "{\"startDate\":\"" + TODAY + "\",\"reviewDate\":\"" + TODAY + "\",\"goals\":\"again\"}").statusCode(),
                "one plan per episode");
        HttpResponse<String> heat = post("interventions", "{\"type\":\"HEAT_COLD\",\"startDate\":\"" + TODAY + "\",\"status\":\"PLANNED\",\"details\":{\"instructions\":\"Heat 20 min\"}}");
        assertEquals(201, heat.statusCode(), heat.body());

        HttpResponse<String> episode = api.api("GET", "api/v1/episodes/" + episodeId, null, physio, PASSWORD);
        assertEquals(200, episode.statusCode());
        String body = episode.body();
        assertTrue(body.contains("\"state\":\"CONSERVATIVE_CARE\""), body);
        assertTrue(body.contains("\"goals\":\"Walk 2 km without leg pain\""), body);
        assertTrue(body.contains("\"level\":\"L4-L5\"") && body.contains("\"kind\":\"EPIDURAL_STEROID\""), body);
        assertEquals(4, single("SELECT count(*) FROM intervention i JOIN treatment_plan p ON p.id = i.plan_id WHERE p.episode_id = ?", episodeId));
        assertEquals(1, single("SELECT count(*) FROM intervention i JOIN treatment_plan p ON p.id = i.plan_id WHERE p.episode_id = ? AND i.given_on IS NOT NULL", episodeId));
    }

    @Test
    void badPlansAndInterventions_shouldAnswer400_andStoreNothing() throws Exception {
        assertEquals(409, post("interventions", "{\"type\":\"REST\",\"startDate\":\"" + TODAY + "\",\"status\":\"ACTIVE\"}").statusCode(),
                "no plan yet");
        Map<String, String> cases = Map.of(
                "{\"startDate\":\"" + TODAY + "\",\"reviewDate\":\"" + TODAY.minusDays(1) + "\",\"goals\":\"g\"}", "reviewDate",
                "{\"startDate\":\"" + TODAY + "\",\"reviewDate\":\"" + TODAY + "\"}", "goals",
                "{\"startDate\":\"" + TODAY + "\",\"reviewDate\":\"" + TODAY + "\",\"goals\":\"g\",\"interventions\":[{\"type\":\"REST\",\"startDate\":\"" + TODAY + "\",\"status\":\"STOPPED\"}]}", "interventions[0].stopReason",
                "{\"startDate\":\"" + TODAY + "\",\"reviewDate\":\"" + TODAY + "\",\"goals\":\"g\",\"interventions\":[{\"type\":\"INJECTION\",\"startDate\":\"" + TODAY + "\",\"status\":\"COMPLETED\",\"details\":{\"kind\":\"FACET\",\"level\":\"L9\"}}]}", "interventions[0].details.level",
                "{\"startDate\":\"" + TODAY + "\",\"reviewDate\":\"" + TODAY + "\",\"goals\":\"g\",\"interventions\":[{\"type\":\"INJECTION\",\"startDate\":\"" + TODAY + "\",\"status\":\"COMPLETED\",\"details\":{\"kind\":\"FACET\",\"level\":\"L5-S1\",\"givenOn\":\"" + TODAY.plusDays(3) + "\"}}]}", "interventions[0].details.givenOn",
                "{\"startDate\":\"" + TODAY + "\",\"reviewDate\":\"" + TODAY + "\",\"goals\":\"g\",\"interventions\":[{\"type\":\"PHYSICAL_THERAPY\",\"startDate\":\"" + TODAY + "\",\"status\":\"ACTIVE\",\"details\":{\"programme\":\"core\",\"sessionsPerWeek\":40}}]}", "interventions[0].details.sessionsPerWeek",
                "{\"startDate\":\"" + TODAY + "\",\"reviewDate\":\"" + TODAY + "\",\"goals\":\"g\",\"interventions\":[{\"type\":\"MEDICATION\",\"startDate\":\"" + TODAY + "\",\"status\":\"ACTIVE\",\"details\":{\"drug\":\"x\",\"colour\":\"blue\"}}]}", "interventions[0].details.colour",
                "{\"startDate\":\"" + TODAY + "\",\"reviewDate\":\"" + TODAY + "\",\"goals\":\"g\",\"interventions\":[{\"type\":\"SURGERY\",\"startDate\":\"" + TODAY + "\",\"status\":\"ACTIVE\"}]}", "interventions[0].type");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> refused = post("plan", c.getKey());
            assertEquals(400, refused.statusCode(), c.getKey() + " -> " + refused.body());
            assertTrue(refused.body().contains("\"field\":\"" + c.getValue() + "\""), c.getKey() + " -> " + refused.body());
        }
        assertEquals(0, single("SELECT count(*) FROM treatment_plan WHERE episode_id = ?", episodeId), "nothing stored");
        assertTrue(api.api("GET", "api/v1/episodes/" + episodeId, null, physio, PASSWORD).body().contains("\"state\":\"INTAKE\""));
    }

    @Test
    void assessments_shouldScore_andRaiseMotorDeclineAndRedFlagAtOnce() throws Exception {
        HttpResponse<String> first = post("assessments", "{\"date\":\"" + TODAY.minusDays(14) + "\",\"source\":\"CLINICIAN\",\"nrs\":6,"
                + "\"disability\":{\"instrument\":\"ODI\",\"answers\":[2,2,2,2,2,2,2,2,2,2]},\"motor\":[{\"myotome\":\"L5\",\"side\":\"LEFT\",\"grade\":5}]}");
        assertEquals(201, first.statusCode(), first.body());
        assertTrue(first.body().contains("\"disabilityScore\":40.0") && first.body().contains("\"flags\":[]"), first.body());

        HttpResponse<String> weaker = post("assessments", "{\"date\":\"" + TODAY + "\",\"source\":\"CLINICIAN\",\"nrs\":6,"
                + "\"motor\":[{\"myotome\":\"L5\",\"side\":\"LEFT\",\"grade\":4},{\"myotome\":\"S1\",\"side\":\"LEFT\",\"grade\":5}]}");
        assertEquals(201, weaker.statusCode(), weaker.body());
        assertTrue(weaker.body().contains("\"rule\":\"MOTOR_DECLINE\"") && weaker.body().contains("\"priority\":\"URGENT\""), weaker.body());

        HttpResponse<String> checkIn = api.api("POST", "api/v1/episodes/" + episodeId + "/assessments",
                "{\"date\":\"" + TODAY + "\",\"source\":\"PATIENT\",\"nrs\":7,\"redFlags\":{\"bladderBowelChange\":true}}", patient, PASSWORD);
        assertEquals(201, checkIn.statusCode(), checkIn.body());
        assertTrue(checkIn.body().contains("\"rule\":\"RED_FLAG\""), checkIn.body());
        assertEquals(2, single("SELECT count(*) FROM escalation_flag WHERE episode_id = ? AND status = 'OPEN'", episodeId));
        String evidence = text("SELECT evidence FROM escalation_flag WHERE episode_id = ? AND rule = 'MOTOR_DECLINE'", episodeId);
        assertTrue(evidence.contains("\"previous\":5") && evidence.contains("\"latest\":4"), evidence);
    }

    @Test
    void badAssessments_shouldAnswer400_andPatientsMayNotGradeMuscles() throws Exception {
        String motorFromPatient = "{\"date\":\"" + TODAY + "\",\"source\":\"PATIENT\",\"nrs\":5,\"motor\":[{\"myotome\":\"L5\",\"side\":\"LEFT\",\"grade\":4}]}";
        HttpResponse<String> refused = api.api("POST", "api/v1/episodes/" + episodeId + "/assessments", motorFromPatient, patient, PASSWORD);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"field\":\"motor\""), refused.body());
        Map<String, String> cases = Map.of(
                "{\"date\":\"" + TODAY.plusDays(1) + "\",\"source\":\"CLINICIAN\"}", "date",
                "{\"date\":\"" + TODAY + "\",\"source\":\"ROBOT\"}", "source",
                "{\"date\":\"" + TODAY + "\",\"source\":\"CLINICIAN\",\"nrs\":11}", "nrs",
                "{\"date\":\"" + TODAY + "\",\"source\":\"CLINICIAN\",\"motor\":[{\"myotome\":\"C5\",\"side\":\"LEFT\",\"grade\":4}]}", "motor[0].myotome",
                "{\"date\":\"" + TODAY + "\",\"source\":\"CLINICIAN\",\"motor\":[{\"myotome\":\"L4\",\"side\":\"LEFT\",\"grade\":6}]}", "motor[0].grade",
                "{\"date\":\"" + TODAY + "\",\"source\":\"CLINICIAN\",\"disability\":{\"instrument\":\"NDI\",\"answers\":[1,1,1,1,1,1,1,1,1,1]}}", "disability.instrument",
                "{\"date\":\"" + TODAY + "\",\"source\":\"CLINICIAN\",\"adherence\":\"SOMETIMES\"}", "adherence");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> answer = post("assessments", c.getKey());
            assertEquals(400, answer.statusCode(), c.getKey() + " -> " + answer.body());
            assertTrue(answer.body().contains("\"field\":\"" + c.getValue() + "\""), c.getKey() + " -> " + answer.body());
        }
        assertEquals(400, api.api("POST", "api/v1/episodes/" + episodeId + "/assessments",
                "{\"date\":\"" + TODAY + "\",\"source\":\"CLINICIAN\",\"nrs\":3}", patient, PASSWORD).statusCode(), "a patient records as PATIENT");
        assertEquals(0, single("SELECT count(*) FROM assessment WHERE episode_id = ?", episodeId), "nothing stored");
    }

    @Test
    void anAssessment_shouldBeVoidedWithAReason_neverDeleted() throws Exception {
        HttpResponse<String> recorded = post("assessments", "{\"date\":\"" + TODAY + "\",\"source\":\"CLINICIAN\",\"nrs\":9,\"notes\":\"typed into the wrong chart\"}");
        long assessmentId = Long.parseLong(recorded.body().transform(Http::topLevelId));
        assertEquals(400, post("assessments/" + assessmentId + "/void", "{\"reason\":\" \"}").statusCode(), "a void needs a reason");
        assertEquals(403, api.api("POST", "api/v1/episodes/" + episodeId + "/assessments/" + assessmentId + "/void",
                "{\"reason\":\"mine\"}", patient, PASSWORD).statusCode());

        HttpResponse<String> voided = post("assessments/" + assessmentId + "/void", "{\"reason\":\"Recorded for the wrong patient\"}");
        assertEquals(200, voided.statusCode(), voided.body());
        assertTrue(voided.body().contains("\"voidedBy\":\"" + physio + "\""), voided.body());
        assertEquals(409, post("assessments/" + assessmentId + "/void", "{\"reason\":\"again\"}").statusCode(), "voided once");

        assertTrue(!api.api("GET", "api/v1/episodes/" + episodeId, null, physio, PASSWORD).body().contains("typed into the wrong chart"),
                "a voided assessment leaves the chart");
        assertEquals("Recorded for the wrong patient", text("SELECT void_reason FROM assessment WHERE id = ?", assessmentId), "but stays on record");
        assertEquals(1, single("SELECT count(*) FROM audit_event WHERE action = 'VOID' AND record_id = ?", assessmentId));
    }

    @Test
    void twoPhysiotherapistsEditingOnePlan_shouldRefuseTheSecondSave_andKeepTheFirst() throws Exception {
        assertEquals(201, post("plan", "{\"startDate\":\"" + TODAY + "\",\"reviewDate\":\"" + TODAY.plusWeeks(6) + "\",\"goals\":\"Original goals\","
                + "\"interventions\":[{\"type\":\"REST\",\"startDate\":\"" + TODAY + "\",\"status\":\"ACTIVE\"}]}").statusCode());
        String colleague = "colleague-" + UUID.randomUUID().toString().substring(0, 8);
        Clinic.createStaff(base, colleague, PASSWORD, "PHYSIO", "Col League");
        // The episode is in the first physiotherapist's care: the colleague covers with emergency access.
        assertEquals(201, api.api("POST", "api/v1/episodes/" + episodeId + "/emergency-access",
                "{\"reason\":\"Covering the clinic while Pat is away\"}", colleague, PASSWORD).statusCode());
        WebSession first = new WebSession(base);
        WebSession second = new WebSession(base);
        assertEquals(302, first.signIn(physio, PASSWORD).statusCode());
        assertEquals(302, second.signIn(colleague, PASSWORD).statusCode());
        String page = "physio/plan.xhtml?episode=" + episodeId;
        WebSession.PreparedForm firstForm = first.prepare(page, "plan");
        WebSession.PreparedForm secondForm = second.prepare(page, "plan");

        HttpResponse<String> saved = firstForm.post(Map.of("goals", "Goals by the first", "reviewDate_input", TODAY.plusWeeks(8).toString()), "save");
        assertEquals(200, saved.statusCode());
        assertTrue(saved.body().contains("The plan is saved"), saved.body());

        HttpResponse<String> refused = secondForm.post(Map.of("goals", "Goals by the second", "reviewDate_input", TODAY.plusWeeks(6).toString()), "save");
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("Changed by " + physio), "says who changed it: " + refused.body());
        assertTrue(refused.body().contains("Goals by the second"), "what the second typed is still in the form");
        assertEquals("Goals by the first", text("SELECT goals FROM treatment_plan WHERE episode_id = ?", episodeId), "the first save stands");
        assertEquals(TODAY.plusWeeks(8).toString(), text("SELECT review_date FROM treatment_plan WHERE episode_id = ?", episodeId));

        HttpResponse<String> history = first.get(page);
        String shown = history.body().contains("id=\"history\"") ? history.body().substring(history.body().indexOf("id=\"history\"")) : history.body();
        assertTrue(shown.contains("goals: \"Original goals\" -&gt; \"Goals by the first\""), "the change is in the plan's history: "
                + shown.substring(0, Math.min(1500, shown.length())).replace("\n", " "));

        long restId = single("SELECT i.id FROM intervention i JOIN treatment_plan p ON p.id = i.plan_id WHERE p.episode_id = ?", episodeId);
        WebSession.PreparedForm interventions = first.prepare(page, "interventions");
        HttpResponse<String> noReason = interventions.post(Map.of("list:0:reason", ""), "list:0:stop");
        assertTrue(noReason.body().contains("Say why the intervention is stopped"), noReason.body());
        HttpResponse<String> stopped = first.prepare(page, "interventions").post(Map.of("list:0:reason", "Pain worse with rest"), "list:0:stop");
        assertTrue(stopped.body().contains("The intervention is stopped"), stopped.body());
        assertEquals("Pain worse with rest", text("SELECT stop_reason FROM intervention WHERE id = ?", restId));
    }

    @Test
    void thePlan_shouldTakeTheIntakeAsBaseline_andTheCaseloadListsOverdueFollowUps() throws Exception {
        HttpResponse<String> intake = api.api("POST", "api/v1/episodes/" + episodeId + "/intake", """
                {"submittedOn":"%s","painNow":8,"painWorst":9,"disability":{"instrument":"ODI","answers":[3,3,3,3,3,3,3,3,3,3]}}
                """.formatted(TODAY.minusDays(31)), patient, PASSWORD);
        assertEquals(201, intake.statusCode(), intake.body());
        assertEquals(201, post("plan", "{\"startDate\":\"" + TODAY.minusDays(30) + "\",\"reviewDate\":\"" + TODAY.plusDays(12)
                + "\",\"goals\":\"Sit through a film\"}").statusCode());
        String episode = api.api("GET", "api/v1/episodes/" + episodeId, null, physio, PASSWORD).body();
        assertTrue(episode.contains("\"baseline\":{\"disabilityInstrument\":\"ODI\",\"disabilityScore\":60.0,\"nrs\":8}"), episode);
        assertEquals(single("SELECT id FROM user_account WHERE username = ?", physio),
                single("SELECT physio_id FROM episode_of_care WHERE id = ?", episodeId), "the plan's writer looks after the episode");

        // A second patient of the same physiotherapist, seen two days ago: in the caseload, not overdue.
        String seen = "seen-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Clinic.registerPatient(base, seen, PASSWORD, "Sally", "Ride", "1951-05-26", "FEMALE");
        long seenEpisode = Long.parseLong(api.api("POST", "api/v1/patients/" + single("SELECT id FROM patient WHERE email = ?", seen) + "/episodes",
                "{\"region\":\"CERVICAL\",\"side\":\"RIGHT\"}", physio, PASSWORD).body().transform(Http::topLevelId));
        assertEquals(201, api.api("POST", "api/v1/episodes/" + seenEpisode + "/plan", "{\"startDate\":\"" + TODAY.minusDays(40)
                + "\",\"reviewDate\":\"" + TODAY.plusDays(2) + "\",\"goals\":\"Turn the head to drive\"}", physio, PASSWORD).statusCode());
        assertEquals(201, api.api("POST", "api/v1/episodes/" + seenEpisode + "/assessments", "{\"date\":\"" + TODAY.minusDays(2)
                + "\",\"source\":\"CLINICIAN\",\"nrs\":3}", physio, PASSWORD).statusCode());

        // The nightly rules raise the follow-up tasks the overdue list shows.
        assertEquals(200, api.api("POST", "api/v1/escalation/evaluations", "{}", ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD)
                .statusCode());
        WebSession pages = new WebSession(base);
        assertEquals(302, pages.signIn(physio, PASSWORD).statusCode());
        HttpResponse<String> page = pages.get("physio/caseload.xhtml");
        assertEquals(200, page.statusCode(), page.headers().map() + page.body());
        String caseload = page.body();
        String overdue = caseload.substring(0, caseload.indexOf("id=\"caseloadForm\""));
        String all = caseload.substring(caseload.indexOf("id=\"caseloadForm\""));
        assertTrue(overdue.contains("Mae Jemison") && !overdue.contains("Sally Ride"), "30 days in care, never assessed: overdue; seen 2 days ago: not");
        assertTrue(all.contains("Mae Jemison") && all.contains("Sally Ride"), "both are in the caseload");
        assertTrue(all.indexOf("Mae Jemison") < all.indexOf("Sally Ride"), "longest since an assessment first");

        String intakeOnly = pages.submit("physio/caseload.xhtml", "caseloadForm", Map.of("state_input", "INTAKE", "order_input", "LONGEST_IN_CARE"), "refresh").body();
        String filtered = intakeOnly.substring(intakeOnly.indexOf("id=\"caseloadForm\""));
        assertTrue(filtered.contains("No episodes.") && !filtered.contains("Mae Jemison"), "filtered by state");
        String longestInCare = pages.submit("physio/caseload.xhtml", "caseloadForm", Map.of("state_input", "", "order_input", "LONGEST_IN_CARE"), "refresh").body();
        String sorted = longestInCare.substring(longestInCare.indexOf("id=\"caseloadForm\""));
        assertTrue(sorted.indexOf("Sally Ride") < sorted.indexOf("Mae Jemison"), "40 days in care before 30");

        // Search the caseload by name, record number or date of birth; wildcards and quotes are text.
        String sallyMrn = Clinic.text(databaseUrl, "SELECT mrn FROM patient WHERE email = ?", seen);
        for (String search : List.of("jemison", "MAE JEM", "Mae Jemison", "1956-10-17", "17/10/1956")) {
            String found = caseloadSearch(pages, search);
            assertTrue(found.contains("Mae Jemison") && !found.contains("Sally Ride"), search + ": " + found);
        }
        for (String search : List.of(sallyMrn, sallyMrn.toLowerCase(), sallyMrn.substring(2), "1951-05-26", "26/5/1951", "Ride")) {
            String found = caseloadSearch(pages, search);
            assertTrue(found.contains("Sally Ride") && !found.contains("Mae Jemison"), search + ": " + found);
        }
        for (String search : List.of("Nobody Atall", "%", "_", "'", "M_e", "%emison", "' OR '1'='1", "31/2/1956")) {
            String found = caseloadSearch(pages, search);
            assertTrue(found.contains("No episodes.") && !found.contains("Mae Jemison") && !found.contains("Sally Ride"), search + ": " + found);
        }

        String colleague = "other-physio-" + UUID.randomUUID().toString().substring(0, 8);
        Clinic.createStaff(base, colleague, PASSWORD, "PHYSIO", "Other Physio");
        WebSession other = new WebSession(base);
        assertEquals(302, other.signIn(colleague, PASSWORD).statusCode());
        assertFalse(other.get("physio/caseload.xhtml").body().contains("Mae Jemison"), "a caseload is the physiotherapist's own");
    }

    @Test
    void patients_shouldSeeOnlyTheirOwnEpisode() throws Exception {
        String other = "other-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Clinic.registerPatient(base, other, PASSWORD, "Otto", "Other", "1980-01-01", "MALE");
        assertEquals(200, api.api("GET", "api/v1/episodes/" + episodeId, null, patient, PASSWORD).statusCode());
        assertEquals(404, api.api("GET", "api/v1/episodes/" + episodeId, null, other, PASSWORD).statusCode());
        assertEquals(404, api.api("POST", "api/v1/episodes/" + episodeId + "/assessments",
                "{\"date\":\"" + TODAY + "\",\"source\":\"PATIENT\",\"nrs\":3}", other, PASSWORD).statusCode());
        assertEquals(403, api.api("GET", "api/v1/episodes/" + episodeId, null, ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD).statusCode());
        assertEquals(403, api.api("POST", "api/v1/episodes/" + episodeId + "/plan", "{}", patient, PASSWORD).statusCode());
    }

    private HttpResponse<String> post(String path, String json) {
        return api.api("POST", "api/v1/episodes/" + episodeId + "/" + path, json, physio, PASSWORD);
    }

    /** The rows of the caseload's list of all episodes after searching it for {@code search} (not the search field echoing it). */
    private static String caseloadSearch(WebSession pages, String search) {
        HttpResponse<String> page = pages.submit("physio/caseload.xhtml", "caseloadForm", Map.of("search", search, "state_input", ""), "find");
        assertEquals(200, page.statusCode(), page.body());
        return page.body().substring(page.body().indexOf("id=\"caseloadForm:episodes_data\""));
    }

    private static long single(String sql, Object parameter) throws Exception {
        return Clinic.number(databaseUrl, sql, parameter);
    }

    private static String text(String sql, Object parameter) throws Exception {
        return Clinic.text(databaseUrl, sql, parameter);
    }
}
