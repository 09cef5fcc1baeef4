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
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.security.control.GeneratedPassword;
import org.spinepathway.security.control.LockoutPolicy;
import org.spinepathway.security.control.PasswordHashing;
import org.spinepathway.security.control.UserAccountRepository;
import org.spinepathway.security.entity.AuditAction;
import org.spinepathway.security.entity.UserAccount;

/**
 * Checks a username and password for both the sign-in form and the JSON API's Basic
 * authentication, counts failures and locks accounts under attack, and audits every attempt.
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
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Pbkdf2PasswordHash passwordHash;

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
    private String decoyHash;

    @PostConstruct
    void init() {
        passwordHash.initialize(PasswordHashing.parameters());
        lockout = new LockoutPolicy(maxFailures, Duration.ofMinutes(windowMinutes), Duration.ofMinutes(lockMinutes));
        decoyHash = passwordHash.generate(GeneratedPassword.next().toCharArray());
    }

    @Transactional
    public CredentialValidationResult verify(String typedUsername, char[] password) {
        String username = UserAccount.normalizeUsername(typedUsername);
        Optional<UserAccount> found = username == null || username.isEmpty()
                ? Optional.empty() : accounts.findByUsernameForUpdate(username);
        Instant now = clock.instant();
        if (found.isEmpty()) {
            return refuse(username, password, "unknown username");
        }
        UserAccount account = found.get();
        if (!account.isEnabled()) {
            return refuse(username, password, "account disabled");
        }
        LockoutPolicy.State before = account.lockoutState();
        if (before.isLockedAt(now)) {
            return refuse(username, password, "account locked until " + before.lockedUntil());
        }
        if (!passwordHash.verify(password, account.getPasswordHash())) {
            LockoutPolicy.State after = lockout.afterFailure(before, now);
            account.applyLockoutState(after);
            audit.recordSignIn(AuditAction.SIGN_IN_FAILURE, username, "wrong password");
            if (LockoutPolicy.lockedBy(before, after, now)) {
                audit.recordSignIn(AuditAction.LOCKOUT, username,
                        maxFailures + " failed sign-ins; locked until " + after.lockedUntil());
            }
            return CredentialValidationResult.INVALID_RESULT;
        }
        account.signedIn(OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        audit.recordSignIn(AuditAction.SIGN_IN, username, null);
        return new CredentialValidationResult(account.getUsername(), Set.of(account.getRole().name()));
    }

    private CredentialValidationResult refuse(String username, char[] password, String why) {
        passwordHash.verify(password, decoyHash);
        audit.recordSignIn(AuditAction.SIGN_IN_FAILURE, username, why);
        return CredentialValidationResult.INVALID_RESULT;
    }
}
