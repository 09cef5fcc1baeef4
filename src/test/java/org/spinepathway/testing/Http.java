package org.spinepathway.testing;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;

/** Plain HTTP against the deployed application; redirects are not followed, so tests see them. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private static final Pattern STACK_FRAME = Pattern.compile("at [\\w.$]+\\([\\w$]+\\.java:\\d+\\)");
    // One letter before the class name's end is enough, and keeps the search linear on a page that
    // echoes a 100 kB word ("[\\w.]+Exception" backtracks quadratically through it).
    private static final Pattern EXCEPTION_MESSAGE = Pattern.compile("[A-Za-z](Exception|Error): ");

    /**
     * The {@code "id"} of a JSON object answered by the API, read with a JSON parser: a pattern
     * would take whichever {@code "id"} comes last, such as a nested record's.
     */
    public static String topLevelId(String jsonBody) {
        try (JsonReader reader = Json.createReader(new StringReader(jsonBody))) {
            if (!(reader.readObject().get("id") instanceof JsonNumber id)) {
                throw new AssertionError("no numeric \"id\" in " + jsonBody);
            }
            return String.valueOf(id.longValueExact());
        }
    }

    private Http() {
    }

    public static HttpResponse<String> get(URL base, String path) {
        return get(base, path, null, null);
    }

    /** A GET with HTTP Basic credentials (none when {@code username} is null), as a metrics scraper sends it. */
    public static HttpResponse<String> get(URL base, String path, String username, String password) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(resolve(base, path)).timeout(Duration.ofSeconds(20)).GET();
        if (username != null) {
            builder.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        HttpRequest request = builder.build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> post(URL base, String path, String formBody) {
        HttpRequest request = HttpRequest.newBuilder(resolve(base, path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                // As a browser sends a form of the same site (the sign-in and registration forms refuse others).
                .header("Origin", origin(base))
                .POST(HttpRequest.BodyPublishers.ofString(formBody)).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asks again until the answer satisfies the condition or the time is up; returns the last answer. */
    public static HttpResponse<String> awaitGet(URL base, String path, Predicate<HttpResponse<String>> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> response = get(base, path);
        while (!until.test(response) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            response = get(base, path);
        }
        return response;
    }

    /**
     * Paths starting with '/' are from the server root (health, metrics); others from the
     * application. Always on loopback: Payara reports its interface address, and tests must not
     * send traffic anywhere but this machine's loopback.
     */
    /** The origin a browser on this machine names the application by: the loopback address {@link #resolve} sends requests to. */
    public static String origin(URL base) {
        URI application = URI.create(base.toExternalForm());
        return application.getScheme() + "://localhost:" + application.getPort();
    }

    public static URI resolve(URL base, String path) {
        URI application = URI.create(base.toExternalForm());
        URI loopback = URI.create(application.getScheme() + "://localhost:" + application.getPort() + application.getRawPath());
        URI target = URI.create(path);
        if (target.isAbsolute()) {
            // A Location header names Payara's interface address: keep only its path and query.
            return loopback.resolve(target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
        }
        return loopback.resolve(path);
    }

    /** True when the page shows a Java stack trace or an exception message. */
    /** Whether the page's radio button or check box {@code name} has {@code value} chosen. */
    public static boolean isChosen(String html, String name, String value) {
        return INPUT_TAG.matcher(html).results().map(java.util.regex.MatchResult::group)
                .anyMatch(tag -> tag.contains("name=\"" + name + "\"") && tag.contains("value=\"" + value + "\"") && tag.contains("checked"));
    }

    private static final Pattern INPUT_TAG = Pattern.compile("<input[^>]*>");

    public static boolean showsStackTrace(String html) {
        return STACK_FRAME.matcher(html).find() || html.contains("Caused by:") || EXCEPTION_MESSAGE.matcher(html).find();
    }

}
