package org.spinepathway.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

/**
 * Fills a new demo clinic once: staff for each role through the JSON API (as the administrator),
 * generated patients in care straight into PostgreSQL, then the escalation rules, through the API,
 * so the physician's worklist and the physiotherapist's follow-up list have work on them.
 */
final class DemoClinic {

    private final int httpPort;
    private final Map<String, String> environment;
    private final HttpClient http = HttpClient.newHttpClient();

    DemoClinic(int httpPort, Map<String, String> environment) {
        this.httpPort = httpPort;
        this.environment = environment;
    }

    void prepare(int patients) throws IOException, InterruptedException, SQLException {
        String admin = environment.getOrDefault("CLINIC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        String adminPassword = environment.get("CLINIC_BOOTSTRAP_ADMIN_PASSWORD");
        try (Connection db = DriverManager.getConnection(environment.get("CLINIC_DB_URL"), environment.get("CLINIC_DB_USER"),
                environment.get("CLINIC_DB_PASSWORD"))) {
            if (count(db, "SELECT count(*) FROM patient") > 0) {
                System.out.println("[spine-pathway] Demo clinic already filled (" + count(db, "SELECT count(*) FROM patient") + " patients).");
                printAccounts(admin, adminPassword);
                return;
            }
            // The administrator signs in with a second factor, which HTTP Basic cannot carry: for the
            // preparation's few API calls the account is an integration account, and then a person's again.
            markIntegration(db, admin, true);
            try {
                fill(db, admin, adminPassword, patients);
            } finally {
                markIntegration(db, admin, false);
            }
        }
        printAccounts(admin, adminPassword);
    }

    private void fill(Connection db, String admin, String adminPassword, int patients) throws IOException, InterruptedException, SQLException {
        post("/api/v1/staff", "{\"username\":\"" + LocalClinic.DEMO_PHYSIO + "\",\"password\":\"" + LocalClinic.DEMO_PHYSIO_PASSWORD
                + "\",\"role\":\"PHYSIO\",\"displayName\":\"Pat Physio (demo)\"}", admin, adminPassword);
        post("/api/v1/staff", "{\"username\":\"" + LocalClinic.DEMO_PHYSICIAN + "\",\"password\":\"" + LocalClinic.DEMO_PHYSICIAN_PASSWORD
                + "\",\"role\":\"PHYSICIAN\",\"displayName\":\"Dr Dee Demo\"}", admin, adminPassword);
        ClinicDataGenerator.Summary made = ClinicDataGenerator.generate(db, patients, 2026L, LocalDate.now(),
                ClinicDataGenerator.staff(db, "PHYSIO"), ClinicDataGenerator.staff(db, "PHYSICIAN"));
        System.out.printf("[spine-pathway] Demo clinic: %,d patients in care, %,d assessments (%.1f s)%n", made.episodes(), made.assessments(),
                made.seconds());
        String run = post("/api/v1/escalation/evaluations", "{}", admin, adminPassword);
        System.out.println("[spine-pathway] Escalation rules run: " + run);
    }

    private static void markIntegration(Connection db, String username, boolean integration) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("UPDATE user_account SET integration = ? WHERE username = ?")) {
            s.setBoolean(1, integration);
            s.setString(2, username);
            s.executeUpdate();
        }
    }

    private static void printAccounts(String admin, String adminPassword) {
        System.out.println("[spine-pathway] Demo accounts: " + admin + " / " + adminPassword + " (administrator), "
                + LocalClinic.DEMO_PHYSIO + " / " + LocalClinic.DEMO_PHYSIO_PASSWORD + " (physiotherapist), "
                + LocalClinic.DEMO_PHYSICIAN + " / " + LocalClinic.DEMO_PHYSICIAN_PASSWORD + " (physician); patients register at /register.xhtml");
    }

    private String post(String path, String json, String user, String password) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300 && answer.statusCode() != 409) {
            throw new IOException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
