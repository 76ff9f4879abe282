package io.breakpoint.bench;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.*;

/**
 * Fills a Breakpoint PostgreSQL database with ticket history for the queue benchmark. The schema must exist and
 * hold the demo tenant: start the server once against the database with {@code --demo} (Flyway creates the
 * tables, demo mode the MSP, Riverbend, Lakeside and the tier engineers).
 *
 * <p>It adds synthetic client organizations under the demo MSP (so the MSP admin sees them through
 * {@code organizations.msp_id}) and lets the demo tier engineers serve them ({@code user_served_organizations}),
 * each with sites and requesters; then COPYs the tickets and their history entries into the real tables:
 * <ul>
 *   <li>organizations: Riverbend 12%, Lakeside 4%, the synthetic ones by a Zipf-like share of the rest;</li>
 *   <li>about {@code --open-share} (default 5%) open, mostly recent (exponential age, mean 10 days), in
 *       TRIAGED, IN_PROGRESS, WAITING_ON_REQUESTER or WAITING_ON_VENDOR; the rest resolved history spread over
 *       {@code --days} (default 3 years), RESOLVED if resolved within 7 days, else CLOSED 7 days after;</li>
 *   <li>tier 1/2/3 at 65/25/10% of open and 75/20/5% of past tickets; priority P1/P2/P3/P4 at 2/15/58/25%;</li>
 *   <li>ticket numbers in creation order, continuing the {@code ticket_number_seq} sequence.</li>
 * </ul>
 * <pre>java -cp ... io.breakpoint.bench.QueueGenerator --db jdbc:postgresql://127.0.0.1:5432/bp_queue --tickets 1000000</pre>
 */
public final class QueueGenerator {

    private static final String[] SUBJECTS = {
            "Printer in exam room %d jams on labels", "EMR slow to open charts at front desk", "Cannot sign in to the EMR",
            "Wi-Fi drops in treatment room %d", "Scanner at check-in does not send to the chart",
            "Phone at nurse station %d has no dial tone", "New hire needs an account", "Label printer offline",
            "Vitals monitor %d does not post to the chart", "Outlook keeps asking for the password",
            "Suspicious email with an attachment", "Workstation %d very slow after update", "Fax to pharmacy fails",
            "VPN disconnects for remote coder", "Badge reader at back door rejects badges", "Request: second monitor"};
    private static final String[] CATEGORIES = {"ACCOUNT_ACCESS", "EMR_PERFORMANCE", "EMR_APPLICATION", "PRINTING_SCANNING",
            "NETWORK_CONNECTIVITY", "MEDICAL_DEVICE_INTEGRATION", "ENDPOINT_HARDWARE", "EMAIL_COLLABORATION",
            "PHONES_TELEPHONY", "SECURITY_INCIDENT", "INFRASTRUCTURE", "SERVICE_REQUEST"};
    private static final String[] IMPACTS = {"JUST_ME", "SEVERAL_PEOPLE", "WHOLE_SITE", "PATIENTS_WAITING"};
    private static final String[] OPEN_STATUSES = {"TRIAGED", "IN_PROGRESS", "WAITING_ON_REQUESTER", "WAITING_ON_VENDOR"};
    private static final double[] OPEN_STATUS_SHARE = {0.35, 0.35, 0.18, 0.12};
    private static final String[] PRIORITIES = {"P1", "P2", "P3", "P4"};
    private static final double[] PRIORITY_SHARE = {0.02, 0.15, 0.58, 0.25};
    private static final String[] ZONES = {"America/Chicago", "America/New_York", "America/Denver", "America/Los_Angeles"};

