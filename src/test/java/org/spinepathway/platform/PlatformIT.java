package org.spinepathway.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.Http;
import org.spinepathway.testing.WebSession;

/**
 * The packaged WAR on a real Payara Micro and a real PostgreSQL, seen over HTTP: health, metrics,
 * the landing page, error pages, protected areas, and recovery from a database outage.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    @ArquillianResource
    URL base;

    private static final int REFUSED_PER_MINUTE = 10;

    private static final int REGISTRATIONS_PER_HOUR = 3;
    private static String databaseUrl;

    @Deployment(testable = false)
    static WebArchive deployment() {
        // Low limits of refused passwords and registrations, for the tests of them; no other test here
        // sends a wrong password or registers.
        databaseUrl = EmbeddedDatabase.get().createDatabase("platform");
        return ClinicDeployment.onDatabase(databaseUrl,
                Map.of("clinic.security.rate-limit.failures-per-address-per-minute", String.valueOf(REFUSED_PER_MINUTE),
                        "clinic.security.rate-limit.registrations-per-address-per-hour", String.valueOf(REGISTRATIONS_PER_HOUR)));
    }

    @Test
    void readiness_shouldBeUpWithTheSchemaVersion_andLivenessServed() {
        HttpResponse<String> ready = Http.get(base, "/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"schemaVersion\""), ready.body());
        assertEquals(200, Http.get(base, "/health/live").statusCode());
    }

    @Test
    void metrics_shouldBeServedToNobodyOverPlainHttp_notEvenTheAdministrator() {
        // Payara's endpoint takes its constraint over TLS only (there an administrator's Basic
        // credentials read it, and nobody else's); on a plain HTTP port it answers 403 to every caller.
        HttpResponse<String> anonymous = Http.get(base, "/metrics");
        assertEquals(403, anonymous.statusCode(), "a stranger reads no metrics");
        assertFalse(anonymous.body().contains("# TYPE"));
        String physician = "metrics-doctor-" + UUID.randomUUID().toString().substring(0, 8);
        Clinic.createStaff(base, physician, "Metrics-doctor-pass-1", "PHYSICIAN", "Dr Metrics");
        assertEquals(403, Http.get(base, "/metrics", physician, "Metrics-doctor-pass-1").statusCode(), "nor does a physician");
        HttpResponse<String> admin = Http.get(base, "/metrics", ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD);
        assertEquals(403, admin.statusCode(), "nor the administrator, whose password would cross the network in clear");
        assertFalse(admin.body().contains("# TYPE"));
    }

    @Test
    void readiness_shouldFollowTheDatabaseDownAndUp_withoutARestart() throws Exception {
        EmbeddedDatabase postgres = EmbeddedDatabase.get();
        try {
            postgres.stop();
            HttpResponse<String> down = Http.awaitGet(base, "/health/ready", r -> r.statusCode() == 503, Duration.ofSeconds(30));
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().contains("DOWN"), down.body());
        } finally {
            postgres.start();
        }
        HttpResponse<String> up = Http.awaitGet(base, "/health/ready", r -> r.statusCode() == 200, Duration.ofSeconds(60));
        assertEquals(200, up.statusCode(), up.body());
        // Not only the health check: pages that read the database work again too.
        HttpResponse<String> landing = Http.awaitGet(base, "index.xhtml", r -> r.statusCode() == 200, Duration.ofSeconds(10));
        assertEquals(200, landing.statusCode());
    }

    @Test
    void landingPage_shouldTellPatientsAndStaffWhereToStart_withPrimeFacesResourcesServed() {
        HttpResponse<String> landing = Http.get(base, "index.xhtml");
        assertEquals(200, landing.statusCode());
        String html = landing.body();
        assertTrue(html.contains("Sign in to start your intake"), "patients are told where to start");
        assertTrue(html.contains("Staff sign in"), "staff are told where to sign in");
        assertTrue(html.contains("go to an emergency department now"), "urgent symptoms are signposted");

        Matcher script = Pattern.compile("src=\"([^\"]*core\\.js\\.xhtml\\?ln=primefaces[^\"]*)\"").matcher(html);
        assertTrue(script.find(), "the PrimeFaces core script is referenced");
        String resource = script.group(1).replace("&amp;", "&");
        HttpResponse<String> core = Http.get(base, resource);
        assertEquals(200, core.statusCode(), "PrimeFaces resource " + resource);
        assertTrue(core.body().contains("PrimeFaces"));
    }

    @Test
    void pagesForStrangers_shouldOpenNoSession_andKeepNoViewState() {
        for (String page : new String[] {"", "index.xhtml", "login.xhtml", "register.xhtml", "signed-out.xhtml", "registered.xhtml",
                "confirm-email.xhtml?token=x", "forgot-password.xhtml", "reset-password.xhtml?token=x"}) {
            HttpResponse<String> response = Http.get(base, page);
            assertEquals(200, response.statusCode(), page);
            assertTrue(response.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")),
                    "/" + page + " opened a session: " + response.headers().allValues("Set-Cookie"));
            if (response.body().contains("jakarta.faces.ViewState")) {
                assertTrue(response.body().contains("value=\"stateless\""), "/" + page + " keeps view state on the server");
            }
        }
    }

    @Test
    void landingPageForStrangers_shouldCarryAFreshScriptNonceEachTime_inItsPolicyAndEveryScript() {
        Set<String> nonces = new HashSet<>();
        Set<String> pagesWithoutNonces = new HashSet<>();
        for (String page : new String[] {"", "", "index.xhtml", "index.xhtml"}) {
            HttpResponse<String> response = Http.get(base, page);
            assertEquals(200, response.statusCode(), page);
            String policy = response.headers().allValues("Content-Security-Policy").stream().filter(p -> p.contains("script-src"))
                    .findFirst().orElseThrow(() -> new AssertionError("no script policy on /" + page));
            Matcher allowed = Pattern.compile("'nonce-([^']+)'").matcher(policy);
            assertTrue(allowed.find(), policy);
            String nonce = allowed.group(1);
            Matcher scripts = Pattern.compile("<script[^>]*nonce=\"([^\"]+)\"").matcher(response.body());
            int count = 0;
            while (scripts.find()) {
                assertEquals(nonce, scripts.group(1), "every script of /" + page + " carries the policy's nonce");
                count++;
            }
            assertTrue(count > 5, "PrimeFaces' scripts are on the page: " + count);
            assertTrue(nonces.add(nonce), "a nonce was used twice: " + nonce);
            pagesWithoutNonces.add(response.body().replace(nonce, "NONCE"));
        }
        assertEquals(1, pagesWithoutNonces.size(), "the same page every time, but for its nonce");
    }

    @Test
    void unknownPage_shouldAnswer404WithTheClinicsPage_notAStackTrace() {
        HttpResponse<String> missing = Http.get(base, "no-such-page.xhtml");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Page not found"), missing.body());
        assertFalse(Http.showsStackTrace(missing.body()), "no stack trace or exception is shown");
    }

    @Test
    void refusedPasswordsFromOneAddress_shouldBeLimited_with429AndRetryAfter_beforeAnyPasswordIsChecked() throws InterruptedException {
        WebSession attacker = new WebSession(base);
        int refused = 0;
        HttpResponse<String> answer;
        do {
            // Unknown usernames: each costs the server a PBKDF2 check against a decoy hash.
            answer = attacker.api("GET", "api/v1/patients/1", null, "nobody-" + UUID.randomUUID(), "guess-" + refused);
            if (answer.statusCode() == 401) {
                refused++;
            }
        } while (answer.statusCode() == 401 && refused <= REFUSED_PER_MINUTE);
        assertEquals(429, answer.statusCode(), answer.body());
        assertEquals(REFUSED_PER_MINUTE, refused, "a minute's worth of refused passwords, then no more checks");
        long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60 / REFUSED_PER_MINUTE, "Retry-After " + retryAfter);
        assertTrue(answer.body().contains("Try again in"), answer.body());

        // Answered before any check: even the right password waits, through the API and the sign-in form.
        WebSession admin = new WebSession(base);
        assertEquals(429, admin.api("GET", "api/v1/patients/999999999", null, ClinicDeployment.ADMIN_USERNAME,
                ClinicDeployment.ADMIN_PASSWORD).statusCode());
        HttpResponse<String> form = new WebSession(base).signIn(ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD);
        assertEquals(429, form.statusCode());
        assertTrue(form.body().contains("Please wait"), form.body());

        // After the wait, the right password passes (404: signed in, and no such patient).
        Thread.sleep(Duration.ofSeconds(60 / REFUSED_PER_MINUTE).toMillis() + 500);
        assertEquals(404, admin.api("GET", "api/v1/patients/999999999", null, ClinicDeployment.ADMIN_USERNAME,
                ClinicDeployment.ADMIN_PASSWORD).statusCode());
    }

    @Test
    void registrationsFromOneAddress_shouldBeLimited_with429_beforeTheFormIsChecked() throws SQLException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < REGISTRATIONS_PER_HOUR; i++) {
            // Registrations taken or refused count alike: here one with a password too short.
            HttpResponse<String> sent = register("limit-" + i + "-" + run + "@example.test", i == 0 ? "short" : "Limit-pass-2026-x");
            assertTrue(sent.statusCode() == 302 || sent.body().contains("characters"), "registration " + i + ": " + sent.statusCode());
        }
        HttpResponse<String> over = register("limit-over-" + run + "@example.test", "Limit-pass-2026-x");
        assertEquals(429, over.statusCode());
        assertTrue(over.body().contains("Too many registrations have come from your network"), over.body());
        long retryAfter = Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 3600 / REGISTRATIONS_PER_HOUR, "Retry-After " + retryAfter);
        assertEquals(0, Clinic.number(databaseUrl, "SELECT count(*) FROM user_account WHERE username = ?", "limit-over-" + run + "@example.test"),
                "nothing stored past the limit");
        assertEquals(REGISTRATIONS_PER_HOUR - 1, Clinic.number(databaseUrl, "SELECT count(*) FROM user_account WHERE username LIKE ?",
                "limit-%-" + run + "@example.test"));
    }

    private HttpResponse<String> register(String email, String password) {
        return new WebSession(base).submit("register.xhtml", "registration", Map.of(
                "givenName", "Rita", "familyName", "Limit", "birthDate_input", "1980-05-17", "sex", "FEMALE",
                "email", email, "phone", "07400 123456", "password", password, "passwordRepeated", password), "submit");
    }

    @Test
    void expiredForm_shouldShowTheExpiredPage() {
        HttpResponse<String> expired = Http.post(base, "login.xhtml",
                "login=login&login%3Ausername=someone&login%3Apassword=x&login%3Asubmit=&jakarta.faces.ViewState=stale-view-state");
        String location = expired.headers().firstValue("Location").orElse("");
        HttpResponse<String> page = expired.statusCode() == 302 ? Http.get(base, location) : expired;
        assertEquals(200, page.statusCode(), "expired view led to " + expired.statusCode() + " " + location);
        assertTrue(page.body().contains("Your page expired"), page.body());
    }

    @Test
    void roleAreas_shouldSendAnonymousVisitorsToSignIn() {
        for (String area : new String[] {"admin/accounts.xhtml", "physician/worklist.xhtml", "physio/caseload.xhtml", "patient/home.xhtml"}) {
            HttpResponse<String> response = Http.get(base, area);
            assertEquals(302, response.statusCode(), area);
            assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/login.xhtml"), area);
        }
    }
}
