package org.spinepathway.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The web load of {@code ./mvnw -Pbench}, started by {@code Benchmarks} in Gatling's own JVM. One
 * mix of four requests, a quarter each: the physician's worklist, first page and a deep page
 * (API); a patient submitting an intake (API, as the patient); the landing page, anonymously,
 * which must not open a server-side session (a {@code Set-Cookie} answer counts as an error).
 *
 * <p>{@code -Dbench.model=saturation}: 64 users with no think time, each on its own kept-alive
 * connection, for the duration (closed model). {@code -Dbench.model=rate}: 200 new users a second,
 * each sending one request (open model: arrivals do not wait for answers), over shared connections.
 * {@code -Dbench.model=ramp}: the same open model, the arrival rate rising evenly from a tenth of
 * the rate to the rate over the duration (the warm-up).
 */
public class ClinicLoadSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("bench.baseUrl", "http://localhost:8089");
    private static final String MODEL = System.getProperty("bench.model", "rate");
    private static final Duration DURATION = Duration.ofSeconds(Long.getLong("bench.seconds", 60));
    private static final int CONNECTIONS = Integer.getInteger("bench.connections", 64);
    private static final double RATE = Double.parseDouble(System.getProperty("bench.rate", "200"));
    private static final String PHYSICIAN = System.getProperty("bench.physician", "bench.doctor");
    private static final String PHYSICIAN_PASSWORD = System.getProperty("bench.physicianPassword");
    private static final int DEEP_PAGE = Integer.getInteger("bench.deepPage", 500);
    /** CSV with the columns username, password, episodeId: patients whose episode waits for its intake. */
    private static final String PATIENTS = System.getProperty("bench.patients");

    private static final String INTAKE = """
            {"painNow":6,"painWorst":8,"disability":{"instrument":"ODI","answers":[2,1,3,2,1,2,1,2,2,2]},
             "symptoms":{"onsetDate":"2026-09-01"},"medications":["NSAID"],"priorTreatments":["REST"],"imaging":["MRI"]}""";

    private final FeederBuilder<String> patients = csv(PATIENTS).circular();

    private final ChainBuilder oneRequest = randomSwitch().on(
            percent(25).then(exec(http("worklist, first page (API)").get("/api/v1/worklist?page=0&size=20")
                    .basicAuth(PHYSICIAN, PHYSICIAN_PASSWORD).check(status().is(200)))),
            percent(25).then(exec(http("worklist, page " + DEEP_PAGE + " (API)").get("/api/v1/worklist?page=" + DEEP_PAGE + "&size=20")
                    .basicAuth(PHYSICIAN, PHYSICIAN_PASSWORD).check(status().is(200)))),
            percent(25).then(feed(patients).exec(http("intake submission (API, patient)").post("/api/v1/episodes/#{episodeId}/intake")
                    .basicAuth("#{username}", "#{password}").body(StringBody(INTAKE)).asJson().check(status().is(201)))),
            percent(25).then(exec(http("landing page (anonymous)").get("/").header("Accept", "text/html")
                    .check(status().is(200), header("Set-Cookie").notExists()))));

    {
        HttpProtocolBuilder protocol = http.baseUrl(BASE_URL).acceptHeader("application/json").userAgentHeader("spine-pathway-bench");
        if (MODEL.equals("saturation")) {
            ScenarioBuilder users = scenario("saturation: " + CONNECTIONS + " connections, no think time")
                    .exec(during(DURATION).on(oneRequest));
            setUp(users.injectClosed(constantConcurrentUsers(CONNECTIONS).during(DURATION))).protocols(protocol);
        } else if (MODEL.equals("ramp")) {
            ScenarioBuilder arrivals = scenario("arrival rate rising to " + (int) RATE + " requests/s").exec(oneRequest);
            setUp(arrivals.injectOpen(rampUsersPerSec(RATE / 10).to(RATE).during(DURATION))).protocols(protocol.shareConnections());
        } else {
            ScenarioBuilder arrivals = scenario("fixed arrival rate: " + (int) RATE + " requests/s").exec(oneRequest);
            setUp(arrivals.injectOpen(constantUsersPerSec(RATE).during(DURATION))).protocols(protocol.shareConnections());
        }
    }
}
