package org.spinepathway.security.boundary;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.platform.control.Acting;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.control.LogSafe;
import org.spinepathway.platform.control.NotFoundException;
import org.spinepathway.security.control.RecoveryCodes;
import org.spinepathway.security.control.SecretBox;
import org.spinepathway.security.control.Totp;
import org.spinepathway.security.control.UserAccountRepository;
import org.spinepathway.security.entity.AuditAction;
import org.spinepathway.security.entity.UserAccount;

/**
 * A second factor at sign-in: a one-time code from an authenticator app (RFC 6238), enrolled by
 * scanning a QR code and typing its first code, with ten single-use recovery codes for a lost
 * phone. Who must have one is {@link SecondFactorPolicy}'s business. Every enrolment, reset,
 * integration marking and code taken at sign-in is audited; a wrong code counts against the
 * account like a wrong password.
 */
@ApplicationScoped
public class SecondFactor {

    /** A secret offered for enrolment, not stored until its first code is typed back. */
    public record Enrolment(String secret, String qrCode) implements Serializable {

        /** The secret in groups of four, for typing into an app by hand. */
        public String grouped() {
            return secret.replaceAll("(.{4})(?!$)", "$1 ");
        }
    }

    /** What a code given at sign-in turned out to be. */
    public enum Verification {
        ONE_TIME_CODE,
        RECOVERY_CODE,
        REFUSED
    }

    private static final Logger LOG = Logger.getLogger(SecondFactor.class.getName());

    private final Totp totp = new Totp();

    @Inject
    UserAccountRepository accounts;

    @Inject
    RecoveryCodes recoveryCodes;

    @Inject
    SignInAttempts attempts;

    @Inject
    SecondFactorPolicy policy;

    @Inject
    AuditLog audit;

    @Inject
    Acting acting;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clinic.name")
    String clinicName;

    /** The key the second factors' secrets are encrypted under, from the environment; none: stored as they are. */
    @Inject
    @ConfigProperty(name = "clinic.security.totp-key")
    Optional<String> secretKey;

    private SecretBox box;

    @PostConstruct
    void init() {
        box = new SecretBox(secretKey);
    }

    /** A new secret and its QR code for the signed-in caller's authenticator app. */
    public Enrolment offer() {
        String secret = Totp.newSecret();
        return new Enrolment(secret, Totp.qrCodeDataUri(secret, acting.name(), clinicName));
    }

    /**
     * Enrols {@code offered} as the caller's second factor once {@code code} is its current code,
     * replacing any earlier one; returns the ten new recovery codes to show once.
     *
     * @throws InvalidInputException on {@code code} when it is not the app's current code
     */
    @Transactional
    public List<String> enrol(Enrolment offered, String code) {
        UserAccount account = callersAccount();
        Instant now = clock.instant();
        OptionalLong step = totp.matchingStep(offered.secret(), code, now, Long.MIN_VALUE);
        if (step.isEmpty()) {
            throw InvalidInputException.of("code", "That is not the code your app shows now. Scan the QR code again"
                    + " (or type the key), then type the six digits the app shows.");
        }
        boolean again = account.hasSecondFactor();
        account.enrolSecondFactor(box.seal(offered.secret()), step.getAsLong(), now.atOffset(ZoneOffset.UTC));
        List<String> codes = recoveryCodes.issue(account.getId(), now);
        audit.recordSignIn(AuditAction.UPDATE, account.getUsername(), (again ? "second factor enrolled again on a new app"
                : "second factor enrolled") + "; ten new recovery codes issued");
        return codes;
    }

    /** Whether the signed-in caller has a second factor; how many unused recovery codes they hold. */
    @Transactional
    public Status status() {
        UserAccount account = callersAccount();
        return new Status(account.hasSecondFactor(), account.getTotpEnabledAt(),
                recoveryCodes.usable(account.getId()), policy.isRequired(account.getRole()));
    }

    /** The caller's second factor: whether enrolled, since when, the recovery codes left, and whether the role requires one. */
    public record Status(boolean enrolled, OffsetDateTime since, long recoveryCodesLeft, boolean required) {
    }

