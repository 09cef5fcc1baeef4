package org.spinepathway.security.entity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A single-use link for an account: to confirm its e-mail address, or to choose a new password. The link carries
 * a random token; this row holds only its SHA-256, when it expires and when it was used.
 */
@Entity
@Table(name = "account_link")
@NamedQuery(name = AccountLink.FIND_BY_TOKEN,
        query = "SELECT l FROM AccountLink l WHERE l.tokenSha256 = :token AND l.purpose = :purpose")
@NamedQuery(name = AccountLink.WITHDRAW_UNUSED,
        query = "UPDATE AccountLink l SET l.usedAt = :now WHERE l.accountId = :account AND l.purpose = :purpose AND l.usedAt IS NULL")
public class AccountLink {

    public static final String FIND_BY_TOKEN = "AccountLink.findByToken";
    public static final String WITHDRAW_UNUSED = "AccountLink.withdrawUnused";

    /** What a link is for. */
    public enum Purpose {
        CONFIRM_EMAIL,
        RESET_PASSWORD
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "purpose", nullable = false, updatable = false, length = 24)
    private Purpose purpose;

    @Column(name = "token_sha256", nullable = false, updatable = false, length = 64)
    private String tokenSha256;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected AccountLink() {
        // for JPA
    }

    public AccountLink(long accountId, Purpose purpose, String tokenSha256, Instant createdAt, Instant expiresAt) {
        this.accountId = accountId;
        this.purpose = purpose;
        this.tokenSha256 = tokenSha256;
        this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
        this.expiresAt = expiresAt.atOffset(ZoneOffset.UTC);
    }

    public long getAccountId() {
        return accountId;
    }

    /** Unused and not expired at {@code now}. */
    public boolean isUsableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt.toInstant());
    }

    public void use(Instant now) {
        usedAt = now.atOffset(ZoneOffset.UTC);
    }
}
