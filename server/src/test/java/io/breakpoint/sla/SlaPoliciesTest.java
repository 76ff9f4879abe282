package io.breakpoint.sla;

import io.breakpoint.identity.Administration;
import io.breakpoint.identity.ClinicCalendar;
import io.breakpoint.identity.NewPerson;
import io.breakpoint.identity.Role;
import io.breakpoint.sla.internal.SlaTimers;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.Clinics;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.*;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SLA policies per organization and priority (decision 0012): the MSP admin overrides PRODUCT.md's defaults for one
 * client, due times follow the client's policy, each tier gets its internal target from when it received the ticket,
 * and a missed tier target goes to the tier lead or up a tier as the policy says. Each test works in a client
 * organization of its own, so its policy and its lead touch no other test of the shared context.
 */
abstract class SlaPoliciesTest extends ApiTest {

    @Autowired
    Administration admin;
    @Autowired
    SlaTimers timers;

    UUID org, site;
    Clinics.Person requester, engineer, lead, tier2;

    @BeforeEach
    void aClientOfItsOwn() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        clinics.asMspAdmin(() -> {
            org = admin.createOrganization("Policy Clinic " + tag, false);
            Map<DayOfWeek, ClinicCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek d : DayOfWeek.values()) hours.put(d, new ClinicCalendar.Hours(LocalTime.of(0, 0), LocalTime.of(23, 59)));
            site = admin.createSite(org, "Policy Site", "America/Chicago", hours, Map.of());
            requester = person("rn." + tag + "@policy.test", Role.REQUESTER, org, site, Set.of());
            engineer = person("t1." + tag + "@gateway.test", Role.TIER1, null, null, Set.of(org));
            lead = person("lead1." + tag + "@gateway.test", Role.TIER1, null, null, Set.of(org));
            tier2 = person("t2." + tag + "@gateway.test", Role.TIER2, null, null, Set.of(org));
            admin.setTierLead(lead.id(), true);
        });
    }

    private Clinics.Person person(String email, Role role, UUID organization, UUID at, Set<UUID> served) {
        UUID id = admin.createPerson(new NewPerson(email, email, role, organization, at, served, Clinics.PASSWORD));
        return new Clinics.Person(id, email, role);
    }

    private String policy() {
        return "/api/v1/organizations/" + org + "/sla-policy";
    }

    private static Map<String, Object> level(Map<String, Object> firstResponse, Map<String, Object> resolution, Map<String, Object> tierTarget,
                                             String onBreach) {
        return Map.of("firstResponse", firstResponse, "resolution", resolution, "tierTarget", tierTarget, "onBreach", onBreach);
    }

    private static Map<String, Object> minutes(String clock, int n) {
        return Map.of("clock", clock, "minutes", n);
    }

    private void everyPriority(Map<String, Object> level) {
        for (String p : List.of("P1", "P2", "P3", "P4")) api.as(clinics.mspAdmin()).send("PUT", policy() + "/" + p, level).expect(200);
    }

    @Test
    void withoutChangesAnOrganizationHasProductMdsDefaults() {
        JsonNode rows = api.as(engineer).get(policy()).expect(200);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).path("priority").asString()).isEqualTo("P1");
        assertThat(rows.get(0).path("firstResponse").path("described").asString()).isEqualTo("2 min around the clock");
        assertThat(rows.get(1).path("resolution").path("clock").asString()).isEqualTo("END_OF_CLINIC_DAY");
        assertThat(rows.get(3).path("firstResponse").path("minutes").asInt()).isEqualTo(240);
        assertThat(rows.get(2).path("onBreach").asString()).isEqualTo("TIER_LEAD");
        rows.forEach(r -> assertThat(r.path("custom").asBoolean()).isFalse());
    }

    @Test
    void theOrganizationsOwnPolicyDecidesTheDueTimesOfItsTicketsOnly() {
        everyPriority(level(minutes("AROUND_THE_CLOCK", 17), minutes("AROUND_THE_CLOCK", 600), minutes("AROUND_THE_CLOCK", 45), "TIER_LEAD"));

        JsonNode t = opens(requester, aTicket().about("printer jammed").describedAs("tray 2 jams on every page"));
        Instant created = Instant.parse(t.path("createdAt").asString());
        assertThat(Instant.parse(t.path("sla").path("firstResponseDueAt").asString())).isEqualTo(created.plus(Duration.ofMinutes(17)));
        assertThat(Instant.parse(t.path("sla").path("resolutionDueAt").asString())).isEqualTo(created.plus(Duration.ofMinutes(600)));

        JsonNode elsewhere = opens(clinics.ellis(), aTicket().about("printer jammed").describedAs("tray 2 jams on every page"));
        Instant c2 = Instant.parse(elsewhere.path("createdAt").asString());
        assertThat(Instant.parse(elsewhere.path("sla").path("firstResponseDueAt").asString())).as("Riverbend keeps the defaults")
                .isNotEqualTo(c2.plus(Duration.ofMinutes(17)));

        JsonNode reset = api.as(clinics.mspAdmin()).send("DELETE", policy() + "/P3", null).expect(200);
        assertThat(reset.get(2).path("custom").asBoolean()).isFalse();
        assertThat(reset.get(1).path("custom").asBoolean()).isTrue();
    }

    @Test
    void theTierTargetIsShownOnTheTicketAndStartsAgainWhenAnotherTierReceivesIt() {
        everyPriority(level(minutes("AROUND_THE_CLOCK", 30), minutes("AROUND_THE_CLOCK", 600), minutes("AROUND_THE_CLOCK", 45), "TIER_LEAD"));
        JsonNode opened = opens(requester, aTicket().about("printer jammed").describedAs("tray 2 jams on every page"));
        UUID id = id(opened);
        JsonNode t = api.as(engineer).get("/api/v1/tickets/" + id).expect(200);
        assertThat(Instant.parse(t.path("sla").path("tierTargetAt").asString()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .isEqualTo(Instant.parse(opened.path("createdAt").asString()).plus(Duration.ofMinutes(45)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));

        // Tier 1 sat on it past its target; the escalation gives Tier 2 its own 45 minutes, not an overdue ticket.
        jdbc.sql("update sla_tier_clocks set received_at = ?, due_at = ? where ticket_id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofHours(2))), Timestamp.from(Instant.now().minus(Duration.ofMinutes(75))), id).update();
        int tier = t.path("tier").asInt();
        Instant before = Instant.now();
        JsonNode up = api.as(engineer).post("/api/v1/tickets/" + id + "/escalate", Map.of("toTier", tier == 3 ? 2 : tier + 1, "reason", "needs a specialist")).expect(200);
        Instant tierTarget = Instant.parse(api.as(engineer).get("/api/v1/tickets/" + id).expect(200).path("sla").path("tierTargetAt").asString());
        assertThat(tierTarget).isAfterOrEqualTo(before.plus(Duration.ofMinutes(45)).minusSeconds(1)).isAfter(Instant.now());
        timers.sweep();
        assertThat(recorded(id)).as("the new tier is not breached on arrival").noneMatch(k -> k.startsWith("TIER"));
        assertThat(up.path("tier").asInt()).isNotEqualTo(tier);
    }

    @Test
    void aMissedTierTargetGoesToTheTierLeadOnceWhenThePolicySaysSo() {
        everyPriority(level(minutes("AROUND_THE_CLOCK", 600), minutes("AROUND_THE_CLOCK", 900), minutes("AROUND_THE_CLOCK", 45), "TIER_LEAD"));
        UUID id = id(opens(requester, aTicket().about("printer jammed").describedAs("tray 2 jams on every page")));
        int tier = api.as(engineer).get("/api/v1/tickets/" + id).expect(200).path("tier").asInt();
        if (tier != 1) api.as(clinics.mspAdmin()).post("/api/v1/tickets/" + id + "/escalate", Map.of("toTier", 1, "reason", "Tier 1 work")).expect(200);
        api.as(engineer).post("/api/v1/tickets/" + id + "/assign", Map.of("assigneeId", engineer.id().toString())).expect(200);
        jdbc.sql("update sla_tier_clocks set due_at = ? where ticket_id = ?").params(Timestamp.from(Instant.now().minusSeconds(60)), id).update();

        timers.sweep();
        timers.sweep();

        assertThat(recorded(id)).containsExactly("TIER1_TARGET_MISSED");
        JsonNode t = api.as(lead).get("/api/v1/tickets/" + id).expect(200);
        assertThat(t.path("assignee").path("id").asString()).isEqualTo(lead.id().toString());
        assertThat(t.path("tier").asInt()).isEqualTo(1);
        List<String> breaches = new ArrayList<>();
        t.path("entries").forEach(e -> { if (e.path("kind").asString().equals("SLA_BREACH")) breaches.add(e.path("body").asString()); });
        assertThat(breaches).singleElement().asString().startsWith("Tier 1 target missed: due ");
    }

    @Test
    void aMissedTierTargetGoesUpATierWhenThePolicySaysSo() {
        everyPriority(level(minutes("AROUND_THE_CLOCK", 600), minutes("AROUND_THE_CLOCK", 900), minutes("AROUND_THE_CLOCK", 45), "UP_A_TIER"));
        UUID id = id(opens(requester, aTicket().about("printer jammed").describedAs("tray 2 jams on every page")));
        int tier = api.as(engineer).get("/api/v1/tickets/" + id).expect(200).path("tier").asInt();
        if (tier != 1) api.as(clinics.mspAdmin()).post("/api/v1/tickets/" + id + "/escalate", Map.of("toTier", 1, "reason", "Tier 1 work")).expect(200);
        jdbc.sql("update sla_tier_clocks set due_at = ? where ticket_id = ?").params(Timestamp.from(Instant.now().minusSeconds(60)), id).update();

        timers.sweep();

        JsonNode t = api.as(tier2).get("/api/v1/tickets/" + id).expect(200);
        assertThat(t.path("tier").asInt()).isEqualTo(2);
        assertThat(recorded(id)).containsExactly("TIER1_TARGET_MISSED");
        assertThat(Instant.parse(t.path("sla").path("tierTargetAt").asString())).as("Tier 2's own target").isAfter(Instant.now());
    }

    @Test
    void eachTierHasItsOwnTargetAndTheTicketShowsTheOneOfTheTierHoldingIt() {
        JsonNode defaults = api.as(engineer).get(policy()).expect(200);
        assertThat(defaults.get(0).path("tierTargets").path("tier1").path("described").asString()).isEqualTo("1 h around the clock");
        assertThat(defaults.get(0).path("tierTargets").path("tier3").path("described").asString()).isEqualTo("2 h around the clock");

        Map<String, Object> perTier = Map.of("firstResponse", minutes("AROUND_THE_CLOCK", 30), "resolution", minutes("AROUND_THE_CLOCK", 600),
                "tierTargets", Map.of("tier1", minutes("AROUND_THE_CLOCK", 20), "tier2", minutes("AROUND_THE_CLOCK", 90),
                        "tier3", Map.of("clock", "CLINIC_DAYS", "days", 1)), "onBreach", "TIER_LEAD");
        everyPriority(perTier);
        JsonNode row = api.as(engineer).get(policy()).expect(200).get(2);
        assertThat(row.path("tierTargets").path("tier2").path("minutes").asInt()).isEqualTo(90);
        assertThat(row.path("tierTargets").path("tier3").path("described").asString()).isEqualTo("1 clinic day");

        UUID id = id(opens(requester, aTicket().about("printer jammed").describedAs("tray 2 jams on every page")));
        if (api.as(engineer).get("/api/v1/tickets/" + id).expect(200).path("tier").asInt() != 1) {
            api.as(clinics.mspAdmin()).post("/api/v1/tickets/" + id + "/escalate", Map.of("toTier", 1, "reason", "Tier 1 work")).expect(200);
        }
        JsonNode atTier1 = api.as(engineer).get("/api/v1/tickets/" + id).expect(200);
        assertThat(atTier1.path("sla").path("tierTarget").asString()).isEqualTo("20 min around the clock");

        Instant before = Instant.now();
        api.as(engineer).post("/api/v1/tickets/" + id + "/escalate", Map.of("toTier", 2, "reason", "needs a specialist")).expect(200);
        JsonNode atTier2 = api.as(tier2).get("/api/v1/tickets/" + id).expect(200);
        assertThat(atTier2.path("sla").path("tierTarget").asString()).isEqualTo("1 h 30 min around the clock");
        assertThat(Instant.parse(atTier2.path("sla").path("tierTargetAt").asString()))
                .isAfterOrEqualTo(before.plus(Duration.ofMinutes(90)).minusSeconds(1))
                .isBefore(Instant.now().plus(Duration.ofMinutes(90)).plusSeconds(1));

        assertProblem(Map.of("firstResponse", minutes("AROUND_THE_CLOCK", 30), "resolution", minutes("AROUND_THE_CLOCK", 600),
                "tierTargets", Map.of("tier1", minutes("AROUND_THE_CLOCK", 20), "tier2", Map.of("clock", "END_OF_CLINIC_DAY"),
                        "tier3", minutes("AROUND_THE_CLOCK", 20)), "onBreach", "TIER_LEAD"), "tierTargets.tier2");
        assertProblem(Map.of("firstResponse", minutes("AROUND_THE_CLOCK", 30), "resolution", minutes("AROUND_THE_CLOCK", 600),
                "onBreach", "TIER_LEAD"), "tierTargets");
    }

    @Test
    void theTierClockWarnsOnceAtThreeQuartersOfItsTargetInTheTicketsHistory() {
        everyPriority(level(minutes("AROUND_THE_CLOCK", 600), minutes("AROUND_THE_CLOCK", 900), minutes("AROUND_THE_CLOCK", 40), "TIER_LEAD"));
        UUID id = id(opens(requester, aTicket().about("printer jammed").describedAs("tray 2 jams on every page")));
        int tier = api.as(engineer).get("/api/v1/tickets/" + id).expect(200).path("tier").asInt();
        if (tier != 1) api.as(clinics.mspAdmin()).post("/api/v1/tickets/" + id + "/escalate", Map.of("toTier", 1, "reason", "Tier 1 work")).expect(200);

        // 20 of 40 minutes gone: no warning yet.
        Instant now = Instant.now();
        jdbc.sql("update sla_tier_clocks set received_at = ?, due_at = ? where ticket_id = ?")
                .params(Timestamp.from(now.minus(Duration.ofMinutes(20))), Timestamp.from(now.plus(Duration.ofMinutes(20))), id).update();
        timers.sweep();
        assertThat(recorded(id)).noneMatch(k -> k.startsWith("TIER"));

        // 32 of 40 minutes gone (80%): one warning, however many sweeps.
        jdbc.sql("update sla_tier_clocks set received_at = ?, due_at = ? where ticket_id = ?")
                .params(Timestamp.from(now.minus(Duration.ofMinutes(32))), Timestamp.from(now.plus(Duration.ofMinutes(8))), id).update();
        timers.sweep();
        timers.sweep();
        assertThat(recorded(id)).containsExactly("TIER1_TARGET_WARNING");
        JsonNode t = api.as(engineer).get("/api/v1/tickets/" + id).expect(200);
        List<String> warnings = new ArrayList<>();
        t.path("entries").forEach(e -> { if (e.path("kind").asString().equals("SLA_WARNING")) warnings.add(e.path("body").asString()); });
        assertThat(warnings).filteredOn(w -> w.contains("Tier 1")).singleElement().asString()
                .startsWith("SLA warning: 75% of Tier 1's target has passed; due ");
        assertThat(t.path("assignee").path("id").asString()).as("a warning moves nobody").isNotEqualTo(lead.id().toString());

        // Tier 2 receives it: its own clock, its own warning later.
        api.as(engineer).post("/api/v1/tickets/" + id + "/escalate", Map.of("toTier", 2, "reason", "needs a specialist")).expect(200);
        timers.sweep();
        assertThat(recorded(id)).containsExactly("TIER1_TARGET_WARNING");
        jdbc.sql("update sla_tier_clocks set received_at = ?, due_at = ? where ticket_id = ?")
                .params(Timestamp.from(now.minus(Duration.ofMinutes(35))), Timestamp.from(now.plus(Duration.ofMinutes(5))), id).update();
        timers.sweep();
        assertThat(recorded(id)).containsExactly("TIER1_TARGET_WARNING", "TIER2_TARGET_WARNING");
    }

    @Test
    void onlyTheMspAdminChangesAPolicyAndOnlyWithSensibleTimes() {
        Map<String, Object> fine = level(minutes("CLINIC_TIME", 10), Map.of("clock", "CLINIC_DAYS", "days", 2), minutes("CLINIC_TIME", 60), "UP_A_TIER");
        api.as(engineer).send("PUT", policy() + "/P3", fine).expect(403);
        api.as(requester).get(policy()).expect(403);
        api.as(clinics.ava()).get(policy()).expect(404);
        api.as(clinics.ava()).send("PUT", "/api/v1/organizations/" + UUID.randomUUID() + "/sla-policy/P3", fine).expect(403);
        api.as(clinics.mspAdmin()).send("PUT", "/api/v1/organizations/" + UUID.randomUUID() + "/sla-policy/P3", fine).expect(404);

        assertThat(api.as(clinics.mspAdmin()).send("PUT", policy() + "/P9", fine).status()).isEqualTo(400);
        assertProblem(level(minutes("CLINIC_TIME", 0), minutes("CLINIC_TIME", 60), minutes("CLINIC_TIME", 60), "UP_A_TIER"), "firstResponse");
        assertProblem(level(Map.of("clock", "END_OF_CLINIC_DAY"), minutes("CLINIC_TIME", 60), minutes("CLINIC_TIME", 60), "UP_A_TIER"), "firstResponse");
        assertProblem(level(minutes("CLINIC_TIME", 10), Map.of("clock", "CLINIC_DAYS", "days", 0), minutes("CLINIC_TIME", 60), "UP_A_TIER"), "resolution");
        assertProblem(level(minutes("CLINIC_TIME", 10), minutes("CLINIC_TIME", 60), minutes("AROUND_THE_CLOCK", 60 * 24 * 31), "UP_A_TIER"), "tierTarget");
        Api400 bad = new Api400(api.as(clinics.mspAdmin()).send("PUT", policy() + "/P3", Map.of("firstResponse", minutes("SOMETIMES", 5))).status());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(api.as(clinics.mspAdmin()).get(policy()).expect(200).get(2).path("custom").asBoolean()).as("nothing half-written").isFalse();

        JsonNode saved = api.as(clinics.mspAdmin()).send("PUT", policy() + "/P3", fine).expect(200);
        assertThat(saved.get(2).path("resolution").path("described").asString()).isEqualTo("2 clinic days");
        assertThat(jdbc.sql("select count(*) from audit_events where action = 'SLA_POLICY_CHANGED' and organization_id = ?").param(org)
                .query(Long.class).single()).isEqualTo(1);
    }

    private record Api400(int status) {
    }

    private void assertProblem(Map<String, Object> body, String field) {
        var r = api.as(clinics.mspAdmin()).send("PUT", policy() + "/P3", body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.body()).contains(field);
    }

    private List<String> recorded(UUID id) {
        return jdbc.sql("select kind from sla_events where ticket_id = ? order by kind").param(id).query(String.class).list();
    }
}

@OnH2
class SlaPoliciesOnH2Test extends SlaPoliciesTest {
}

@OnPostgres
class SlaPoliciesOnPostgresTest extends SlaPoliciesTest {
}
