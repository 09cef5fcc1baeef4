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
import org.spinepathway.platform.control.MailOutbox;
import org.spinepathway.security.control.AccountLinks;
import org.spinepathway.security.control.UserAccountRepository;
import org.spinepathway.security.entity.AccountLink;
import org.spinepathway.security.entity.AuditAction;
import org.spinepathway.security.entity.Role;
import org.spinepathway.security.entity.UserAccount;

/**
 * What registration tells the address it was given, by e-mail, so that the page itself can answer
 * every registration alike: a new patient gets a single-use link to confirm the address (valid
 * {@code clinic.security.email-confirmation-hours}); the holder of an address that already has an
 * account is told so, and how to sign in. Neither message repeats anything the registrant typed
 * but the address, so a stranger cannot use registration to send their words to someone.
 */
@ApplicationScoped
public class EmailConfirmation {

    /** What became of a confirmation link. */
    public enum Outcome {
        CONFIRMED,
        ALREADY_CONFIRMED,
        NOT_VALID
    }

    @Inject
    AccountLinks links;

    @Inject
    UserAccountRepository accounts;

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
    @ConfigProperty(name = "clinic.security.email-confirmation-hours")
    int lifetimeHours;

    /** Queues the confirmation link for a patient account just created (joins the registration's transaction). */
    public void sendLink(UserAccount account) {
        String token = links.issue(account.getId(), AccountLink.Purpose.CONFIRM_EMAIL, clock.instant(), Duration.ofHours(lifetimeHours));
        outbox.queue(account.getUsername(), "Please confirm your e-mail address for " + clinicName,
                "Hello,\n\n"
                        + "Thank you for registering with " + clinicName + ". Please confirm that this e-mail address is yours"
                        + " by opening this link within " + lifetimeHours + " hours:\n\n"
                        + connection.publicAddress("/confirm-email.xhtml?token=" + token) + "\n\n"
                        + "You can already sign in with this address and your password and fill in your questionnaire."
                        + " Once the address is confirmed, the clinic will e-mail you when a check-in is due.\n\n"
                        + "If you did not register, ignore this message: nothing will be sent to you unless the link is opened.\n");
    }

    /**
     * Someone registered with an address that already has an account: nothing changes, the holder is
     * told by e-mail, and the attempt is audited under the account.
     */
    public void tellAlreadyRegistered(String username) {
        outbox.queue(username, "Someone tried to register with your e-mail address at " + clinicName,
                "Hello,\n\n"
                        + "Someone, perhaps you, tried to register with " + clinicName + " using this e-mail address."
                        + " It already has an account, and nothing was changed.\n\n"
                        + "If it was you, sign in with this address and your password: " + connection.publicAddress("/login.xhtml") + "\n"
                        + "If you have forgotten your password, choose a new one here: " + connection.publicAddress("/forgot-password.xhtml") + "\n\n"
                        + "If it was not you, you need do nothing.\n");
        audit.recordSignIn(AuditAction.SIGN_IN_FAILURE, username,
                "registration with an address that already has an account; its holder was e-mailed");
    }

    /** Uses a confirmation link: the account's address is confirmed, once; a used, expired or unknown link confirms nothing. */
    @Transactional
    public Outcome confirm(String token) {
        Instant now = clock.instant();
        Optional<AccountLink> link = links.find(token, AccountLink.Purpose.CONFIRM_EMAIL);
        if (link.isEmpty()) {
            return Outcome.NOT_VALID;
        }
        Optional<UserAccount> account = accounts.find(link.get().getAccountId());
        if (account.isEmpty() || !account.get().isEnabled()) {
            return Outcome.NOT_VALID;
        }
        if (!link.get().isUsableAt(now)) {
            return account.get().isEmailConfirmed() ? Outcome.ALREADY_CONFIRMED : Outcome.NOT_VALID;
        }
        link.get().use(now);
        boolean already = account.get().isEmailConfirmed();
        account.get().confirmEmail(OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        if (!already) {
            audit.recordSignIn(AuditAction.UPDATE, account.get().getUsername(), "e-mail address confirmed by the link sent to it");
        }
        return already ? Outcome.ALREADY_CONFIRMED : Outcome.CONFIRMED;
    }

    /** Whether the signed-in caller's address is confirmed (staff need not confirm theirs: true). */
    public boolean callerConfirmed() {
        return caller().map(a -> a.getRole() != Role.PATIENT || a.isEmailConfirmed()).orElse(true);
    }

    /** A new link for the signed-in patient whose address is not confirmed yet; earlier links still work until they expire. */
    @Transactional
    public void sendCallerLinkAgain() {
        caller().filter(a -> a.getRole() == Role.PATIENT && !a.isEmailConfirmed()).ifPresent(account -> {
            sendLink(account);
            audit.recordSignIn(AuditAction.UPDATE, account.getUsername(), "asked for a new e-mail confirmation link");
        });
    }

    private Optional<UserAccount> caller() {
        return securityContext.getCallerPrincipal() == null ? Optional.empty()
                : accounts.findByUsername(securityContext.getCallerPrincipal().getName());
    }
}
