package io.breakpoint.demo;

import io.breakpoint.tickets.*;
import io.breakpoint.tickets.TicketImport.*;

import java.time.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Four weeks of believable desk work: arrivals peak at clinic opening, Tier 1 answers within minutes, about
 * one ticket in six moves to another tier, most are resolved the same day, older ones are closed.
 */
class History {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    record Kind(Category category, int tier, Priority priority, String subject, String description, String resolution,
                String escalation) {
    }

    static final List<Kind> KINDS = List.of(
            new Kind(Category.ACCOUNT_ACCESS, 1, Priority.P2, "Locked out of the EMR",
                    "I typed my password wrong a few times and now it says my account is locked. Patients are waiting.",
                    "Unlocked the account and confirmed sign-in works; MFA re-registered.", null),
            new Kind(Category.ACCOUNT_ACCESS, 1, Priority.P3, "Password reset for the billing portal",
                    "Can't remember my password for the clearinghouse portal, need a reset please.",
                    "Sent a reset link; the user signed in.", null),
            new Kind(Category.EMR_PERFORMANCE, 2, Priority.P2, "EMR very slow opening charts",
                    "Every chart takes 20-30 seconds to open this afternoon, spinning wheel. Other sites seem fine?",
                    "Guest Wi-Fi streaming was saturating the clinical segment; rate-limited the guest SSID.",
                    "Slowness across the site, not one workstation: needs network analysis."),
            new Kind(Category.EMR_APPLICATION, 2, Priority.P3, "Order template missing lab panel",
                    "The annual physical order set no longer shows the lipid panel since the update.",
                    "Re-published the order set with the lipid panel; the vendor confirmed the update dropped it.", null),
            new Kind(Category.PRINTING_SCANNING, 1, Priority.P3, "Label printer printing blank wristbands",
                    "The Zebra at the front desk feeds wristbands but nothing prints on them.",
                    "Replaced the ribbon and recalibrated the media sensor.", null),
            new Kind(Category.PRINTING_SCANNING, 1, Priority.P3, "Scanner not sending to EMR",
                    "Scanned insurance cards are not showing up in the patient documents folder.",
                    "Re-mapped the scan-to-folder share after the password change.", null),
            new Kind(Category.NETWORK_CONNECTIVITY, 1, Priority.P3, "Wi-Fi keeps dropping in exam room 4",
                    "The laptop cart in room 4 loses Wi-Fi every few minutes.",
                    "Moved the cart's laptop to the 5 GHz clinical SSID and updated its Wi-Fi driver.",
                    "Access point may be failing: needs a site survey."),
            new Kind(Category.ENDPOINT_HARDWARE, 1, Priority.P3, "Second monitor not detected",
                    "My second screen says no signal after the Windows update.",
                    "Reseated the DisplayPort cable and rolled back the display driver.", null),
            new Kind(Category.EMAIL_COLLABORATION, 1, Priority.P4, "Shared calendar not visible",
                    "The providers' on-call calendar disappeared from my Outlook.",
                    "Re-added the shared calendar with the right permissions.", null),
            new Kind(Category.PHONES_TELEPHONY, 1, Priority.P3, "Desk phone has no dial tone",
                    "Front desk phone line 2 has no dial tone since this morning.",
                    "Re-provisioned the handset on the voice VLAN.", null),
            new Kind(Category.MEDICAL_DEVICE_INTEGRATION, 2, Priority.P2, "X-ray images not reaching the chart",
                    "Images from the DR panel are not showing in the EMR for today's patients.",
                    "Restarted the DICOM router service and re-sent the queued studies.", null),
            new Kind(Category.SERVICE_REQUEST, 1, Priority.P4, "New MA starting Monday",
                    "Please set up accounts for our new medical assistant starting Monday: EMR, email, badge.",
                    "Accounts created and the welcome sheet sent to the practice manager.", null),
            new Kind(Category.SECURITY_INCIDENT, 3, Priority.P1, "Clicked a link in a suspicious email",
                    "I clicked a link in an email about a package delivery and typed my password before I noticed.",
                    "Reset the password, revoked sessions, checked sign-in logs: no further access found.", null),
            new Kind(Category.INFRASTRUCTURE, 3, Priority.P3, "Nightly backup reported a warning",
                    "The backup report email shows a warning for the file server last night.",
                    "Expanded the backup repository and re-ran the job successfully.", null));

    private final Random random;
    private final Instant now;
    private final DemoData.Staff staff;

    History(Random random, Instant now, DemoData.Staff staff) {
        this.random = random;
        this.now = now;
        this.staff = staff;
    }

