package io.breakpoint.agent.protocol;

/**
 * One probe of one hop. Times in milliseconds, null when that phase does not apply or did not happen
 * (no TLS on a plain TCP probe; no first byte after a failed connect).
 *
 * @param hop      GATEWAY, EDGE, REFERENCE, EMR, EMR_TRANSACTION or THROUGHPUT
 * @param target   what was probed (address, host:port or URL)
 * @param attempts how many tries this round (connect probes repeat a few times to see loss and jitter)
 * @param failures tries that failed or timed out
 * @param jitterMs mean absolute difference between consecutive connect times
 * @param error    a short reason when the probe failed (timeout, refused, dns, tls)
 */
public record ProbeResult(
        String hop,
        String target,
        Double dnsMs,
        Double connectMs,
        Double tlsMs,
        Double firstByteMs,
        Double totalMs,
        int attempts,
        int failures,
        Double jitterMs,
        String error) {}
