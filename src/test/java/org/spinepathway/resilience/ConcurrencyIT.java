package org.spinepathway.resilience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.WebSession;

/**
 * Things that happen at the same time in a clinic: several physiotherapists saving one plan, and
 * the escalation job started twice while visits (some with red flags) are being recorded. Nothing
 * is lost, nothing is doubled, no red flag is missed. (One intake however many times its submit
 * arrives at once: IntakeApiIT.)
 */
@ExtendWith(ArquillianExtension.class)
class ConcurrencyIT {

    private static final String PASSWORD = "Concurrent-pass-1";
    private static final LocalDate TODAY = LocalDate.now();
    private static String databaseUrl;

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        databaseUrl = EmbeddedDatabase.get().createDatabase("concurrency");
        return ClinicDeployment.onDatabase(databaseUrl);
    }

    @Test
    void sixPhysiotherapistsSavingOnePlanAtOnce_shouldKeepExactlyOneSave_andTellTheOthersWhoWon() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> physios = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            physios.add("physio" + i + "-" + run);
            Clinic.createStaff(base, physios.get(i), PASSWORD, "PHYSIO", "Physio " + i);
        }
        long episodeId = episodeWithIntake(physios.get(0), run, 0, TODAY.minusDays(7), "{}");
        assertEquals(201, new WebSession(base).api("POST", "api/v1/episodes/" + episodeId + "/plan", "{\"startDate\":\"" + TODAY
                + "\",\"reviewDate\":\"" + TODAY.plusWeeks(6) + "\",\"goals\":\"Walk to work\"}", physios.get(0), PASSWORD).statusCode());
        long versionBefore = Clinic.number(databaseUrl, "SELECT version FROM treatment_plan WHERE episode_id = ?", episodeId);
        // The episode is in the first one's care; the others cover with emergency access, as a clinic would.
        for (String colleague : physios.subList(1, physios.size())) {
            assertEquals(201, new WebSession(base).api("POST", "api/v1/episodes/" + episodeId + "/emergency-access",
                    "{\"reason\":\"Covering the clinic this morning\"}", colleague, PASSWORD).statusCode());
        }

        String page = "physio/plan.xhtml?episode=" + episodeId;
        List<WebSession.PreparedForm> forms = new ArrayList<>();
        for (String physio : physios) {
            WebSession session = new WebSession(base);
            assertEquals(302, session.signIn(physio, PASSWORD).statusCode());
            forms.add(session.prepare(page, "plan"));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<HttpResponse<String>>> saves = new ArrayList<>();
        for (int i = 0; i < forms.size(); i++) {
            WebSession.PreparedForm form = forms.get(i);
            Map<String, String> fields = Map.of("goals", "Goals of physio " + i, "reviewDate_input", TODAY.plusWeeks(7 + i).toString());
            saves.add(() -> {
                start.await();
                return form.post(fields, "save");
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(saves.size());
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            saves.forEach(save -> answers.add(pool.submit(save)));
            start.countDown();
            List<Integer> winners = new ArrayList<>();
            int refused = 0;
            for (int i = 0; i < answers.size(); i++) {
                HttpResponse<String> answer = answers.get(i).get();
                assertEquals(200, answer.statusCode(), answer.body());
                if (answer.body().contains("The plan is saved")) {
                    winners.add(i);
                } else {
                    assertTrue(answer.body().contains("Changed by physio"), "a refused save says who changed the plan: " + answer.body());
                    assertTrue(answer.body().contains("Goals of physio " + i), "and keeps what this physiotherapist typed");
                    refused++;
                }
            }
            assertEquals(1, winners.size(), "exactly one save wins: " + winners);
            assertEquals(5, refused);
            int winner = winners.get(0);
            assertEquals("Goals of physio " + winner, Clinic.text(databaseUrl, "SELECT goals FROM treatment_plan WHERE episode_id = ?", episodeId));
            assertEquals(TODAY.plusWeeks(7 + winner).toString(), Clinic.text(databaseUrl, "SELECT review_date FROM treatment_plan WHERE episode_id = ?", episodeId));
            assertEquals(versionBefore + 1, Clinic.number(databaseUrl, "SELECT version FROM treatment_plan WHERE episode_id = ?", episodeId));
            assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM audit_event WHERE action = 'UPDATE' AND record_type = 'TreatmentPlan'"
                    + " AND record_id = (SELECT id FROM treatment_plan WHERE episode_id = ?)", episodeId), "one change in the plan's history");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theEvaluationStartedTwiceWhileVisitsAreRecorded_shouldRaiseEachFlagOnce_andMissNoRedFlag() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String physio = "physio-" + run;
        Clinic.createStaff(base, physio, PASSWORD, "PHYSIO", "Paula Parallel");
        // Severe, unimproved back pain for eight weeks: the job has something to raise on every episode.
        List<Long> episodes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long episode = episodeWithIntake(physio, run, i + 1, TODAY.minusWeeks(8), "{}");
            assertEquals(201, new WebSession(base).api("POST", "api/v1/episodes/" + episode + "/plan", "{\"startDate\":\"" + TODAY.minusWeeks(8)
                    + "\",\"reviewDate\":\"" + TODAY.plusWeeks(2) + "\",\"goals\":\"Less pain\"}", physio, PASSWORD).statusCode());
            episodes.add(episode);
        }
        List<Long> withRedFlag = Collections.synchronizedList(new ArrayList<>());
        Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> evaluationAnswers = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> work = new ArrayList<>();
            // Four physiotherapist clients record a visit on every episode; every fifth has a new red flag.
            for (int t = 0; t < 4; t++) {
                int client = t;
                work.add(pool.submit(() -> {
                    start.await();
                    WebSession api = new WebSession(base);
                    for (int i = client; i < episodes.size(); i += 4) {
                        boolean redFlag = i % 5 == 0;
                        HttpResponse<String> visit = api.api("POST", "api/v1/episodes/" + episodes.get(i) + "/assessments",
                                "{\"date\":\"" + TODAY + "\",\"source\":\"CLINICIAN\",\"nrs\":8,\"disability\":{\"instrument\":\"ODI\",\"answers\":"
                                        + "[4,4,4,4,4,4,4,4,4,4]},\"redFlags\":{\"saddleNumbness\":" + redFlag + "}}", physio, PASSWORD);
                        if (visit.statusCode() != 201) {
                            unexpected.add("visit " + visit.statusCode() + ": " + visit.body());
                        } else if (redFlag) {
                            withRedFlag.add(episodes.get(i));
                        }
                    }
                    return null;
                }));
            }
            // Two administrators (or the schedule and an administrator) start the evaluation, three times each.
            for (int t = 0; t < 2; t++) {
                work.add(pool.submit(() -> {
                    start.await();
                    WebSession api = new WebSession(base);
                    for (int i = 0; i < 3; i++) {
                        HttpResponse<String> evaluation = api.api("POST", "api/v1/escalation/evaluations", "{\"asOf\":\"" + TODAY + "\"}",
                                ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD);
                        evaluationAnswers.merge(evaluation.statusCode(), 1, Integer::sum);
                        if (evaluation.statusCode() != 200 && evaluation.statusCode() != 409) {
                            unexpected.add("evaluation " + evaluation.statusCode() + ": " + evaluation.body());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        // Once more when all is quiet: whatever the concurrent runs did, the end state is complete.
        HttpResponse<String> last = new WebSession(base).api("POST", "api/v1/escalation/evaluations", "{\"asOf\":\"" + TODAY + "\"}",
                ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD);
        assertEquals(200, last.statusCode(), last.body());

        Map<String, Long> flagsByRule = new TreeMap<>();
        long duplicates;
        String ids = episodes.toString().replace('[', '(').replace(']', ')');
        try (Connection c = EmbeddedDatabase.get().dataSource(databaseUrl).getConnection(); Statement q = c.createStatement()) {
            try (ResultSet rs = q.executeQuery("SELECT rule, count(*) FROM escalation_flag WHERE episode_id IN " + ids + " GROUP BY rule")) {
                while (rs.next()) {
                    flagsByRule.put(rs.getString(1), rs.getLong(2));
                }
            }
            // Nobody decided anything, so each episode has at most one flag per rule, whatever its status.
            try (ResultSet rs = q.executeQuery("SELECT count(*) FROM (SELECT episode_id, rule FROM escalation_flag WHERE episode_id IN " + ids
                    + " GROUP BY episode_id, rule HAVING count(*) > 1) d")) {
                rs.next();
                duplicates = rs.getLong(1);
            }
        }
        long missedRedFlags = 0;
        for (long episode : withRedFlag) {
            missedRedFlags += Clinic.number(databaseUrl, "SELECT count(*) FROM escalation_flag WHERE rule = 'RED_FLAG' AND episode_id = ?", episode) == 1 ? 0 : 1;
        }
        long skipped = Clinic.number(databaseUrl, "SELECT count(*) FROM evaluation_run WHERE outcome = ?", "SKIPPED");
        System.out.printf("[concurrency] %d episodes, %d visits with a red flag; evaluation answers %s (+1 at the end), runs skipped %d;"
                + " flags %s; duplicates %d; red flags missed %d; unexpected %s%n", episodes.size(), withRedFlag.size(),
                new TreeMap<>(evaluationAnswers), skipped, flagsByRule, duplicates, missedRedFlags, unexpected);
        assertTrue(unexpected.isEmpty(), unexpected.toString());
        assertEquals(8, withRedFlag.size());
        assertEquals(0, duplicates, "no flag raised twice");
        assertEquals(0, missedRedFlags, "every red flag recorded during the runs is flagged, once");
        assertEquals(8L, flagsByRule.get("RED_FLAG"));
        // Eight weeks of care and no change of pain or function: the job raised this on every episode, once.
        assertEquals(40L, flagsByRule.get("NOT_IMPROVING"), "the job saw every episode: " + flagsByRule);
    }

    @Test
    void eightAdministratorsCreatingOneUsernameAtOnce_shouldCreateOneAccount_andAnswerTheOthers409() throws Exception {
        String username = "same-" + UUID.randomUUID().toString().substring(0, 8);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            answers.add(pool.submit(() -> {
                start.await();
                return new WebSession(base).api("POST", "api/v1/staff", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD
                        + "\",\"role\":\"PHYSIO\",\"displayName\":\"Physio " + n + "\"}", ClinicDeployment.ADMIN_USERNAME,
                        ClinicDeployment.ADMIN_PASSWORD);
            }));
        }
        start.countDown();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Future<HttpResponse<String>> answer : answers) {
            statuses.merge(answer.get().statusCode(), 1, Integer::sum);
        }
        pool.shutdown();
        assertEquals(Map.of(201, 1, 409, 7), statuses, "one account; the others told the name is taken, none a 500");
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM user_account WHERE lower(username) = lower(?)", username));
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM audit_event e JOIN user_account a ON a.id = e.record_id"
                + " WHERE e.action = 'CREATE' AND e.record_type = 'UserAccount' AND a.username = ?", username),
                "the CREATE event names the account's id");
    }

    /** A patient created by staff through the API, an episode, and an intake the physiotherapist entered. */
    private long episodeWithIntake(String physio, String run, int number, LocalDate submittedOn, String redFlags) {
        long episodeId = Clinic.patientWithEpisode(base, physio, PASSWORD, "con" + number + "-" + run + "@example.org");
        WebSession api = new WebSession(base);
        HttpResponse<String> intake = api.api("POST", "api/v1/episodes/" + episodeId + "/intake", "{\"submittedOn\":\"" + submittedOn
                + "\",\"painNow\":8,\"painWorst\":9,\"disability\":{\"instrument\":\"ODI\",\"answers\":[4,4,4,4,4,4,4,4,4,4]},\"redFlags\":"
                + redFlags + "}", physio, PASSWORD);
        assertEquals(201, intake.statusCode(), intake.body());
        return episodeId;
    }
}
