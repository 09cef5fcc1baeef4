package org.spinepathway.security;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.sql.DataSource;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spinepathway.testing.CareFixtures;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.Http;
import org.spinepathway.testing.ServerOutput;
import org.spinepathway.testing.WebSession;

/**
 * Who may reach what: every protected page and API call of the application, for anonymous
 * visitors and each role, against the real server. The table {@link #MATRIX} is the access matrix;
 * a new page or API call adds its row here.
 */
@ExtendWith(ArquillianExtension.class)
class AccessMatrixIT {

    enum Caller { ANONYMOUS, PATIENT, PHYSIO, PHYSICIAN, ADMIN }

    enum Kind { PAGE, API }

    /** One row: a request, and the callers allowed to make it. */
    record Row(Kind kind, String method, String path, Function<AccessMatrixIT, String> body, Set<Caller> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);
    private static final Set<Caller> SIGNED_IN = EnumSet.of(Caller.PATIENT, Caller.PHYSIO, Caller.PHYSICIAN, Caller.ADMIN);
    private static final Set<Caller> STAFF = EnumSet.of(Caller.PHYSIO, Caller.PHYSICIAN, Caller.ADMIN);
    private static final String OWN_PATIENT = "{patientA}";
    private static final String OWN_EPISODE = "{episodeA}";
    private static final String NEW_PATIENT_JSON =
            "{\"givenName\":\"Grace\",\"familyName\":\"Hopper\",\"birthDate\":\"1956-12-09\",\"sex\":\"FEMALE\"}";

    static final List<Row> MATRIX = List.of(
            new Row(Kind.PAGE, "GET", "index.xhtml", t -> null, EVERYONE),
            new Row(Kind.PAGE, "GET", "login.xhtml", t -> null, EVERYONE),
            new Row(Kind.PAGE, "GET", "register.xhtml", t -> null, EVERYONE),
            new Row(Kind.PAGE, "GET", "signed-out.xhtml", t -> null, EVERYONE),
            new Row(Kind.PAGE, "GET", "registered.xhtml", t -> null, EVERYONE),
            new Row(Kind.PAGE, "GET", "confirm-email.xhtml?token=not-a-token", t -> null, EVERYONE),
            new Row(Kind.PAGE, "GET", "forgot-password.xhtml", t -> null, EVERYONE),
            new Row(Kind.PAGE, "GET", "reset-password.xhtml?token=not-a-token", t -> null, EVERYONE),
            new Row(Kind.PAGE, "GET", "patient/home.xhtml", t -> null, EnumSet.of(Caller.PATIENT)),
            new Row(Kind.PAGE, "GET", "account/password.xhtml", t -> null, SIGNED_IN),
            new Row(Kind.PAGE, "GET", "admin/accounts.xhtml", t -> null, EnumSet.of(Caller.ADMIN)),
            new Row(Kind.PAGE, "GET", "admin/audit.xhtml", t -> null, EnumSet.of(Caller.ADMIN)),
            // Areas whose pages later features add: the URL rules are in place already.
            new Row(Kind.PAGE, "GET", "patient/intake.xhtml", t -> null, EnumSet.of(Caller.PATIENT)),
            new Row(Kind.PAGE, "GET", "physio/intakes.xhtml", t -> null, EnumSet.of(Caller.PHYSIO, Caller.PHYSICIAN)),
            new Row(Kind.PAGE, "GET", "physio/plan.xhtml?episode=" + OWN_EPISODE, t -> null, EnumSet.of(Caller.PHYSIO, Caller.PHYSICIAN)),
            new Row(Kind.PAGE, "GET", "physio/caseload.xhtml", t -> null, EnumSet.of(Caller.PHYSIO, Caller.PHYSICIAN)),
            new Row(Kind.PAGE, "GET", "physio/visit.xhtml?episode=" + OWN_EPISODE, t -> null, EnumSet.of(Caller.PHYSIO, Caller.PHYSICIAN)),
            new Row(Kind.PAGE, "GET", "physio/progress.xhtml?episode=" + OWN_EPISODE, t -> null, EnumSet.of(Caller.PHYSIO, Caller.PHYSICIAN)),
            new Row(Kind.PAGE, "GET", "patient/check-in.xhtml?episode=" + OWN_EPISODE, t -> null, EnumSet.of(Caller.PATIENT)),
            new Row(Kind.PAGE, "GET", "patient/progress.xhtml?episode=" + OWN_EPISODE, t -> null, EnumSet.of(Caller.PATIENT)),
            new Row(Kind.PAGE, "GET", "physician/worklist.xhtml", t -> null, EnumSet.of(Caller.PHYSICIAN)),
            new Row(Kind.PAGE, "GET", "physician/flag.xhtml?id=1", t -> null, EnumSet.of(Caller.PHYSICIAN)),
            new Row(Kind.PAGE, "GET", "admin/evaluations.xhtml", t -> null, EnumSet.of(Caller.ADMIN)),
            new Row(Kind.PAGE, "GET", "admin/emergency-access.xhtml", t -> null, EnumSet.of(Caller.ADMIN)),
            new Row(Kind.PAGE, "GET", "account/second-factor.xhtml", t -> null, SIGNED_IN),
            new Row(Kind.PAGE, "GET", "follow-up.xhtml?t=not-a-token", t -> null, EVERYONE),
            new Row(Kind.PAGE, "GET", "follow-up-stop.xhtml?t=not-a-token", t -> null, EVERYONE),
            new Row(Kind.PAGE, "GET", "physio/follow-up.xhtml", t -> null, EnumSet.of(Caller.PHYSIO, Caller.PHYSICIAN)),
            new Row(Kind.API, "POST", "api/v1/staff", AccessMatrixIT::newStaffJson, EnumSet.of(Caller.ADMIN)),
            new Row(Kind.API, "GET", "api/v1/audit/verification", t -> null, EnumSet.of(Caller.ADMIN)),
            new Row(Kind.API, "POST", "api/v1/patients", t -> NEW_PATIENT_JSON, STAFF),
            new Row(Kind.API, "GET", "api/v1/patients/" + OWN_PATIENT, t -> null, SIGNED_IN),
            new Row(Kind.API, "POST", "api/v1/patients/" + OWN_PATIENT + "/episodes", t -> "{\"region\":\"LUMBAR\",\"side\":\"LEFT\"}", STAFF),
            new Row(Kind.API, "POST", "api/v1/episodes/" + OWN_EPISODE + "/intake", t -> "{\"painNow\":3,\"painWorst\":4}",
                    EnumSet.of(Caller.PHYSIO, Caller.PATIENT)),
            new Row(Kind.API, "GET", "api/v1/worklist", t -> null, EnumSet.of(Caller.PHYSICIAN)),
            new Row(Kind.API, "GET", "api/v1/episodes/" + OWN_EPISODE + "/flags", t -> null, EnumSet.of(Caller.PHYSIO, Caller.PHYSICIAN)),
            new Row(Kind.API, "POST", "api/v1/escalation/evaluations", t -> "{}", EnumSet.of(Caller.ADMIN)),
            new Row(Kind.API, "POST", "api/v1/follow-up/invitations", t -> "{}", EnumSet.of(Caller.ADMIN)),
            new Row(Kind.API, "GET", "api/v1/follow-up/completion", t -> null, STAFF),
            new Row(Kind.API, "GET", "api/v1/episodes/" + OWN_EPISODE, t -> null, EnumSet.of(Caller.PATIENT, Caller.PHYSIO, Caller.PHYSICIAN)),
            // In this order: the plan the physiotherapist creates is the one interventions are added to.
            new Row(Kind.API, "POST", "api/v1/episodes/" + OWN_EPISODE + "/plan", AccessMatrixIT::planJson, EnumSet.of(Caller.PHYSIO)),
            new Row(Kind.API, "POST", "api/v1/episodes/" + OWN_EPISODE + "/interventions",
                    t -> "{\"type\":\"REST\",\"startDate\":\"2026-01-05\",\"status\":\"ACTIVE\"}", EnumSet.of(Caller.PHYSIO)),
            new Row(Kind.API, "POST", "api/v1/episodes/" + OWN_EPISODE + "/assessments",
                    t -> "{\"date\":\"2026-01-05\",\"source\":\"PATIENT\",\"nrs\":4}", EnumSet.of(Caller.PHYSIO, Caller.PATIENT)));

