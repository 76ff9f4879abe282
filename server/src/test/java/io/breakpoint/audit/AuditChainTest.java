package io.breakpoint.audit;

import db.migration.V60__audit_hash_chain;
import io.breakpoint.audit.internal.ChainSealer;
import io.breakpoint.common.Channel;
import io.breakpoint.testing.Api;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hash-chained audit trail on a real database: {@code audit verify} (the command's code path) finds a record
 * changed or deleted behind the desk's back, the database refuses updates and deletes, parallel appends form one
 * chain, and the auditor's export. Tests that tamper put the row back before they end: the context is shared.
 */
abstract class AuditChainTest extends ApiTest {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    DataSource dataSource;
    @Autowired
    AuditTrail audit;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ChainSealer sealer;

    record Verify(int exitCode, String output) {
    }

    Verify auditVerify() {
        var out = new ByteArrayOutputStream();
        int rc = AuditCommand.run(context, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Verify(rc, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aChainBuiltByEverydayWorkVerifies() {
        JsonNode t = opens(clinics.ellis(), aTicket().about("Label printer at front desk jams"));
        api.as(clinics.ava()).get("/api/v1/tickets/" + t.path("id").asString()).expect(200);

        Verify v = auditVerify();

        assertThat(v.exitCode()).as(v.output()).isZero();
        assertThat(v.output()).contains("Audit chain intact: ");
        long rows = count("audit_events");
        assertThat(v.output()).contains(" to #" + rows + ".");
    }

    @Test
    void aRecordChangedInTheDatabaseIsNamedByAuditVerify() throws Exception {
        JsonNode t = opens(clinics.ellis(), aTicket().about("Scanner in billing offline"));
        Row row = openedRow(id(t));

        bypassingTheTrigger("update audit_events set actor_email = 'someone.else@riverbend.test' where id = " + row.id);
        try {
            Verify v = auditVerify();
            assertThat(v.exitCode()).isEqualTo(1);
            assertThat(v.output()).contains("Audit chain BROKEN at record #" + row.seq + " (id " + row.id + "), recorded at ")
                    .contains("Record #" + row.seq + " was altered: its fields no longer match its hash.");
        } finally {
            bypassingTheTrigger("update audit_events set actor_email = '" + clinics.ellis().email() + "' where id = " + row.id);
        }
        assertThat(auditVerify().exitCode()).isZero();
    }

    @Test
    void aRecordRewrittenWithAFreshHashBreaksTheNextLink() throws Exception {
        JsonNode t = opens(clinics.ellis(), aTicket().about("Fax to pharmacy fails"));
        api.as(clinics.ava()).get("/api/v1/tickets/" + t.path("id").asString()).expect(200);
        Row row = openedRow(id(t));
        String original = row.hash;

        // A careful forger recomputes the altered record's own hash; the next record still points at the old one.
        bypassingTheTrigger("update audit_events set hash = '" + "f".repeat(64) + "' where id = " + row.id);
        try {
            Verify v = auditVerify();
            assertThat(v.exitCode()).isEqualTo(1);
            assertThat(v.output()).contains("record #" + row.seq + " (id " + row.id + ")").contains("was altered");
        } finally {
            bypassingTheTrigger("update audit_events set hash = '" + original + "' where id = " + row.id);
        }
    }

    @Test
    void aDeletedRecordIsNamedAsMissing() throws Exception {
        JsonNode t = opens(clinics.ellis(), aTicket().about("Wi-Fi drops in exam room 2"));
        api.as(clinics.ava()).get("/api/v1/tickets/" + t.path("id").asString()).expect(200);
        Row row = openedRow(id(t));
        Map<String, Object> saved = jdbc.sql("select * from audit_events where id = ?").param(row.id).query().singleRow();

        bypassingTheTrigger("delete from audit_events where id = " + row.id);
        try {
            Verify v = auditVerify();
            assertThat(v.exitCode()).isEqualTo(1);
            assertThat(v.output()).contains("Audit chain BROKEN at record #" + row.seq)
                    .contains("Record #" + row.seq + " is missing (deleted from the database): the chain jumps from #"
                            + (row.seq - 1) + " to #" + (row.seq + 1));
        } finally {
            jdbc.sql("""
                            insert into audit_events (id, seq, at, actor_id, actor_email, organization_id, ticket_id, action, channel,
                                                      remote_address, detail, prev_hash, hash)
                            values (:id, :seq, :at, :actor_id, :actor_email, :organization_id, :ticket_id, :action, :channel,
                                    :remote_address, :detail, :prev_hash, :hash)""").params(saved).update();
        }
        assertThat(auditVerify().exitCode()).isZero();
    }

    @Test
    void recordsAreSealedRightAfterTheirTransactionCommits() throws Exception {
        JsonNode t = opens(clinics.ellis(), aTicket().about("Badge tap-in fails at nursing station"));
        String hash = null;
        for (int i = 0; i < 100 && hash == null; i++) {
            hash = jdbc.sql("select hash from audit_events where ticket_id = ? and action = 'TICKET_OPENED'").param(id(t))
                    .query(String.class).optional().orElse(null);
            if (hash == null) Thread.sleep(50);
        }
        assertThat(hash).as("sealed by the background sealer within 5 s").hasSize(64);
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteAuditRows() {
        JsonNode t = opens(clinics.ellis(), aTicket().about("Monitor flickers"));
        Row row = openedRow(id(t));

        assertThatThrownBy(() -> jdbc.sql("update audit_events set detail = 'nothing happened' where id = ?").param(row.id).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_events where id = ?").param(row.id).update())
                .rootCause().hasMessageContaining("append-only");
        assertThat(openedRow(id(t)).hash).isEqualTo(row.hash);
    }

    @Test
    void manyTransactionsAppendingAtOnceFormOneChainWithoutGaps() throws Exception {
        long before = count("audit_events");
        int threads = 12, each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int worker = i;
                done.add(pool.submit((Callable<Void>) () -> {
                    for (int n = 0; n < each; n++) {
                        int k = n;
                        Channel.runAs(Channel.SYS, () -> tx.executeWithoutResult(s -> {
                            audit.record(null, "TEST_APPEND", clinics.riverbend(), null, "worker " + worker + " #" + k);
                            if (k % 3 == 0) audit.record(null, "TEST_APPEND", clinics.lakeside(), null, "second of " + worker + " #" + k);
                        }));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
        }

        long expected = threads * (each + (each + 2) / 3);
        assertThat(count("audit_events")).isGreaterThanOrEqualTo(before + expected);
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'TEST_APPEND'").query(Long.class).single())
                .isGreaterThanOrEqualTo(expected);
        Verify v = auditVerify();
        assertThat(v.exitCode()).as(v.output()).isZero();
        long max = jdbc.sql("select max(seq) from audit_events").query(Long.class).single();
        assertThat(max).isEqualTo(jdbc.sql("select count(*) from audit_events where seq is not null").query(Long.class).single());
    }

    @Test
    void ticketsOpenedInGroupsAreSealedAsTheyAreWrittenAndShareOneChainWithEverythingElse() throws Exception {
        int openers = 8, each = 6, appenders = 4;
        ExecutorService pool = Executors.newFixedThreadPool(openers + appenders);
        List<String> opened = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < openers; i++) {
                int worker = i;
                done.add(pool.submit((Callable<Void>) () -> {
                    for (int n = 0; n < each; n++) {
                        JsonNode t = opens(clinics.ellis(), aTicket().about("Label printer " + worker + "-" + n + " prints blank labels"));
                        // Sealed with the ticket: the record has its place by the time the requester has the answer.
                        assertThat(jdbc.sql("select hash from audit_events where ticket_id = ? and action = 'TICKET_OPENED'")
                                .param(id(t)).query(String.class).single()).hasSize(64);
                        opened.add(t.path("id").asString());
                    }
                    return null;
                }));
            }
            for (int i = 0; i < appenders; i++) {
                int worker = i;
                done.add(pool.submit((Callable<Void>) () -> {
                    for (int n = 0; n < each * 2; n++) {
                        int k = n;
                        Channel.runAs(Channel.SYS, () -> tx.executeWithoutResult(s ->
                                audit.record(null, "TEST_APPEND", clinics.riverbend(), null, "beside intake " + worker + " #" + k)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdown();
        }

        assertThat(opened).hasSize(openers * each);
        Verify v = auditVerify(); // seals what the sealer has not reached yet, then walks the chain
        assertThat(v.exitCode()).as(v.output()).isZero();
        long max = jdbc.sql("select max(seq) from audit_events").query(Long.class).single();
        assertThat(max).isEqualTo(jdbc.sql("select count(*) from audit_events where seq is not null").query(Long.class).single());
        assertThat(jdbc.sql("select count(*) from audit_events where seq is null").query(Long.class).single()).isZero();
    }

    @Test
    void aRolledBackChangeLeavesNoAuditRecordAndNoGap() {
        long before = count("audit_events");
        assertThatThrownBy(() -> Channel.runAs(Channel.SYS, () -> tx.executeWithoutResult(s -> {
            audit.record(null, "TEST_ROLLED_BACK", clinics.riverbend(), null, "never committed");
            throw new IllegalStateException("the change fails");
        }))).hasMessage("the change fails");
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'TEST_ROLLED_BACK'").query(Long.class).single()).isZero();
        assertThat(auditVerify().exitCode()).isZero();
        assertThat(count("audit_events")).isGreaterThanOrEqualTo(before);
    }

    @Test
    void anMspAdminExportsTheChainAsJsonAndCsvAndTheExportIsAudited() {
        JsonNode t = opens(clinics.ivy(), aTicket().about("Vaccine fridge alarm not emailing"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        JsonNode json = api.as(clinics.mspAdmin()).get("/api/v1/audit/export?from=" + today + "&to=" + today + "&format=json").expect(200);
        assertThat(json.path("scope").asString()).isEqualTo("all");
        List<JsonNode> records = json.path("records").values().stream().toList();
        assertThat(records).isNotEmpty();
        assertThat(json.path("count").asInt()).isEqualTo(records.size());
        JsonNode opened = records.stream().filter(r -> r.path("ticketId").asString().equals(t.path("id").asString())
                && r.path("action").asString().equals("TICKET_OPENED")).findFirst().orElseThrow();
        assertThat(opened.path("hash").asString()).hasSize(64);
        assertThat(opened.path("previousHash").asString()).hasSize(64);
        // Consecutive records link: each previousHash is the hash of the record one place before it.
        for (int i = 1; i < records.size(); i++) {
            if (records.get(i).path("seq").asLong() == records.get(i - 1).path("seq").asLong() + 1) {
                assertThat(records.get(i).path("previousHash").asString()).isEqualTo(records.get(i - 1).path("hash").asString());
            }
        }

        Api.Response csv = api.as(clinics.mspAdmin()).get("/api/v1/audit/export?from=" + today + "&to=" + today + "&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("seq,id,at,actor_id,actor_email,organization_id,ticket_id,action,channel,remote_address,detail,prev_hash,hash");
        assertThat(lines.length - 1).isGreaterThanOrEqualTo(records.size());
        assertThat(csv.body()).contains(opened.path("hash").asString());

        assertThat(jdbc.sql("select count(*) from audit_events where action = 'AUDIT_EXPORTED' and actor_id = ?")
                .param(clinics.mspAdmin().id()).query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anOrgAdminExportsOnlyTheirOrganizationsRecords() {
        opens(clinics.ivy(), aTicket().about("Lakeside check-in kiosk frozen"));
        opens(clinics.ellis(), aTicket().about("Riverbend dictation app crashes"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        JsonNode json = api.as(clinics.grant()).get("/api/v1/audit/export?from=" + today + "&to=" + today).expect(200);

        assertThat(json.path("records").values()).isNotEmpty().allSatisfy(r ->
                assertThat(r.path("organizationId").asString()).isEqualTo(clinics.riverbend().toString()));
    }

    @Test
    void exportRefusesBadRangesFormatsAndNonAdmins() {
        Api.Caller msp = api.as(clinics.mspAdmin());
        for (String query : List.of("from=2026-11-25&to=2026-11-24", "from=yesterday&to=2026-11-24",
                "from=2026-11-01&to=2026-11-24&format=xml", "to=2026-11-24")) {
            Api.Response r = msp.get("/api/v1/audit/export?" + query);
            assertThat(r.status()).as(query).isEqualTo(400);
            assertThat(r.isProblem()).as(query).isTrue();
        }
        for (var p : List.of(clinics.ellis(), clinics.ava(), clinics.hale())) {
            Api.Response r = api.as(p).get("/api/v1/audit/export?from=2026-11-01&to=2026-11-24");
            assertThat(r.status()).as(p.role().name()).isEqualTo(403);
        }
    }

    record Row(long id, long seq, String hash) {
    }

    private Row openedRow(UUID ticket) {
        sealer.sealPending();
        return jdbc.sql("select id, seq, hash from audit_events where ticket_id = ? and action = 'TICKET_OPENED'").param(ticket)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3))).single();
    }

    /** What only a database superuser can do: change a row with the append-only trigger out of the way. */
    private void bypassingTheTrigger(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            if (postgres) {
                s.execute("set session_replication_role = replica");
                try {
                    s.executeUpdate(sql);
                } finally {
                    s.execute("set session_replication_role = origin");
                }
            } else {
                s.execute("drop trigger audit_events_append_only");
                try {
                    s.executeUpdate(sql);
                } finally {
                    s.execute(V60__audit_hash_chain.h2Trigger());
                }
            }
            if (!c.getAutoCommit()) c.commit();
        }
    }
}

@OnH2
class AuditChainOnH2Test extends AuditChainTest {
}

@OnPostgres
class AuditChainOnPostgresTest extends AuditChainTest {
}
