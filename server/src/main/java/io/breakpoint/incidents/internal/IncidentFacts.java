package io.breakpoint.incidents.internal;

import io.breakpoint.tickets.LinkedIncidents;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The tickets module's view of incidents: a ticket's incident, and the incidents of a report period. */
@Component
class IncidentFacts implements LinkedIncidents {

    private final IncidentStore store;

    IncidentFacts(IncidentStore store) {
        this.store = store;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Link> incidentOf(UUID ticketId) {
        return store.linkOf(ticketId).flatMap(l -> store.find(l.incidentId()))
                .map(i -> new Link(i.id(), i.reference(), i.title(), i.open()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Facts> opened(Set<UUID> organizations, Instant from, Instant to) {
        List<Incident> found = store.openedBetween(organizations, from, to);
        Map<UUID, Integer> counts = store.linkCounts(found.stream().map(Incident::id).toList(), organizations);
        return found.stream().map(i -> new Facts(i.id(), i.siteId(), i.openedAt(), i.resolvedAt(), counts.getOrDefault(i.id(), 0))).toList();
    }
}
