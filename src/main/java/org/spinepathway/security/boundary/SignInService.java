package org.spinepathway.security.boundary;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.platform.control.LogSafe;
import org.spinepathway.security.control.GeneratedPassword;
import org.spinepathway.security.control.UserAccountRepository;
import org.spinepathway.security.control.VerifiedCredentials;
import org.spinepathway.security.entity.UserAccount;

/**
 * Checks a username and password for both the sign-in form and the JSON API's Basic
 * authentication. The PBKDF2 check runs first, holding no database connection or lock (it takes a
 * tenth of a second of CPU by design); {@link SignInAttempts} then records the outcome against the
 * locked account row.
 * <p>
 * Every refusal looks the same to the caller, whether the account is unknown, disabled, locked or
 * the password wrong, and costs the same PBKDF2 work, so neither the answer nor its timing tells
 * an attacker which accounts exist.
 */
@ApplicationScoped
public class SignInService {

    @Inject
    UserAccountRepository accounts;

    @Inject
    SignInAttempts attempts;

    @Inject
    Clock clock;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    PasswordHashSettings hashSettings;

    @Inject
    SecondFactorPolicy secondFactor;

    /** How long a verified API credential is remembered; 0 turns the memory off. */
    @Inject
    @ConfigProperty(name = "clinic.security.api-credential-memory-seconds")
    int apiMemorySeconds;

    private final ReentrantLock[] checking = new ReentrantLock[64];
    private String decoyHash;
    private VerifiedCredentials verified;

    @PostConstruct
    void init() {
        hashSettings.configure(passwordHash);
        decoyHash = passwordHash.generate(GeneratedPassword.next().toCharArray());
        verified = new VerifiedCredentials(Duration.ofSeconds(apiMemorySeconds), 10_000, clock);
        for (int i = 0; i < checking.length; i++) {
            checking[i] = new ReentrantLock();
        }
    }

    /**
     * A sign-in from a browser, which may hold the cookie of a browser the account has signed in
     * from ({@code deviceToken}, or null); the outcome carries the cookie to give a browser that is
     * new to the account.
     */
    public SignInAttempts.Outcome verifyWeb(String typedUsername, char[] password, String deviceToken) {
        return check(UserAccount.normalizeUsername(typedUsername), password, deviceToken, true).outcome();
    }

    /**
     * An API call's Basic credentials. A username and password verified in the last few minutes,
     * against the account's current password, are accepted without the PBKDF2 work and without a new
     * SIGN_IN audit event (the call's own reads and writes are audited as ever); the account must
     * still be enabled, read from the database on every call (a delay from failed sign-ins does not
     * stop a caller that already proved its password). Anything else is a full check, remembered when
     * it succeeds.
     */
    public CredentialValidationResult verifyApiCall(String typedUsername, char[] password) {
        String username = UserAccount.normalizeUsername(typedUsername);
        if (username == null || username.isEmpty() || LogSafe.hasControlCharacters(username)) {
            return check(username, password, null, false).outcome().result();
        }
        Optional<CredentialValidationResult> known = remembered(username, password);
        if (known.isPresent()) {
            return known.get();
        }
        // One full check per username at a time: when an integration opens with many calls at once, the
        // first pays the PBKDF2 work and the others find it remembered, instead of all of them hashing
        // together and starving the server. (It also slows parallel password guessing.)
        ReentrantLock lock = checking[Math.floorMod(username.hashCode(), checking.length)];
        lock.lock();
        try {
            known = remembered(username, password);
            if (known.isPresent()) {
                return known.get();
            }
            Checked checked = check(username, password, null, false);
            CredentialValidationResult result = checked.outcome().result();
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                verified.remember(username, password, checked.hash());
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    /**
     * What a web session compares on each request to know its account is as it signed in: a digest
     * of the role, password hash, second factor and integration mark of the enabled account; empty
     * when it is disabled or gone. A lock (failed attempts by anyone) does not end a session: lockout
     * must not sign people out.
     */
    public Optional<String> sessionStamp(String username) {
        return accounts.standing(username).filter(UserAccountRepository.Standing::enabled)
                .map(s -> stamp(s.role().name() + ":" + s.passwordHash() + ":" + s.secondFactorSince() + ":" + s.integration()));
    }

    /** Whether the account's role requires a second factor it has not enrolled yet. */
    public boolean mustEnrolSecondFactor(String username) {
        return accounts.standing(username).map(s -> !s.hasSecondFactor() && secondFactor.isRequired(s.role())).orElse(false);
    }

    /** Whether the account signs in with a second factor (enrolled, or required by its role): a password-less link may not sign it in. */
    public boolean signsInWithTwoSteps(String username) {
        return accounts.standing(username).map(s -> s.hasSecondFactor() || secondFactor.isRequired(s.role())).orElse(false);
    }

    private static String stamp(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private Optional<CredentialValidationResult> remembered(String username, char[] password) {
        Optional<UserAccountRepository.Standing> account = accounts.standing(username);
        // A credential verified earlier is this client's proof, like a known browser's cookie: an
        // attacker's failures since, which delay strangers, do not stop the integration that holds it.
        if (account.isPresent() && account.get().enabled()
                && !secondFactor.refusesBasic(account.get().role(), account.get().hasSecondFactor(), account.get().integration())
                && verified.wereVerified(username, password, account.get().passwordHash())) {
            return Optional.of(new CredentialValidationResult(account.get().username(), Set.of(account.get().role().name())));
        }
        return Optional.empty();
    }

    private record Checked(SignInAttempts.Outcome outcome, String hash) {
    }

    private Checked check(String username, char[] password, String deviceToken, boolean rememberBrowser) {
        if (LogSafe.hasControlCharacters(username) || LogSafe.hasControlCharacters(password)) {
            // No account has such a name or password (the rules refuse them), so no account is looked up:
            // a NUL would fail the query, and the text must reach neither a query nor the log as it is.
            return new Checked(new SignInAttempts.Outcome(attempts.refuseControlCharacters(username), null, SecondFactorPolicy.NextStep.NONE), null);
        }
        String storedHash = username == null || username.isEmpty() ? null
                : accounts.standing(username).map(UserAccountRepository.Standing::passwordHash).orElse(null);
        // An unknown account costs the same PBKDF2 work, against a decoy hash.
        boolean matches = passwordHash.verify(password, storedHash == null ? decoyHash : storedHash) && storedHash != null;
        return new Checked(attempts.record(username, storedHash, matches, deviceToken, rememberBrowser), storedHash);
    }
}
