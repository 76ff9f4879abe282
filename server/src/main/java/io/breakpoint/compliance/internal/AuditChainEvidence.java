package io.breakpoint.compliance.internal;

import io.breakpoint.audit.AuditTrail;
import io.breakpoint.audit.ChainReport;
import io.breakpoint.compliance.EvidenceSources;
import io.breakpoint.identity.Actors;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Audit log integrity from {@code audit verify} (the audit module's public API). The chain is global, one for every
 * organization, so the answer is the same for all; a check is kept for {@link #FRESH}, because the evidence is shown
 * after every answer of an assessment and a verification reads the whole chain.
 */
@Component
public class AuditChainEvidence implements EvidenceSources.AuditIntegrity {

    static final Duration FRESH = Duration.ofMinutes(1);

    private final AuditTrail audit;
    private final Clock clock;
    private volatile ChainReport last;

    AuditChainEvidence(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Optional<Verification> of(UUID organizationId) {
        ChainReport r = last;
        if (r == null || r.checkedAt().plus(FRESH).isBefore(clock.instant())) {
            // The caller is the compliance workspace's user (practice manager, vCIO or MSP admin), who may verify.
            if (Actors.currentIfAny().isEmpty()) return Optional.empty();
            r = audit.verify(Actors.current());
            last = r;
        }
        String broken = r.intact() ? null : "record " + r.firstBreak().seq()
                + (r.firstBreak().at() == null ? "" : " of " + r.firstBreak().at()) + ": " + r.firstBreak().problem();
        return Optional.of(new Verification(r.intact(), r.records(), broken, r.checkedAt()));
    }
}
