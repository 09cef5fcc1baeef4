package org.spinepathway.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The run command ({@code ./mvnw -Prun}): serves the freshly built WAR on Payara Micro at
 * {@code http://localhost:8080/} ({@code CLINIC_HTTP_PORT} overrides), and over https too when
 * {@code CLINIC_HTTPS_PORT} is set ({@code CLINIC_TLS_KEYSTORE}, {@code CLINIC_TLS_KEYSTORE_PASSWORD},
 * {@code CLINIC_TLS_CERT_ALIAS}: a PKCS12 keystore and its certificate's alias).
 * <p>
 * With no {@code CLINIC_DB_URL} it starts an embedded PostgreSQL whose data lives in
 * {@code ./data/postgres}, so records survive a restart; with {@code CLINIC_DB_URL} it uses that
 * server and starts none. Payara Micro runs as a child process so it sees exactly the
 * configuration a production start would. Ctrl-C stops Payara first, then the database.
 * <p>
 * With {@code CLINIC_DEMO_PATIENTS=N} it serves a demo clinic instead, from {@code ./data/demo}: on
 * the first start it adds a physiotherapist and a physician, N generated patients in care
 * ({@link ClinicDataGenerator}) and runs the escalation rules, so the worklist has open flags.
 */
public final class LocalClinic {

    private static final String DATABASE = "spine_pathway";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final Path home = Path.of(System.getProperty("spinepathway.home", ".")).toAbsolutePath();
    private final Path war = Path.of(required("spinepathway.war"));
    private final Path payaraJar = Path.of(required("payara.microJar"));
    private final int httpPort = Integer.parseInt(System.getenv().getOrDefault("CLINIC_HTTP_PORT", "8080"));
    private final int demoPatients = Integer.parseInt(System.getenv().getOrDefault("CLINIC_DEMO_PATIENTS", "0"));
    /** The address Payara listens on: this machine only, unless the environment opens it (0.0.0.0 for every interface). */
    private final String httpAddress = System.getenv().getOrDefault("CLINIC_HTTP_ADDRESS", "127.0.0.1");
    /** Payara's data grid (Hazelcast, port 6900 on every interface) runs only when clustering is asked for. */
    private final boolean clustered = Boolean.parseBoolean(System.getenv().getOrDefault("CLINIC_CLUSTER", "false"));
    /** Payara's own https port, when set, with the keystore (PKCS12) and the alias of its certificate. */
    private final String httpsPort = System.getenv("CLINIC_HTTPS_PORT");
    private final String tlsKeystore = System.getenv("CLINIC_TLS_KEYSTORE");
    private final String tlsKeystorePassword = System.getenv().getOrDefault("CLINIC_TLS_KEYSTORE_PASSWORD", "changeit");
    private final String tlsCertAlias = System.getenv().getOrDefault("CLINIC_TLS_CERT_ALIAS", "s1as");

    static final String DEMO_ADMIN_PASSWORD = "Demo-clinic-2026";
    static final String DEMO_PHYSIO = "demo.physio";
    static final String DEMO_PHYSIO_PASSWORD = "Demo-physio-2026";
    static final String DEMO_PHYSICIAN = "demo.doctor";
    static final String DEMO_PHYSICIAN_PASSWORD = "Demo-physician-2026";

    private EmbeddedPostgres embeddedDatabase;
    private Process payara;

    public static void main(String[] args) throws Exception {
        int exitCode = new LocalClinic().run();
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    private int run() throws Exception {
        long started = System.nanoTime();
        Map<String, String> environment = new java.util.HashMap<>(System.getenv());
        if (environment.getOrDefault("CLINIC_DB_URL", "").isBlank()) {
            startEmbeddedDatabase(environment);
        } else {
            System.out.println("[spine-pathway] Using the database at " + environment.get("CLINIC_DB_URL"));
        }
        if (demoPatients > 0) {
            environment.putIfAbsent("CLINIC_BOOTSTRAP_ADMIN_PASSWORD", DEMO_ADMIN_PASSWORD);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "spine-pathway-shutdown"));
        payara = startPayara(environment);
        if (awaitReady()) {
            if (demoPatients > 0) {
                new DemoClinic(httpPort, environment).prepare(demoPatients);
            }
            System.out.printf("%n[spine-pathway] Ready in %.1f s: http://localhost:%d/  (sign in at http://localhost:%d/login.xhtml; Ctrl-C stops)%n%n",
                    (System.nanoTime() - started) / 1e9, httpPort, httpPort);
        }
        int exitCode = payara.waitFor();
        stop();
        return exitCode;
    }

    private void startEmbeddedDatabase(Map<String, String> environment) throws IOException, SQLException {
        Path dataDirectory = home.resolve(demoPatients > 0 ? "data/demo" : "data/postgres");
        Files.createDirectories(dataDirectory.getParent());
        embeddedDatabase = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(home.resolve("data").toFile())
                .start();
        try (Connection connection = embeddedDatabase.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        }
        String url = "jdbc:postgresql://localhost:" + embeddedDatabase.getPort() + "/" + DATABASE;
        environment.put("CLINIC_DB_URL", url);
        environment.put("CLINIC_DB_USER", "postgres");
        environment.put("CLINIC_DB_PASSWORD", "postgres");
        System.out.println("[spine-pathway] Embedded PostgreSQL on port " + embeddedDatabase.getPort() + ", data in " + dataDirectory);
    }

    private Process startPayara(Map<String, String> environment) throws IOException {
        Path tmp = home.resolve("target/tmp");
        Files.createDirectories(tmp);
        // The clinic's own pre-boot commands, and the listener's address (Payara Micro has no option for it).
        Path preBoot = Files.writeString(tmp.resolve("pre-boot-commands.asadmin"),
                Files.readString(home.resolve("config/payara-pre-boot.asadmin"))
                        + "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address="
                        + httpAddress + "\n"
                        + "set configs.config.server-config.network-config.network-listeners.network-listener.https-listener.address="
                        + httpAddress + "\n");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp,
                "-jar", payaraJar.toString(),
                "--deploy", war.toString(),
                "--contextroot", "/",
                "--port", String.valueOf(httpPort),
                "--prebootcommandfile", preBoot.toString()));
        if (!clustered) {
            command.add("--nohazelcast");
        }
        if (httpsPort != null && !httpsPort.isBlank()) {
            if (tlsKeystore != null && !tlsKeystore.isBlank()) {
                // Payara takes its keystore from these JVM properties; its password is also Payara's master password.
                command.add(1, "-Djavax.net.ssl.keyStore=" + Path.of(tlsKeystore).toAbsolutePath());
                command.add(2, "-Djavax.net.ssl.keyStorePassword=" + tlsKeystorePassword);
            }
            command.addAll(List.of("--sslport", httpsPort.strip(), "--sslcert", tlsCertAlias));
        }
        // Read by the application at a lower precedence than environment variables.
        environment.putIfAbsent("CLINIC_CONFIG_FILE", home.resolve("config/local.properties").toString());
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(environment);
        return builder.start();
    }

    private boolean awaitReady() throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (payara.isAlive() && System.nanoTime() < deadline) {
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notListeningYet) {
                // Payara is still starting.
            }
            Thread.sleep(500);
        }
        System.out.println("[spine-pathway] Not ready after " + READY_TIMEOUT.toSeconds() + " s; see the log above.");
        return false;
    }

    private synchronized void stop() {
        if (payara != null && payara.isAlive()) {
            payara.destroy();
            try {
                if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                    payara.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (embeddedDatabase != null) {
            try {
                embeddedDatabase.close();
                System.out.println("[spine-pathway] Embedded PostgreSQL stopped.");
            } catch (IOException e) {
                System.err.println("[spine-pathway] Could not stop the embedded PostgreSQL: " + e.getMessage());
            }
            embeddedDatabase = null;
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set; start with ./mvnw -Prun");
        }
        return value;
    }
}
