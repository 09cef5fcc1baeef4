package org.spinepathway.security.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.spinepathway.security.entity.KnownDevice;

/**
 * The browsers accounts have signed in from ({@link KnownDevice}). A browser's token is 256 random
 * bits, in its cookie only; the database holds its SHA-256, so a copy of the database signs nobody in.
 */
@ApplicationScoped
public class KnownDevices {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "clinic")
    EntityManager em;

    /** The live record of the browser holding {@code token}, seen within {@code remembered}, locked for update. */
    public Optional<KnownDevice> find(String token, Instant now, Duration remembered) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return em.createNamedQuery(KnownDevice.FIND_BY_TOKEN, KnownDevice.class)
                .setParameter("token", sha256(token))
                .setParameter("since", now.minus(remembered).atOffset(ZoneOffset.UTC))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    /** Remembers a new browser of the account; returns the token for its cookie. */
    public String remember(long accountId, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.persist(new KnownDevice(accountId, sha256(token), now.atOffset(ZoneOffset.UTC)));
        return token;
    }

    /** Forgets every browser of the account (its password was changed or reset). */
    public int forgetAll(long accountId, Instant now, String why) {
        return em.createNamedQuery(KnownDevice.FORGET_ALL_OF_ACCOUNT)
                .setParameter("account", accountId)
                .setParameter("at", now.atOffset(ZoneOffset.UTC))
                .setParameter("why", why)
                .executeUpdate();
    }

    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
