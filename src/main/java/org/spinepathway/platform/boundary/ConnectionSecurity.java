package org.spinepathway.platform.boundary;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a request reached the clinic encrypted: over Payara's own TLS port, or through a reverse
 * proxy that terminated TLS and said so in {@code X-Forwarded-Proto}, a header believed only from
 * the addresses in {@code clinic.proxy.trusted-addresses} (anyone else can send it). When
 * {@code clinic.public-url} is https the clinic is meant to be reached only so: cookies are
 * {@code Secure}, encrypted answers carry {@code Strict-Transport-Security}, and a plain request is
 * sent to the public address (GET) or refused unread.
 */
@ApplicationScoped
public class ConnectionSecurity {

    /** Answers carry this when the request was encrypted: browsers then use https only, for a year. */
    public static final String HSTS = "max-age=31536000";

    @Inject
    @ConfigProperty(name = "clinic.public-url")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "clinic.proxy.trusted-addresses")
    Optional<String> trustedAddresses;

    private Set<String> trusted;

    @PostConstruct
    void init() {
        trusted = Set.copyOf(Arrays.stream(trustedAddresses.orElse("").split(",")).map(String::strip).filter(a -> !a.isEmpty()).toList());
    }

    /** Whether the request came over TLS, to Payara or to a trusted proxy. */
    public boolean isSecure(HttpServletRequest request) {
        return request.isSecure() || isForwardedSecure(request);
    }

    /** Whether a trusted proxy says the browser's request to it was https (Payara saw plain HTTP). */
    public boolean isForwardedSecure(HttpServletRequest request) {
        return !trusted.isEmpty() && trusted.contains(request.getRemoteAddr())
                && "https".equalsIgnoreCase(String.valueOf(request.getHeader("X-Forwarded-Proto")).strip());
    }

    /** Whether the clinic's public address is https, so that nothing should travel in the clear. */
    public boolean isTlsRequired() {
        return publicUrl.regionMatches(true, 0, "https://", 0, 8);
    }

    /** Whether cookies set in answer to this request must be {@code Secure}. */
    public boolean cookiesSecure(HttpServletRequest request) {
        return isTlsRequired() || isSecure(request);
    }

    /**
     * Where a plain request must go instead when TLS is required: the same path and query at the
     * public address; empty when the request may be answered as it is (encrypted, TLS not required,
     * or a health probe, which load balancers send in the clear).
     */
    public Optional<String> encryptedAddress(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!isTlsRequired() || isSecure(request) || path.startsWith("/health")) {
            return Optional.empty();
        }
        String query = request.getQueryString();
        return Optional.of(publicAddress(path + (query == null ? "" : "?" + query)));
    }

    /** The address users reach {@code path} at ({@code clinic.public-url} and the path): for links in e-mail. */
    public String publicAddress(String path) {
        return publicUrl.replaceAll("/+$", "") + path;
    }
}
