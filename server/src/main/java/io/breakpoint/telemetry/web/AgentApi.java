package io.breakpoint.telemetry.web;

import io.breakpoint.agent.protocol.BatchReceipt;
import io.breakpoint.agent.protocol.EnrollmentRequest;
import io.breakpoint.agent.protocol.EnrollmentResponse;
import io.breakpoint.agent.protocol.SiteConfig;
import io.breakpoint.agent.protocol.TelemetryBatch;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.telemetry.AuthenticatedDevice;
import io.breakpoint.telemetry.internal.AgentConfigs;
import io.breakpoint.telemetry.internal.Enrollment;
import io.breakpoint.telemetry.internal.FactsJson;
import io.breakpoint.telemetry.internal.Ingestion;
import io.breakpoint.telemetry.internal.RateLimiter;
import io.breakpoint.telemetry.internal.TelemetrySettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The routes the workstation agent calls (agent-protocol's package-info). Bodies are read with the agent
 * protocol's tolerant JSON: a newer agent's extra fields are ignored, not refused.
 */
@RestController
@Tag(name = "Workstation agent")
class AgentApi {

    /** Most a throughput sample may download: enough to time a clinic link, not enough to saturate it. */
    private static final int MAX_THROUGHPUT_BYTES = 10_000_000;
    private static final byte[] FILLER = new byte[64 * 1024];

    static {
        ThreadLocalRandom.current().nextBytes(FILLER); // random bytes, so no proxy can compress the sample
    }

    private final Enrollment enrollment;
    private final AgentConfigs configs;
    private final Ingestion ingestion;
    private final TelemetrySettings settings;
    private final RateLimiter limiter;

    AgentApi(Enrollment enrollment, AgentConfigs configs, Ingestion ingestion, TelemetrySettings settings) {
        this.enrollment = enrollment;
        this.configs = configs;
        this.ingestion = ingestion;
        this.settings = settings;
        this.limiter = new RateLimiter(settings.rateBurst(), settings.ratePerMinute(), System::nanoTime);
    }

    @PostMapping("/api/v1/agent/enrollments")
    @Operation(summary = "Exchange a site's enrollment code for a device id and secret (shown once)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = EnrollmentRequest.class))))
    ResponseEntity<?> enroll(HttpServletRequest request) throws IOException {
        byte[] body = body(request, MAX_ENROLLMENT_BYTES);
        if (body == null) return tooLarge("An enrollment request is at most 64 kB.");
        EnrollmentResponse r = enrollment.enroll(read(body, EnrollmentRequest.class), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(r);
    }

    @GetMapping("/api/v1/agent/config")
    @Operation(summary = "What this device's agent measures and how often (its site's probe settings)")
    SiteConfig config() {
        return configs.configOf(device().siteId(), ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
    }

    @GetMapping(value = "/api/v1/agent/throughput", produces = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @Operation(summary = "Random bytes for the agent's throughput sample (at most 10 MB)")
    ResponseEntity<byte[]> throughput(@RequestParam(defaultValue = "1000000") int bytes) {
        device();
        if (bytes < 1 || bytes > MAX_THROUGHPUT_BYTES) {
            throw new InvalidRequestException("bytes", "Ask for 1 to 10,000,000 bytes.");
        }
        byte[] out = new byte[bytes];
        for (int i = 0; i < bytes; i += FILLER.length) System.arraycopy(FILLER, 0, out, i, Math.min(FILLER.length, bytes - i));
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(out);
    }

    @PostMapping("/api/v1/telemetry")
    @Operation(summary = "Store a batch of samples; answers what was accepted, what was already stored, and what was refused and why",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = TelemetryBatch.class))))
    ResponseEntity<?> telemetry(HttpServletRequest request) throws IOException {
        AuthenticatedDevice device = device();
        long wait = limiter.secondsToWait(device.deviceId());
        if (wait > 0) {
            return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many batches",
                    "This device sends more batches than allowed; wait " + wait + " s and send again.", wait);
        }
        // A sample is about 2 kB of JSON; 8 kB per allowed sample leaves room for long targets and many processes.
        byte[] body = body(request, (long) settings.maxBatchSamples() * 8192);
        if (body == null) return tooLarge("The batch is too large; send at most " + settings.maxBatchSamples() + " samples per batch.");
        TelemetryBatch batch = BatchJson.read(body);
        if (batch == null) batch = read(body, TelemetryBatch.class);
        if (batch.samples() == null) throw new InvalidRequestException("samples", "Send the samples of the batch.");
        if (batch.samples().size() > settings.maxBatchSamples()) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "Batch too large", "A batch holds at most " + settings.maxBatchSamples()
                    + " samples; this one has " + batch.samples().size() + ". Send it in smaller batches.", 0);
        }
        if (batch.deviceId() != null && !batch.deviceId().equals(device.deviceId())) {
            throw new InvalidRequestException("deviceId", "The batch names another device than the credential.");
        }
        BatchReceipt receipt = ingestion.ingest(device, batch);
        return ResponseEntity.ok(receipt);
    }

    private static final long MAX_ENROLLMENT_BYTES = 64 * 1024;

    /** The body, read up to {@code max} bytes; null when it is longer (it is not read further). */
    private static byte[] body(HttpServletRequest request, long max) throws IOException {
        if (request.getContentLengthLong() > max) return null;
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            return bytes.length > max ? null : bytes;
        }
    }

    private static ResponseEntity<ProblemDetail> tooLarge(String detail) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", detail, 0);
    }

    private static AuthenticatedDevice device() {
        return AuthenticatedDevice.current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No device"));
    }

    private static <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) throw new InvalidRequestException("body", "This request needs a JSON body.");
        try {
            T value = FactsJson.AGENT_JSON.readValue(body, type);
            if (value == null) throw new InvalidRequestException("body", "This request needs a JSON body.");
            return value;
        } catch (tools.jackson.core.JacksonException e) {
            throw new InvalidRequestException("body", "The body is not valid JSON for this request.");
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, long retryAfter) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        var r = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter > 0) r.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        return r.body(p);
    }
}