    /**
     * A code typed at sign-in after the right password: the app's code of a step later than the last
     * one taken, or an unused recovery code. A refusal counts as a failed sign-in.
     */
    @Transactional
    public Verification verify(String username, String code) {
        UserAccount account = accounts.findByUsernameForUpdate(username).filter(UserAccount::isEnabled)
                .filter(UserAccount::hasSecondFactor).orElse(null);
        if (account == null) {
            return Verification.REFUSED;
        }
        Instant now = clock.instant();
        if (attempts.isDelayed(account)) {
            // Wrong codes (or passwords) made the account wait: no code is checked until the wait is over.
            audit.recordSignIn(AuditAction.SIGN_IN_FAILURE, account.getUsername(), "a second-factor code while the account waits after failed sign-ins");
            return Verification.REFUSED;
        }
        OptionalLong step = totp.matchingStep(secretOf(account), code, now, account.getTotpLastStep());
        if (step.isPresent()) {
            account.secondFactorUsed(step.getAsLong());
            account.signedIn(now.atOffset(ZoneOffset.UTC), true);
            audit.recordSignIn(AuditAction.SIGN_IN, account.getUsername(), "second factor: a code from the authenticator app");
            return Verification.ONE_TIME_CODE;
        }
        if (code != null && !code.strip().matches("\\d{6}") && recoveryCodes.take(account.getId(), code, now)) {
            account.signedIn(now.atOffset(ZoneOffset.UTC), true);
            long left = recoveryCodes.usable(account.getId());
            audit.recordSignIn(AuditAction.SIGN_IN, account.getUsername(), "second factor: a recovery code; " + left + " left");
            return Verification.RECOVERY_CODE;
        }
        attempts.recordWrongSecondFactor(account);
        return Verification.REFUSED;
    }

    /**
     * An administrator takes away a staff member's second factor (a lost phone): their sessions end,
     * their recovery codes stop working, and they enrol again at their next sign-in.
     */
    @Transactional
    public UserAccount reset(long accountId) {
        UserAccount account = staffAccount(accountId, "Set up your own second factor again on your Two-step sign-in page.");
        if (!account.hasSecondFactor()) {
            throw new ConflictException(null, account.getDisplayName() + " has no second factor to reset.");
        }
        Instant now = clock.instant();
        account.removeSecondFactor();
        int withdrawn = recoveryCodes.withdraw(account.getId(), now);
        audit.record(AuditAction.UPDATE, null, "UserAccount", account.getId(), "second factor of " + account.getUsername()
                + " reset by an administrator; " + withdrawn + " unused recovery code(s) withdrawn; they enrol again at their next sign-in");
        return account;
    }

    /**
     * The caller turns their own second factor off, proving it with a current code; not when their
     * role requires one.
     */
    @Transactional(dontRollbackOn = InvalidInputException.class)
    public void turnOff(String code) {
        UserAccount account = callersAccount();
        if (policy.isRequired(account.getRole())) {
            throw new ConflictException(null, "Your role signs in with a second factor: it cannot be turned off.");
        }
        Instant now = clock.instant();
        OptionalLong step = account.hasSecondFactor()
                ? totp.matchingStep(secretOf(account), code, now, account.getTotpLastStep()) : OptionalLong.empty();
        if (step.isEmpty()) {
            attempts.recordWrongSecondFactor(account);
            throw InvalidInputException.of("code", "That is not the code your app shows now.");
        }
        account.removeSecondFactor();
        recoveryCodes.withdraw(account.getId(), now);
        audit.recordSignIn(AuditAction.UPDATE, account.getUsername(), "second factor turned off by the account's owner");
    }

    /**
     * An administrator marks a staff account as a system's account for the JSON API (HTTP Basic, no
     * pages, no second factor), or takes the mark away.
     */
    @Transactional
    public UserAccount setIntegration(long accountId, boolean integration) {
        UserAccount account = staffAccount(accountId, "Your own account cannot be an integration account.");
        account.setIntegration(integration);
        audit.record(AuditAction.UPDATE, null, "UserAccount", account.getId(), account.getUsername() + (integration
                ? " marked as an integration account: it calls the API with HTTP Basic and cannot sign in on the pages"
                : " is no longer an integration account"));
        return account;
    }

    /** The account's secret, opened; null (no code matches) when it cannot be, which the log reports. */
    private String secretOf(UserAccount account) {
        return box.open(account.getTotpSecret()).orElseGet(() -> {
            LOG.severe("The second factor of " + LogSafe.text(account.getUsername()) + " cannot be decrypted:"
                    + " clinic.security.totp-key is missing or not the key it was enrolled under");
            return null;
        });
    }

    private UserAccount staffAccount(long accountId, String notYourself) {
        UserAccount account = accounts.find(accountId).filter(a -> AccountService.STAFF_ROLES.contains(a.getRole()))
                .orElseThrow(() -> new NotFoundException("There is no such staff account."));
        if (account.getUsername().equals(acting.name())) {
            throw new ConflictException(null, notYourself);
        }
        return account;
    }

    private UserAccount callersAccount() {
        return accounts.findByUsernameForUpdate(acting.caller().orElseThrow(() -> new IllegalStateException("no caller")))
                .orElseThrow(() -> new NotFoundException("Your account no longer exists."));
    }
}
