package io.breakpoint.telemetry.internal;

import io.breakpoint.compliance.EvidenceSources;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.SiteSummary;
import io.breakpoint.telemetry.*;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.*;

/**
 * What the device registry hands the compliance workspace (its seams in {@link EvidenceSources}), for one
 * organization only: its enrolled (not retired) devices' operating systems ({@link OsSupport} says which are out of
 * support) and disk encryption. Empty (not measured) while the organization has no device enrolled.
 */
@Component
public class ComplianceFacts implements EvidenceSources.DeviceFacts {

    private final Devices devices;
    private final Clock clock;

    ComplianceFacts(Devices devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    @Override
    public Optional<Fleet> of(UUID organizationId) {
        List<DeviceView> fleet = devices.ofOrganizations(List.of(organizationId)).stream()
                .filter(d -> !d.retired() && organizationId.equals(d.organizationId())).toList();
        if (fleet.isEmpty()) return Optional.empty();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int unsupported = 0, unencrypted = 0, unknown = 0;
        for (DeviceView d : fleet) {
            if (OsSupport.unsupported(d.osName(), d.osVersion(), today)) unsupported++;
            Boolean encrypted = d.diskEncrypted();
            if (encrypted == null) unknown++;
            else if (!encrypted) unencrypted++;
        }
        return Optional.of(new Fleet(fleet.size(), unsupported, unencrypted, unknown));
    }
}
