package org.spinepathway.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipFile;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.spinepathway.testing.Clinic;
import org.spinepathway.testing.ClinicDeployment;
import org.spinepathway.testing.EmbeddedDatabase;
import org.spinepathway.testing.PayaraInstance;
import org.spinepathway.testing.WebSession;

/**
 * The backup and restore of docs/operations.md, as written there: {@code pg_dump --format=custom}
 * of a clinic's database as its owner, {@code pg_restore --no-owner --role=owner} into an empty
 * database, and the application started on the restored one, where the patient signs in with the
 * password they had and their record, the staff and the sealed audit trail are all there.
 * <p>
 * PostgreSQL's own tools are the machine's ({@code pg_dump}, {@code pg_restore}: Debian's
 * postgresql-client), so the server here is of their major version (15, the embedded binaries of
 * {@code backup.postgresBinaries}); a newer pg_dump reads it as well.
 */
class BackupRestoreIT {

    private static final String PASSWORD = "Backup-restore-2026";

    @Test
    void aDumpRestoredIntoAnEmptyDatabase_shouldServeTheClinicAsBefore_andLetThePatientSignIn() throws Exception {
        Path directory = Path.of("target", "backup-restore");
        Files.createDirectories(directory);
        try (EmbeddedPostgres server = startServer(directory)) {
            String original = createDatabase(server, "clinic_original");
            String email = "backup-patient@example.org";
            long sealed;
            try (PayaraInstance clinic = PayaraInstance.start("original", PayaraInstance.export(ClinicDeployment.onDatabase(
                    jdbcUrl(server, original), java.util.Map.of("clinic.audit.seal-seconds", "1")), directory.resolve("original")),
                    directory, List.of("-Xmx384m"), List.of("--nocluster"))) {
                clinic.awaitReady(Duration.ofMinutes(3));
                Clinic.createStaff(clinic.url(), "backup-physio", PASSWORD, "PHYSIO", "Bea Backup");
                Clinic.registerPatient(clinic.url(), email, PASSWORD, "Rhoda", "Restore", "1966-06-06", "FEMALE");
                assertEquals(302, new WebSession(clinic.url()).signIn(email, PASSWORD).statusCode());
                sealed = awaitAllSealed(server, original);
            }

            Path dump = directory.resolve("clinic.dump");
            Files.deleteIfExists(dump);
            run(directory, "pg_dump", "--format=custom", "--file=" + dump.toAbsolutePath(),
                    "--dbname=" + libpqUrl(server, original));
            String restored = createDatabase(server, "clinic_restored");
            run(directory, "pg_restore", "--no-owner", "--role=" + EmbeddedDatabase.OWNER, "--exit-on-error",
                    "--dbname=" + libpqUrl(server, restored), dump.toAbsolutePath().toString());
            assertEquals(chainEnd(server, original), chainEnd(server, restored), "the restored audit trail ends with the original's newest seal");

            try (PayaraInstance clinic = PayaraInstance.start("restored", PayaraInstance.export(ClinicDeployment.onDatabase(
                    jdbcUrl(server, restored)), directory.resolve("restored")), directory, List.of("-Xmx384m"), List.of("--nocluster"))) {
                clinic.awaitReady(Duration.ofMinutes(3));
                WebSession patient = new WebSession(clinic.url());
                HttpResponse<String> signedIn = patient.signIn(email, PASSWORD);
                assertEquals(302, signedIn.statusCode(), signedIn.body());
                assertTrue(signedIn.headers().firstValue("Location").orElse("").contains("/patient/home.xhtml"),
                        signedIn.headers().toString());
                HttpResponse<String> home = patient.get("patient/home.xhtml");
                assertEquals(200, home.statusCode());
                assertTrue(home.body().contains("Rhoda"), "the patient's record is there");
                // The staff account and its password came back too: it calls the API.
                assertEquals(201, new WebSession(clinic.url()).api("POST", "api/v1/patients", "{\"givenName\":\"New\",\"familyName\":"
                        + "\"Patient\",\"birthDate\":\"1980-01-01\",\"sex\":\"MALE\"}", "backup-physio", PASSWORD).statusCode());
                // The audit trail and its seals are whole: the administrator's check finds every seal intact.
                HttpResponse<String> verification = new WebSession(clinic.url()).api("GET", "api/v1/audit/verification", null,
                        ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD);
                assertEquals(200, verification.statusCode(), verification.body());
                assertTrue(verification.body().contains("\"intact\":true"), verification.body());
                long sealedEvents = Long.parseLong(verification.body().replaceAll(".*\"sealedEvents\":(\\d+).*", "$1"));
                assertTrue(sealedEvents >= sealed, "the restored chain holds the " + sealed + " seals of the original: " + verification.body());
            }
        }
    }

