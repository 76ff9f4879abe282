package io.breakpoint.audit.internal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ChainLinkTest {

    private static final UUID ORG = UUID.fromString("3f2c1b8e-5d7a-4c1e-9b2f-0a6d4e8c7b21");

    private static ChainLink link(String detail, String previous) {
        return new ChainLink(7, Instant.parse("2026-11-25T10:15:30.123456789Z"), null, "pm.grant@riverbend.test", ORG, null,
                "TICKET_VIEWED", "UI", "127.0.0.1", detail, previous);
    }

    @Test
    void theCanonicalTextIsLengthPrefixedAndKeepsMicroseconds() {
        assertThat(link("BP-1001", ChainLink.GENESIS).canonical()).isEqualTo("""
                breakpoint-audit-v1
                seq=1:7
                at=27:2026-11-25T10:15:30.123456Z
                actor_id=~
                actor_email=23:pm.grant@riverbend.test
                organization_id=36:3f2c1b8e-5d7a-4c1e-9b2f-0a6d4e8c7b21
                ticket_id=~
                action=13:TICKET_VIEWED
                channel=2:UI
                remote_address=9:127.0.0.1
                detail=7:BP-1001
                prev_hash=64:""" + ChainLink.GENESIS);
    }

    @Test
    void anyChangeOfAFieldOrOfThePreviousHashChangesTheHash() {
        String hash = link("BP-1001", ChainLink.GENESIS).hash();
        assertThat(hash).hasSize(64).isEqualTo(link("BP-1001", ChainLink.GENESIS).hash());
        assertThat(link("BP-1002", ChainLink.GENESIS).hash()).isNotEqualTo(hash);
        assertThat(link(null, ChainLink.GENESIS).hash()).isNotEqualTo(link("", ChainLink.GENESIS).hash());
        assertThat(link("BP-1001", "f".repeat(64)).hash()).isNotEqualTo(hash);
    }
}
