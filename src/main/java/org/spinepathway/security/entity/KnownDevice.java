package org.spinepathway.security.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A browser an account has signed in from: its cookie's token, stored only as a SHA-256. While the
 * account is delayed by failed sign-ins (an attacker's, perhaps), this browser still signs in with
 * the right password; its own wrong passwords count here, and enough of them forget it.
 */
@Entity
@Table(name = "known_device")
@NamedQuery(name = KnownDevice.FIND_BY_TOKEN,
        query = "SELECT d FROM KnownDevice d WHERE d.tokenSha256 = :token AND d.forgottenAt IS NULL AND d.lastSeenAt > :since")
@NamedQuery(name = KnownDevice.FORGET_ALL_OF_ACCOUNT,
        query = "UPDATE KnownDevice d SET d.forgottenAt = :at, d.forgottenWhy = :why WHERE d.accountId = :account AND d.forgottenAt IS NULL")
public class KnownDevice {

    public static final String FIND_BY_TOKEN = "KnownDevice.findByToken";
    public static final String FORGET_ALL_OF_ACCOUNT = "KnownDevice.forgetAllOfAccount";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private long accountId;

    @Column(name = "token_sha256", nullable = false, updatable = false, length = 64)
    private String tokenSha256;

    @Column(name = "first_seen_at", nullable = false, updatable = false)
    private OffsetDateTime firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    private OffsetDateTime lastSeenAt;

    @Column(name = "failed_sign_ins", nullable = false)
    private int failedSignIns;

    @Column(name = "forgotten_at")
    private OffsetDateTime forgottenAt;

    @Column(name = "forgotten_why", length = 200)
    private String forgottenWhy;

    protected KnownDevice() {
        // for JPA
    }

    public KnownDevice(long accountId, String tokenSha256, OffsetDateTime at) {
        this.accountId = accountId;
        this.tokenSha256 = tokenSha256;
        this.firstSeenAt = at;
        this.lastSeenAt = at;
    }

    public long getAccountId() {
        return accountId;
    }

    public int getFailedSignIns() {
        return failedSignIns;
    }

    public void signedIn(OffsetDateTime at) {
        lastSeenAt = at;
        failedSignIns = 0;
    }

    /** One more wrong password from this browser; returns the count. */
    public int failed() {
        return ++failedSignIns;
    }

    public void forget(OffsetDateTime at, String why) {
        forgottenAt = at;
        forgottenWhy = why;
    }
}
