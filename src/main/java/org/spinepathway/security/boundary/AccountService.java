package org.spinepathway.security.boundary;

import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import org.spinepathway.platform.control.ClinicWords;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.FieldError;
import org.spinepathway.platform.control.InputValidation;
import org.spinepathway.platform.control.InvalidInputException;
import org.spinepathway.platform.control.NotFoundException;
import org.spinepathway.security.control.KnownDevices;
import org.spinepathway.security.control.PasswordRules;
import org.spinepathway.security.control.SignInDelay;
import org.spinepathway.security.control.UserAccountRepository;
import org.spinepathway.security.entity.AuditAction;
import org.spinepathway.security.entity.Role;
import org.spinepathway.security.entity.UserAccount;

/** Login accounts: created, listed, disabled, and their passwords changed or reset. Every change is audited. */
@ApplicationScoped
@Transactional
public class AccountService {

    /** Roles that belong to clinic staff rather than patients. */
    public static final Set<Role> STAFF_ROLES = EnumSet.of(Role.PHYSIO, Role.PHYSICIAN, Role.ADMIN);

    @Inject
    UserAccountRepository accounts;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    PasswordHashSettings hashSettings;

    @Inject
    AuditLog audit;

    @Inject
    SecurityContext securityContext;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    @Inject
    SignInAttempts signInAttempts;

    @Inject
    KnownDevices knownDevices;

    static final String WAIT = "Too many wrong passwords: please wait a few minutes, then try again.";

    @PostConstruct
    void configureHashing() {
        hashSettings.configure(passwordHash);
    }

    public Optional<UserAccount> findByUsername(String username) {
        return accounts.findByUsername(username);
    }

    /** Enabled staff of one role, to assign to an episode. */
    public List<UserAccount> colleagues(Role role) {
        return accounts.enabledWithRole(role);
    }

    public Optional<UserAccount> find(long id) {
        return accounts.find(id);
    }

    public long countStaff() {
        return accounts.countWithRoles(STAFF_ROLES);
    }

    public List<UserAccount> staffPage(int first, int pageSize) {
        return accounts.pageWithRoles(STAFF_ROLES, first, pageSize);
    }

    public boolean hasEnabledAdministrator() {
        return accounts.countEnabled(Role.ADMIN) > 0;
    }

    /** An administrator creates a staff account. */
    public UserAccount createStaff(NewStaffAccount input) {
        List<FieldError> extra = new ArrayList<>(passwordProblems("password", input.password(), input.password(), input.username()));
        InputValidation.require(validator, input, extra);
        UserAccount account = createAccount("username", input.username(), input.password().toCharArray(), input.roleValue(), input.displayName().strip());
        if (input.email() != null && !input.email().isBlank()) {
            account.setEmail(input.email().strip());
        }
        return account;
    }

    /** Whether an account has this username (for patients: their e-mail address). */
    public boolean usernameTaken(String username) {
        return accounts.usernameTaken(username);
    }

    /**
     * Hashes a password that will not be stored, so that a registration that creates no account
     * costs the server, and takes, as long as one that does.
     */
    public void spendPasswordWork(char[] password) {
        passwordHash.generate(password);
    }

    /**
     * Creates an account after its input has been checked; a taken username is a conflict on
     * {@code usernameField}. The password is stored only as its PBKDF2 hash.
     */
    public UserAccount createAccount(String usernameField, String username, char[] password, Role role, String displayName) {
        if (accounts.usernameTaken(username)) {
            throw new ConflictException(usernameField, "This name is already used by another account. Choose another, or sign in if it is yours.");
        }
        UserAccount account = new UserAccount(username, passwordHash.generate(password), role, displayName);
        try {
            accounts.add(account);
        } catch (PersistenceException failed) {
            if (!isUniqueViolation(failed)) {
                // Not the race on the name: a lost database, say, answers as itself, not as "name taken".
                throw failed;
            }
            throw new ConflictException(usernameField, "This name is already used by another account.");
        }
        audit.record(AuditAction.CREATE, null, "UserAccount", account.getId(), ClinicWords.of("role", role) + " account " + account.getUsername());
        return account;
    }

