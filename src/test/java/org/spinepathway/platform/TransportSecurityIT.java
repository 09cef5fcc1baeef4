package org.spinepathway.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.PayaraInstance;
import org.spinepathway.testing.WebSession;

/**
 * The clinic reached over https, two ways, each a Payara Micro the test starts on one database:
 * {@code direct} serves TLS itself with the self-signed keystore the build makes
 * ({@code target/tls/clinic-test.p12}) and believes no proxy; {@code proxied} serves plain HTTP
 * behind a (simulated) reverse proxy at 127.0.0.1 whose {@code X-Forwarded-Proto} it trusts. Both
 * have an https public address, so nothing may travel in the clear.
 */
class TransportSecurityIT {

    private static final String PASSWORD = "Transport-pass-2027";
    private static final String PUBLIC_URL = "https://clinic.example";
    private static final Path KEYSTORE = Path.of(System.getProperty("tls.keystore", "target/tls/clinic-test.p12"));

    private static String databaseUrl;
    private static PayaraInstance direct;
    private static PayaraInstance proxied;
    private static URL directHttps;
    private static SSLContext trustingTheTestCertificate;

    @BeforeAll
    static void startBoth() throws Exception {
        assertTrue(Files.isRegularFile(KEYSTORE), KEYSTORE + " is made by the build (pre-integration-test)");
        databaseUrl = EmbeddedDatabase.get().createDatabase("transport");
        Path directory = Path.of("target", "transport-security");
        Path war = PayaraInstance.export(ClinicDeployment.onDatabase(databaseUrl), directory);
        int sslPort = PayaraInstance.freePort();
        directHttps = new URL("https://localhost:" + sslPort + "/");
        List<String> micro = List.of("--nohazelcast", "--prebootcommandfile", "config/payara-pre-boot.asadmin");
        direct = PayaraInstance.start("direct", war, directory,
                List.of("-Xmx384m", "-Djavax.net.ssl.keyStore=" + KEYSTORE.toAbsolutePath(), "-Djavax.net.ssl.keyStorePassword=changeit",
                        "-Dclinic.public-url=" + directHttps.toString().replaceAll("/$", "")),
                concat(micro, List.of("--sslport", String.valueOf(sslPort), "--sslcert", "clinic-test")));
        proxied = PayaraInstance.start("proxied", war, directory,
                List.of("-Xmx384m", "-Dclinic.public-url=" + PUBLIC_URL, "-Dclinic.proxy.trusted-addresses=127.0.0.1"), micro);
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> direct.awaitReady(Duration.ofMinutes(4))),
                CompletableFuture.runAsync(() -> proxied.awaitReady(Duration.ofMinutes(4)))).join();

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(KEYSTORE)) {
            store.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        trustingTheTestCertificate = SSLContext.getInstance("TLS");
        trustingTheTestCertificate.init(null, trust.getTrustManagers(), null);
    }

    @AfterAll
    static void stopBoth() {
        if (direct != null) {
            direct.close();
        }
        if (proxied != null) {
            proxied.close();
        }
    }

    @Test
    void overHttps_signInShouldSetSecureCookies_andEveryAnswerCarryHsts() {
        String patient = "tls-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        WebSession browser = WebSession.with(directHttps, trustingTheTestCertificate, Map.of());
        HttpResponse<String> registered = browser.submit("register.xhtml", "registration", Map.of("givenName", "Tilly", "familyName", "Secure",
                "birthDate_input", "1985-03-04", "sex", "FEMALE", "email", patient, "phone", "07400 123456", "password", PASSWORD,
                "passwordRepeated", PASSWORD), "submit");
        assertEquals(302, registered.statusCode(), registered.body());

        HttpResponse<String> login = browser.get("login.xhtml");
        assertEquals(200, login.statusCode());
        assertEquals("max-age=31536000", login.headers().firstValue("Strict-Transport-Security").orElse(""));
        HttpResponse<String> signedIn = browser.signIn(patient, PASSWORD);
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        List<String> cookies = signedIn.headers().allValues("Set-Cookie");
        assertFalse(cookies.isEmpty());
        for (String name : List.of("JSESSIONID", "sp_signed_in", "sp_known_browser")) {
            String cookie = cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse("(none) " + cookies);
            assertTrue(cookie.contains("; Secure") && cookie.contains("HttpOnly"), name + ": " + cookie);
        }
        HttpResponse<String> home = browser.get("patient/home.xhtml");
        assertEquals(200, home.statusCode());
        assertEquals("max-age=31536000", home.headers().firstValue("Strict-Transport-Security").orElse(""));
    }

    @Test
    void inTheClear_aPageShouldBeSentToHttps_andCredentialsRefusedUnread_evenWithAForgedForwardedProto() throws Exception {
        String staff = "clear-" + UUID.randomUUID().toString().substring(0, 8);
        Clinic.createStaff(overHttps(), staff, PASSWORD, "PHYSIO", "Clear Physio");
        for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("X-Forwarded-Proto", "https"))) {
            WebSession plain = WebSession.with(direct.url(), null, headers);
            HttpResponse<String> page = plain.get("login.xhtml?next=1");
            assertEquals(301, page.statusCode(), headers.toString());
            assertEquals(directHttps + "login.xhtml?next=1", page.headers().firstValue("Location").orElse(""), headers.toString());
            assertEquals(List.of(), page.headers().allValues("Set-Cookie"), "no session in the clear");
            HttpResponse<String> read = plain.api("GET", "api/v1/patients/1", null, staff, PASSWORD);
            assertEquals(301, read.statusCode(), headers + ": a GET with Basic credentials in the clear is sent to https unchecked");
            HttpResponse<String> write = plain.api("POST", "api/v1/patients", "{}", staff, PASSWORD);
            assertEquals(401, write.statusCode(), headers + ": a POST in the clear is refused unchecked");
            assertFalse(page.headers().firstValue("Strict-Transport-Security").isPresent(), "HSTS is for encrypted answers");
        }
        assertEquals(0, Clinic.number(databaseUrl, "SELECT count(*) FROM audit_event WHERE username = ?", staff),
                "the password sent in the clear was not checked: no sign-in, no failure");
    }

    @Test
    void behindATrustedProxy_anHttpsRequestShouldBeServedWithSecureCookies_andAPlainOneSentToThePublicAddress() {
        String staff = "proxied-" + UUID.randomUUID().toString().substring(0, 8);
        Clinic.createStaff(overHttps(), staff, PASSWORD, "PHYSIO", "Proxy Physio");

        WebSession throughTheProxy = WebSession.with(proxied.url(), null, Map.of("X-Forwarded-Proto", "https"));
        HttpResponse<String> login = throughTheProxy.get("login.xhtml");
        assertEquals(200, login.statusCode());
        assertEquals("max-age=31536000", login.headers().firstValue("Strict-Transport-Security").orElse(""));
        HttpResponse<String> signedIn = throughTheProxy.signIn(staff, PASSWORD);
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        for (String name : List.of("JSESSIONID", "sp_signed_in", "sp_known_browser")) {
            String cookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                    .orElse("(none) " + signedIn.headers().allValues("Set-Cookie"));
            assertTrue(cookie.contains("; Secure"), name + " behind the proxy: " + cookie);
        }

        HttpResponse<String> plain = WebSession.with(proxied.url(), null, Map.of("X-Forwarded-Proto", "http")).get("login.xhtml");
        assertEquals(301, plain.statusCode());
        assertEquals(PUBLIC_URL + "/login.xhtml", plain.headers().firstValue("Location").orElse(""));
    }

    @Test
    void metrics_shouldBeReadOverHttpsByTheAdministratorOnly() {
        String physician = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        Clinic.createStaff(overHttps(), physician, PASSWORD, "PHYSICIAN", "Dr Metrics");
        WebSession scraper = WebSession.with(directHttps, trustingTheTestCertificate, Map.of());
        assertEquals(401, scraper.get("metrics", null, null).statusCode(), "a stranger is asked to sign in");
        HttpResponse<String> doctor = scraper.get("metrics", physician, PASSWORD);
        assertTrue(doctor.statusCode() == 401 || doctor.statusCode() == 403, "a physician reads no metrics: " + doctor.statusCode());
        assertFalse(doctor.body().contains("# TYPE"));
        HttpResponse<String> admin = scraper.get("metrics", ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD);
        assertEquals(200, admin.statusCode(), admin.body());
        assertTrue(admin.body().contains("# TYPE"), admin.body());
    }

    /** The test deployment's administrator's client over https. */
    private static WebSession overHttps() {
        return WebSession.with(directHttps, trustingTheTestCertificate, Map.of());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
