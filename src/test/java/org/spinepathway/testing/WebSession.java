package org.spinepathway.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One visitor over plain HTTP: keeps cookies like a browser, submits JSF forms (with their
 * ViewState), and calls the JSON API with or without Basic credentials. Redirects are not
 * followed, so tests see where they lead.
 */
public final class WebSession {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    /** PrimeFaces' CSP mode binds a postback to its page's script nonce, which its JavaScript sends back. */
    private static final Pattern NONCE = Pattern.compile("<script[^>]*nonce=\"([^\"]+)\"");

    private final URL base;
    private final CookieManager cookies;
    private final HttpClient client;
    /** What a browser says of where a POST comes from: {@code Origin} and {@code Sec-Fetch-Site}. */
    private final String origin;
    private final String fetchSite;
    /** Headers sent with every request (what a reverse proxy adds, say). */
    private final java.util.Map<String, String> headers;

    public WebSession(URL base) {
        this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL), originOf(base), "same-origin", null, java.util.Map.of());
    }

    private WebSession(URL base, CookieManager cookies, String origin, String fetchSite, javax.net.ssl.SSLContext tls,
                       java.util.Map<String, String> headers) {
        this.base = base;
        this.cookies = cookies;
        this.origin = origin;
        this.fetchSite = fetchSite;
        this.headers = java.util.Map.copyOf(headers);
        HttpClient.Builder builder = HttpClient.newBuilder()
                // As browsers do over plain HTTP; the JDK's h2c upgrade is not what users send.
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.client = builder.build();
    }

    /**
     * A new browser talking to {@code base} (https: trusting certificates of {@code tls}, which may be
     * null for plain HTTP) that sends {@code headers} with every request.
     */
    public static WebSession with(URL base, javax.net.ssl.SSLContext tls, java.util.Map<String, String> headers) {
        return new WebSession(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL), originOf(base), "same-origin", tls, headers);
    }

    /** The same browser (its cookies) talking to another server: what a load balancer's failover looks like to it. */
    public WebSession on(URL otherBase) {
        return new WebSession(otherBase, cookies, originOf(otherBase), fetchSite, null, headers);
    }

    /**
     * A new browser whose POSTs come from a page of another site: what a forged form sends. Either
     * header may be null, as an older browser or a privacy tool leaves it out.
     */
    public static WebSession postingFrom(URL base, String origin, String fetchSite) {
        return new WebSession(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL), origin, fetchSite, null, java.util.Map.of());
    }

    private static String originOf(URL url) {
        return Http.origin(url);
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(Http.resolve(base, path)).GET());
    }

    /** A GET of this exact path, not normalised ({@code /a/../b} is sent as it is), as an attacker's client sends it. */
    public HttpResponse<String> getVerbatim(String rawPath) {
        URI application = Http.resolve(base, "");
        return send(HttpRequest.newBuilder(URI.create(application.getScheme() + "://" + application.getRawAuthority() + rawPath)).GET());
    }

    /** A GET with HTTP Basic credentials (none when {@code username} is null) and no Accept header, as a metrics scraper sends it. */
    public HttpResponse<String> get(String path, String username, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Http.resolve(base, path)).GET();
        if (username != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return send(request);
    }

    /**
     * Opens the page, fills the form's fields (names without the form id prefix) and presses the
     * button, as a browser without JavaScript would.
     */
    public HttpResponse<String> submit(String page, String formId, Map<String, String> fields, String buttonId) {
        HttpResponse<String> form = get(page);
        if (form.statusCode() != 200) {
            throw new IllegalStateException("GET " + page + " answered " + form.statusCode());
        }
        Matcher viewState = VIEW_STATE.matcher(form.body());
        if (!viewState.find()) {
            throw new IllegalStateException(page + " has no JSF form");
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put(formId, formId);
        fields.forEach((name, value) -> body.put(formId + ":" + name, value));
        body.put(formId + ":" + buttonId, "");
        body.put("jakarta.faces.ViewState", viewState.group(1).replace("&#58;", ":"));
        nonceOf(form.body()).ifPresent(nonce -> body.put("primefaces.nonce", nonce));
        return send(HttpRequest.newBuilder(Http.resolve(base, page))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncoded(body))));
    }

    /**
     * Opens a page and keeps its form's ViewState, so the same form can be posted more than once:
     * what a double click or a replayed request sends.
     */
    public PreparedForm prepare(String page, String formId) {
        HttpResponse<String> form = get(page);
        if (form.statusCode() != 200) {
            throw new IllegalStateException("GET " + page + " answered " + form.statusCode());
        }
        Matcher viewState = VIEW_STATE.matcher(form.body());
        if (!viewState.find()) {
            throw new IllegalStateException(page + " has no JSF form");
        }
        return new PreparedForm(page, formId, viewState.group(1).replace("&#58;", ":"), nonceOf(form.body()).orElse(null));
    }

    private static Optional<String> nonceOf(String html) {
        Matcher nonce = NONCE.matcher(html);
        return nonce.find() ? Optional.of(nonce.group(1)) : Optional.empty();
    }

    /** A form as a page served it; {@link #post} may be called from several threads. */
    public final class PreparedForm {
        private final String page;
        private final String formId;
        private final String viewState;
        private final String nonce;

        private PreparedForm(String page, String formId, String viewState, String nonce) {
            this.page = page;
            this.formId = formId;
            this.viewState = viewState;
            this.nonce = nonce;
        }

        public HttpResponse<String> post(Map<String, String> fields, String buttonId) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put(formId, formId);
            fields.forEach((name, value) -> body.put(formId + ":" + name, value));
            body.put(formId + ":" + buttonId, "");
            body.put("jakarta.faces.ViewState", viewState);
            if (nonce != null) {
                body.put("primefaces.nonce", nonce);
            }
            return send(HttpRequest.newBuilder(Http.resolve(base, page))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(formEncoded(body))));
        }
    }

    /**
     * Posts a form exactly as given (names with their form prefix, repeated names allowed), as a
     * full request or as a PrimeFaces AJAX request.
     */
    public HttpResponse<String> postForm(String page, java.util.List<Map.Entry<String, String>> fields, boolean ajax) {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> field : fields) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(Http.resolve(base, page))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (ajax) {
            request.header("Faces-Request", "partial/ajax");
        }
        return send(request);
    }

    /** Signs in through the sign-in form; returns the answer (302 to the landing page when it worked). */
    public HttpResponse<String> signIn(String username, String password) {
        return submit("login.xhtml", "login", Map.of("username", username, "password", password), "submit");
    }

    /** A JSON API call with this session's cookies and, when given, Basic credentials. */
    public HttpResponse<String> api(String method, String path, String json, String username, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(Http.resolve(base, path))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (username != null) {
            String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + token);
        }
        return send(request);
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    public void forgetCookie(String name) {
        URI uri = Http.resolve(base, "/");
        cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .toList()
                .forEach(c -> cookies.getCookieStore().remove(uri, c));
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        headers.forEach(builder::header);
        HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
        if (!"GET".equals(request.method())) {
            HttpRequest.Builder withSite = HttpRequest.newBuilder(request, (name, value) -> true);
            if (origin != null) {
                withSite.header("Origin", origin);
            }
            if (fetchSite != null) {
                withSite.header("Sec-Fetch-Site", fetchSite);
            }
            request = withSite.build();
        }
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String formEncoded(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return body.toString();
    }
}
