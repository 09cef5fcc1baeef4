package org.spinepathway.security.control;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.spinepathway.security.entity.AccountLink;

/**
 * Single-use links for e-mail ({@link AccountLink}): 256 random bits in the link, their SHA-256 in
 * the database, so neither a copy of the database nor its log opens one.
 */
@ApplicationScoped
public class AccountLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    /** A new link for the account, valid for {@code lifetime}; returns the token to put in it. */
    public String issue(long accountId, AccountLink.Purpose purpose, Instant now, Duration lifetime) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.persist(new AccountLink(accountId, purpose, KnownDevices.sha256(token), now, now.plus(lifetime)));
        return token;
    }

    /** The link holding {@code token}, locked for this transaction, whether or not it is still usable. */
    public Optional<AccountLink> find(String token, AccountLink.Purpose purpose) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return em.createNamedQuery(AccountLink.FIND_BY_TOKEN, AccountLink.class)
                .setParameter("token", KnownDevices.sha256(token))
                .setParameter("purpose", purpose)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    /** Marks every unused link of the account for this purpose used, so none of them works any more; how many. */
    public int withdrawUnused(long accountId, AccountLink.Purpose purpose, Instant now) {
        return em.createNamedQuery(AccountLink.WITHDRAW_UNUSED)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("account", accountId)
                .setParameter("purpose", purpose)
                .executeUpdate();
    }
}
