package io.breakpoint.diagnosis;

import io.breakpoint.compliance.EvidenceSources;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.SiteSummary;
import io.breakpoint.telemetry.DeviceView;
import io.breakpoint.telemetry.Devices;
import org.springframework.stereotype.Component;

import java.util.*;

/**
 * The self-audit's first question, "Does the EMR lag only at a specific time of day?", answered from the diagnosis's
 * recurring windows at each site of the organization where devices are enrolled: yes when some hop is slow at the same
 * time of the week week after week; no when the sites are measured and show none; empty (not measured) when no site
 * of the organization has enough measurements.
 */
@Component
class EmrLagEvidence implements EvidenceSources.EmrLagPattern {

    private final Diagnoses diagnoses;
    private final Devices devices;
    private final Directory directory;

    EmrLagEvidence(Diagnoses diagnoses, Devices devices, Directory directory) {
        this.diagnoses = diagnoses;
        this.devices = devices;
        this.directory = directory;
    }

    @Override
    public Optional<Pattern> of(UUID organizationId) {
        Set<UUID> siteIds = new LinkedHashSet<>();
        for (DeviceView d : devices.ofOrganizations(List.of(organizationId))) {
            if (!d.retired() && organizationId.equals(d.organizationId())) siteIds.add(d.siteId());
        }
        List<String> windows = new ArrayList<>();
        List<String> measured = new ArrayList<>();
        for (UUID siteId : siteIds) {
            Optional<SiteSummary> site = directory.site(siteId).filter(s -> organizationId.equals(s.organizationId()));
            if (site.isEmpty()) continue;
            Diagnosis d = diagnoses.siteNow(siteId);
            if (d.breakpoint() == Breakpoint.INSUFFICIENT_DATA && d.recurring().isEmpty()) continue;
            measured.add(site.get().name());
            List<RecurringWindow> recurring = new ArrayList<>(d.recurring());
            recurring.sort(Comparator.comparing((RecurringWindow r) -> !r.withinClinicHours()).thenComparing(r -> -r.weeks()));
            for (RecurringWindow r : recurring) windows.add(site.get().name() + ": " + r.text());
        }
        if (measured.isEmpty()) return Optional.empty();
        if (!windows.isEmpty()) {
            return Optional.of(new Pattern(true, String.join("; ", windows)
                    + ". A slowdown at the same time every week points at a bottleneck when traffic peaks, not at the EMR itself."));
        }
        return Optional.of(new Pattern(false, "no time of the week is slow again and again at " + String.join(", ", measured)
                + " in the weeks the desk has measured."));
    }
}