    private static final String PASSWORD = "Matrix-pass-2026";
    private static final AtomicInteger STAFF_COUNTER = new AtomicInteger();
    private static String databaseUrl;

    @ArquillianResource
    URL base;

    private String patientA;
    private String patientB;
    private long patientAId;
    private long patientBId;
    private long episodeAId;
    private String run;

    @Deployment(testable = false)
    static WebArchive deployment() {
        databaseUrl = EmbeddedDatabase.get().createDatabase("access");
        // Events are sealed into the audit trail's chain every second, so a test need not wait long.
        return ClinicDeployment.onDatabase(databaseUrl, Map.of("clinic.audit.seal-seconds", "1",
                "clinic.audit.seal-key", "access-matrix-seal-key-0123456789abcdef"));
    }

    @BeforeEach
    void accounts() throws SQLException {
        // Each test makes its own accounts, so tests run in any order.
        String run = UUID.randomUUID().toString().substring(0, 8);
        patientA = "a-" + run + "@example.org";
        patientB = "b-" + run + "@example.org";
        register(patientA, "Ann");
        register(patientB, "Ben");
        patientAId = patientIdOf(patientA);
        patientBId = patientIdOf(patientB);
        createStaff("physio-" + run, "PHYSIO");
        createStaff("physician-" + run, "PHYSICIAN");
        this.run = run;
        HttpResponse<String> episode = new WebSession(base).api("POST", "api/v1/patients/" + patientAId + "/episodes",
                "{\"region\":\"LUMBAR\",\"side\":\"LEFT\"}", "physio-" + run, PASSWORD);
        assertEquals(201, episode.statusCode(), episode.body());
        episodeAId = Long.parseLong(episode.body().transform(Http::topLevelId));
    }

