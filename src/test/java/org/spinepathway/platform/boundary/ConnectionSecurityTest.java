package org.spinepathway.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;

class ConnectionSecurityTest {

    @Test
    void forwardedProto_shouldBeBelieved_onlyFromATrustedProxy() {
        ConnectionSecurity connection = configured("https://clinic.example", "10.0.0.2, 10.0.0.3");
        assertTrue(connection.isSecure(request(false, "10.0.0.3", "https", "/login.xhtml", null)));
        assertTrue(connection.isSecure(request(false, "10.0.0.2", "HTTPS", "/login.xhtml", null)));
        assertFalse(connection.isSecure(request(false, "10.0.0.9", "https", "/login.xhtml", null)), "an untrusted address");
        assertFalse(connection.isSecure(request(false, "10.0.0.2", "http", "/login.xhtml", null)), "the proxy says http");
        assertFalse(connection.isSecure(request(false, "10.0.0.2", null, "/login.xhtml", null)), "the proxy says nothing");
        assertTrue(connection.isSecure(request(true, "10.0.0.9", null, "/login.xhtml", null)), "Payara's own TLS");
    }

    @Test
    void noTrustedProxy_shouldBelieveNoHeader() {
        ConnectionSecurity connection = configured("https://clinic.example", null);
        assertFalse(connection.isSecure(request(false, "127.0.0.1", "https", "/", null)));
    }

    @Test
    void aPlainRequest_shouldGoToThePublicAddress_onlyWhenThatIsHttps() {
        ConnectionSecurity https = configured("https://clinic.example/", null);
        assertEquals(Optional.of("https://clinic.example/patient/home.xhtml?episode=7"),
                https.encryptedAddress(request(false, "10.1.1.1", null, "/patient/home.xhtml", "episode=7")));
        assertEquals(Optional.empty(), https.encryptedAddress(request(true, "10.1.1.1", null, "/patient/home.xhtml", null)));
        assertEquals(Optional.empty(), https.encryptedAddress(request(false, "10.1.1.1", null, "/health/ready", null)), "health probes");
        assertTrue(https.cookiesSecure(request(false, "10.1.1.1", null, "/", null)));

        ConnectionSecurity http = configured("http://localhost:8080", null);
        assertEquals(Optional.empty(), http.encryptedAddress(request(false, "10.1.1.1", null, "/login.xhtml", null)));
        assertFalse(http.cookiesSecure(request(false, "10.1.1.1", null, "/", null)));
        assertTrue(http.cookiesSecure(request(true, "10.1.1.1", null, "/", null)));
    }

    private static ConnectionSecurity configured(String publicUrl, String trusted) {
        ConnectionSecurity connection = new ConnectionSecurity();
        connection.publicUrl = publicUrl;
        connection.trustedAddresses = Optional.ofNullable(trusted);
        connection.init();
        return connection;
    }

    /** A request at the root context, as Payara would give it. */
    private static HttpServletRequest request(boolean secure, String remoteAddress, String forwardedProto, String uri, String query) {
        Map<String, Object> answers = new java.util.HashMap<>();
        answers.put("isSecure", secure);
        answers.put("getRemoteAddr", remoteAddress);
        answers.put("getRequestURI", uri);
        answers.put("getContextPath", "");
        answers.put("getQueryString", query);
        return (HttpServletRequest) Proxy.newProxyInstance(ConnectionSecurityTest.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getHeader")) {
                        return "X-Forwarded-Proto".equalsIgnoreCase((String) args[0]) ? forwardedProto : null;
                    }
                    if (!answers.containsKey(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return answers.get(method.getName());
                });
    }
}