    /** Imports about {@code perDay} tickets for each weekday of the last 28 days at the given places. */
    int fourWeeks(TicketImport importer, List<DemoData.Place> places, int perDay) {
        int count = 0;
        LocalDate today = now.atZone(CHICAGO).toLocalDate();
        for (LocalDate day = today.minusDays(28); !day.isAfter(today); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) continue;
            int n = Math.max(1, perDay + random.nextInt(3) - 1);
            for (int i = 0; i < n; i++) {
                // Arrivals peak at opening: half in the first two hours.
                int minute = random.nextBoolean() ? 450 + random.nextInt(120) : 450 + random.nextInt(600);
                Instant opened = day.atTime(LocalTime.MIN).plusMinutes(minute).atZone(CHICAGO).toInstant();
                if (opened.isAfter(now.minusSeconds(600))) continue;
                DemoData.Place place = places.get(random.nextInt(places.size()));
                importer.importTicket(ticket(place, opened));
                count++;
            }
        }
        return count;
    }

    private PastTicket ticket(DemoData.Place place, Instant opened) {
        Kind k = KINDS.get(random.nextInt(KINDS.size()));
        List<Step> steps = new ArrayList<>();
        int tier = k.tier();
        UUID who = (tier == 1 ? staff.tier1() : tier == 2 ? staff.tier2() : staff.tier3());
        // The last day and a half still has work in the queues: some tickets wait unassigned, some are in progress.
        boolean recent = opened.isAfter(now.minus(Duration.ofHours(36)));
        int fate = random.nextInt(100);
        if (recent && fate < 20) {
            return new PastTicket(place.siteId(), place.requesterId(), k.subject(), k.description(), k.category(),
                    k.priority(), k.tier(), null, opened, List.of());
        }
        Instant t = opened.plusSeconds(10 + random.nextInt(50));
        steps.add(new Assigned(t, who, who));
        // First human response: mostly within a minute and a half of pick-up, a tail to six minutes.
        t = t.plusSeconds(random.nextInt(100) < 85 ? 15 + random.nextInt(60) : 90 + random.nextInt(300));
        if (t.isAfter(now)) return new PastTicket(place.siteId(), place.requesterId(), k.subject(), k.description(),
                k.category(), k.priority(), k.tier(), null, opened, steps.subList(0, 0));
        steps.add(new Commented(t, who, "Hi, this is " + (tier == 1 ? "Ava" : tier == 2 ? "Ben" : "Cara")
                + " from Gateway Health IT. I'm on it and will update you shortly.", Visibility.PUBLIC, false));
        if (tier < 3 && (k.escalation() != null && random.nextInt(10) < 4 || random.nextInt(100) < 6)) {
            t = t.plusSeconds(300 + random.nextInt(1500));
            steps.add(new Commented(t, who, "Checked the basics; handing over with my notes.", Visibility.INTERNAL, false));
            int to = Math.min(3, tier + 1);
            steps.add(new Escalated(t.plusSeconds(5), who, to,
                    k.escalation() != null ? k.escalation() : "Needs deeper access than Tier " + tier + " has."));
            who = (to == 2 ? staff.tier2() : staff.tier3());
            t = t.plusSeconds(60 + random.nextInt(600));
            steps.add(new Assigned(t, who, who));
        }
        if (recent && fate < 45) {
            steps.removeIf(s -> s.at().isAfter(now));
            return new PastTicket(place.siteId(), place.requesterId(), k.subject(), k.description(), k.category(),
                    k.priority(), k.tier(), null, opened, steps);
        }
        boolean sameDay = random.nextInt(100) < 91;
        Instant resolvedAt = sameDay ? t.plusSeconds(600 + random.nextInt(5400))
                : t.plusSeconds(86_400L + random.nextInt(86_400 * 2));
        if (resolvedAt.isBefore(now)) {
            steps.add(new Resolved(resolvedAt, who, k.resolution()));
            if (random.nextInt(20) == 0) {
                steps.add(new Commented(resolvedAt.plusSeconds(1800), place.requesterId(),
                        "Still happening on my other computer, sorry!", Visibility.PUBLIC, true));
                steps.add(new Resolved(resolvedAt.plusSeconds(3600), who, "Applied the same fix on the second computer."));
                resolvedAt = resolvedAt.plusSeconds(3600);
            }
            Instant closeAt = resolvedAt.plus(Duration.ofDays(7));
            if (closeAt.isBefore(now)) steps.add(new Closed(closeAt));
        }
        steps.removeIf(s -> s.at().isAfter(now));
        return new PastTicket(place.siteId(), place.requesterId(), k.subject(), k.description(), k.category(),
                k.priority(), k.tier(), null, opened, steps);
    }
}
