package org.spinepathway.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrossSiteCheckTest {

    private static final List<String> OWN = List.of("https://clinic.example", "http://localhost:8080");

    @ParameterizedTest(name = "Sec-Fetch-Site={0}, Origin={1}, Referer={2}: taken={3}")
    @CsvSource(nullValues = "-", value = {
            "same-origin, -,                        -,                               true",
            "none,        -,                        -,                               true",
            "SAME-ORIGIN, https://evil.example,     -,                               true",
            "cross-site,  https://clinic.example,   -,                               false",
            "same-site,   -,                        -,                               false",
            "-,           https://clinic.example,   -,                               true",
            "-,           https://clinic.example:443, -,                             true",
            "-,           HTTPS://Clinic.Example,   -,                               true",
            "-,           http://localhost:8080,    -,                               true",
            "-,           http://localhost:8081,    -,                               false",
            "-,           http://clinic.example,    -,                               false",
            "-,           https://clinic.example.evil.example, -,                    false",
            "-,           null,                     -,                               false",
            "-,           https://evil.example,     https://clinic.example/login.xhtml, false",
            "-,           -,                        https://clinic.example/login.xhtml, true",
            "-,           -,                        https://evil.example/clinic.example, false",
            "-,           -,                        not an address,                  false",
            "-,           -,                        -,                               false",
    })
    void aFormPost_shouldBeTakenOnlyFromThisSite(String fetchSite, String origin, String referer, boolean taken) {
        assertEquals(taken, CrossSiteCheck.refusal(fetchSite, origin, referer, OWN).isEmpty());
    }
}
