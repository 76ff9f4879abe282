package io.breakpoint.incidents.internal;

import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.IncidentTickets.Member;
import io.breakpoint.tickets.Priority;

import java.time.Duration;
import java.time.Instant;
import java.util.*;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * When tickets of one kind make a major incident, in plain Java: a burst from one site, or from one organization
 * across its sites when the organization-wide threshold is set; which open incident a new ticket joins; the
 * incident's tier, priority and owner.
 */
public final class BurstRules {

    private BurstRules() {
    }

    /**
     * The thresholds: {@code siteThreshold} tickets from one site, or {@code organizationThreshold} from one
     * organization (0: never across sites), of one category in {@code window}; only the listed categories make
     * incidents (five password resets are five people, not an outage).
     */
    public record Settings(boolean enabled, int siteThreshold, int organizationThreshold, Duration window,
                           Set<Category> categories) {

        public Settings {
            if (siteThreshold < 2) throw new IllegalArgumentException("breakpoint.incidents.site-threshold must be at least 2");
            if (organizationThreshold != 0 && organizationThreshold < 2) {
                throw new IllegalArgumentException("breakpoint.incidents.organization-threshold must be 0 (off) or at least 2");
            }
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("breakpoint.incidents.window must be a positive duration");
            }
            categories = Set.copyOf(categories);
        }

        public boolean watches(Category c) {
            return enabled && c != null && categories.contains(c);
        }
    }

    /** A burst found: from one site ({@code siteId}), or organization-wide ({@code siteId} null). */
    public record Burst(UUID siteId, List<Member> tickets, int threshold) {
    }

    /**
     * Whether the newest ticket completes a burst. {@code recent} are the open tickets of its organization and
     * category that arrived within the window before it (itself included) and belong to no incident yet, and those
     * that arrived after it but were written first: tickets written in groups reach detection a little out of their
     * order of arrival, and one that came later but was looked at earlier, before the burst was complete, would
     * otherwise be left out of the incident for good.
     */
    public static Optional<Burst> detect(Member newest, List<Member> recent, Settings s) {
        List<Member> window = recent.stream()
                .filter(m -> !m.createdAt().isBefore(newest.createdAt().minus(s.window())))
                .filter(m -> !m.createdAt().isAfter(newest.createdAt().plus(s.window())))
                .sorted(Comparator.comparing(Member::createdAt).thenComparing(Member::reference))
                .toList();
        List<Member> sameSite = window.stream().filter(m -> Objects.equals(m.siteId(), newest.siteId())).toList();
        if (newest.siteId() != null && sameSite.size() >= s.siteThreshold()) {
            return Optional.of(new Burst(newest.siteId(), sameSite, s.siteThreshold()));
        }
        if (s.organizationThreshold() > 0 && window.size() >= s.organizationThreshold()) {
            return Optional.of(new Burst(null, window, s.organizationThreshold()));
        }
        return Optional.empty();
    }

    /**
     * The open incident a new ticket joins: same organization and category (the caller asks for those), its site
     * or organization-wide, and arriving within the window after the incident's latest ticket.
     */
    public static Optional<Incident> joinable(Member t, List<Incident> open, Map<UUID, Instant> latestArrivals, Duration window) {
        return open.stream()
                .filter(i -> i.siteId() == null || i.siteId().equals(t.siteId()))
                .filter(i -> !t.createdAt().isAfter(latestArrivals.getOrDefault(i.id(), i.openedAt()).plus(window)))
                .findFirst();
    }

    /** The tier triage gave most of the tickets; a tie goes to the higher tier (the more specialised desk). */
    public static int tier(List<Member> tickets) {
        Map<Integer, Long> counts = tickets.stream().collect(Collectors.groupingBy(Member::tier, Collectors.counting()));
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<Integer, Long>>comparingLong(Map.Entry::getValue).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse(1);
    }

    /** The most urgent priority among the tickets. */
    public static Priority priority(List<Member> tickets) {
        return tickets.stream().map(Member::priority).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(Priority.P3);
    }

    /**
     * The owner: the engineer routing (or a person) already gave most of the tickets of the incident's tier to, so
     * the incident follows routing's choice of the least-loaded qualified engineer; null (the tier queue owns it)
     * when nobody has one yet. Ties go to the engineer with the earliest ticket.
     */
    public static UUID owner(List<Member> tickets, int tier) {
        Map<UUID, Long> counts = tickets.stream().filter(m -> m.tier() == tier && m.assigneeId() != null)
                .collect(Collectors.groupingBy(Member::assigneeId, LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream()
                .max(Comparator.comparingLong(Map.Entry::getValue))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** "10 minutes", "90 seconds", "2 hours". */
    public static String spoken(Duration d) {
        if (d.toSeconds() % 3600 == 0) return plural(d.toHours(), "hour");
        if (d.toSeconds() % 60 == 0) return plural(d.toMinutes(), "minute");
        return plural(d.toSeconds(), "second");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    static <T> Map<UUID, T> byId(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }
}