    @Test
    void everyRowOfTheMatrix_shouldAllowItsRolesAndRefuseTheRest() {
        List<Executable> checks = new ArrayList<>();
        for (Row row : MATRIX) {
            for (Caller caller : Caller.values()) {
                checks.add(() -> check(row, caller));
            }
        }
        assertAll(checks);
        assertEquals(MATRIX.size() * 5, checks.size(), "rows x callers");
    }

    @Test
    void aPatient_shouldNotReachAnotherPatientsRecord_byApiOrById() {
        WebSession session = new WebSession(base);
        HttpResponse<String> other = session.api("GET", "api/v1/patients/" + patientBId, null, patientA, PASSWORD);
        assertEquals(404, other.statusCode(), other.body());
        assertFalse(other.body().contains("Ben"), "nothing of patient B is shown");

        HttpResponse<String> own = session.api("GET", "api/v1/patients/" + patientAId, null, patientA, PASSWORD);
        assertEquals(200, own.statusCode());
        assertTrue(own.body().contains("\"givenName\":\"Ann\""), own.body());

        HttpResponse<String> unknown = session.api("GET", "api/v1/patients/999999", null, patientA, PASSWORD);
        assertEquals(other.statusCode(), unknown.statusCode(), "another patient's id and an unknown id look the same");
    }

    @Test
    void anotherPatientsEpisode_shouldReadExactlyAsAnUnknownOne_inTheApi() {
        WebSession session = new WebSession(base);
        long unknown = episodeAId + 1_000_000;
        HttpResponse<String> other = session.api("GET", "api/v1/episodes/" + episodeAId, null, patientB, PASSWORD);
        HttpResponse<String> none = session.api("GET", "api/v1/episodes/" + unknown, null, patientB, PASSWORD);
        assertEquals(404, other.statusCode(), other.body());
        assertEquals(404, none.statusCode(), none.body());
        assertFalse(other.body().contains("patient"), "the answer names no patient: " + other.body());
        assertEquals(other.body().replace(String.valueOf(episodeAId), "N"), none.body().replace(String.valueOf(unknown), "N"),
                "the same words for another patient's episode and one that does not exist");
    }

    @Test
    void intakeResultPage_shouldBeThe404Page_forAnotherPatientsAnUnknownOrNoEpisode() {
        WebSession session = new WebSession(base);
        assertEquals(302, session.signIn(patientB, PASSWORD).statusCode());
        List<String> bodies = new ArrayList<>();
        for (String query : List.of("?episode=" + episodeAId, "?episode=" + (episodeAId + 1_000_000), "", "?episode=abc")) {
            HttpResponse<String> page = session.get("patient/intake-result.xhtml" + query);
            assertEquals(404, page.statusCode(), "intake-result" + query + ": " + page.body());
            assertFalse(Http.showsStackTrace(page.body()), page.body());
            // The same page but for what differs on every response: the script nonce and the sign-out form's view state.
            bodies.add(page.body().replaceAll("nonce=\"[^\"]*\"", "").replaceAll("csp\\.init\\('[^']*'\\)", "")
                    .replaceAll("<input type=\"hidden\"[^>]*>", ""));
        }
        assertEquals(1, bodies.stream().distinct().count(), "one page for every refusal: " + bodies);
    }

    @Test
    void readingAChart_shouldBeAuditedWithWhoWhatAndWhere() throws SQLException {
        String physio = "physio-" + run;
        HttpResponse<String> read = new WebSession(base).api("GET", "api/v1/patients/" + patientAId, null, physio, PASSWORD);
        assertEquals(200, read.statusCode());
        try (Connection connection = database().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT action, record_type, client_address FROM audit_event WHERE username = ? AND patient_id = ? AND action = 'READ'")) {
            query.setString(1, physio);
            query.setLong(2, patientAId);
            try (ResultSet rs = query.executeQuery()) {
                assertTrue(rs.next(), "a READ event for the chart");
                assertEquals("READ", rs.getString("action"));
                assertEquals("Patient", rs.getString("record_type"));
                assertTrue(rs.getString("client_address").contains("127.0.0.1") || rs.getString("client_address").contains(":"));
            }
        }
    }

    @Test
    void theApi_shouldRefuseASignedInBrowserSessionWithoutBasicCredentials() {
        WebSession browser = new WebSession(base);
        assertEquals(302, browser.signIn(patientA, PASSWORD).statusCode());
        assertEquals(200, browser.get("patient/home.xhtml").statusCode(), "the web session works");

        HttpResponse<String> cookieOnly = browser.api("GET", "api/v1/patients/" + patientAId, null, null, null);
        assertEquals(401, cookieOnly.statusCode(), "cookies do not authenticate API calls");
        HttpResponse<String> crossSiteWrite = browser.api("POST", "api/v1/patients", NEW_PATIENT_JSON, null, null);
        assertEquals(401, crossSiteWrite.statusCode());
    }

