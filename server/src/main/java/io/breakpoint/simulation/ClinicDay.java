package io.breakpoint.simulation;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The tickets of one clinic day, as staff write them, with the tier a good engineer would say each belongs in
 * (what the simulated engineers act on). Arrivals follow the clinic's rhythm: a peak in the hour after opening
 * (07:30), a second after lunch (13:00–14:00), a quiet lunch hour; on top of that a site-wide outage burst at one
 * clinic at 10:15 and a phishing wave at 11:05. Plain Java, seeded: the same size gives the same day.
 */
public final class ClinicDay {

    /** One ticket: when, where ("site" index into the simulation's sites), what staff wrote, and where it belongs. */
    public record Arrival(LocalTime at, int site, String subject, String description, int trueTier, String kind) {
    }

    private record Template(String subject, String description, int tier) {
    }

    /** Everyday tickets, in the words staff use, with the tier PRODUCT.md gives them. */
    private static final List<Template> EVERYDAY = List.of(
            new Template("locked out", "I'm locked out of Epic again after the password change, can you unlock me", 1),
            new Template("password reset", "need my windows password reset, forgot it over the weekend", 1),
            new Template("MFA not working", "the authenticator app on my new phone doesn't get the push for Citrix", 1),
            new Template("badge tap not working", "my badge won't tap in at the nurses station workstation", 1),
            new Template("printer jammed", "front desk printer jams on every page, tray 2", 1),
            new Template("label printer", "zebra label printer in lab prints blank labels", 1),
            new Template("scanner", "the insurance card scanner at check-in isn't recognized", 1),
            new Template("fax not sending", "outgoing faxes to the pharmacy fail with a busy signal", 1),
            new Template("monitor flickering", "second monitor in exam 4 keeps flickering", 1),
            new Template("laptop won't boot", "my laptop is stuck on the logo screen after the update", 1),
            new Template("outlook", "Outlook keeps asking for my password and won't sync", 1),
            new Template("teams calls", "Teams drops every call after a minute", 1),
            new Template("shared calendar", "can't see the providers shared calendar anymore", 1),
            new Template("phone no dial tone", "desk phone at reception has no dial tone", 1),
            new Template("voicemail", "voicemail light stays on even after I listen to messages", 1),
            new Template("new hire", "new MA starting Monday, needs an account, email and EMR access", 1),
            new Template("software request", "please install Adobe Acrobat on the billing PC", 1),
            new Template("wifi on my laptop", "my laptop won't connect to the clinic wifi, phone works fine", 1),
            new Template("EMR slow", "Epic is really slow for me this morning, charts take a minute to open", 2),
            new Template("EMR freezing", "hyperspace freezes when I open the in basket, spinning wheel", 2),
            new Template("order sets", "the flu order set is missing from the order entry screen", 2),
            new Template("e-prescribing error", "EPCS fails with a token error when I sign controlled substances", 2),
            new Template("lab results missing", "lab results from the reference lab aren't coming into the charts, HL7 interface?", 2),
            new Template("PACS images", "the x-ray images don't show up in PACS for the afternoon patients", 2),
            new Template("VPN", "VPN won't connect from home, globalprotect says gateway not found", 2),
            new Template("backup failed", "the nightly backup job on the file server failed again", 3),
            new Template("server room hot", "the server room is really warm, the AC unit is making noise", 3));

    private ClinicDay() {
    }

    /**
     * About {@code everyday} ordinary tickets over the day, plus the outage burst (8) and the phishing wave (12).
     * {@code sites} is how many sites there are; the outage is always at site 0.
     */
    public static List<Arrival> of(int everyday, int sites, long seed) {
        Random r = new Random(seed);
        List<Arrival> out = new ArrayList<>();
        for (int i = 0; i < everyday; i++) {
            Template t = EVERYDAY.get(r.nextInt(EVERYDAY.size()));
            out.add(new Arrival(arrivalTime(r), r.nextInt(sites), t.subject(), t.description() + variation(r), t.tier(), "everyday"));
        }
        String[][] outage = {
                {"internet down", "the internet is down at the whole clinic, nobody can get into Epic"},
                {"NOTHING WORKS", "no internet on any computer at the front desk, patients waiting"},
                {"network down?", "none of the computers can reach anything, whole office"},
                {"Epic down", "Epic won't load on any workstation here, all of us are stuck"},
                {"wifi and wired down", "entire clinic lost internet, phones still ok"},
                {"cannot chart", "nobody can chart, the network is out in the whole building"},
                {"down", "all computers say no internet connection"},
                {"outage", "is there an outage? the whole site is offline"}};
        for (int i = 0; i < outage.length; i++) {
            out.add(new Arrival(LocalTime.of(10, 15).plusMinutes(i), 0, outage[i][0], outage[i][1], 2, "outage"));
        }
        for (int i = 0; i < 12; i++) {
            boolean clicked = i % 3 == 0;
            out.add(new Arrival(LocalTime.of(11, 5).plusMinutes(i * 2L), r.nextInt(sites), "weird email about my paycheck",
                    clicked ? "got an email saying my direct deposit changed, I clicked the link and typed my password"
                            : "got a suspicious email about my paycheck, did not click anything, reporting it", 3, "phishing"));
        }
        out.sort(Comparator.comparing(Arrival::at));
        return out;
    }

    /** Clinic hours 07:30–17:30, with peaks after opening and after lunch and a quiet lunch hour. */
    private static LocalTime arrivalTime(Random r) {
        double u = r.nextDouble();
        int minute;
        if (u < 0.30) minute = 30 + (int) Math.abs(r.nextGaussian() * 35);          // 07:30 opening, peak to ~08:30
        else if (u < 0.55) minute = 6 * 60 + (int) Math.abs(r.nextGaussian() * 40);  // after lunch, 13:00–14:00
        else minute = 30 + r.nextInt(10 * 60);                                        // spread over the day
        if (minute >= 5 * 60 && minute < 6 * 60 && r.nextBoolean()) minute += 60;   // half the lunch-hour tickets wait
        return LocalTime.of(7, 0).plusMinutes(Math.min(minute, 10 * 60 + 29));
    }

    private static String variation(Random r) {
        String[] tails = {"", "", " - thanks", ". pls help", ", urgent-ish", " (exam room " + (1 + r.nextInt(9)) + ")", " again!!"};
        return tails[r.nextInt(tails.length)];
    }
}
