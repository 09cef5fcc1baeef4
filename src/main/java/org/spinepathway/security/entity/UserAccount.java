package org.spinepathway.security.entity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import org.spinepathway.platform.entity.AuditedEntity;
import org.spinepathway.security.control.SignInDelay;

/**
 * A login: a patient's or a staff member's. Usernames are kept in lower case so that sign-in is
 * case-insensitive and the principal name is always the same string.
 */
@Entity
@Table(name = "user_account")
@NamedQuery(name = UserAccount.FIND_BY_USERNAME,
        query = "SELECT a FROM UserAccount a WHERE a.username = :username")
@NamedQuery(name = UserAccount.COUNT_ENABLED_BY_ROLE,
        query = "SELECT COUNT(a) FROM UserAccount a WHERE a.role = :role AND a.enabled = TRUE")
@NamedQuery(name = UserAccount.COUNT_BY_ROLES,
        query = "SELECT COUNT(a) FROM UserAccount a WHERE a.role IN :roles")
@NamedQuery(name = UserAccount.FIND_ENABLED_BY_ROLE,
        query = "SELECT a FROM UserAccount a WHERE a.role = :role AND a.enabled = TRUE ORDER BY a.displayName, a.username")
@NamedQuery(name = UserAccount.FIND_BY_ROLES,
        query = "SELECT a FROM UserAccount a WHERE a.role IN :roles ORDER BY a.role, a.username")
public class UserAccount extends AuditedEntity {

    public static final String FIND_BY_USERNAME = "UserAccount.findByUsername";
    public static final String COUNT_ENABLED_BY_ROLE = "UserAccount.countEnabledByRole";
    public static final String COUNT_BY_ROLES = "UserAccount.countByRoles";
    public static final String FIND_ENABLED_BY_ROLE = "UserAccount.findEnabledByRole";
    public static final String FIND_BY_ROLES = "UserAccount.findByRoles";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "username", nullable = false, length = 254)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private Role role;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    @Column(name = "last_failed_sign_in")
    private OffsetDateTime lastFailedSignIn;

    @Column(name = "locked_until")
    private OffsetDateTime lockedUntil;

    @Column(name = "last_sign_in")
    private OffsetDateTime lastSignIn;

    @Column(name = "password_changed_at")
    private OffsetDateTime passwordChangedAt;

    @Column(name = "email", length = 254)
    private String email;

    /** When a patient confirmed, by the link sent at registration, that the address they sign in with is theirs. */
    @Column(name = "email_confirmed_at")
    private OffsetDateTime emailConfirmedAt;

    /** The enrolled one-time-password secret (Base32, or encrypted: {@code SecretBox}); null without a second factor. */
    @Column(name = "totp_secret", length = 200)
    private String totpSecret;

    @Column(name = "totp_enabled_at")
    private OffsetDateTime totpEnabledAt;

    /** The 30-second step of the last one-time code taken: only a later step's code is good. */
    @Column(name = "totp_last_step", nullable = false)
    private long totpLastStep;

    /** A system's account for the JSON API (HTTP Basic): never signs in on the pages, needs no second factor. */
    @Column(name = "integration", nullable = false)
    private boolean integration;

    protected UserAccount() {
        // for JPA
    }

    public UserAccount(String username, String passwordHash, Role role, String displayName) {
        this.username = normalizeUsername(username);
        this.passwordHash = passwordHash;
        this.role = role;
        this.displayName = displayName;
    }

    /** The form in which usernames are stored and compared. */
    public static String normalizeUsername(String username) {
        return username == null ? null : username.trim().toLowerCase(Locale.ROOT);
    }

    public SignInDelay.State delayState() {
        return new SignInDelay.State(failedSignIns,
                lastFailedSignIn == null ? null : lastFailedSignIn.toInstant(),
                lockedUntil == null ? null : lockedUntil.toInstant());
    }

    public void applyDelayState(SignInDelay.State state) {
        failedSignIns = state.failures();
        lastFailedSignIn = state.lastFailure() == null ? null : state.lastFailure().atOffset(ZoneOffset.UTC);
        lockedUntil = state.delayedUntil() == null ? null : state.delayedUntil().atOffset(ZoneOffset.UTC);
    }

    /** A successful sign-in; {@code clearFailures} forgets the failures counted (and any delay they set). */
    public void signedIn(OffsetDateTime at, boolean clearFailures) {
        if (clearFailures) {
            applyDelayState(SignInDelay.State.CLEAR);
        }
        lastSignIn = at;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void changePassword(String newHash, OffsetDateTime at) {
        passwordHash = newHash;
        passwordChangedAt = at;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public OffsetDateTime getLastSignIn() {
        return lastSignIn;
    }

    public OffsetDateTime getLockedUntil() {
        return lockedUntil;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public Role getRole() {
        return role;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isEmailConfirmed() {
        return emailConfirmedAt != null;
    }

    /** The first confirmation counts; a later one changes nothing. */
    public void confirmEmail(OffsetDateTime at) {
        if (emailConfirmedAt == null) {
            emailConfirmedAt = at;
        }
    }

    public String getDisplayName() {
        return displayName;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean hasSecondFactor() {
        return totpEnabledAt != null;
    }

    public String getTotpSecret() {
        return totpSecret;
    }

    public long getTotpLastStep() {
        return totpLastStep;
    }

    public OffsetDateTime getTotpEnabledAt() {
        return totpEnabledAt;
    }

    /** A second factor enrolled now, its first code being of {@code step}. */
    public void enrolSecondFactor(String secret, long step, OffsetDateTime at) {
        totpSecret = secret;
        totpEnabledAt = at;
        totpLastStep = step;
    }

    /** A one-time code of {@code step} was taken; its step and the ones before it are spent. */
    public void secondFactorUsed(long step) {
        totpLastStep = Math.max(totpLastStep, step);
    }

    /** The second factor is gone (an administrator's reset, or the owner turning it off). */
    public void removeSecondFactor() {
        totpSecret = null;
        totpEnabledAt = null;
    }

    public boolean isIntegration() {
        return integration;
    }

    public void setIntegration(boolean integration) {
        this.integration = integration;
    }
}
