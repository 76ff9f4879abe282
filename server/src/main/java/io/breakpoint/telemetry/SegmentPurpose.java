package io.breakpoint.telemetry;

/** What a network segment carries; the diagnosis treats GUEST traffic on a clinical segment as a finding. */
public enum SegmentPurpose {
    CLINICAL, GUEST, IMAGING, VOICE, SERVERS
}
