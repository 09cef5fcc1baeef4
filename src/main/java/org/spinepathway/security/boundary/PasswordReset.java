package org.spinepathway.security.boundary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.platform.boundary.ConnectionSecurity;
import org.spinepathway.platform.control.ConflictException;
import org.spinepathway.platform.control.LogSafe;
import org.spinepathway.platform.control.MailOutbox;
import org.spinepathway.platform.control.NotFoundException;
import org.spinepathway.security.control.AccountLinks;
import org.spinepathway.security.control.UserAccountRepository;
import org.spinepathway.security.entity.AccountLink;
import org.spinepathway.security.entity.AuditAction;
import org.spinepathway.security.entity.Role;
import org.spinepathway.security.entity.UserAccount;

/**
 * A new password through a single-use link, never through anyone who sees it: a patient who forgot
 * theirs asks for a link by e-mail (valid {@code clinic.security.password-reset-minutes}); an
 * administrator issues one for a staff member (valid {@code clinic.security.staff-reset-link-hours})
 * and hands it over. Using a link sets the password, ends the account's sessions and withdraws its
 * other reset links. Every step is audited; the request answers the same whether or not the address
 * has an account.
 */
@ApplicationScoped
public class PasswordReset {

    /** What became of a reset link. */
    public enum Outcome {
        RESET,
        NOT_VALID
    }

    @Inject
    AccountLinks links;

    @Inject
    UserAccountRepository accounts;

    @Inject
    AccountService accountService;

    @Inject
    MailOutbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    SecurityContext securityContext;

    @Inject
    ConnectionSecurity connection;

    @Inject
    @ConfigProperty(name = "clinic.name")
    String clinicName;

    @Inject
    @ConfigProperty(name = "clinic.security.password-reset-minutes")
    int patientLinkMinutes;

    @Inject
    @ConfigProperty(name = "clinic.security.staff-reset-link-hours")
    int staffLinkHours;

    /**
     * "Forgot your password?": e-mails a reset link to the patient account with this address, if
     * there is one and it is enabled; otherwise sends nothing. Audited either way.
     */
    @Transactional
    public void request(String address) {
        String username = UserAccount.normalizeUsername(address);
        Optional<UserAccount> account = username == null || username.isEmpty() ? Optional.empty()
                : accounts.findByUsername(username).filter(a -> a.getRole() == Role.PATIENT && a.isEnabled());
        if (account.isEmpty()) {
            audit.recordSignIn(AuditAction.SIGN_IN_FAILURE, LogSafe.text(username),
                    "a password reset link asked for an address with no enabled patient account; nothing was sent");
            return;
        }
        String token = links.issue(account.get().getId(), AccountLink.Purpose.RESET_PASSWORD, clock.instant(),
                Duration.ofMinutes(patientLinkMinutes));
        outbox.queue(account.get().getUsername(), "Choose a new password for " + clinicName,
                "Hello,\n\n"
                        + "Someone, perhaps you, asked to choose a new password for your account with " + clinicName + "."
                        + " To choose one, open this link within " + patientLinkMinutes + " minutes:\n\n"
                        + link(token) + "\n\n"
                        + "The link works once. Choosing a new password signs your account out everywhere it is signed in.\n\n"
                        + "If you did not ask, ignore this message: your password stays as it is.\n");
        audit.recordSignIn(AuditAction.UPDATE, account.get().getUsername(), "a password reset link was e-mailed to the account's address");
    }

    /** Whether the link can still be used (to show its form); changes nothing. */
    @Transactional
    public boolean isUsable(String token) {
        return usableAccount(token).isPresent();
    }

    /**
     * Uses a reset link: the new password is set (the password rules apply: an
     * {@link org.spinepathway.platform.control.InvalidInputException} leaves link and password as they
     * were), the account's sessions end and its other reset links stop working.
     */
    @Transactional
    public Outcome reset(String token, String newPassword, String newPasswordRepeated) {
        Optional<AccountLink> link = links.find(token, AccountLink.Purpose.RESET_PASSWORD);
        Instant now = clock.instant();
        Optional<UserAccount> account = link.filter(l -> l.isUsableAt(now)).flatMap(l -> accounts.find(l.getAccountId()))
                .filter(UserAccount::isEnabled);
        if (account.isEmpty()) {
            audit.recordSignIn(AuditAction.SIGN_IN_FAILURE, link.flatMap(l -> accounts.find(l.getAccountId()))
                    .map(UserAccount::getUsername).orElse(null), "a password reset link that is used, expired, unknown or of a disabled account");
            return Outcome.NOT_VALID;
        }
        accountService.resetPassword(account.get(), newPassword, newPasswordRepeated, "through a single-use link");
        link.get().use(now);
        links.withdrawUnused(account.get().getId(), AccountLink.Purpose.RESET_PASSWORD, now);
        if (account.get().getRole() == Role.PATIENT) {
            // The link was e-mailed to the address: opening it shows the address is the patient's.
            account.get().confirmEmail(OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        }
        return Outcome.RESET;
    }

    /**
     * An administrator issues a one-time link for a staff member to choose their own password; the
     * administrator never sees or sets it. Returns the link to hand over. Not for patients (they ask
     * for theirs by e-mail) nor for the administrator's own account (they change it on their page).
     */
    @Transactional
    public String issueForStaff(long accountId) {
        UserAccount account = accounts.find(accountId).filter(a -> AccountService.STAFF_ROLES.contains(a.getRole()))
                .orElseThrow(() -> new NotFoundException("There is no such staff account."));
        if (account.getUsername().equals(securityContext.getCallerPrincipal().getName())) {
            throw new ConflictException(null, "Change your own password on the Change password page.");
        }
        if (!account.isEnabled()) {
            throw new ConflictException(null, "Enable the account first: a disabled account cannot choose a password.");
        }
        String token = links.issue(account.getId(), AccountLink.Purpose.RESET_PASSWORD, clock.instant(), Duration.ofHours(staffLinkHours));
        audit.record(AuditAction.UPDATE, null, "UserAccount", account.getId(), "a one-time password link was issued for "
                + account.getUsername() + " (valid " + staffLinkHours + " hours)");
        return link(token);
    }

    public int getPatientLinkMinutes() {
        return patientLinkMinutes;
    }

    public int getStaffLinkHours() {
        return staffLinkHours;
    }

    private Optional<UserAccount> usableAccount(String token) {
        Instant now = clock.instant();
        return links.find(token, AccountLink.Purpose.RESET_PASSWORD).filter(l -> l.isUsableAt(now))
                .flatMap(l -> accounts.find(l.getAccountId())).filter(UserAccount::isEnabled);
    }

    private String link(String token) {
        return connection.publicAddress("/reset-password.xhtml?token=" + token);
    }
}
