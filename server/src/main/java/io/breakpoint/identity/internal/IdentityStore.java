package io.breakpoint.identity.internal;

import io.breakpoint.identity.Actor;
import io.breakpoint.identity.ClinicCalendar;
import io.breakpoint.identity.OrganizationSummary;
import io.breakpoint.identity.PersonSummary;
import io.breakpoint.identity.Role;
import io.breakpoint.identity.RoutingProfile;
import io.breakpoint.identity.SiteSummary;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.*;

/** The identity module's tables, read and written with plain SQL. */
@Repository
public class IdentityStore {

    private static final String PERSON_COLUMNS =
            "id, email, display_name, role, tier, organization_id, site_id, enabled";

    private final JdbcClient jdbc;

    IdentityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Account(PersonSummary person, String passwordHash) {
    }

    // ---- organizations

    public UUID insertOrganization(String kind, UUID mspId, String name, boolean coManaged, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into organizations (id, kind, msp_id, name, co_managed, created_at) values (?,?,?,?,?,?)")
                .params(id, kind, mspId, name, coManaged, Timestamp.from(at)).update();
        return id;
    }

    public Optional<UUID> mspId() {
        return jdbc.sql("select id from organizations where kind = 'MSP' order by created_at limit 1")
                .query(UUID.class).optional();
    }

    public Optional<OrganizationSummary> organization(UUID id) {
        return jdbc.sql("select id, name, kind, co_managed from organizations where id = ?").param(id)
                .query(ORGANIZATION).optional();
    }

    public Optional<OrganizationSummary> organizationByName(String name) {
        return jdbc.sql("select id, name, kind, co_managed from organizations where lower(name) = lower(?)").param(name)
                .query(ORGANIZATION).optional();
    }

    public Optional<OrganizationSummary> clientOrganizationOf(UUID mspId, UUID id) {
        return jdbc.sql("select id, name, kind, co_managed from organizations where id = ? and kind = 'CLIENT' and msp_id = ?")
                .params(id, mspId).query(ORGANIZATION).optional();
    }

    public List<OrganizationSummary> clientOrganizations(Collection<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("select id, name, kind, co_managed from organizations where kind = 'CLIENT' and id in (:ids) order by name")
                .param("ids", ids).query(ORGANIZATION).list();
    }

    public List<OrganizationSummary> allClientOrganizations() {
        return jdbc.sql("select id, name, kind, co_managed from organizations where kind = 'CLIENT' order by name")
                .query(ORGANIZATION).list();
    }

    public Optional<String> accountHelp(UUID organizationId) {
        return jdbc.sql("select account_help from organizations where id = ?").param(organizationId)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    public void setAccountHelp(UUID organizationId, String text) {
        jdbc.sql("update organizations set account_help = ? where id = ?").params(text, organizationId).update();
    }

    public void renameOrganization(UUID id, String name, boolean coManaged) {
        jdbc.sql("update organizations set name = ?, co_managed = ? where id = ?").params(name, coManaged, id).update();
    }

    // ---- sites

    public UUID insertSite(UUID organizationId, String name, ZoneId zone, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into sites (id, organization_id, name, time_zone, created_at) values (?,?,?,?,?)")
                .params(id, organizationId, name, zone.getId(), Timestamp.from(at)).update();
        return id;
    }

    public void replaceHours(UUID siteId, Map<DayOfWeek, ClinicCalendar.Hours> hours) {
        jdbc.sql("delete from site_hours where site_id = ?").param(siteId).update();
        hours.forEach((day, h) -> jdbc.sql("insert into site_hours (site_id, day_of_week, opens_at, closes_at) values (?,?,?,?)")
                .params(siteId, day.getValue(), h.opens(), h.closes()).update());
    }

    public void replaceHolidays(UUID siteId, Map<LocalDate, String> holidays) {
        jdbc.sql("delete from site_holidays where site_id = ?").param(siteId).update();
        holidays.forEach((day, name) -> jdbc.sql("insert into site_holidays (site_id, holiday, name) values (?,?,?)")
                .params(siteId, day, name).update());
    }

    public void updateSite(UUID siteId, String name, ZoneId zone) {
        jdbc.sql("update sites set name = ?, time_zone = ? where id = ?").params(name, zone.getId(), siteId).update();
    }

    public Optional<SiteSummary> site(UUID id) {
        return jdbc.sql("select id, organization_id, name, time_zone from sites where id = ?").param(id)
                .query(SITE).optional();
    }

    public List<SiteSummary> sitesOf(Collection<UUID> organizationIds) {
        if (organizationIds.isEmpty()) return List.of();
        return jdbc.sql("select id, organization_id, name, time_zone from sites where organization_id in (:ids) order by name")
                .param("ids", organizationIds).query(SITE).list();
    }

    public ClinicCalendar calendar(UUID siteId, ZoneId zone) {
        Map<DayOfWeek, ClinicCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
        jdbc.sql("select day_of_week, opens_at, closes_at from site_hours where site_id = ?").param(siteId)
                .query((rs, n) -> hours.put(DayOfWeek.of(rs.getInt(1)),
                        new ClinicCalendar.Hours(rs.getObject(2, LocalTime.class), rs.getObject(3, LocalTime.class))))
                .list();
        Set<LocalDate> holidays = new HashSet<>(jdbc.sql("select holiday from site_holidays where site_id = ?").param(siteId)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).list());
        return new ClinicCalendar(zone, hours, holidays);
    }

