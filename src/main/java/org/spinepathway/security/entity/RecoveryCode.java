package org.spinepathway.security.entity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One of the ten single-use codes shown once when a second factor is enrolled, for the day the
 * phone is lost; only its SHA-256 is kept. Used or withdrawn (a new enrolment, a reset), never deleted.
 */
@Entity
@Table(name = "recovery_code")
@NamedQuery(name = RecoveryCode.FIND_USABLE,
        query = "SELECT c FROM RecoveryCode c WHERE c.accountId = :account AND c.codeSha256 = :code"
                + " AND c.usedAt IS NULL AND c.withdrawnAt IS NULL")
@NamedQuery(name = RecoveryCode.COUNT_USABLE,
        query = "SELECT COUNT(c) FROM RecoveryCode c WHERE c.accountId = :account AND c.usedAt IS NULL AND c.withdrawnAt IS NULL")
@NamedQuery(name = RecoveryCode.WITHDRAW_USABLE,
        query = "UPDATE RecoveryCode c SET c.withdrawnAt = :now WHERE c.accountId = :account"
                + " AND c.usedAt IS NULL AND c.withdrawnAt IS NULL")
public class RecoveryCode {

    public static final String FIND_USABLE = "RecoveryCode.findUsable";
    public static final String COUNT_USABLE = "RecoveryCode.countUsable";
    public static final String WITHDRAW_USABLE = "RecoveryCode.withdrawUsable";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "code_sha256", nullable = false, length = 64)
    private String codeSha256;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    @Column(name = "withdrawn_at")
    private OffsetDateTime withdrawnAt;

    protected RecoveryCode() {
        // for JPA
    }

    public RecoveryCode(long accountId, String codeSha256, Instant createdAt) {
        this.accountId = accountId;
        this.codeSha256 = codeSha256;
        this.createdAt = createdAt.atOffset(ZoneOffset.UTC);
    }

    public void use(Instant at) {
        usedAt = at.atOffset(ZoneOffset.UTC);
    }
}
