package io.breakpoint.demo;

import io.breakpoint.common.Channel;
import io.breakpoint.identity.*;
import io.breakpoint.tickets.*;
import io.breakpoint.tickets.TicketImport.*;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.*;
import java.util.*;

/** Seeds the demo on start when the server runs with {@code --demo}. */
@Component
@Order(0)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String ADMIN = "msp.admin@gateway.demo";
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    private final Administration admin;
    private final Directory directory;
    private final TicketImport tickets;
    private final ComplianceDemo compliance;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TelemetryDemo telemetry;
    private final DemoIncidents incidents;

    private final String configuredPassword;
    private final DemoMfa mfa;

    DemoData(Administration admin, Directory directory, TicketImport tickets, ComplianceDemo compliance, Clock clock, TransactionTemplate tx,
             DemoIncidents incidents, TelemetryDemo telemetry, @Value("${breakpoint.demo.password:}") String configuredPassword, DemoMfa mfa) {
        this.mfa = mfa;
        this.incidents = incidents;
        this.telemetry = telemetry;
        this.configuredPassword = configuredPassword;
        this.admin = admin;
        this.directory = directory;
        this.tickets = tickets;
        this.compliance = compliance;
        this.clock = clock;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.containsOption("demo")) seed();
    }

    /** Seeds everything once; returns false when the demo was already there. */
    boolean seed() {
        if (directory.actorByEmail(ADMIN).isPresent()) {
            log.info("Demo data is already present; nothing added. The demo users keep the password of the first run.");
            return false;
        }
        // breakpoint.demo.password is BREAKPOINT_DEMO_PASSWORD in the environment (Spring's relaxed binding).
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generatePassword() : configuredPassword;
        if (password.length() < 12) {
            throw new IllegalStateException("BREAKPOINT_DEMO_PASSWORD must have at least 12 characters.");
        }
        // All or nothing: a failed seed leaves no half-made demo that the next run would take as complete.
        Channel.runAs(Channel.SYS, () -> tx.executeWithoutResult(s -> {
            admin.bootstrap("Gateway Health IT", ADMIN, "Morgan Price", password);
            Actors.runAs(directory.actorByEmail(ADMIN).orElseThrow(), () -> seedAsAdmin(password));
            Actors.runAs(directory.actorByEmail(ADMIN).orElseThrow(), mfa::seed);
        }));
        String banner = generated
                ? "Demo users share the generated password: " + password + "  (set BREAKPOINT_DEMO_PASSWORD to choose one)"
                : "Demo users use the password from BREAKPOINT_DEMO_PASSWORD.";
        System.out.println("\n=== Breakpoint demo ready ===\n" + banner
                + "\nSign in as msp.admin@gateway.demo, t1.ava@gateway.demo, dr.ellis@riverbend.demo, pm.grant@riverbend.demo, ...\n");
        return true;
    }

    private void seedAsAdmin(String password) {
        Map<DayOfWeek, ClinicCalendar.Hours> weekdays = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            weekdays.put(d, new ClinicCalendar.Hours(LocalTime.of(7, 30), LocalTime.of(17, 30)));
        }
        Map<DayOfWeek, ClinicCalendar.Hours> campus = new EnumMap<>(weekdays);
        campus.replaceAll((d, h) -> new ClinicCalendar.Hours(LocalTime.of(7, 0), LocalTime.of(19, 0)));
        campus.put(DayOfWeek.SATURDAY, new ClinicCalendar.Hours(LocalTime.of(8, 0), LocalTime.of(12, 0)));
        Map<LocalDate, String> holidays = new TreeMap<>(Map.of(
                LocalDate.of(2026, 11, 26), "Thanksgiving", LocalDate.of(2026, 12, 25), "Christmas Day",
                LocalDate.of(2027, 1, 1), "New Year's Day", LocalDate.of(2027, 5, 31), "Memorial Day",
                LocalDate.of(2027, 7, 5), "Independence Day (observed)"));

        UUID riverbend = admin.createOrganization("Riverbend Health", true);
        admin.setAccountHelp(riverbend, """
                1. Locked out of the EMR? Wait 15 minutes: the lock lifts by itself.
                2. Forgot your Windows password? Use "Reset password" on the sign-in screen with your phone.
                3. MFA prompt not arriving? Open the authenticator app and pull down to refresh.""");
        UUID mainCampus = admin.createSite(riverbend, "Main Campus", CHICAGO.getId(), campus, holidays);
        UUID chesterfield = admin.createSite(riverbend, "Chesterfield Clinic", CHICAGO.getId(), weekdays, holidays);
        UUID ofallon = admin.createSite(riverbend, "O'Fallon Satellite", CHICAGO.getId(), weekdays, holidays);
        UUID lakeside = admin.createOrganization("Lakeside Pediatrics", false);
        UUID lakesideClinic = admin.createSite(lakeside, "Lakeside Clinic", CHICAGO.getId(), weekdays, holidays);
        Set<UUID> both = Set.of(riverbend, lakeside);

        UUID ava = person("t1.ava@gateway.demo", "Ava Torres", Role.TIER1, null, null, both, password);
        UUID ben = person("t2.ben@gateway.demo", "Ben Okafor", Role.TIER2, null, null, both, password);
        UUID cara = person("t3.cara@gateway.demo", "Cara Lindqvist", Role.TIER3, null, null, both, password);
        person("vcio.dan@gateway.demo", "Dan Whitfield", Role.VCIO, null, null, both, password);
        UUID ellis = person("dr.ellis@riverbend.demo", "Dr. Maya Ellis", Role.REQUESTER, riverbend, chesterfield, Set.of(), password);
        UUID fox = person("ma.fox@riverbend.demo", "Jordan Fox", Role.REQUESTER, riverbend, ofallon, Set.of(), password);
        person("pm.grant@riverbend.demo", "Priya Grant", Role.ORG_ADMIN, riverbend, mainCampus, Set.of(), password);
        UUID hale = person("it.hale@riverbend.demo", "Sam Hale", Role.INTERNAL_IT, riverbend, mainCampus, Set.of(), password);
        UUID devon = person("t1.devon@gateway.demo", "Devon Reyes", Role.TIER1, null, null, both, password);
        routing(weekdays, hale, ava, ben, cara, devon);
        admin.updateInternalFirstCategories(riverbend, List.of(Category.PRINTING_SCANNING.name(), Category.ENDPOINT_HARDWARE.name()));
        UUID ivy = person("rn.ivy@lakeside.demo", "Ivy Nguyen", Role.REQUESTER, lakeside, lakesideClinic, Set.of(), password);
        person("pm.jones@lakeside.demo", "Chris Jones", Role.ORG_ADMIN, lakeside, lakesideClinic, Set.of(), password);

        // Sign in again: the admin's actor from before the organizations existed does not see them yet.
        History history = new History(new Random(20261125L), clock.instant(), new Staff(ava, ben, cara, hale));
        int[] n = {0};
        Actors.runAs(directory.actorByEmail(ADMIN).orElseThrow(), () -> {
            n[0] += history.fourWeeks(tickets, List.of(new Place(chesterfield, ellis), new Place(ofallon, fox), new Place(mainCampus, ellis)), 7);
            n[0] += history.fourWeeks(tickets, List.of(new Place(lakesideClinic, ivy)), 3);
            compliance.seed(riverbend);
            incidents.seed(riverbend, chesterfield, ellis, ben, password);
            telemetry.seed(clock.instant(), mainCampus, chesterfield, ofallon, lakesideClinic, riverbend, lakeside);
        });
        log.info("Demo: seeded 2 organizations, 4 sites, 12 people and {} tickets of history.", n[0]);
    }

    /**
     * Skills, shifts (Mon–Fri 07:00–18:00 Chicago) and capacity for automatic routing: Ava and Devon share Tier 1,
     * so "least loaded" has a choice; Sam Hale, Riverbend's own IT, takes printers and computers first.
     */
    private void routing(Map<DayOfWeek, ClinicCalendar.Hours> weekdays, UUID hale, UUID ava, UUID ben, UUID cara, UUID devon) {
        Map<DayOfWeek, RoutingProfile.Shift> shifts = new EnumMap<>(DayOfWeek.class);
        weekdays.keySet().forEach(d -> shifts.put(d, new RoutingProfile.Shift(LocalTime.of(7, 0), LocalTime.of(18, 0))));
        List<String> tierOne = List.of(Category.ACCOUNT_ACCESS.name(), Category.PRINTING_SCANNING.name(),
                Category.NETWORK_CONNECTIVITY.name(), Category.ENDPOINT_HARDWARE.name(), Category.EMAIL_COLLABORATION.name(),
                Category.PHONES_TELEPHONY.name(), Category.SERVICE_REQUEST.name());
        admin.updateRoutingProfile(ava, tierOne, CHICAGO.getId(), shifts, 10);
        admin.updateRoutingProfile(devon, tierOne, CHICAGO.getId(), shifts, 10);
        admin.updateRoutingProfile(ben, List.of(Category.EMR_PERFORMANCE.name(), Category.EMR_APPLICATION.name(),
                Category.MEDICAL_DEVICE_INTEGRATION.name(), Category.NETWORK_CONNECTIVITY.name()), CHICAGO.getId(), shifts, 10);
        admin.updateRoutingProfile(cara, List.of(Category.SECURITY_INCIDENT.name(), Category.INFRASTRUCTURE.name()),
                CHICAGO.getId(), shifts, 10);
        admin.updateRoutingProfile(hale, List.of(Category.PRINTING_SCANNING.name(), Category.ENDPOINT_HARDWARE.name()),
                CHICAGO.getId(), shifts, 5);
    }

    private UUID person(String email, String name, Role role, UUID org, UUID site, Set<UUID> served, String password) {
        return admin.createPerson(new NewPerson(email, name, role, org, site, served, password));
    }

    private static String generatePassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        return sb.toString();
    }

    record Place(UUID siteId, UUID requesterId) {
    }

    record Staff(UUID tier1, UUID tier2, UUID tier3, UUID internalIt) {
    }
}