    record Org(UUID id, String name, List<UUID> sites, List<UUID> requesters, List<UUID> siteOfRequester) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        String url = a.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/bp_queue");
        if (!url.startsWith("jdbc:postgresql://127.0.0.1") && !url.startsWith("jdbc:postgresql://localhost")) {
            throw new IllegalArgumentException("The generator writes only to a PostgreSQL on this machine: " + url);
        }
        int tickets = Integer.parseInt(a.getOrDefault("tickets", "1000000"));
        int syntheticOrgs = Integer.parseInt(a.getOrDefault("synthetic-orgs", "38"));
        int days = Integer.parseInt(a.getOrDefault("days", "1095"));
        double openShare = Double.parseDouble(a.getOrDefault("open-share", "0.05"));
        Random random = new Random(Long.parseLong(a.getOrDefault("seed", "42")));

        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, a.getOrDefault("user", "postgres"), a.getOrDefault("password", ""))) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                s.execute("set synchronous_commit = off");
            }
            UUID msp = single(db, "select id from organizations where kind = 'MSP' order by created_at limit 1");
            if (msp == null) throw new IllegalStateException("No MSP: start the server once against this database with --demo.");
            Instant now = Instant.now();
            List<Org> orgs = new ArrayList<>();
            orgs.add(existing(db, "Riverbend Health"));
            orgs.add(existing(db, "Lakeside Pediatrics"));
            for (int i = 1; i <= syntheticOrgs; i++) orgs.add(synthetic(db, msp, i, random, now));
            Map<Integer, List<UUID>> engineers = engineersServing(db, orgs);
            db.commit();
            System.out.printf("%d organizations, engineers per tier %s%n", orgs.size(),
                    engineers.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size()).toList());

            double[] orgShare = organizationShares(orgs.size());
            long firstNumber = single(db, "select nextval('ticket_number_seq')", Long.class);
            long[] createdKeys = createdTimes(tickets, days, openShare, now, random);
            PGConnection pg = db.unwrap(PGConnection.class);
            CopyIn ticketsCopy = pg.getCopyAPI().copyIn("""
                    copy tickets (id, number, organization_id, site_id, requester_id, subject, description, impact, status, tier,
                      category, priority, assignee_id, ever_assigned, reassignments, created_at, updated_at, first_response_at,
                      resolved_at, closed_at, idempotency_key, version) from stdin with (format csv)""");
            StringBuilder rows = new StringBuilder(1 << 20);
            StringBuilder entries = new StringBuilder(1 << 20);
            List<String> entryChunks = new ArrayList<>();
            int open = 0;
            for (int i = 0; i < tickets; i++) {
                boolean isOpen = (createdKeys[i] & 1) == 1;
                Instant created = Instant.ofEpochMilli(createdKeys[i] >> 1);
                Org org = orgs.get(pick(orgShare, random));
                int r = random.nextInt(org.requesters().size());
                UUID requester = org.requesters().get(r);
                UUID site = org.siteOfRequester().get(r);
                int tier = isOpen ? pickTier(random, 0.65, 0.25) : pickTier(random, 0.75, 0.20);
                String priority = PRIORITIES[pick(PRIORITY_SHARE, random)];
                String status;
                UUID assignee = null;
                int reassignments = 0;
                Instant firstResponse = null, resolved = null, closed = null;
                if (isOpen) {
                    open++;
                    status = OPEN_STATUSES[pick(OPEN_STATUS_SHARE, random)];
                } else {
                    resolved = min(created.plus(minutes(random, 24 * 60)), now.minusSeconds(60));
                    if (resolved.isBefore(created)) resolved = created;
                    boolean stillResolved = resolved.isAfter(now.minus(Duration.ofDays(7)));
                    status = stillResolved ? "RESOLVED" : "CLOSED";
                    closed = stillResolved ? null : resolved.plus(Duration.ofDays(7));
                }
                if (!"TRIAGED".equals(status)) {
                    List<UUID> tierEngineers = engineers.get(tier);
                    assignee = tierEngineers.get(random.nextInt(tierEngineers.size()));
                    double p = random.nextDouble();
                    reassignments = p < 0.05 ? 2 : p < 0.20 ? 1 : 0;
                    firstResponse = min(created.plus(minutes(random, 15)), resolved != null ? resolved : now);
                }
                Instant updated = closed != null ? closed : resolved != null ? resolved : firstResponse != null ? firstResponse : created;
                UUID id = UUID.randomUUID();
                String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
                String subject = SUBJECTS[random.nextInt(SUBJECTS.length)].formatted(random.nextInt(12) + 1);
                csv(rows, id, firstNumber + i, org.id(), site, requester, subject, description(random, subject),
                        random.nextInt(3) == 0 ? null : IMPACTS[random.nextInt(IMPACTS.length)], status, tier, category, priority,
                        assignee, assignee != null, reassignments, created, updated, firstResponse, resolved, closed, null,
                        1 + (assignee != null ? 1 + reassignments : 0) + (resolved != null ? 1 : 0) + (closed != null ? 1 : 0));
                entry(entries, id, created, requester, "OPENED", "PUBLIC", null, null, "NEW", null, null, null);
                entry(entries, id, created, null, "TRIAGED", "INTERNAL", "Placed in the Tier 1 queue", "NEW", "TRIAGED", null, 1, null);
                if (tier > 1) entry(entries, id, created.plusSeconds(600), engineers.get(1).get(0), "ESCALATED", "INTERNAL",
                        "Needs tier " + tier, null, null, 1, tier, null);
                if (resolved != null) entry(entries, id, resolved, assignee, "RESOLVED", "PUBLIC", "Fixed; see the steps taken.",
                        "IN_PROGRESS", "RESOLVED", null, null, null);
                if (closed != null) entry(entries, id, closed, null, "CLOSED", "INTERNAL", null, "RESOLVED", "CLOSED", null, null, null);
                if (rows.length() > (1 << 20)) {
                    write(ticketsCopy, rows);
                }
                if (entries.length() > (1 << 20)) {
                    entryChunks.add(entries.toString());
                    entries.setLength(0);
                }
                if ((i + 1) % 200_000 == 0) System.out.printf("  %,d tickets written%n", i + 1);
            }
            write(ticketsCopy, rows);
            ticketsCopy.endCopy();
            System.out.printf("tickets: %,d (%,d open) in %.0f s%n", tickets, open, (System.nanoTime() - started) / 1e9);
            entryChunks.add(entries.toString());
            CopyIn entriesCopy = pg.getCopyAPI().copyIn("""
                    copy ticket_entries (ticket_id, at, actor_id, kind, visibility, body, from_status, to_status, from_tier,
                      to_tier, assignee_id) from stdin with (format csv)""");
            for (String chunk : entryChunks) {
                byte[] b = chunk.getBytes(StandardCharsets.UTF_8);
                entriesCopy.writeToCopy(b, 0, b.length);
            }
            entriesCopy.endCopy();
            try (Statement s = db.createStatement()) {
                s.execute("select setval('ticket_number_seq', " + (firstNumber + tickets) + ")");
            }
            db.commit();
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("vacuum analyze tickets");
                s.execute("vacuum analyze ticket_entries");
            }
            System.out.printf("done in %.0f s: %,d tickets in total%n", (System.nanoTime() - started) / 1e9,
                    single(db, "select count(*) from tickets", Long.class));
        }
    }

    /** Creation times, sorted so that ticket numbers follow them; the lowest bit says whether the ticket is open. */
    private static long[] createdTimes(int n, int days, double openShare, Instant now, Random random) {
        long span = Duration.ofDays(days).toMillis();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            boolean open = random.nextDouble() < openShare;
            long age = open ? (long) Math.min(span, -Math.log(1 - random.nextDouble()) * Duration.ofDays(10).toMillis())
                    : (long) (random.nextDouble() * span);
            keys[i] = ((now.toEpochMilli() - age - 60_000) << 1) | (open ? 1 : 0);
        }
        Arrays.sort(keys);
        return keys;
    }

    /** Riverbend 12%, Lakeside 4%, the rest Zipf-like (s = 0.8) over the synthetic organizations. */
    private static double[] organizationShares(int count) {
        double[] share = new double[count];
        share[0] = 0.12;
        if (count > 1) share[1] = 0.04;
        double total = 0;
        for (int i = 2; i < count; i++) total += 1 / Math.pow(i - 1, 0.8);
        for (int i = 2; i < count; i++) share[i] = 0.84 / Math.pow(i - 1, 0.8) / total;
        return share;
    }

    private static Org existing(Connection db, String name) throws SQLException {
        UUID id = single(db, "select id from organizations where name = '" + name.replace("'", "''") + "'");
        if (id == null) throw new IllegalStateException("No organization " + name + ": start the server once with --demo.");
        return loadOrg(db, id, name);
    }

    private static Org loadOrg(Connection db, UUID id, String name) throws SQLException {
        List<UUID> sites = list(db, "select id from sites where organization_id = ? order by name", id);
        List<UUID> requesters = new ArrayList<>();
        List<UUID> siteOf = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(
                "select id, site_id from users where organization_id = ? and role = 'REQUESTER' order by email")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    requesters.add(rs.getObject(1, UUID.class));
                    UUID site = rs.getObject(2, UUID.class);
                    siteOf.add(site != null ? site : sites.get(0));
                }
            }
        }
        return new Org(id, name, sites, requesters, siteOf);
    }

    private static Org synthetic(Connection db, UUID msp, int i, Random random, Instant now) throws SQLException {
        String name = "Synthetic Clinic %02d".formatted(i);
        UUID id = single(db, "select id from organizations where name = '" + name + "'");
        if (id != null) return loadOrg(db, id, name);
        id = UUID.randomUUID();
        Timestamp at = Timestamp.from(now.minus(Duration.ofDays(1100)));
        update(db, "insert into organizations (id, kind, msp_id, name, co_managed, created_at) values (?, 'CLIENT', ?, ?, false, ?)",
                id, msp, name, at);
        int siteCount = 1 + random.nextInt(4);
        for (int s = 1; s <= siteCount; s++) {
            UUID site = UUID.randomUUID();
            update(db, "insert into sites (id, organization_id, name, time_zone, created_at) values (?,?,?,?,?)",
                    site, id, "Clinic " + s, ZONES[i % ZONES.length], at);
            for (int day = 1; day <= 5; day++) {
                update(db, "insert into site_hours (site_id, day_of_week, opens_at, closes_at) values (?,?,?,?)",
                        site, day, java.sql.Time.valueOf("07:00:00"), java.sql.Time.valueOf("18:00:00"));
            }
        }
        List<UUID> sites = list(db, "select id from sites where organization_id = ? order by name", id);
        int people = 4 + random.nextInt(12);
        for (int p = 1; p <= people; p++) {
            // A hash that matches no password: these requesters exist to own tickets, not to sign in.
            update(db, """
                            insert into users (id, organization_id, email, display_name, role, tier, site_id, password_hash, enabled, created_at)
                            values (?,?,?,?, 'REQUESTER', null, ?, '!no-sign-in', true, ?)""",
                    UUID.randomUUID(), id, "requester%02d@clinic%02d.bench".formatted(p, i), "Requester %d of clinic %d".formatted(p, i),
                    sites.get(p % sites.size()), at);
        }
        return loadOrg(db, id, name);
    }

    /** Lets every MSP engineer and vCIO serve every organization; returns the engineers of each tier. */
    private static Map<Integer, List<UUID>> engineersServing(Connection db, List<Org> orgs) throws SQLException {
        List<UUID> staff = list(db, "select id from users where role in ('TIER1','TIER2','TIER3','VCIO')");
        for (UUID user : staff) {
            for (Org org : orgs) {
                update(db, "insert into user_served_organizations (user_id, organization_id) values (?,?) on conflict do nothing",
                        user, org.id());
            }
        }
        Map<Integer, List<UUID>> byTier = new HashMap<>();
        for (int t = 1; t <= 3; t++) {
            byTier.put(t, list(db, "select id from users where role = 'TIER" + t + "' order by email"));
            if (byTier.get(t).isEmpty()) throw new IllegalStateException("No TIER" + t + " engineer: run the server with --demo first.");
        }
        return byTier;
    }

    private static String description(Random random, String subject) {
        String[] parts = {"Started this morning at the front desk.", "Happens on every workstation in the room.",
                "Restarting did not help.", "Patients are waiting at check-in.", "It worked yesterday afternoon.",
                "The error says the connection timed out.", "Only the evening shift sees it.", "Tried another browser."};
        StringBuilder b = new StringBuilder(subject).append(". ");
        int n = 2 + random.nextInt(5);
        for (int i = 0; i < n; i++) b.append(parts[random.nextInt(parts.length)]).append(' ');
        return b.toString().strip();
    }

    private static void csv(StringBuilder b, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) b.append(',');
            Object v = values[i];
            if (v == null) continue; // an unquoted empty field is NULL in COPY's CSV format
            if (v instanceof String s) {
                b.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                b.append(v); // UUID, numbers, booleans, Instant (ISO-8601 UTC, which PostgreSQL reads)
            }
        }
        b.append('\n');
    }

    private static void entry(StringBuilder b, UUID ticket, Instant at, UUID actor, String kind, String visibility, String body,
                              String fromStatus, String toStatus, Integer fromTier, Integer toTier, UUID assignee) {
        csv(b, ticket, at, actor, kind, visibility, body, fromStatus, toStatus, fromTier, toTier, assignee);
    }

    private static void write(CopyIn copy, StringBuilder rows) throws SQLException {
        byte[] b = rows.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(b, 0, b.length);
        rows.setLength(0);
    }

    private static int pick(double[] shares, Random random) {
        double p = random.nextDouble();
        for (int i = 0; i < shares.length; i++) {
            p -= shares[i];
            if (p < 0) return i;
        }
        return shares.length - 1;
    }

    private static int pickTier(Random random, double t1, double t2) {
        double p = random.nextDouble();
        return p < t1 ? 1 : p < t1 + t2 ? 2 : 3;
    }

    private static Duration minutes(Random random, double meanMinutes) {
        return Duration.ofSeconds((long) (-Math.log(1 - random.nextDouble()) * meanMinutes * 60));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static UUID single(Connection db, String sql) throws SQLException {
        return single(db, sql, UUID.class);
    }

    private static <T> T single(Connection db, String sql, Class<T> type) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getObject(1, type) : null;
        }
    }

    private static List<UUID> list(Connection db, String sql, Object... params) throws SQLException {
        List<UUID> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getObject(1, UUID.class));
            }
        }
        return out;
    }

    private static void update(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setObject(i + 1, params[i]);
            ps.executeUpdate();
        }
    }
}