    @Test
    void signIn_shouldChangeTheSessionId_andSetSafeCookies() {
        WebSession browser = new WebSession(base);
        // The sign-in page itself opens no session (PlatformIT); a protected page does, to remember where the visitor was going.
        browser.get("patient/home.xhtml");
        String before = browser.cookie("JSESSIONID").orElseThrow().getValue();

        HttpResponse<String> signedIn = browser.signIn(patientA, PASSWORD);
        assertEquals(302, signedIn.statusCode());
        String after = browser.cookie("JSESSIONID").orElseThrow().getValue();
        assertNotEquals(before, after, "a new session id at sign-in");
        String setCookie = String.join("\n", signedIn.headers().allValues("Set-Cookie"));
        assertTrue(setCookie.contains("JSESSIONID") && setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=lax"), setCookie);
    }

    @Test
    void aSignInRegistrationOrPasswordResetPostedFromAnotherSite_shouldBeRefused_signingNobodyInAndOpeningNoSession() throws SQLException {
        // What a forged form on another site's page makes the victim's browser send, and what older browsers leave out.
        String[][] forged = {{"https://evil.example", "cross-site"}, {null, "same-site"}, {"https://evil.example", null}, {"null", null},
                {null, null}};
        for (String[] from : forged) {
            String label = "Origin " + from[0] + ", Sec-Fetch-Site " + from[1];
            WebSession victim = WebSession.postingFrom(base, from[0], from[1]);
            HttpResponse<String> signIn = victim.signIn(patientA, PASSWORD);
            assertEquals(403, signIn.statusCode(), label);
            assertTrue(signIn.body().contains("sent from a page of another website"), label + ": " + signIn.body());
            assertEquals(List.of(), signIn.headers().allValues("Set-Cookie"), label + ": no session");
            assertTrue(victim.get("patient/home.xhtml").statusCode() == 302, label + ": the browser is not signed in");

            String email = "forged-" + UUID.randomUUID() + "@example.org";
            HttpResponse<String> registered = WebSession.postingFrom(base, from[0], from[1]).submit("register.xhtml", "registration", Map.of(
                    "givenName", "Eve", "familyName", "Forged", "birthDate_input", "1980-01-01", "sex", "FEMALE", "email", email,
                    "phone", "07400 123456", "password", PASSWORD, "passwordRepeated", PASSWORD), "submit");
            assertEquals(403, registered.statusCode(), label);
            assertEquals(List.of(), registered.headers().allValues("Set-Cookie"), label + ": no session");
            assertEquals(0, Clinic.number(databaseUrl, "SELECT count(*) FROM patient WHERE email = ?", email), label + ": no patient registered");

            HttpResponse<String> reset = WebSession.postingFrom(base, from[0], from[1]).submit("forgot-password.xhtml", "forgot",
                    Map.of("email", email), "send");
            assertEquals(403, reset.statusCode(), label);
            assertEquals(0, Clinic.number(databaseUrl, "SELECT count(*) FROM audit_event WHERE username = ?", email),
                    label + ": no password reset asked");
        }
        // The clinic's own page, as a browser sends it (the same check lets it through).
        assertEquals(302, WebSession.postingFrom(base, null, "same-origin").signIn(patientA, PASSWORD).statusCode());
        assertEquals(302, WebSession.postingFrom(base, Http.origin(base), null)
                .signIn(patientA, PASSWORD).statusCode());
    }

    @Test
    void anAuditEventChangedStraightInTheDatabase_shouldBreakTheTrailAtThatEvent_onThePageAndInTheApi() throws Exception {
        // A chart read, audited, and sealed within a second or two.
        assertEquals(200, new WebSession(base).api("GET", "api/v1/patients/" + patientAId, null, patientA, PASSWORD).statusCode());
        long read = Clinic.number(databaseUrl, "SELECT max(id) FROM audit_event WHERE username = ?", patientA);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (Clinic.number(databaseUrl, "SELECT count(*) FROM audit_seal WHERE event_id = ?", read) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        String checks = "SELECT count(*) FROM audit_event WHERE record_type = 'AuditTrail' AND username = ?";
        long checksBefore = Clinic.number(databaseUrl, checks, ClinicDeployment.ADMIN_USERNAME);
        HttpResponse<String> before = new WebSession(base).api("GET", "api/v1/audit/verification", null, ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD);
        assertEquals(200, before.statusCode(), before.body());
        assertTrue(before.body().contains("\"intact\":true"), before.body());

        // Someone with the database's owner rights silences the append-only trigger and rewrites the event.
        try (Connection connection = database().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update");
            statement.execute("UPDATE audit_event SET detail = 'nothing to see here' WHERE id = " + read);
            statement.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");
        }
        HttpResponse<String> after = new WebSession(base).api("GET", "api/v1/audit/verification", null, ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD);
        assertEquals(200, after.statusCode());
        assertTrue(after.body().contains("\"intact\":false") && after.body().contains("\"brokenAtEvent\":" + read + ",")
                && after.body().contains("was changed after it was sealed"), after.body());

        WebSession page = new WebSession(base);
        assertEquals(302, page.signIn(ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD).statusCode());
        HttpResponse<String> checked = page.submit("admin/audit.xhtml", "trail", Map.of(), "verify");
        assertEquals(200, checked.statusCode());
        assertTrue(checked.body().contains("The audit trail is broken at event " + read + " (recorded "), checked.body());
        assertEquals(checksBefore + 3, Clinic.number(databaseUrl, checks, ClinicDeployment.ADMIN_USERNAME), "each check is audited");
    }

    @Test
    void pages_shouldCarryTheSecurityHeaders() {
        HttpResponse<String> page = new WebSession(base).get("index.xhtml");
        List<String> policies = page.headers().allValues("Content-Security-Policy");
        assertTrue(policies.stream().anyMatch(p -> p.contains("script-src 'self' 'nonce-")), "PrimeFaces' script policy: " + policies);
        assertTrue(policies.stream().anyMatch(p -> p.contains("frame-ancestors 'none'")), "framing refused: " + policies);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("same-origin", page.headers().firstValue("Referrer-Policy").orElse(""));
    }

    @Test
    void errorPagesAnd401Answers_shouldCarryTheSecurityHeaders() {
        WebSession anonymous = new WebSession(base);
        assertSecurityHeaders(anonymous.get("no-such-page.xhtml"), "the 404 page");
        assertSecurityHeaders(anonymous.api("GET", "api/v1/patients/" + patientAId, null, null, null), "401 without credentials");
        assertSecurityHeaders(anonymous.api("GET", "api/v1/patients/" + patientAId, null, patientA, "wrong-password"), "401 for a wrong password");
        assertSecurityHeaders(anonymous.get("patient/home.xhtml"), "the redirect to sign-in");
        WebSession physio = new WebSession(base);
        assertEquals(302, physio.signIn("physio-" + run, PASSWORD).statusCode());
        HttpResponse<String> forbidden = physio.get("admin/accounts.xhtml");
        assertEquals(403, forbidden.statusCode());
        assertSecurityHeaders(forbidden, "the 403 page");
    }

    @Test
    void controlCharactersInBasicCredentials_shouldAnswer401_beAudited_andForgeNoLineInTheServerLog() throws SQLException {
        WebSession api = new WebSession(base);
        String forged = "admin\r\n[forged] line " + run;
        String nul = "admin\u0000x" + run;
        String both = "admin\u0000\r\n[forged] line " + run;
        HttpResponse<String> unknown = api.api("GET", "api/v1/patients/" + patientAId, null, "nobody-" + run, "pw");
        try (ServerOutput log = ServerOutput.capture()) {
            for (String username : List.of(nul, forged, both)) {
                HttpResponse<String> refused = api.api("GET", "api/v1/patients/" + patientAId, null, username, "pw");
                assertEquals(401, refused.statusCode(), refused.body());
                assertEquals(unknown.body(), refused.body(), "refused like any wrong credentials");
                assertSecurityHeaders(refused, "401 for " + username);
            }
            HttpResponse<String> inPassword = api.api("GET", "api/v1/patients/" + patientAId, null, "physio-" + run, PASSWORD + "\r\n[forged] pw");
            assertEquals(401, inPassword.statusCode(), "a control character in the password: " + inPassword.body());
            // The server logs each evaluation run: once its line is in, every line logged before it is too.
            new CareFixtures(base, databaseUrl, PASSWORD).evaluate(java.time.LocalDate.now());
            assertTrue(log.await(line -> line.contains("Escalation evaluation"), java.time.Duration.ofSeconds(30)),
                    "the server's output is captured: " + log.lines());
            List<String> lines = log.lines();
            assertFalse(lines.stream().anyMatch(line -> line.strip().startsWith("[forged]")), "a forged line in the log: " + lines);
            assertFalse(lines.stream().anyMatch(line -> line.contains("\u0000")), "a NUL in the log");
        }
        assertEquals(1, countEvents("admin\\u0000x" + run, "SIGN_IN_FAILURE"), "the NUL sign-in audited, escaped");
        assertEquals(1, countEvents("admin\\r\\n[forged] line " + run, "SIGN_IN_FAILURE"), "the CR/LF sign-in audited, escaped");
        assertEquals(1, countEvents("admin\\u0000\\r\\n[forged] line " + run, "SIGN_IN_FAILURE"));
        assertEquals(1, countEvents("physio-" + run, "SIGN_IN_FAILURE"), "the bad password audited under the account");
    }

    @Test
    void wrongCurrentPasswords_onTheChangePasswordPage_shouldCountAndLockLikeSignIns() throws SQLException {
        String staff = "change-" + run;
        createStaff(staff, "PHYSIO");
        WebSession browser = new WebSession(base);
        assertEquals(302, browser.signIn(staff, PASSWORD).statusCode());
        String hashBefore = Clinic.text(databaseUrl, "SELECT password_hash FROM user_account WHERE username = ?", staff);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = browser.submit("account/password.xhtml", "password", Map.of("currentPassword", "guess-number-" + i,
                    "newPassword", "Brand-new-pass-2027", "newPasswordRepeated", "Brand-new-pass-2027"), "submit");
            assertEquals(200, wrong.statusCode());
        }
        assertEquals(5, countEvents(staff, "SIGN_IN_FAILURE"), "each wrong current password audited as a failed sign-in");
        assertEquals(1, countEvents(staff, "LOCKOUT"), "and the fifth makes the account wait");
        HttpResponse<String> rightButLocked = browser.submit("account/password.xhtml", "password", Map.of("currentPassword", PASSWORD,
                "newPassword", "Brand-new-pass-2027", "newPasswordRepeated", "Brand-new-pass-2027"), "submit");
        assertTrue(rightButLocked.body().contains("please wait a few minutes"), "the page says to wait");
        assertEquals(hashBefore, Clinic.text(databaseUrl, "SELECT password_hash FROM user_account WHERE username = ?", staff),
                "no guess and not even the right password changes it while locked");
        assertEquals(401, new WebSession(base).api("GET", "api/v1/patients/" + patientAId, null, staff, PASSWORD).statusCode(),
                "the lock holds for sign-in too");
    }

    @Test
    void refusalsOfARecord_shouldBeTheSameAnswer_whetherItExistsOrNot() throws SQLException {
        WebSession api = new WebSession(base);
        String physio = "physio-" + run;
        // Episode A: patient A's intake with a red flag (an URGENT flag), and physio's plan (physio's team).
        assertEquals(201, api.api("POST", "api/v1/episodes/" + episodeAId + "/intake",
                "{\"painNow\":3,\"painWorst\":4,\"redFlags\":{\"saddleNumbness\":true}}", patientA, PASSWORD).statusCode());
        assertEquals(201, api.api("POST", "api/v1/episodes/" + episodeAId + "/plan", planJson(), physio, PASSWORD).statusCode());
        long flagId = Clinic.number(databaseUrl, "SELECT id FROM escalation_flag WHERE episode_id = ?", episodeAId);
        String otherTeam = "other-physio-" + run;
        createStaff(otherTeam, "PHYSIO");
        long none = 999_999_999L;
        String contact = "{\"method\":\"PHONE\",\"note\":\"Told to go to the emergency department\"}";
        record Pair(String what, HttpResponse<String> existing, HttpResponse<String> unknown) {
        }
        List<Pair> pairs = List.of(
                new Pair("patient B reads patient A", api.api("GET", "api/v1/patients/" + patientAId, null, patientB, PASSWORD),
                        api.api("GET", "api/v1/patients/" + none, null, patientB, PASSWORD)),
                new Pair("patient B reads A's episode", api.api("GET", "api/v1/episodes/" + episodeAId, null, patientB, PASSWORD),
                        api.api("GET", "api/v1/episodes/" + none, null, patientB, PASSWORD)),
                new Pair("patient B sends A's intake", api.api("POST", "api/v1/episodes/" + episodeAId + "/intake",
                        "{\"painNow\":3,\"painWorst\":4}", patientB, PASSWORD),
                        api.api("POST", "api/v1/episodes/" + none + "/intake", "{\"painNow\":3,\"painWorst\":4}", patientB, PASSWORD)),
                new Pair("patient B checks in on A's episode", api.api("POST", "api/v1/episodes/" + episodeAId + "/assessments",
                        "{\"date\":\"2026-01-05\",\"source\":\"PATIENT\",\"nrs\":4}", patientB, PASSWORD),
                        api.api("POST", "api/v1/episodes/" + none + "/assessments",
                                "{\"date\":\"2026-01-05\",\"source\":\"PATIENT\",\"nrs\":4}", patientB, PASSWORD)),
                new Pair("another team's physiotherapist records a contact on A's flag",
                        api.api("POST", "api/v1/flags/" + flagId + "/acknowledgements", contact, otherTeam, PASSWORD),
                        api.api("POST", "api/v1/flags/" + none + "/acknowledgements", contact, otherTeam, PASSWORD)));
        List<Executable> checks = new ArrayList<>();
        for (Pair pair : pairs) {
            checks.add(() -> {
                assertEquals(404, pair.existing().statusCode(), pair.what() + ": " + pair.existing().body());
                assertEquals(pair.unknown().statusCode(), pair.existing().statusCode(), pair.what());
                // Equal to the answer for another id, so it names neither.
                assertEquals(pair.unknown().body(), pair.existing().body(), pair.what() + ": the same words, no id");
            });
        }
        WebSession patientBBrowser = new WebSession(base);
        assertEquals(302, patientBBrowser.signIn(patientB, PASSWORD).statusCode());
        for (String page : List.of("patient/progress.xhtml", "patient/check-in.xhtml")) {
            checks.add(() -> {
                HttpResponse<String> existing = patientBBrowser.get(page + "?episode=" + episodeAId);
                HttpResponse<String> unknown = patientBBrowser.get(page + "?episode=" + none);
                assertEquals(unknown.statusCode(), existing.statusCode(), page);
                // The id as a whole number only (not inside a resource version such as 15.0.13).
                assertEquals(withoutPerResponseParts(unknown.body()).replaceAll("(?<![\\d.])" + none + "(?![\\d.])", "N"),
                        withoutPerResponseParts(existing.body()).replaceAll("(?<![\\d.])" + episodeAId + "(?![\\d.])", "N"),
                        page + ": another patient's episode reads as one that does not exist");
                assertFalse(existing.body().contains("Ann"), page + " shows nothing of patient A");
            });
        }
        assertAll(checks);
    }

    /** A page without what differs on every response: the script nonce and the forms' view state. */
    private static String withoutPerResponseParts(String html) {
        return html.replaceAll("nonce=\"[^\"]*\"", "").replaceAll("csp\\.init\\('[^']*'\\)", "")
                .replaceAll("<input type=\"hidden\"[^>]*>", "");
    }

    @Test
    void fiveWrongPasswords_shouldLockTheAccount_andTheAnswerShouldNotRevealIt() throws SQLException {
        String staff = "lock-" + run;
        createStaff(staff, "PHYSIO");
        WebSession api = new WebSession(base);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.api("GET", "api/v1/patients/" + patientAId, null, staff, "wrong-password-" + i).statusCode());
        }
        HttpResponse<String> locked = api.api("GET", "api/v1/patients/" + patientAId, null, staff, PASSWORD);
        HttpResponse<String> unknown = api.api("GET", "api/v1/patients/" + patientAId, null, "nobody-" + run, PASSWORD);
        assertEquals(401, locked.statusCode(), "the right password is refused while locked");
        assertEquals(unknown.statusCode(), locked.statusCode());
        assertEquals(unknown.body(), locked.body(), "a locked account answers like an unknown one");
        assertEquals(1, countEvents(staff, "LOCKOUT"));
        assertEquals(6, countEvents(staff, "SIGN_IN_FAILURE"));
    }

    @Test
    void administrator_shouldExportTheFilteredAuditLogAsCsv() {
        String physio = "physio-" + run;
        assertEquals(200, new WebSession(base).api("GET", "api/v1/patients/" + patientAId, null, physio, PASSWORD).statusCode());
        WebSession admin = new WebSession(base);
        assertEquals(302, admin.signIn(ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD).statusCode());

        HttpResponse<String> csv = admin.submit("admin/audit.xhtml", "audit", Map.of("username", physio), "export");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals("occurred_at,username,action,patient_id,record_type,record_id,detail,client_address", lines.get(0));
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains("," + physio + ",")), "only the filtered user's events: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains(",READ," + patientAId + ",Patient,")), lines.toString());
    }

    private void check(Row row, Caller caller) {
        WebSession session = new WebSession(base);
        String path = row.path().replace(OWN_PATIENT, String.valueOf(patientAId)).replace(OWN_EPISODE, String.valueOf(episodeAId));
        String username = switch (caller) {
            case ANONYMOUS -> null;
            case PATIENT -> patientA;
            case PHYSIO -> "physio-" + run;
            case PHYSICIAN -> "physician-" + run;
            case ADMIN -> ClinicDeployment.ADMIN_USERNAME;
        };
        String password = caller == Caller.ADMIN ? ClinicDeployment.ADMIN_PASSWORD : PASSWORD;
        HttpResponse<String> response;
        if (row.kind() == Kind.PAGE) {
            if (username != null) {
                assertEquals(302, session.signIn(username, password).statusCode(), "sign-in of " + caller);
            }
            response = session.get(path);
        } else {
            response = session.api(row.method(), path, row.body().apply(this), username, password);
        }
        int status = response.statusCode();
        String label = row + " as " + caller + " -> " + status + " " + response.headers().firstValue("Location").orElse("");
        assertSecurityHeaders(response, label);
        if (row.allowed().contains(caller)) {
            // Allowed: the application answers (404 for an area whose pages come with later features).
            assertTrue(status == 200 || status == 201 || (row.kind() == Kind.PAGE && status == 404), label);
        } else if (caller == Caller.ANONYMOUS) {
            if (row.kind() == Kind.PAGE) {
                assertEquals(302, status, label);
                assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"), label);
            } else {
                assertEquals(401, status, label);
            }
        } else {
            assertEquals(403, status, label);
        }
    }

    /** What every answer carries, allowed or refused, page, redirect, 401 or error page alike. */
    private static void assertSecurityHeaders(HttpResponse<String> response, String label) {
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""), "Cache-Control of " + label);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), "nosniff on " + label);
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""), "X-Frame-Options on " + label);
        List<String> policies = response.headers().allValues("Content-Security-Policy");
        assertTrue(policies.stream().anyMatch(p -> p.contains("frame-ancestors 'none'")), "CSP on " + label + ": " + policies);
        // A page Faces rendered (not a redirect's body) carries PrimeFaces' policy too.
        if (response.statusCode() != 302 && response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
            assertTrue(policies.stream().anyMatch(p -> p.contains("default-src 'self'") && p.contains("script-src 'self' 'nonce-")),
                    "PrimeFaces' whole policy on the page " + label + ": " + policies);
        }
    }

    @Test
    void aPhysiotherapistOutsideTheCareTeam_isRefused403_untilTheyOpenEmergencyAccessWithAReason_auditedAndListed() throws SQLException {
        WebSession api = new WebSession(base);
        String physio = "physio-" + run;
        assertEquals(201, api.api("POST", "api/v1/episodes/" + episodeAId + "/plan", planJson(), physio, PASSWORD).statusCode());
        String colleague = "covering-physio-" + run;
        createStaff(colleague, "PHYSIO");
        String intervention = "{\"type\":\"REST\",\"startDate\":\"2026-01-05\",\"status\":\"ACTIVE\"}";
        String emergency = "api/v1/episodes/" + episodeAId + "/emergency-access";

        HttpResponse<String> refused = api.api("POST", "api/v1/episodes/" + episodeAId + "/interventions", intervention, colleague, PASSWORD);
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("open emergency access"), refused.body());
        assertEquals(403, api.api("POST", "api/v1/episodes/" + episodeAId + "/assessments",
                "{\"date\":\"2026-01-05\",\"source\":\"CLINICIAN\",\"nrs\":4}", colleague, PASSWORD).statusCode());

        // Only a physiotherapist opens emergency access, to another's episode, with a reason.
        assertEquals(401, api.api("POST", emergency, "{\"reason\":\"Covering a colleague's clinic today\"}", null, null).statusCode());
        for (String[] caller : List.of(new String[] {patientA, PASSWORD}, new String[] {"physician-" + run, PASSWORD},
                new String[] {ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD})) {
            assertEquals(403, api.api("POST", emergency, "{\"reason\":\"Covering a colleague's clinic today\"}", caller[0], caller[1]).statusCode(),
                    caller[0]);
        }
        assertEquals(409, api.api("POST", emergency, "{\"reason\":\"It is my own patient anyway\"}", physio, PASSWORD).statusCode());
        HttpResponse<String> noReason = api.api("POST", emergency, "{\"reason\":\"urgent\"}", colleague, PASSWORD);
        assertEquals(400, noReason.statusCode(), noReason.body());
        assertTrue(noReason.body().contains("\"field\":\"reason\""), noReason.body());
        assertEquals(0, Clinic.number(databaseUrl, "SELECT count(*) FROM emergency_access WHERE username = ?", colleague));

        String reason = "Pat is on leave; the patient phoned with new leg weakness";
        HttpResponse<String> opened = api.api("POST", emergency, "{\"reason\":\"" + reason + "\"}", colleague, PASSWORD);
        assertEquals(201, opened.statusCode(), opened.body());
        assertTrue(opened.body().contains("\"expiresAt\""), opened.body());
        assertEquals(201, api.api("POST", "api/v1/episodes/" + episodeAId + "/interventions", intervention, colleague, PASSWORD).statusCode(),
                "the way through: the change is taken");
        assertEquals(403, api.api("POST", "api/v1/episodes/" + episodeAId + "/interventions", intervention, "physician-" + run, PASSWORD)
                .statusCode(), "a physician still changes no plan");
        assertEquals(1, Clinic.number(databaseUrl, "SELECT count(*) FROM audit_event WHERE username = ? AND action = 'UPDATE'"
                + " AND record_type = 'EpisodeOfCare' AND detail LIKE '%emergency access opened%" + reason + "'", colleague));

        // The administrator's list names who, whose record and why.
        WebSession admin = new WebSession(base);
        assertEquals(302, admin.signIn(ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD).statusCode());
        String list = admin.get("admin/emergency-access.xhtml").body();
        assertTrue(list.contains(reason) && list.contains(colleague) && list.contains("Ann"), list);

        // Rows are only ever added: the application's own role may not change or remove one.
        for (String sql : List.of("UPDATE emergency_access SET reason = 'nothing to see here' WHERE username = ?",
                "DELETE FROM emergency_access WHERE username = ?")) {
            SQLException denied = assertThrows(SQLException.class, () -> {
                try (var c = EmbeddedDatabase.get().applicationDataSource(databaseUrl).getConnection(); var q = c.prepareStatement(sql)) {
                    q.setString(1, colleague);
                    q.executeUpdate();
                }
            });
            assertEquals("42501", denied.getSQLState(), sql);
        }
    }

    private String planJson() {
        return "{\"startDate\":\"2026-01-05\",\"reviewDate\":\"2026-02-16\",\"goals\":\"Back to work\"}";
    }

    private String newStaffJson() {
        return "{\"username\":\"made-" + run + "-" + STAFF_COUNTER.incrementAndGet()
                + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"PHYSIO\",\"displayName\":\"Made By Matrix\"}";
    }

    private void register(String email, String givenName) {
        HttpResponse<String> registered = Clinic.registerPatient(base, email, PASSWORD, givenName, "Patient", "1980-05-17", "FEMALE");
        assertTrue(registered.headers().firstValue("Location").orElse("").endsWith("/registered.xhtml"));
    }

    private void createStaff(String username, String role) {
        Clinic.createStaff(base, username, PASSWORD, role, username);
    }

    private long patientIdOf(String email) throws SQLException {
        return Clinic.number(databaseUrl, "SELECT id FROM patient WHERE email = ?", email);
    }

    private int countEvents(String username, String action) throws SQLException {
        try (Connection connection = database().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM audit_event WHERE username = ? AND action = ?")) {
            query.setString(1, username);
            query.setString(2, action);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static DataSource database() {
        return EmbeddedDatabase.get().dataSource(databaseUrl);
    }
}