    private static EmbeddedPostgres startServer(Path directory) throws IOException {
        Path binaries = Path.of(System.getProperty("backup.postgresBinaries", "target/backup-postgres-binaries.jar"));
        if (!Files.isRegularFile(binaries)) {
            throw new IllegalStateException(binaries + " is missing: the build copies it (./mvnw verify)");
        }
        Path data = Files.createTempDirectory(Path.of(System.getProperty("build.tmpdir", System.getProperty("java.io.tmpdir"))), "postgres15-");
        return EmbeddedPostgres.builder()
                .setPgBinaryResolver((system, hardware) -> binary(binaries))
                .setDataDirectory(data)
                .setOverrideWorkingDirectory(directory.resolve("postgres").toAbsolutePath().toFile())
                .start();
    }

    /** The one archive of PostgreSQL's binaries in the jar (of this machine's platform, as the build chose it). */
    private static InputStream binary(Path jar) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        java.util.zip.ZipEntry entry = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst().orElse(null);
        if (entry == null) {
            zip.close();
            throw new IOException(jar + " holds no PostgreSQL binaries (.txz)");
        }
        InputStream in = zip.getInputStream(entry);
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() throws IOException {
                super.close();
                zip.close();
            }
        };
    }

    /** An empty database owned by the schema's owner role, as docs/operations.md creates one. */
    private static String createDatabase(EmbeddedPostgres server, String name) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String role : List.of(EmbeddedDatabase.OWNER, EmbeddedDatabase.APPLICATION)) {
                s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN"
                        + " CREATE ROLE " + role + " LOGIN PASSWORD '" + EmbeddedDatabase.ROLE_PASSWORD + "'; END IF; END $$");
            }
            s.execute("CREATE DATABASE " + name + " OWNER " + EmbeddedDatabase.OWNER);
        }
        return name;
    }

    /** Waits until the sealing job has sealed every audit event; how many there are. */
    private static long awaitAllSealed(EmbeddedPostgres server, String database) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Connection c = server.getDatabase("postgres", database).getConnection(); Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM audit_event), (SELECT count(*) FROM audit_seal)")) {
                    rs.next();
                    if (rs.getLong(1) > 0 && rs.getLong(1) == rs.getLong(2)) {
                        return rs.getLong(2);
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the audit events were not all sealed within a minute");
                }
                Thread.sleep(500);
            }
        }
    }

    /** How many audit events and seals there are, and the newest seal's number and value. */
    private static String chainEnd(EmbeddedPostgres server, String database) throws SQLException {
        try (Connection c = server.getDatabase("postgres", database).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM audit_event), (SELECT count(*) FROM audit_seal),"
                     + " seq, chain_sha256 FROM audit_seal ORDER BY seq DESC LIMIT 1")) {
            assertTrue(rs.next(), "the audit trail of " + database + " has seals");
            return rs.getLong(1) + " events, " + rs.getLong(2) + " seals, newest #" + rs.getLong(3) + " " + rs.getString(4);
        }
    }

    private static String jdbcUrl(EmbeddedPostgres server, String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    private static String libpqUrl(EmbeddedPostgres server, String database) {
        return "postgresql://" + EmbeddedDatabase.OWNER + "@localhost:" + server.getPort() + "/" + database;
    }

    /** Runs one of PostgreSQL's tools, with the owner's password in PGPASSWORD; fails with its output. */
    private static void run(Path directory, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        // The password through the environment, as an operator's ~/.pgpass would give it.
        builder.environment().put("PGPASSWORD", EmbeddedDatabase.ROLE_PASSWORD);
        Process process;
        try {
            process = builder.start();
        } catch (IOException missing) {
            throw new IllegalStateException(command[0] + " is missing: the backup test uses PostgreSQL's own tools."
                    + " Install them with: apt-get install -y postgresql-client", missing);
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ":\n" + output);
    }
}
