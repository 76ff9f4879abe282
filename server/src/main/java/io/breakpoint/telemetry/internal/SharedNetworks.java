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
 * organization only: where its clinical and guest traffic share a network. A network is shared when a GUEST segment's range overlaps a CLINICAL segment's range at the same
 * site, or when a device on a CLINICAL segment reached one of the site's guest addresses in the segmentation check
 * within {@link #REACH_WINDOW} (the same signal the diagnosis reports as guest traffic on a clinical segment).
 */
@Component
public class SharedNetworks implements EvidenceSources.SegmentFacts {

    static final Duration REACH_WINDOW = Duration.ofDays(1);

    private final Devices devices;
    private final SiteNetworks networks;
    private final TelemetryReadings readings;
    private final Directory directory;
    private final Clock clock;

    SharedNetworks(Devices devices, SiteNetworks networks, TelemetryReadings readings, Directory directory, Clock clock) {
        this.devices = devices;
        this.networks = networks;
        this.readings = readings;
        this.directory = directory;
        this.clock = clock;
    }

    /** Empty (not measured) when the organization has no segments set up at any site. */
    @Override
    public Optional<List<SharedNetwork>> of(UUID organizationId) {
        Instant now = clock.instant();
        List<SharedNetwork> shared = new ArrayList<>();
        boolean anySegment = false;
        for (SiteSummary site : sites(organizationId)) {
            List<NetworkSegment> segments = networks.segments(site.id());
            if (segments.isEmpty()) continue;
            anySegment = true;
            List<NetworkSegment> clinical = segments.stream().filter(s -> s.purpose() == SegmentPurpose.CLINICAL).toList();
            List<NetworkSegment> guest = segments.stream().filter(s -> s.purpose() == SegmentPurpose.GUEST).toList();
            Set<UUID> reported = new HashSet<>();
            for (NetworkSegment c : clinical) {
                for (NetworkSegment g : guest) {
                    String overlap = overlap(c, g);
                    if (overlap != null) {
                        reported.add(c.id());
                        shared.add(new SharedNetwork(site.name(), overlap, List.of(c.name() + " (clinical)", g.name() + " (guest)")));
                    }
                }
            }
            Set<UUID> reaching = new LinkedHashSet<>();
            for (DeviceStateReading s : readings.statesForSite(site.id(), now.minus(REACH_WINDOW), now.plusSeconds(1))) {
                if (s.guestReachable() != null && s.guestReachable() > 0 && s.segmentId() != null) reaching.add(s.segmentId());
            }
            for (NetworkSegment c : clinical) {
                if (!reaching.contains(c.id()) || reported.contains(c.id())) continue;
                List<String> names = new ArrayList<>();
                names.add(c.name() + " (clinical)");
                guest.forEach(g -> names.add(g.name() + " (guest)"));
                if (guest.isEmpty()) names.add("the guest network");
                shared.add(new SharedNetwork(site.name(), String.join(", ", c.cidrs())
                        + " (devices on it reached guest addresses in the last 24 hours)", names));
            }
        }
        return anySegment ? Optional.of(shared) : Optional.empty();
    }

    /** The organization's sites: those the signed-in user may see of it, and those its devices are at. */
    private List<SiteSummary> sites(UUID organizationId) {
        Map<UUID, SiteSummary> sites = new LinkedHashMap<>();
        Actors.currentIfAny().ifPresent(actor -> directory.sites(actor, organizationId).forEach(s -> sites.put(s.id(), s)));
        for (DeviceView d : devices.ofOrganizations(List.of(organizationId))) {
            if (!sites.containsKey(d.siteId())) directory.site(d.siteId()).ifPresent(s -> sites.put(s.id(), s));
        }
        return sites.values().stream().filter(s -> organizationId.equals(s.organizationId())).toList();
    }

    /** The wider of two overlapping ranges of the segments, or null when no range of one overlaps one of the other. */
    static String overlap(NetworkSegment a, NetworkSegment b) {
        for (String x : a.cidrs()) {
            Cidr cx = Cidr.parse(x);
            if (cx == null) continue;
            for (String y : b.cidrs()) {
                Cidr cy = Cidr.parse(y);
                if (cy == null || cx.network().length != cy.network().length) continue;
                if (cx.contains(cy.network()) || cy.contains(cx.network())) return cx.prefix() <= cy.prefix() ? x : y;
            }
        }
        return null;
    }
}
