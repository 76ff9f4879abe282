package io.breakpoint.phi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.*;
import java.util.stream.Collectors;

/**
 * Applies an organization's PHI policy to ticket text before it is stored, and keeps the flag that tells engineers
 * which tickets hold PHI. The tickets module calls it for subjects, descriptions, replies and notes.
 */
@Service
public class PhiScreening {

    private final PhiDetector detector;
    private final PhiPolicies policies;
    private final JdbcClient jdbc;
    private final Clock clock;

    PhiScreening(PhiPolicies policies, JdbcClient jdbc, Clock clock) {
        this.detector = new PhiDetector(clock);
        this.policies = policies;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The texts as they may be stored, by field name (in the caller's order), and the PHI kinds that remain in them.
     * {@code redacted} names the kinds that were removed.
     */
    public record Screened(PhiPolicy policy, Map<String, String> texts, Set<PhiKind> kinds, Set<PhiKind> redacted) {
        public String text(String field) {
            return texts.get(field);
        }

        public boolean containsPhi() {
            return !kinds.isEmpty();
        }
    }

    /** What the detector finds, for previews and the portal's warning; stores nothing. */
    public Set<PhiKind> kindsIn(String... texts) {
        Set<PhiKind> kinds = EnumSet.noneOf(PhiKind.class);
        for (String t : texts) detector.scan(t).forEach(f -> kinds.add(f.kind()));
        return kinds;
    }

    public PhiDetector detector() {
        return detector;
    }

    /**
     * Applies the organization's policy: WARN keeps the text (and reports its kinds), REDACT replaces the PHI with
     * markers, BLOCK throws {@link PhiBlockedException} naming the first field with PHI and its kinds.
     */
    public Screened screen(UUID organizationId, LinkedHashMap<String, String> fields) {
        PhiPolicy policy = policies.policyOf(organizationId);
        Map<String, String> out = new LinkedHashMap<>();
        Set<PhiKind> kept = EnumSet.noneOf(PhiKind.class);
        Set<PhiKind> removed = EnumSet.noneOf(PhiKind.class);
        for (Map.Entry<String, String> f : fields.entrySet()) {
            List<PhiFinding> found = detector.scan(f.getValue());
            Set<PhiKind> kinds = found.stream().map(PhiFinding::kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(PhiKind.class)));
            if (kinds.isEmpty()) {
                out.put(f.getKey(), f.getValue());
                continue;
            }
            switch (policy) {
                case BLOCK -> throw new PhiBlockedException(f.getKey(), kinds);
                case REDACT -> {
                    out.put(f.getKey(), detector.redact(f.getValue()));
                    removed.addAll(kinds);
                }
                default -> {
                    out.put(f.getKey(), f.getValue());
                    kept.addAll(kinds);
                }
            }
        }
        return new Screened(policy, out, kept, removed);
    }

    /** Marks the ticket as holding PHI of these kinds (added to what it held before); in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void flag(UUID ticketId, UUID organizationId, Set<PhiKind> kinds) {
        if (kinds.isEmpty()) return;
        Set<PhiKind> all = EnumSet.copyOf(kinds);
        Optional<String> before = jdbc.sql("select kinds from phi_ticket_flags where ticket_id = ?").param(ticketId)
                .query(String.class).optional();
        before.ifPresent(k -> all.addAll(parse(k)));
        String joined = all.stream().map(Enum::name).collect(Collectors.joining(","));
        if (before.isPresent()) {
            jdbc.sql("update phi_ticket_flags set kinds = ? where ticket_id = ?").params(joined, ticketId).update();
        } else {
            jdbc.sql("insert into phi_ticket_flags (ticket_id, organization_id, kinds, flagged_at) values (?,?,?,?)")
                    .params(ticketId, organizationId, joined, Timestamp.from(clock.instant())).update();
        }
    }

    /** The PHI kinds each of these tickets holds; tickets without PHI are absent. One query. */
    @Transactional(readOnly = true)
    public Map<UUID, Set<PhiKind>> flags(Collection<UUID> ticketIds) {
        if (ticketIds.isEmpty()) return Map.of();
        Map<UUID, Set<PhiKind>> out = new HashMap<>();
        jdbc.sql("select ticket_id, kinds from phi_ticket_flags where ticket_id in (:ids)").param("ids", Set.copyOf(ticketIds))
                .query((rs, n) -> out.put(rs.getObject(1, UUID.class), parse(rs.getString(2)))).list();
        return out;
    }

    private static Set<PhiKind> parse(String kinds) {
        Set<PhiKind> out = EnumSet.noneOf(PhiKind.class);
        for (String k : kinds.split(",")) if (!k.isBlank()) out.add(PhiKind.valueOf(k.strip()));
        return out;
    }
}
