package org.spinepathway.security.boundary;

import java.time.Clock;
import java.util.OptionalLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.security.control.RateLimiter;

/**
 * How many refused passwords a client address, and everybody together, may send per minute
 * ({@code clinic.security.rate-limit.*}). Past that, sign-in and the API answer 429 with
 * {@code Retry-After} before any password is hashed, so guessing, and the PBKDF2 work it costs the
 * server, are bounded. A right password spends nothing. The address is the connection's: a
 * forwarded-for header is not trusted, so behind a proxy the limit is the proxy's.
 */
@ApplicationScoped
public class SignInLimits {

    @Inject
    @ConfigProperty(name = "clinic.security.rate-limit.failures-per-address-per-minute")
    int perAddress;

    @Inject
    @ConfigProperty(name = "clinic.security.rate-limit.failures-overall-per-minute")
    int overall;

    @Inject
    Clock clock;

    private RateLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new RateLimiter(perAddress, overall, 100_000, clock);
    }

    /** Seconds the request's client must wait before its password is checked, or empty. */
    public OptionalLong retryAfter(HttpServletRequest request) {
        return limiter.retryAfter(request.getRemoteAddr());
    }

    /** Counts a refused password against the request's client address. */
    public void refused(HttpServletRequest request) {
        limiter.charge(request.getRemoteAddr());
    }
}
