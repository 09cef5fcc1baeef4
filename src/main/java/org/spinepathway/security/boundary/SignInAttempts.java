package org.spinepathway.security.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.platform.control.LogSafe;
import org.spinepathway.security.control.KnownDevices;
import org.spinepathway.security.control.SignInDelay;
import org.spinepathway.security.control.UserAccountRepository;
import org.spinepathway.security.entity.AuditAction;
import org.spinepathway.security.entity.KnownDevice;
import org.spinepathway.security.entity.UserAccount;

/**
 * Records the outcome of a sign-in attempt whose password was already checked: with the account's
 * row locked, so that concurrent failures are all counted, it decides from the account as it is now
 * (enabled, delayed, password unchanged since the check), counts failures and delays accounts under
 * attack ({@link SignInDelay}), lets the account's own browsers through ({@link KnownDevices}), and
 * audits the attempt. The slow password hash is never computed here, so the row lock and the
 * database connection are held for milliseconds.
 */
@ApplicationScoped
public class SignInAttempts {

    /**
     * What became of an attempt: the result, and for a sign-in from a browser the account had not
     * used, the token of the cookie that makes it known from now on (null otherwise).
     */
    public record Outcome(CredentialValidationResult result, String newDeviceToken, SecondFactorPolicy.NextStep next) {

        static Outcome refused() {
            return new Outcome(CredentialValidationResult.INVALID_RESULT, null, SecondFactorPolicy.NextStep.NONE);
        }
    }

    @Inject
    UserAccountRepository accounts;

    @Inject
    KnownDevices devices;

    @Inject
    AuditLog audit;

    @Inject
    SecondFactorPolicy secondFactor;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clinic.security.lockout.max-failures")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "clinic.security.lockout.window-minutes")
    int windowMinutes;

    @Inject
    @ConfigProperty(name = "clinic.security.lockout.first-delay-seconds")
    int firstDelaySeconds;

    @Inject
    @ConfigProperty(name = "clinic.security.lockout.max-delay-minutes")
    int maxDelayMinutes;

    @Inject
    @ConfigProperty(name = "clinic.security.known-device-days")
    int knownDeviceDays;

    private SignInDelay delay;

    @PostConstruct
    void init() {
        delay = new SignInDelay(maxFailures, Duration.ofMinutes(windowMinutes), Duration.ofSeconds(firstDelaySeconds),
                Duration.ofMinutes(maxDelayMinutes));
    }

