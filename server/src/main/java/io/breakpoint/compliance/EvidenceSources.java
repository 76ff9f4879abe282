package io.breakpoint.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Seams through which other modules hand the compliance workspace what they measure. A module that knows a fact
 * declares a bean implementing the interface; while none does, the evidence says "not measured yet" instead of
 * guessing. Each answers for one organization, or empty when it has nothing for it.
 */
public final class EvidenceSources {

    private EvidenceSources() {
    }

    /** Sign-in (identity): how many of the organization's enabled people have multi-factor sign-in. */
    public interface MfaCoverage {
        Optional<Coverage> of(UUID organizationId);

        record Coverage(int people, int enrolled) {
        }
    }

    /** The audit trail: the result of checking its hash chain. */
    public interface AuditIntegrity {
        Optional<Verification> of(UUID organizationId);

        /** {@code firstBrokenLink}: the first record whose link does not match, null when intact. */
        record Verification(boolean intact, long recordsChecked, String firstBrokenLink, Instant checkedAt) {
        }
    }

    /** The device registry (telemetry): devices with an operating system out of support or a disk not encrypted. */
    public interface DeviceFacts {
        Optional<Fleet> of(UUID organizationId);

        /** {@code encryptionUnknown}: devices that have not reported their disk encryption. */
        record Fleet(int devices, int unsupportedOs, int withoutDiskEncryption, int encryptionUnknown) {
        }
    }

    /** The device registry's network segments: where clinical and guest traffic share one network. */
    public interface SegmentFacts {
        Optional<List<SharedNetwork>> of(UUID organizationId);

        record SharedNetwork(String site, String network, List<String> segments) {
        }
    }

    /** The diagnosis: whether the EMR is slow only at certain times of day. */
    public interface EmrLagPattern {
        Optional<Pattern> of(UUID organizationId);

        /** {@code description}: for example "slow on weekdays around 14:00, at the site's WAN link". */
        record Pattern(boolean onlyAtCertainTimes, String description) {
        }
    }
}
