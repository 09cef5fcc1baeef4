package org.spinepathway.security.boundary;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.security.control.RateLimiter;

/**
 * How many registrations a client address, and everybody together, may send per hour
 * ({@code clinic.security.rate-limit.registrations-*}): each costs the server a PBKDF2 hash and
 * tries an e-mail address, so past the limit the page answers 429 before the form is checked.
 * Every registration sent counts, taken or refused. The address is the connection's, as for
 * {@link SignInLimits}.
 */
@ApplicationScoped
public class RegistrationLimits {

    @Inject
    @ConfigProperty(name = "clinic.security.rate-limit.registrations-per-address-per-hour")
    int perAddress;

    @Inject
    @ConfigProperty(name = "clinic.security.rate-limit.registrations-overall-per-hour")
    int overall;

    @Inject
    Clock clock;

    private RateLimiter limiter;

    @PostConstruct
    void init() {
        limiter = new RateLimiter(perAddress, overall, Duration.ofHours(1), 100_000, clock);
    }

    /**
     * Counts a registration from the request's address, unless it must wait: then the seconds to
     * wait, and nothing is counted.
     */
    public OptionalLong attempt(HttpServletRequest request) {
        OptionalLong wait = limiter.retryAfter(request.getRemoteAddr());
        if (wait.isEmpty()) {
            limiter.charge(request.getRemoteAddr());
        }
        return wait;
    }
}
