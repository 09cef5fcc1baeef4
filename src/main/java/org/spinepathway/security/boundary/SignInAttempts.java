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
import org.spinepathway.security.control.LockoutPolicy;
import org.spinepathway.security.control.UserAccountRepository;
import org.spinepathway.security.entity.AuditAction;
import org.spinepathway.security.entity.UserAccount;

/**
 * Records the outcome of a sign-in attempt whose password was already checked: with the account's
 * row locked, so that concurrent failures are all counted, it decides from the account as it is now
 * (enabled, locked, password unchanged since the check), counts failures and locks accounts under
 * attack, and audits the attempt. The slow password hash is never computed here, so the row lock
 * and the database connection are held for milliseconds.
 */
@ApplicationScoped
public class SignInAttempts {

    @Inject
    UserAccountRepository accounts;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "clinic.security.lockout.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "clinic.security.lockout.window-minutes", defaultValue = "15")
    int windowMinutes;

    @Inject
    @ConfigProperty(name = "clinic.security.lockout.lock-minutes", defaultValue = "15")
    int lockMinutes;

    private LockoutPolicy lockout;

    @PostConstruct
    void init() {
        lockout = new LockoutPolicy(maxFailures, Duration.ofMinutes(windowMinutes), Duration.ofMinutes(lockMinutes));
    }

    /**
     * @param checkedHash the stored hash the password was checked against (null: no such account)
     * @param passwordMatches whether the password matched {@code checkedHash}
     */
    @Transactional
    public CredentialValidationResult record(String username, String checkedHash, boolean passwordMatches) {
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
        LockoutPolicy.State before = account.lockoutState();
        if (before.isLockedAt(now)) {
            return refuse(username, "account locked until " + before.lockedUntil());
        }
        // A password that matched a hash replaced meanwhile is the old password: a failure like any other.
        if (!passwordMatches || !account.getPasswordHash().equals(checkedHash)) {
            countFailure(account, now, "wrong password");
            return CredentialValidationResult.INVALID_RESULT;
        }
        account.signedIn(OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        audit.recordSignIn(AuditAction.SIGN_IN, username, null);
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

    /** Whether the account is locked now (by failed sign-ins or failed password changes). */
    public boolean isLocked(UserAccount account) {
        return account.lockoutState().isLockedAt(clock.instant());
    }

    private void countFailure(UserAccount account, Instant now, String detail) {
        LockoutPolicy.State before = account.lockoutState();
        LockoutPolicy.State after = lockout.afterFailure(before, now);
        account.applyLockoutState(after);
        audit.recordSignIn(AuditAction.SIGN_IN_FAILURE, account.getUsername(), detail);
        if (LockoutPolicy.lockedBy(before, after, now)) {
            audit.recordSignIn(AuditAction.LOCKOUT, account.getUsername(),
                    maxFailures + " failed sign-ins; locked until " + after.lockedUntil());
        }
    }

    /**
     * Credentials holding a control character (a NUL, a line break): refused and audited, the name
     * recorded with its control characters escaped, no account looked up or counted.
     */
    @Transactional
    public CredentialValidationResult refuseControlCharacters(String username) {
        return refuse(LogSafe.text(username), "control characters in the username or password");
    }

    private CredentialValidationResult refuse(String username, String why) {
        audit.recordSignIn(AuditAction.SIGN_IN_FAILURE, username, why);
        return CredentialValidationResult.INVALID_RESULT;
    }
}