    public Map<LocalDate, String> holidays(UUID siteId) {
        Map<LocalDate, String> out = new TreeMap<>();
        jdbc.sql("select holiday, name from site_holidays where site_id = ?").param(siteId)
                .query((rs, n) -> out.put(rs.getObject(1, LocalDate.class), rs.getString(2))).list();
        return out;
    }

    // ---- people

    public UUID insertUser(UUID organizationId, String email, String displayName, Role role, UUID siteId,
                           String passwordHash, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into users (id, organization_id, email, display_name, role, tier, site_id, password_hash, enabled, created_at)
                        values (?,?,?,?,?,?,?,?,true,?)""")
                .params(id, organizationId, email.toLowerCase(Locale.ROOT), displayName, role.name(), role.tier(), siteId,
                        passwordHash, Timestamp.from(at))
                .update();
        return id;
    }

    public void updateUser(UUID id, String displayName, Role role, UUID siteId, boolean enabled) {
        jdbc.sql("update users set display_name = ?, role = ?, tier = ?, site_id = ?, enabled = ? where id = ?")
                .params(displayName, role.name(), role.tier(), siteId, enabled, id).update();
    }

    public void updatePassword(UUID id, String passwordHash) {
        jdbc.sql("update users set password_hash = ? where id = ?").params(passwordHash, id).update();
    }

    public void replaceServedOrganizations(UUID userId, Collection<UUID> organizationIds) {
        jdbc.sql("delete from user_served_organizations where user_id = ?").param(userId).update();
        for (UUID org : organizationIds) {
            jdbc.sql("insert into user_served_organizations (user_id, organization_id) values (?,?)").params(userId, org).update();
        }
    }

    public Set<UUID> servedOrganizations(UUID userId) {
        return new HashSet<>(jdbc.sql("select organization_id from user_served_organizations where user_id = ?")
                .param(userId).query(UUID.class).list());
    }

    public Optional<Account> accountByEmail(String email) {
        return jdbc.sql("select " + PERSON_COLUMNS + ", password_hash from users where email = ?")
                .param(email.toLowerCase(Locale.ROOT))
                .query((rs, n) -> new Account(PERSON.mapRow(rs, n), rs.getString("password_hash"))).optional();
    }

    public Optional<PersonSummary> person(UUID id) {
        return jdbc.sql("select " + PERSON_COLUMNS + " from users where id = ?").param(id).query(PERSON).optional();
    }

    public List<PersonSummary> people(Collection<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("select " + PERSON_COLUMNS + " from users where id in (:ids)").param("ids", ids).query(PERSON).list();
    }

    public List<PersonSummary> peopleOf(Collection<UUID> organizationIds) {
        if (organizationIds.isEmpty()) return List.of();
        return jdbc.sql("select " + PERSON_COLUMNS + " from users where organization_id in (:ids) order by role, display_name")
                .param("ids", organizationIds).query(PERSON).list();
    }

    /** How many people each of the given organizations has; organizations without people are absent. */
    public Map<UUID, Integer> headcounts(Collection<UUID> organizationIds) {
        Map<UUID, Integer> out = new HashMap<>();
        if (organizationIds.isEmpty()) return out;
        jdbc.sql("select organization_id, count(*) from users where organization_id in (:ids) group by organization_id")
                .param("ids", organizationIds)
                .query((rs, n) -> out.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        return out;
    }

    /** Engineers who can work tickets of an organization: its INTERNAL_IT, the MSP engineers serving it, MSP admins. */
    public List<PersonSummary> deskStaffFor(UUID organizationId) {
        return jdbc.sql("""
                        select %s from users u where enabled = true and (
                          (u.organization_id = :org and u.role = 'INTERNAL_IT')
                          or (u.role in ('TIER1','TIER2','TIER3') and exists (
                               select 1 from user_served_organizations s where s.user_id = u.id and s.organization_id = :org))
                          or u.role = 'MSP_ADMIN')
                        order by u.tier, u.display_name""".formatted(PERSON_COLUMNS.replaceAll("(\\w+)", "u.$1")))
                .param("org", organizationId).query(PERSON).list();
    }

    // ---- routing profiles

    public Map<UUID, RoutingProfile> routingProfiles(Collection<UUID> userIds) {
        Map<UUID, RoutingProfile> out = new HashMap<>();
        if (userIds.isEmpty()) return out;
        Map<UUID, Set<String>> skills = new HashMap<>();
        jdbc.sql("select user_id, category from user_skills where user_id in (:ids)").param("ids", userIds)
                .query((rs, n) -> skills.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(rs.getString(2)))
                .list();
        Map<UUID, Map<DayOfWeek, RoutingProfile.Shift>> shifts = new HashMap<>();
        jdbc.sql("select user_id, day_of_week, starts_at, ends_at from user_shifts where user_id in (:ids)").param("ids", userIds)
                .query((rs, n) -> shifts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new EnumMap<>(DayOfWeek.class))
                        .put(DayOfWeek.of(rs.getInt(2)),
                                new RoutingProfile.Shift(rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class))))
                .list();
        jdbc.sql("select id, time_zone, capacity from users where id in (:ids)").param("ids", userIds)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return out.put(id, new RoutingProfile(skills.getOrDefault(id, Set.of()), ZoneId.of(rs.getString(2)),
                            shifts.getOrDefault(id, Map.of()), rs.getInt(3)));
                })
                .list();
        return out;
    }

    public void replaceRoutingProfile(UUID userId, RoutingProfile profile) {
        jdbc.sql("update users set time_zone = ?, capacity = ? where id = ?")
                .params(profile.zone().getId(), profile.capacity(), userId).update();
        jdbc.sql("delete from user_skills where user_id = ?").param(userId).update();
        for (String skill : profile.skills()) {
            jdbc.sql("insert into user_skills (user_id, category) values (?,?)").params(userId, skill).update();
        }
        jdbc.sql("delete from user_shifts where user_id = ?").param(userId).update();
        profile.shifts().forEach((day, shift) -> jdbc.sql(
                        "insert into user_shifts (user_id, day_of_week, starts_at, ends_at) values (?,?,?,?)")
                .params(userId, day.getValue(), shift.starts(), shift.ends()).update());
    }

    public void setTierLead(UUID userId, boolean lead) {
        jdbc.sql("update users set tier_lead = ? where id = ?").params(lead, userId).update();
    }

    public boolean isTierLead(UUID userId) {
        return jdbc.sql("select tier_lead from users where id = ?").param(userId).query(Boolean.class).optional().orElse(false);
    }

    /** The enabled leads of a tier who serve the organization, by name. */
    public List<PersonSummary> tierLeads(UUID organizationId, int tier) {
        return jdbc.sql("""
                        select %s from users u where u.enabled = true and u.tier_lead = true and u.role = :role and exists (
                               select 1 from user_served_organizations s where s.user_id = u.id and s.organization_id = :org)
                        order by u.display_name, u.id""".formatted(PERSON_COLUMNS.replaceAll("(\\w+)", "u.$1")))
                .param("org", organizationId).param("role", "TIER" + tier).query(PERSON).list();
    }

    /** Enabled engineers of a tier who serve the organization, and the organization's own enabled INTERNAL_IT. */
    public List<PersonSummary> routingCandidates(UUID organizationId, int tier) {
        return jdbc.sql("""
                        select %s from users u where enabled = true and (
                          (u.organization_id = :org and u.role = 'INTERNAL_IT')
                          or (u.role = :role and exists (
                               select 1 from user_served_organizations s where s.user_id = u.id and s.organization_id = :org)))
                        order by u.display_name""".formatted(PERSON_COLUMNS.replaceAll("(\\w+)", "u.$1")))
                .param("org", organizationId).param("role", "TIER" + tier).query(PERSON).list();
    }

    public Set<String> internalFirstCategories(UUID organizationId) {
        return new HashSet<>(jdbc.sql("select category from organization_internal_first where organization_id = ?")
                .param(organizationId).query(String.class).list());
    }

    public void replaceInternalFirstCategories(UUID organizationId, Collection<String> categories) {
        jdbc.sql("delete from organization_internal_first where organization_id = ?").param(organizationId).update();
        for (String c : categories) {
            jdbc.sql("insert into organization_internal_first (organization_id, category) values (?,?)")
                    .params(organizationId, c).update();
        }
    }

    public long userCount() {
        return jdbc.sql("select count(*) from users").query(Long.class).single();
    }

    public boolean anyUserWithRole(Role role) {
        return jdbc.sql("select count(*) from users where role = ?").param(role.name()).query(Long.class).single() > 0;
    }

    /** Builds the actor for a user: role, organization and the client organizations the role lets them see. */
    public Actor actorOf(PersonSummary p) {
        Set<UUID> visible;
        if (p.role() == Role.MSP_ADMIN) {
            visible = new HashSet<>(jdbc.sql("select id from organizations where kind = 'CLIENT' and msp_id = ?")
                    .param(p.organizationId()).query(UUID.class).list());
        } else if (p.role().isMspRole()) {
            visible = servedOrganizations(p.id());
        } else {
            visible = Set.of(p.organizationId());
        }
        return new Actor(p.id(), p.email(), p.displayName(), p.role(), p.organizationId(), visible);
    }

    // ---- tokens

    public void insertToken(String hash, UUID userId, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("insert into api_tokens (token_hash, user_id, issued_at, expires_at) values (?,?,?,?)")
                .params(hash, userId, Timestamp.from(issuedAt), Timestamp.from(expiresAt)).update();
    }

    public Optional<UUID> tokenOwner(String hash, Instant now) {
        return jdbc.sql("select user_id from api_tokens where token_hash = ? and revoked_at is null and expires_at > ?")
                .params(hash, Timestamp.from(now)).query(UUID.class).optional();
    }

    public int revokeToken(String hash, Instant at) {
        return jdbc.sql("update api_tokens set revoked_at = ? where token_hash = ? and revoked_at is null")
                .params(Timestamp.from(at), hash).update();
    }

    private static final RowMapper<OrganizationSummary> ORGANIZATION = (rs, n) -> new OrganizationSummary(
            rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("kind"), rs.getBoolean("co_managed"));

    private static final RowMapper<SiteSummary> SITE = (rs, n) -> new SiteSummary(
            rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class), rs.getString("name"),
            ZoneId.of(rs.getString("time_zone")));

    private static final RowMapper<PersonSummary> PERSON = IdentityStore::person;

    private static PersonSummary person(ResultSet rs, int n) throws SQLException {
        Object tier = rs.getObject("tier");
        return new PersonSummary(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), tier == null ? null : ((Number) tier).intValue(),
                rs.getObject("organization_id", UUID.class), rs.getObject("site_id", UUID.class), rs.getBoolean("enabled"));
    }
}
