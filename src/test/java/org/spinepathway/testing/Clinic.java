package org.spinepathway.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * The people a test needs, made the way the clinic makes them: staff by the administrator through
 * the API, patients through the registration form. And the one-value SQL look-ups tests check with.
 */
public final class Clinic {

    private Clinic() {
    }

    /** A staff account created by the test deployment's administrator. */
    public static void createStaff(URL base, String username, String password, String role, String displayName) {
        HttpResponse<String> created = new WebSession(base).api("POST", "api/v1/staff",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\",\"role\":\"" + role
                        + "\",\"displayName\":\"" + displayName + "\"}",
                ClinicDeployment.ADMIN_USERNAME, ClinicDeployment.ADMIN_PASSWORD);
        assertEquals(201, created.statusCode(), created.body());
    }

    /** A patient who registers themselves on the registration page; the answer is the redirect that follows. */
    public static HttpResponse<String> registerPatient(URL base, String email, String password, String givenName, String familyName,
                                       String birthDate, String sex) {
        HttpResponse<String> registered = new WebSession(base).submit("register.xhtml", "registration", Map.of(
                "givenName", givenName, "familyName", familyName, "birthDate_input", birthDate, "sex", sex,
                "email", email, "password", password, "passwordRepeated", password), "submit");
        assertEquals(302, registered.statusCode(), "registration of " + email + ": " + registered.body());
        return registered;
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
}
