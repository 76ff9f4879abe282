/**
 * The contract between the workstation agent and the server, as plain Java records that both sides
 * serialize as JSON (ISO-8601 strings for instants). Keep it free of dependencies: the agent must stay small.
 *
 * <p>Routes (all under the server's base URL):
 * <ul>
 *   <li>{@code POST /api/v1/agent/enrollments} {@link EnrollmentRequest} → 201 {@link EnrollmentResponse}
 *       (no credentials: the site enrollment code is the credential);</li>
 *   <li>{@code GET /api/v1/agent/config} → 200 {@link SiteConfig};</li>
 *   <li>{@code GET /api/v1/agent/throughput?bytes=N} → 200 N random bytes (at most 10 MB; the default
 *       {@link SiteConfig#throughputUrl()} points here with 1 MB);</li>
 *   <li>{@code POST /api/v1/telemetry} {@link TelemetryBatch} → 200 {@link BatchReceipt}; 413 for more than
 *       {@link SiteConfig#maxBatchSamples()} samples, 429 with {@code Retry-After} when the device sends too often;</li>
 *   <li>{@code POST /api/v1/devices/{id}/slowness-reports} {@link SlownessReport} → 201 {@link SlownessReceipt}.</li>
 * </ul>
 * The agent authenticates every route but enrollment with {@code Device} scheme
 * ({@code Authorization: Device <deviceId>:<secret>}). The server stores only a hash of the secret.
 */
package io.breakpoint.agent.protocol;