    /**
     * @param checkedHash the stored hash the password was checked against (null: no such account)
     * @param passwordMatches whether the password matched {@code checkedHash}
     * @param deviceToken the browser's known-device cookie, or null (API calls have none)
     * @param rememberBrowser whether a successful sign-in from a browser not known yet makes it known;
     *        true for the sign-in page, false for the API's HTTP Basic
     */
    @Transactional
    public Outcome record(String username, String checkedHash, boolean passwordMatches, String deviceToken,
                          boolean rememberBrowser) {
        Optional<UserAccount> found = username == null || username.isEmpty()
                ? Optional.empty() : accounts.findByUsernameForUpdate(username);
        Instant now = clock.instant();
        if (found.isEmpty()) {
            return refuse(username, "unknown username");
        }
        UserAccount account = found.get();
        if (!account.isEnabled()) {
            return refuse(username, "account disabled");
        }
        if (rememberBrowser && account.isIntegration()) {
            return refuse(username, "an integration account: it calls the API and does not sign in on the pages");
        }
        // A password that matched a hash replaced meanwhile is the old password: a failure like any other.
        boolean right = passwordMatches && account.getPasswordHash().equals(checkedHash);
        Optional<KnownDevice> device = devices.find(deviceToken, now, Duration.ofDays(knownDeviceDays))
                .filter(d -> d.getAccountId() == account.getId());
        if (device.isPresent()) {
            return fromKnownBrowser(account, device.get(), right, now);
        }
        SignInDelay.State before = account.delayState();
        if (before.isDelayedAt(now)) {
            return refuse(username, "a browser or client the account has not signed in from, while sign-in waits until "
                    + before.delayedUntil());
        }
        if (!right) {
            countFailure(account, now, "wrong password");
            return Outcome.refused();
        }
        if (!rememberBrowser && secondFactor.refusesBasic(account.getRole(), account.hasSecondFactor(), account.isIntegration())) {
            return refuse(username, "HTTP Basic from an account that signs in with a second factor:"
                    + " only integration accounts call the API with a password alone");
        }
        SecondFactorPolicy.NextStep next = nextStep(account, rememberBrowser);
        // With a code still to come, the failures counted so far stand until it is right: a right password
        // must not wipe the count of wrong codes, or the codes could be guessed five at a time without end.
        if (next != SecondFactorPolicy.NextStep.CODE) {
            account.signedIn(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), true);
        }
        String token = rememberBrowser ? devices.remember(account.getId(), now) : null;
        audit.recordSignIn(AuditAction.SIGN_IN, username, detail(next, token == null ? null : "from a browser the account had not used; it is remembered"));
        return new Outcome(valid(account), token, next);
    }

    private SecondFactorPolicy.NextStep nextStep(UserAccount account, boolean web) {
        return web ? secondFactor.afterPassword(account.getRole(), account.hasSecondFactor()) : SecondFactorPolicy.NextStep.NONE;
    }

    private static String detail(SecondFactorPolicy.NextStep next, String more) {
        String step = switch (next) {
            case CODE -> "password right; the second factor is asked next";
            case ENROL -> "password right; the role requires a second factor, which the account must enrol before any other page";
            case NONE -> null;
        };
        return step == null ? more : more == null ? step : step + "; " + more;
    }

    /**
     * The account's own browser: it is not kept waiting by the account's delay (which may be an
     * attacker's doing), and a success there leaves the delay for strangers as it is. Its wrong
     * passwords count against the browser alone; at the account's limit it is forgotten.
     */
    private Outcome fromKnownBrowser(UserAccount account, KnownDevice device, boolean right, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        if (right) {
            device.signedIn(at);
            SecondFactorPolicy.NextStep next = nextStep(account, true);
            if (next != SecondFactorPolicy.NextStep.CODE) {
                account.signedIn(at, !account.delayState().isDelayedAt(now));
            }
            audit.recordSignIn(AuditAction.SIGN_IN, account.getUsername(), detail(next, null));
            return new Outcome(valid(account), null, next);
        }
        int failures = device.failed();
        audit.recordSignIn(AuditAction.SIGN_IN_FAILURE, account.getUsername(), "wrong password from a browser the account has signed in from");
        if (failures >= maxFailures) {
            device.forget(at, failures + " wrong passwords");
            audit.recordSignIn(AuditAction.LOCKOUT, account.getUsername(),
                    failures + " wrong passwords from one of the account's browsers: it is no longer remembered");
        }
        return Outcome.refused();
    }

    private static CredentialValidationResult valid(UserAccount account) {
        return new CredentialValidationResult(account.getUsername(), Set.of(account.getRole().name()));
    }

    /**
     * The current password given on the change-password page was wrong: a guess like a failed sign-in,
     * counted against the same account and audited the same way, so a session left open cannot be used
     * to guess the password without limit. Joins the caller's transaction.
     */
    @Transactional
    public void recordWrongCurrentPassword(String username) {
        accounts.findByUsernameForUpdate(username)
                .ifPresent(account -> countFailure(account, clock.instant(), "wrong current password when changing it"));
    }

    /**
     * A wrong one-time or recovery code after the right password: counted like a wrong password, so
     * the codes cannot be guessed without limit. Joins the caller's transaction (the account is locked).
     */
    @Transactional
    public void recordWrongSecondFactor(UserAccount account) {
        countFailure(account, clock.instant(), "wrong second-factor code");
    }

    /** Whether failed attempts make the account wait now (for sign-ins from unknown browsers, and password changes). */
    public boolean isDelayed(UserAccount account) {
        return account.delayState().isDelayedAt(clock.instant());
    }

    private void countFailure(UserAccount account, Instant now, String detail) {
        SignInDelay.State before = account.delayState();
        SignInDelay.State after = delay.afterFailure(before, now);
        account.applyDelayState(after);
        audit.recordSignIn(AuditAction.SIGN_IN_FAILURE, account.getUsername(), detail);
        if (SignInDelay.delayedBy(before, after, now)) {
            audit.recordSignIn(AuditAction.LOCKOUT, account.getUsername(), after.failures()
                    + " failed sign-ins; browsers and clients the account has not signed in from wait until " + after.delayedUntil());
        }
    }

    /**
     * Credentials holding a control character (a NUL, a line break): refused and audited, the name
     * recorded with its control characters escaped, no account looked up or counted.
     */
    @Transactional
    public CredentialValidationResult refuseControlCharacters(String username) {
        return refuse(LogSafe.text(username), "control characters in the username or password").result();
    }

    private Outcome refuse(String username, String why) {
        audit.recordSignIn(AuditAction.SIGN_IN_FAILURE, username, why);
        return Outcome.refused();
    }
}
