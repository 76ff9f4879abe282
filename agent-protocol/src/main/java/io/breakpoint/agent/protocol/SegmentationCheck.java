package io.breakpoint.agent.protocol;

import java.util.List;

/** From a clinical device, the guest addresses it could reach (should be none). */
public record SegmentationCheck(int checked, List<String> reachable) {}
