package org.spinepathway.security.boundary;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.Config;
import org.spinepathway.security.control.RateLimiter;

/**
 * How often a client address, and everybody together, may do what costs the server work or
 * sends e-mail to an address a stranger chose ({@code clinic.security.rate-limit.*}). Past a
 * limit the caller answers 429 with {@code Retry-After} before anything is hashed, looked up or
 * sent. The address is the connection's: a forwarded-for header is not trusted, so behind a proxy
 * the limit is the proxy's.
 */
@ApplicationScoped
public class ClientLimits {

    /** What is limited, with the names of its two settings. */
    public enum Limit {
        /** Refused passwords (sign-in and the API); a right password spends nothing. */
        SIGN_IN_FAILURES("failures", Duration.ofMinutes(1), "minute"),
        /** Registrations sent, taken or refused: each hashes a password and e-mails an address. */
        REGISTRATIONS("registrations", Duration.ofHours(1), "hour"),
        /** "Forgot your password?" requests: each may e-mail an address. */
        PASSWORD_RESETS("password-resets", Duration.ofHours(1), "hour");

        private final String name;
        private final Duration period;
        private final String unit;

        Limit(String name, Duration period, String unit) {
            this.name = name;
            this.period = period;
            this.unit = unit;
        }

        String perAddressKey() {
            return "clinic.security.rate-limit." + name + "-per-address-per-" + unit;
        }

        String overallKey() {
            return "clinic.security.rate-limit." + name + "-overall-per-" + unit;
        }
    }

    @Inject
    Config config;

    @Inject
    Clock clock;

    private final Map<Limit, RateLimiter> limiters = new EnumMap<>(Limit.class);

    @PostConstruct
    void init() {
        for (Limit limit : Limit.values()) {
            limiters.put(limit, new RateLimiter(config.getValue(limit.perAddressKey(), Integer.class),
                    config.getValue(limit.overallKey(), Integer.class), limit.period, 100_000, clock));
        }
    }

    /** Seconds the request's client must wait before it may do this, or empty; nothing is counted. */
    public OptionalLong retryAfter(Limit limit, HttpServletRequest request) {
        return limiters.get(limit).retryAfter(request.getRemoteAddr());
    }

    /** Counts one against the request's client address (a refused password, say). */
    public void charge(Limit limit, HttpServletRequest request) {
        limiters.get(limit).charge(request.getRemoteAddr());
    }

    /** Counts one, unless the client must wait: then the seconds to wait, and nothing is counted. */
    public OptionalLong attempt(Limit limit, HttpServletRequest request) {
        OptionalLong wait = retryAfter(limit, request);
        if (wait.isEmpty()) {
            charge(limit, request);
        }
        return wait;
    }
}
