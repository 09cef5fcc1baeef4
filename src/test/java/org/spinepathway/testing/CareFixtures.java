package org.spinepathway.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collections;

/**
 * Episodes of care built through the JSON API, as a clinic would build them: a registered patient,
 * an episode, the patient's submitted intake, a plan, clinician visits, an evaluation run.
 */
public final class CareFixtures {

    private final URL base;
    private final String databaseUrl;
    private final String password;
    private final WebSession api;

    public CareFixtures(URL base, String databaseUrl, String password) {
        this.base = base;
        this.databaseUrl = databaseUrl;
        this.password = password;
        this.api = new WebSession(base);
    }

    /**
     * A patient who registered, a lower-back episode the physiotherapist opened, and the patient's
     * submitted intake: pain {@code pain}, every ODI section answered {@code odiAnswer} (×2 = ODI %).
     */
    public long episodeWithIntake(String physio, String email, String given, String family, int pain, int odiAnswer,
                                  LocalDate submittedOn, String symptomsJson) throws SQLException {
        Clinic.registerPatient(base, email, password, given, family, "1960-01-01", "FEMALE");
        long patientId = Clinic.number(databaseUrl, "SELECT id FROM patient WHERE email = ?", email);
        HttpResponse<String> episode = api.api("POST", "api/v1/patients/" + patientId + "/episodes", "{\"region\":\"LUMBAR\",\"side\":\"LEFT\"}",
                physio, password);
        assertEquals(201, episode.statusCode(), episode.body());
        long episodeId = Long.parseLong(episode.body().transform(Http::topLevelId));
        HttpResponse<String> intake = api.api("POST", "api/v1/episodes/" + episodeId + "/intake", """
                {"submittedOn":"%s","painNow":%d,"painWorst":9,"disability":{"instrument":"ODI","answers":[%s]},"symptoms":%s}"""
                .formatted(submittedOn, pain, answers(odiAnswer), symptomsJson), email, password);
        assertEquals(201, intake.statusCode(), intake.body());
        return episodeId;
    }

    public void plan(String physio, long episodeId, LocalDate start, String goals) {
        HttpResponse<String> plan = api.api("POST", "api/v1/episodes/" + episodeId + "/plan", "{\"startDate\":\"" + start + "\",\"reviewDate\":\""
                + start.plusWeeks(6) + "\",\"goals\":\"" + goals + "\"}", physio, password);
        assertEquals(201, plan.statusCode(), plan.body());
    }

    /** A clinician's visit with pain, the ODI (every section {@code odiAnswer}) and red-flag answers. */
    public HttpResponse<String> visit(String physio, long episodeId, LocalDate date, int nrs, int odiAnswer, String redFlagsJson) {
        return api.api("POST", "api/v1/episodes/" + episodeId + "/assessments", "{\"date\":\"" + date + "\",\"source\":\"CLINICIAN\",\"nrs\":" + nrs
                + ",\"disability\":{\"instrument\":\"ODI\",\"answers\":[" + answers(odiAnswer) + "]},\"redFlags\":" + redFlagsJson + "}", physio, password);
    }

    /** A clinician's visit with pain, MRC grades ({@code [{"myotome","side","grade"}]}), red-flag answers and notes. */
    public HttpResponse<String> visitWithGrades(String physio, long episodeId, LocalDate date, int nrs, String motorJson,
                                                String redFlagsJson, String notes) {
        HttpResponse<String> visit = api.api("POST", "api/v1/episodes/" + episodeId + "/assessments", "{\"date\":\"" + date
                + "\",\"source\":\"CLINICIAN\",\"nrs\":" + nrs + ",\"motor\":" + motorJson + ",\"redFlags\":" + redFlagsJson
                + ",\"notes\":\"" + notes + "\"}", physio, password);
        assertEquals(201, visit.statusCode(), visit.body());
        return visit;
    }

    /** The escalation rules run by the administrator as of a date; the answer's body. */
    public String evaluate(LocalDate asOf) {
        HttpResponse<String> answer = api.api("POST", "api/v1/escalation/evaluations", "{\"asOf\":\"" + asOf + "\"}",
                ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD);
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    private static String answers(int each) {
        return String.join(",", Collections.nCopies(10, String.valueOf(each)));
    }
}
