package org.spinepathway.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonReader;

/**
 * The people a test needs, made the way the clinic makes them: staff by the administrator through
 * the API, patients through the registration form. And the one-value SQL look-ups tests check with.
 */
public final class Clinic {

    private Clinic() {
    }

    /** A staff account created by the test deployment's administrator. */
    public static void createStaff(URL base, String username, String password, String role, String displayName) {
        createStaff(new WebSession(base), username, password, role, displayName);
    }

    /** As {@link #createStaff(URL, String, String, String, String)}, through a given client (over https, say). */
    public static void createStaff(WebSession client, String username, String password, String role, String displayName) {
        HttpResponse<String> created = client.api("POST", "api/v1/staff",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role
                        + "\",\"displayName\":\"" + displayName + "\"}",
                ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD);
        assertEquals(201, created.statusCode(), created.body());
    }

    /** A mobile number libphonenumber takes as valid (07700 900xxx, the UK's drama range, it refuses). */
    public static final String PHONE = "07400 123456";
    public static final String PHONE_E164 = "+447400123456";

    /**
     * A patient who registers themselves on the registration page, with the mobile number
     * {@link #PHONE}; the answer is the redirect that follows.
     */
    public static HttpResponse<String> registerPatient(URL base, String email, String password, String givenName, String familyName,
                                       String birthDate, String sex) {
        return registerPatient(base, email, password, givenName, familyName, birthDate, sex, PHONE);
    }

    /** As {@link #registerPatient(URL, String, String, String, String, String, String)}, with this mobile number. */
    public static HttpResponse<String> registerPatient(URL base, String email, String password, String givenName, String familyName,
                                       String birthDate, String sex, String phone) {
        HttpResponse<String> registered = new WebSession(base).submit("register.xhtml", "registration", Map.of(
                "givenName", givenName, "familyName", familyName, "birthDate_input", birthDate, "sex", sex,
                "email", email, "phone", phone, "password", password, "passwordRepeated", password), "submit");
        assertEquals(302, registered.statusCode(), "registration of " + email + ": " + registered.body());
        return registered;
    }

    /**
     * A patient created by a staff member through the API (no account of their own), with a lumbar
     * episode opened for them; the episode's id.
     */
    public static long patientWithEpisode(URL base, String staff, String password, String email) {
        WebSession api = new WebSession(base);
        HttpResponse<String> patient = api.api("POST", "api/v1/patients", "{\"givenName\":\"Api\",\"familyName\":\"Patient\","
                + "\"birthDate\":\"1970-01-01\",\"sex\":\"FEMALE\",\"email\":\"" + email + "\"}", staff, password);
        assertEquals(201, patient.statusCode(), patient.body());
        HttpResponse<String> episode = api.api("POST", "api/v1/patients/" + idOf(patient.body()) + "/episodes",
                "{\"region\":\"LUMBAR\",\"side\":\"LEFT\"}", staff, password);
        assertEquals(201, episode.statusCode(), episode.body());
        return idOf(episode.body());
    }

    /** The "id" of a JSON answer's object: what a create call returns. */
    public static long idOf(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject().getJsonNumber("id").longValueExact();
        }
    }

    /** The single value the query returns for one parameter, as text. */
    public static String text(String databaseUrl, String sql, Object parameter) throws SQLException {
        try (Connection c = EmbeddedDatabase.get().dataSource(databaseUrl).getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
            }
        }
    }

    public static long number(String databaseUrl, String sql, Object parameter) throws SQLException {
        return Long.parseLong(text(databaseUrl, sql, parameter));
    }

    /** Runs one statement with one parameter straight on the database (to age a row, say); returns the rows changed. */
    public static int execute(String databaseUrl, String sql, Object parameter) throws SQLException {
        try (Connection c = EmbeddedDatabase.get().dataSource(databaseUrl).getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, parameter);
            return q.executeUpdate();
        }
    }
}
