package io.breakpoint.testing;

import io.breakpoint.common.Channel;
import io.breakpoint.identity.AccountSecurity;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Administration;
import io.breakpoint.identity.ClinicCalendar;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.NewPerson;
import io.breakpoint.identity.Role;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The tenancy every API test works in, seeded once per Spring context through the public identity API, the way
 * an MSP admin would: the MSP Gateway Health IT; organization A, Riverbend Health (two sites, people of every client
 * role), served by Ava (Tier 1), Ben (Tier 2), Cara (Tier 3) and Dan (vCIO); organization B, Lakeside Pediatrics,
 * with its own people and Lin, a Tier 1 engineer who serves Lakeside only. Names follow the demo data.
 */
@TestComponent
public class Clinics implements SmartInitializingSingleton {

    public static final String PASSWORD = "correct-horse-battery";

    public record Person(UUID id, String email, Role role) {
    }

    private final Administration admin;
    private final Directory directory;
    private final TransactionTemplate tx;

    private UUID riverbend, lakeside, mainCampus, chesterfield, lakesideClinic;
    private Person mspAdmin, ava, ben, cara, dan, lin, ellis, fox, grant, hale, ivy, jones, lee;

    private final AccountSecurity security;

    Clinics(Administration admin, Directory directory, TransactionTemplate tx, AccountSecurity security) {
        this.security = security;
        this.admin = admin;
        this.directory = directory;
        this.tx = tx;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Channel.runAs(Channel.SYS, () -> tx.executeWithoutResult(s -> {
            admin.bootstrap("Gateway Health IT", "msp.admin@gateway.test", "Morgan Price", PASSWORD);
            mspAdmin = person("msp.admin@gateway.test");
            asMspAdmin(() -> {
                riverbend = admin.createOrganization("Riverbend Health", true);
                lakeside = admin.createOrganization("Lakeside Pediatrics", false);
            });
            asMspAdmin(() -> {
                mainCampus = admin.createSite(riverbend, "Main Campus", "America/Chicago", weekdays(), Map.of());
                chesterfield = admin.createSite(riverbend, "Chesterfield Clinic", "America/Chicago", weekdays(), Map.of());
                lakesideClinic = admin.createSite(lakeside, "Lakeside Clinic", "America/Chicago", weekdays(), Map.of());
                Set<UUID> a = Set.of(riverbend);
                ava = create("t1.ava@gateway.test", "Ava Torres", Role.TIER1, null, null, a);
                ben = create("t2.ben@gateway.test", "Ben Okafor", Role.TIER2, null, null, a);
                cara = create("t3.cara@gateway.test", "Cara Lindqvist", Role.TIER3, null, null, a);
                dan = create("vcio.dan@gateway.test", "Dan Whitfield", Role.VCIO, null, null, a);
                lin = create("t1.lin@gateway.test", "Lin Park", Role.TIER1, null, null, Set.of(lakeside));
                ellis = create("dr.ellis@riverbend.test", "Dr. Maya Ellis", Role.REQUESTER, riverbend, chesterfield, Set.of());
                fox = create("ma.fox@riverbend.test", "Jordan Fox", Role.REQUESTER, riverbend, mainCampus, Set.of());
                grant = create("pm.grant@riverbend.test", "Priya Grant", Role.ORG_ADMIN, riverbend, mainCampus, Set.of());
                hale = create("it.hale@riverbend.test", "Sam Hale", Role.INTERNAL_IT, riverbend, mainCampus, Set.of());
                ivy = create("rn.ivy@lakeside.test", "Ivy Nguyen", Role.REQUESTER, lakeside, lakesideClinic, Set.of());
                jones = create("pm.jones@lakeside.test", "Chris Jones", Role.ORG_ADMIN, lakeside, lakesideClinic, Set.of());
                lee = create("it.lee@lakeside.test", "Alex Lee", Role.INTERNAL_IT, lakeside, lakesideClinic, Set.of());
                security.enrolAllWhoNeedMfa(TestTotp.SECRET);
            });
        }));
    }

    /** Enrols everyone a test created since who needs MFA (MSP roles, clinic IT) with {@link TestTotp#SECRET}. */
    public void enrolNewcomers() {
        asMspAdmin(() -> security.enrolAllWhoNeedMfa(TestTotp.SECRET));
    }

    /** Runs work as the MSP admin, with the organizations as they are now. */
    public void asMspAdmin(Runnable work) {
        as(mspAdmin, work);
    }

    public void as(Person p, Runnable work) {
        Actor actor = directory.actorOf(p.id());
        Actors.runAs(actor, work);
    }

    public UUID riverbend() { return riverbend; }
    public UUID lakeside() { return lakeside; }
    public UUID mainCampus() { return mainCampus; }
    public UUID chesterfield() { return chesterfield; }
    public UUID lakesideClinic() { return lakesideClinic; }
    public Person mspAdmin() { return mspAdmin; }
    public Person ava() { return ava; }
    public Person ben() { return ben; }
    public Person cara() { return cara; }
    public Person dan() { return dan; }
    public Person lin() { return lin; }
    public Person ellis() { return ellis; }
    public Person fox() { return fox; }
    public Person grant() { return grant; }
    public Person hale() { return hale; }
    public Person ivy() { return ivy; }
    public Person jones() { return jones; }
    public Person lee() { return lee; }

    /** One person of each role that belongs to or serves Riverbend only (organization A). */
    public List<Person> riverbendRoles() {
        return List.of(ellis, grant, hale, ava, ben, cara, dan);
    }

    /** Everyone of Lakeside, and Lin who serves only Lakeside (organization B). */
    public List<Person> lakesidePeople() {
        return List.of(ivy, jones, lee, lin);
    }

    private Person create(String email, String name, Role role, UUID org, UUID site, Set<UUID> served) {
        UUID id = admin.createPerson(new NewPerson(email, name, role, org, site, served, PASSWORD));
        return new Person(id, email, role);
    }

    private Person person(String email) {
        Actor a = directory.actorByEmail(email).orElseThrow();
        return new Person(a.userId(), a.email(), a.role());
    }

    private static Map<DayOfWeek, ClinicCalendar.Hours> weekdays() {
        Map<DayOfWeek, ClinicCalendar.Hours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.put(d, new ClinicCalendar.Hours(LocalTime.of(7, 30), LocalTime.of(17, 30)));
        }
        return hours;
    }
}
