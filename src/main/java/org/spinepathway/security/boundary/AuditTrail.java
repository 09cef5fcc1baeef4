package org.spinepathway.security.boundary;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.spinepathway.security.control.AuditChain;
import org.spinepathway.security.control.AuditSeals;
import org.spinepathway.security.entity.AuditAction;

/**
 * The tamper-evident audit trail: events are sealed into a hash chain shortly after they are
 * written ({@link #sealPending}, run by {@link AuditSealing}), and the chain can be checked
 * ({@link #verify}): the first seal whose event was changed or removed, or whose place in the
 * chain was, is reported.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());
    static final int SEAL_BATCH = 1_000;
    private static final int VERIFY_PAGE = 5_000;

    /** The outcome of a check of the whole chain. */
    public record Verification(long sealed, long unsealed, Optional<Break> broken) {

        public boolean intact() {
            return broken.isEmpty();
        }
    }

    /** Where the chain first breaks: the seal, the event it covers (if its row is still there) and what is wrong. */
    public record Break(long seq, long eventId, Instant eventTime, String problem) {
    }

    @Inject
    AuditSeals seals;

    /** The chain's HMAC key, from the environment (never the database); none: plain SHA-256. */
    @Inject
    @ConfigProperty(name = "clinic.audit.seal-key")
    Optional<String> sealKey;

    @Inject
    AuditLog audit;

    /** Seals the events not sealed yet, up to a batch, unless another instance is sealing; how many. */
    @Transactional
    public int sealPending() {
        if (!seals.tryLock()) {
            return 0;
        }
        Optional<AuditSeals.Last> last = seals.last();
        long seq = last.map(AuditSeals.Last::seq).orElse(0L);
        String chain = last.map(AuditSeals.Last::chain).orElse(AuditChain.GENESIS);
        List<AuditChain.Sealed> pending = seals.unsealed(last.map(AuditSeals.Last::eventId).orElse(0L), SEAL_BATCH);
        for (AuditChain.Sealed event : pending) {
            chain = AuditChain.link(chain, event, key());
            seals.append(++seq, event.id(), chain);
        }
        if (!pending.isEmpty()) {
            // The newest seal in the server log: a copy outside the database to compare the chain with.
            LOG.info("Audit trail sealed up to seal " + seq + " (event " + pending.get(pending.size() - 1).id() + "): " + chain);
        }
        return pending.size();
    }

    private byte[] key() {
        return sealKey.map(String::strip).filter(k -> !k.isEmpty()).map(k -> k.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }

    /** Walks the whole chain (the caller's check is audited). */
    @Transactional
    public Verification verify() {
        long expectedSeq = 0;
        String chain = AuditChain.GENESIS;
        Optional<Break> broken = Optional.empty();
        List<AuditSeals.Stored> page = seals.sealsAfter(0, VERIFY_PAGE);
        outer:
        while (!page.isEmpty()) {
            for (AuditSeals.Stored stored : page) {
                expectedSeq++;
                if (stored.seq() != expectedSeq) {
                    broken = Optional.of(new Break(stored.seq(), stored.event() == null ? 0 : stored.event().id(),
                            stored.event() == null ? null : stored.event().occurredAt(), "seals before this one were removed"));
                    break outer;
                }
                if (stored.event() == null) {
                    broken = Optional.of(new Break(stored.seq(), 0, null, "the sealed event was removed"));
                    break outer;
                }
                chain = AuditChain.link(chain, stored.event(), key());
                if (!chain.equals(stored.chain())) {
                    broken = Optional.of(new Break(stored.seq(), stored.event().id(), stored.event().occurredAt(),
                            "the event, or one sealed before it, was changed after it was sealed"));
                    break outer;
                }
            }
            page = seals.sealsAfter(page.get(page.size() - 1).seq(), VERIFY_PAGE);
        }
        Verification result = new Verification(broken.isPresent() ? expectedSeq - 1 : expectedSeq, seals.countUnsealed(), broken);
        audit.record(AuditAction.READ, null, "AuditTrail", null, result.intact()
                ? "checked the audit trail: " + result.sealed() + " sealed events unchanged"
                : "checked the audit trail: broken at seal " + broken.get().seq() + " (event " + broken.get().eventId() + "): "
                        + broken.get().problem());
        return result;
    }
}
