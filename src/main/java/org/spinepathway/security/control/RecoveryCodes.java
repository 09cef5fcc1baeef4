package org.spinepathway.security.control;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.spinepathway.security.entity.RecoveryCode;

/**
 * An account's recovery codes ({@link RecoveryCode}): issued ten at a time, each taken once. A code
 * is compared without its hyphens, spaces or case, as people copy codes from paper.
 */
@ApplicationScoped
public class RecoveryCodes {

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    /** Withdraws the account's unused codes and issues ten new ones; returns them, to show once. */
    public List<String> issue(long accountId, Instant now) {
        withdraw(accountId, now);
        List<String> codes = Totp.newRecoveryCodes();
        codes.forEach(code -> em.persist(new RecoveryCode(accountId, KnownDevices.sha256(normalized(code)), now)));
        return codes;
    }

    /** Takes {@code typed} if it is one of the account's unused codes; whether it was. */
    public boolean take(long accountId, String typed, Instant now) {
        String code = normalized(typed);
        if (code.isEmpty() || code.length() > 64) {
            return false;
        }
        return em.createNamedQuery(RecoveryCode.FIND_USABLE, RecoveryCode.class)
                .setParameter("account", accountId)
                .setParameter("code", KnownDevices.sha256(code))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .map(found -> {
                    found.use(now);
                    return true;
                })
                .orElse(false);
    }

    public long usable(long accountId) {
        return em.createNamedQuery(RecoveryCode.COUNT_USABLE, Long.class).setParameter("account", accountId).getSingleResult();
    }

    /** No unused code of the account works any more; how many were withdrawn. */
    public int withdraw(long accountId, Instant now) {
        return em.createNamedQuery(RecoveryCode.WITHDRAW_USABLE)
                .setParameter("account", accountId)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    static String normalized(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }
}
