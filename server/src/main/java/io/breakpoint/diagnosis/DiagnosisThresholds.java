package io.breakpoint.diagnosis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Every number the diagnosis decides with, as configuration ({@code breakpoint.diagnosis.*}). The defaults are
 * the starting thresholds from common practice; docs/diagnosis.md says where each comes from.
 *
 * @param currentWindow       how far back "now" reaches for a site or device diagnosis
 * @param baselineWeeks       how many past weeks the baselines look at (same hour of the week, and the usual level)
 * @param medianRatio         SmokePing's alert: the current median above this multiple of the usual one
 * @param deviations          Zabbix baselinedev: this many standard deviations above the same hour in past weeks
 * @param minIncreaseMs       an increase smaller than this is never a fault (2 ms to 4 ms is 2x but nobody feels it)
 * @param cpuSaturated        CPU load share counted as saturated ...
 * @param memorySaturated     ... memory load share likewise ...
 * @param saturatedFor        ... when it lasts at least this long
 * @param diskFull            disk used share that counts as full
 * @param jitterWarnMs        jitter worth mentioning
 * @param jitterBadMs         jitter that makes a hop faulty
 * @param lossAbove           packet loss share above which a hop is faulty (0: any loss)
 * @param wanWarnMs           round trip beyond the site edge worth mentioning for a hosted EMR
 * @param wanBadMs            round trip beyond the site edge that makes the WAN faulty whatever its history
 * @param shareOfDevices      share of a segment's (or site's) devices that must show a symptom for it to be theirs
 * @param emrMinimumCores     the EMR vendor's minimum CPU cores for a workstation
 * @param emrMinimumMemoryGb  the EMR vendor's minimum memory for a workstation, in GB
 * @param futureTolerance     measurements stamped further than this in the future (after clock correction) are ignored
 * @param recurringSlot       the width of a time-of-day slot when looking for recurring windows
 * @param recurringMinWeeks   a window recurs when it was slow in at least this many weeks ...
 * @param recurringShare      ... and in at least this share of the weeks that have data for it
 */
@ConfigurationProperties("breakpoint.diagnosis")
public record DiagnosisThresholds(
        @DefaultValue("PT1H") Duration currentWindow,
        @DefaultValue("4") int baselineWeeks,
        @DefaultValue("1.5") double medianRatio,
        @DefaultValue("3") double deviations,
        @DefaultValue("5") double minIncreaseMs,
        @DefaultValue("0.9") double cpuSaturated,
        @DefaultValue("0.9") double memorySaturated,
        @DefaultValue("PT5M") Duration saturatedFor,
        @DefaultValue("0.9") double diskFull,
        @DefaultValue("10") double jitterWarnMs,
        @DefaultValue("20") double jitterBadMs,
        @DefaultValue("0") double lossAbove,
        @DefaultValue("80") double wanWarnMs,
        @DefaultValue("100") double wanBadMs,
        @DefaultValue("0.5") double shareOfDevices,
        @DefaultValue("4") int emrMinimumCores,
        @DefaultValue("8") int emrMinimumMemoryGb,
        @DefaultValue("PT5M") Duration futureTolerance,
        @DefaultValue("PT1H") Duration recurringSlot,
        @DefaultValue("3") int recurringMinWeeks,
        @DefaultValue("0.75") double recurringShare) {

    /** The defaults, for tests and tools that run the engine without Spring. */
    public static DiagnosisThresholds defaults() {
        return new DiagnosisThresholds(Duration.ofHours(1), 4, 1.5, 3, 5, 0.9, 0.9, Duration.ofMinutes(5), 0.9,
                10, 20, 0, 80, 100, 0.5, 4, 8, Duration.ofMinutes(5), Duration.ofHours(1), 3, 0.75);
    }
}
