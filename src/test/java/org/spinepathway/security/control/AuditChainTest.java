package org.spinepathway.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final AuditChain.Sealed EVENT = new AuditChain.Sealed(41, Instant.parse("2026-12-03T10:15:30.123456Z"), "dr.who",
            "READ", 7L, "Episode", 12L, "opened the progress page", "10.0.0.4");

    @Test
    void aSeal_shouldBeTheSameForTheSameEventAndPrevious() {
        assertEquals(AuditChain.link(AuditChain.GENESIS, EVENT), AuditChain.link(AuditChain.GENESIS, EVENT));
        assertEquals(64, AuditChain.link(AuditChain.GENESIS, EVENT).length());
    }

    @Test
    void changingAnyField_orThePreviousSeal_shouldChangeTheSeal() {
        String seal = AuditChain.link(AuditChain.GENESIS, EVENT);
        assertNotEquals(seal, AuditChain.link("1" + AuditChain.GENESIS.substring(1), EVENT));
        assertNotEquals(seal, AuditChain.link(AuditChain.GENESIS, new AuditChain.Sealed(42, EVENT.occurredAt(), "dr.who", "READ", 7L,
                "Episode", 12L, "opened the progress page", "10.0.0.4")));
        assertNotEquals(seal, AuditChain.link(AuditChain.GENESIS, new AuditChain.Sealed(41, EVENT.occurredAt().plusNanos(1_000), "dr.who",
                "READ", 7L, "Episode", 12L, "opened the progress page", "10.0.0.4")), "a microsecond later");
        assertNotEquals(seal, AuditChain.link(AuditChain.GENESIS, new AuditChain.Sealed(41, EVENT.occurredAt(), "dr.who", "READ", 8L,
                "Episode", 12L, "opened the progress page", "10.0.0.4")));
        assertNotEquals(seal, AuditChain.link(AuditChain.GENESIS, new AuditChain.Sealed(41, EVENT.occurredAt(), "dr.who", "READ", 7L,
                "Episode", 12L, "opened the progress page.", "10.0.0.4")));
        assertNotEquals(seal, AuditChain.link(AuditChain.GENESIS, new AuditChain.Sealed(41, EVENT.occurredAt(), "dr.who", "READ", 7L,
                "Episode", 12L, "opened the progress page", null)), "an address removed");
    }

    @Test
    void aKeyedSeal_shouldNeedTheKey() {
        byte[] key = "a-key-kept-outside-the-database-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String keyed = AuditChain.link(AuditChain.GENESIS, EVENT, key);
        assertEquals(keyed, AuditChain.link(AuditChain.GENESIS, EVENT, key.clone()));
        assertNotEquals(AuditChain.link(AuditChain.GENESIS, EVENT), keyed, "not the plain SHA-256");
        assertNotEquals(AuditChain.link(AuditChain.GENESIS, EVENT, "another-key-kept-outside-the-database-987".getBytes()), keyed);
        assertEquals(AuditChain.link(AuditChain.GENESIS, EVENT), AuditChain.link(AuditChain.GENESIS, EVENT, new byte[0]), "an empty key is no key");
    }

    @Test
    void fieldsShouldNotRunIntoEachOther() {
        // "ab" + "c" and "a" + "bc" must not read the same.
        AuditChain.Sealed one = new AuditChain.Sealed(1, EVENT.occurredAt(), "ab", "c", null, null, null, null, null);
        AuditChain.Sealed other = new AuditChain.Sealed(1, EVENT.occurredAt(), "a", "bc", null, null, null, null, null);
        assertNotEquals(AuditChain.link(AuditChain.GENESIS, one), AuditChain.link(AuditChain.GENESIS, other));
        AuditChain.Sealed nullDetail = new AuditChain.Sealed(1, EVENT.occurredAt(), "a", "b", null, null, null, null, null);
        AuditChain.Sealed dashDetail = new AuditChain.Sealed(1, EVENT.occurredAt(), "a", "b", null, null, null, "-", null);
        assertNotEquals(AuditChain.link(AuditChain.GENESIS, nullDetail), AuditChain.link(AuditChain.GENESIS, dashDetail));
    }
}