    /**
     * The signed-in caller changes their own password; the current one must be given. A wrong current
     * password counts as a failed sign-in of the account (and may make it wait); while it waits no
     * current password is checked. A new password forgets the browsers the account signed in on. The refusal commits, so the count and its audit event stay.
     */
    @Transactional(dontRollbackOn = InvalidInputException.class)
    public void changeOwnPassword(char[] currentPassword, String newPassword, String newPasswordRepeated) {
        UserAccount account = accounts.findByUsername(securityContext.getCallerPrincipal().getName())
                .orElseThrow(() -> new NotFoundException("Your account no longer exists."));
        if (signInAttempts.isDelayed(account)) {
            throw InvalidInputException.of("currentPassword", WAIT);
        }
        List<FieldError> problems = new ArrayList<>();
        if (currentPassword == null || currentPassword.length == 0 || !passwordHash.verify(currentPassword, account.getPasswordHash())) {
            signInAttempts.recordWrongCurrentPassword(account.getUsername());
            problems.add(new FieldError("currentPassword", signInAttempts.isDelayed(account) ? WAIT : "This is not your current password."));
        }
        problems.addAll(passwordProblems("newPassword", newPassword, newPasswordRepeated, account.getUsername()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        account.changePassword(passwordHash.generate(newPassword.toCharArray()), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        int forgotten = knownDevices.forgetAll(account.getId(), clock.instant(), "password changed");
        audit.record(AuditAction.UPDATE, null, "UserAccount", account.getId(), "password changed"
                + (forgotten == 0 ? "" : "; " + forgotten + " remembered browser(s) forgotten"));
    }

    /**
     * Sets a new password chosen through a single-use link (the link checked by the caller), in the
     * caller's transaction: the password rules apply, the account's sessions end (they began before
     * the change), its remembered browsers are forgotten and its failed sign-ins cleared, as whoever
     * holds the link has shown they own the account's address or were given the link by the clinic.
     */
    public void resetPassword(UserAccount account, String newPassword, String newPasswordRepeated, String how) {
        List<FieldError> problems = passwordProblems("newPassword", newPassword, newPasswordRepeated, account.getUsername());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        account.changePassword(passwordHash.generate(newPassword.toCharArray()), now);
        account.applyDelayState(SignInDelay.State.CLEAR);
        int forgotten = knownDevices.forgetAll(account.getId(), clock.instant(), "password reset");
        audit.recordSignIn(AuditAction.UPDATE, account.getUsername(), "password reset " + how
                + (forgotten == 0 ? "" : "; " + forgotten + " remembered browser(s) forgotten") + "; every session of the account ended");
    }

    /** An administrator enables or disables an account; nobody can disable their own. */
    public UserAccount setEnabled(long accountId, boolean enabled) {
        UserAccount account = accounts.find(accountId).orElseThrow(() -> new NotFoundException("There is no account " + accountId + "."));
        if (!enabled && account.getUsername().equals(securityContext.getCallerPrincipal().getName())) {
            throw new ConflictException(null, "You cannot disable your own account.");
        }
        account.setEnabled(enabled);
        audit.record(AuditAction.UPDATE, null, "UserAccount", account.getId(), (enabled ? "enabled " : "disabled ") + account.getUsername());
        return account;
    }

    /** What is wrong with a new password, as field errors on {@code field}. */
    public List<FieldError> passwordProblems(String field, String password, String repeated, String username) {
        List<FieldError> problems = new ArrayList<>();
        PasswordRules.problems(password, username).forEach(p -> problems.add(new FieldError(field, p)));
        if (problems.isEmpty() && !password.equals(repeated)) {
            problems.add(new FieldError(field + "Repeated", "The two passwords are not the same."));
        }
        return problems;
    }

    /** Whether the failure is PostgreSQL's unique violation (SQLState 23505): a concurrent sign-up took the name first. */
    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
