package io.breakpoint.telemetry.web;

import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.identity.Actors;
import io.breakpoint.telemetry.DeviceManagement;
import io.breakpoint.telemetry.DeviceView;
import io.breakpoint.telemetry.Devices;
import io.breakpoint.telemetry.EnrollmentCode;
import io.breakpoint.telemetry.NetworkSegment;
import io.breakpoint.telemetry.ProbeSettings;
import io.breakpoint.telemetry.SegmentPurpose;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** The device registry for engineers and admins, and a site's agent set-up (codes, segments, probe settings) for admins. */
@RestController
@Tag(name = "Devices and agents")
class DeviceApi {

    private final Devices devices;
    private final DeviceManagement management;

    DeviceApi(Devices devices, DeviceManagement management) {
        this.devices = devices;
        this.management = management;
    }

    @GetMapping("/api/v1/devices")
    @Operation(summary = "The devices the caller may see, optionally of one site")
    List<DeviceView> devices(@RequestParam(required = false) UUID siteId) {
        return devices.visible(Actors.current(), siteId);
    }

    @GetMapping("/api/v1/devices/{id}")
    @Operation(summary = "One device: facts, last seen, address and segment")
    DeviceView device(@PathVariable UUID id) {
        return devices.device(Actors.current(), id);
    }

    @PostMapping("/api/v1/devices/{id}/retire")
    @Operation(summary = "Retire a device (MSP and org admins): its secret stops working, its history stays")
    DeviceView retire(@PathVariable UUID id) {
        management.retireDevice(Actors.current(), id);
        return devices.device(Actors.current(), id);
    }

    record NewCode(String label, String validFor, Integer maxUses) {
    }

    record IssuedCode(UUID id, String code, UUID siteId, String label, int maxUses, java.time.Instant expiresAt) {
    }

    @PostMapping("/api/v1/sites/{siteId}/enrollment-codes")
    @Operation(summary = "Create an enrollment code for the site (MSP and org admins); the code is shown only in this answer",
            description = "validFor is an ISO-8601 duration such as P7D (default) or PT2H; maxUses defaults to 1.")
    ResponseEntity<IssuedCode> createCode(@PathVariable UUID siteId, @RequestBody(required = false) NewCode body) {
        NewCode b = body == null ? new NewCode(null, null, null) : body;
        Duration validFor = null;
        if (b.validFor() != null && !b.validFor().isBlank()) {
            try {
                validFor = Duration.parse(b.validFor().strip());
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException("validFor", "Give how long the code is valid as a duration such as P7D or PT12H.");
            }
        }
        EnrollmentCode.Issued issued = management.createEnrollmentCode(Actors.current(), siteId, b.label(), validFor, b.maxUses());
        EnrollmentCode c = issued.enrollmentCode();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new IssuedCode(c.id(), issued.code(), c.siteId(), c.label(), c.maxUses(), c.expiresAt()));
    }

    @GetMapping("/api/v1/sites/{siteId}/enrollment-codes")
    @Operation(summary = "The site's enrollment codes, without the codes themselves")
    List<EnrollmentCode> codes(@PathVariable UUID siteId) {
        return management.enrollmentCodes(Actors.current(), siteId);
    }

    @PostMapping("/api/v1/enrollment-codes/{id}/revoke")
    @Operation(summary = "Revoke an enrollment code; devices already enrolled with it stay enrolled")
    EnrollmentCode revoke(@PathVariable UUID id) {
        return management.revokeEnrollmentCode(Actors.current(), id);
    }

    @GetMapping("/api/v1/sites/{siteId}/segments")
    @Operation(summary = "The site's network segments")
    List<NetworkSegment> segments(@PathVariable UUID siteId) {
        return management.segments(Actors.current(), siteId);
    }

    record NewSegment(String name, SegmentPurpose purpose, List<String> cidrs, List<String> probeAddresses) {
    }

    @PostMapping("/api/v1/sites/{siteId}/segments")
    @Operation(summary = "Add a network segment: name, purpose and address ranges (CIDR)")
    ResponseEntity<NetworkSegment> addSegment(@PathVariable UUID siteId, @RequestBody NewSegment body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(management.createSegment(Actors.current(), siteId, body.name(),
                body.purpose(), body.cidrs(), body.probeAddresses()));
    }

    @DeleteMapping("/api/v1/segments/{id}")
    @Operation(summary = "Remove a network segment; its devices are on no segment until another range holds them")
    ResponseEntity<Void> deleteSegment(@PathVariable UUID id) {
        management.deleteSegment(Actors.current(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/sites/{siteId}/probe-settings")
    @Operation(summary = "What the site's agents measure and how often")
    ProbeSettings probeSettings(@PathVariable UUID siteId) {
        return management.probeSettings(Actors.current(), siteId);
    }

    /** Missing intervals take the defaults; guestAddresses missing or null: the GUEST segments' probe addresses. */
    record ProbeSettingsChange(Integer sampleEverySeconds, Integer throughputEverySeconds, Integer configRefreshSeconds,
                               String edgeHost, String referenceHost, List<String> emrEndpoints, List<String> emrTransaction,
                               List<String> guestAddresses, String throughputUrl) {
    }

    @PutMapping("/api/v1/sites/{siteId}/probe-settings")
    @Operation(summary = "Change what the site's agents measure; the version they see changes")
    ProbeSettings updateProbeSettings(@PathVariable UUID siteId, @RequestBody ProbeSettingsChange b) {
        return management.updateProbeSettings(Actors.current(), siteId, new ProbeSettings(0, orZero(b.sampleEverySeconds()),
                orZero(b.throughputEverySeconds()), orZero(b.configRefreshSeconds()), b.edgeHost(), b.referenceHost(),
                b.emrEndpoints(), b.emrTransaction(), b.guestAddresses(), b.throughputUrl(), null));
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }
}
