package io.breakpoint.phi;

import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds protected health information in what clinic staff type into tickets, with rules a reader can check: a
 * shape (an SSN, a phone number, a date, a street address) and, where the shape alone would also match harmless
 * things (a printer's serial, a meeting's date, a vendor's support line), the context words around it. No model, no
 * dictionary of names: a name counts when it stands next to a date of birth or after "patient". The method and
 * its measured recall and precision are in docs/phi-detection.md. Plain Java, thread-safe.
 */
public final class PhiDetector {

    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
    /** A full date: 03/14/1962, 3-14-62, 1962-03-14, March 14, 1962, 14 Mar 1962. */
    private static final String DATE = "(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})(?![\\d/.-]*\\d)|\\d{4}-\\d{2}-\\d{2}"
            + "|" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+\\d{4})";
    /** A date as written after "DOS": also without year (11/3, Nov 3). */
    private static final String DAY = "(?:" + DATE + "|\\d{1,2}/\\d{1,2}(?![/\\d])|" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?\\b)";
    /** A date that reads as a birth date without a keyword: slashes or dashes with a four-digit year, or a month name. */
    private static final Pattern PLAIN_DATE = Pattern.compile("(\\d{1,2}[/-]\\d{1,2}[/-](\\d{4}|\\d{2})(?![\\d/-])|" + MONTH + "\\s+\\d{1,2},?\\s+(\\d{4}))");

    private static final String NAME_WORD = "(?:(?:Mc|Mac|O'|D')?[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)";
    /** Maria Gonzalez, Mary-Kate O'Neil, John Q. Public, Gonzalez, Maria, GONZALEZ, MARIA. */
    private static final String NAME = "(?:" + NAME_WORD + "(?:\\s+[A-Z]\\.?)?(?:\\s+" + NAME_WORD + "){1,2}"
            + "|" + NAME_WORD + ",\\s*" + NAME_WORD + "|[A-Z]{2,}(?:[-'][A-Z]+)?,\\s*[A-Z]{2,}|[A-Z]{2,}\\s+[A-Z]{2,})";

    private static final Pattern DOB = Pattern.compile(
            "(?i:\\b(?:DOB|D\\.O\\.B\\.?|date\\s+of\\s+birth|birth\\s*date|birthday|b-?day|born(?:\\s+on)?)(?![a-z]))"
                    + "(?:\\s*(?:[:=#(-]|\\b(?:is|was|of|as|listed|shows|showing|reads|says|entered|on|in|chart|system)\\b)){0,4}\\s*(" + DATE + ")");
    private static final Pattern NAME_THEN_DATE = Pattern.compile("(" + NAME + ")\\s*[,(\\[]?\\s*" + PLAIN_DATE.pattern());
    private static final Pattern NAME_AT_END = Pattern.compile("(" + NAME + ")(?:'s)?[\\s,(\\[:;|/–-]*(?:(?i:whose|with|w/|pt|dob)[\\s,(:;|/–-]*)?$");
    private static final Pattern NAME_AT_START = Pattern.compile("^[\\s,)\\]:;|/–-]*(?:(?i:for|pt|patient)\\s+)?(" + NAME + ")");
    private static final Pattern PATIENT_NAME = Pattern.compile(
            "(?i:\\b(?:patient|pt\\.?|resident|client)(?:'s)?(?:\\s+name)?)(?:\\s*(?:is|was|named|called|[:-]))?\\s+(" + NAME + ")");
    private static final Pattern NOT_A_PATIENT_BEFORE = Pattern.compile(
            "(?i:\\b(?:dr|doctor|nurse|rn|np|pa|tech|technician|provider|physician|md|do))\\.?\\s*$");

    private static final Pattern SSN = Pattern.compile("(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}([- ])(?!00)\\d{2}\\1(?!0000)\\d{4}(?![\\d-])");
    private static final Pattern SSN_BY_CONTEXT = Pattern.compile(
            "(?i:\\b(?:SSN|SS#|SS\\s+number|social(?:\\s+security)?(?:\\s+(?:number|no\\.?|#))?|last\\s+(?:4|four)(?:\\s+(?:digits\\s+)?of\\s+(?:her|his|the|their|pt'?s?)?\\s*(?:ssn|social)\\b)))"
                    + "\\s*(?:is|was|[:#-])?\\s*(\\d{9}|\\d{3}[- ]\\d{2}[- ]\\d{4}|\\d{4})(?!\\d)");

    private static final Pattern MRN = Pattern.compile(
            "(?i:\\b(?:MRN|M\\.R\\.N\\.?|med(?:ical)?\\s*rec(?:ord)?s?(?:\\s*(?:number|num|no\\.?|#|id))?|chart\\s*(?:number|num|no\\.?|#|id)"
                    + "|(?:patient|pt\\.?)\\s*(?:id|number|no\\.?|#|acct\\.?|account)(?:\\s*(?:number|no\\.?|#))?"
                    + "|encounter\\s*(?:#|number|no\\.?|id)|FIN\\s*(?:#|number)?|guarantor\\s*(?:#|id|account))(?![a-z]))"
                    + "\\s*(?:is|was|[:#=-])?\\s*#?\\s*([A-Za-z]{0,4}-?\\d[\\dA-Za-z-]{3,15})(?![\\w-])");
    private static final Pattern INSURANCE = Pattern.compile(
            "(?i:\\b(?:member\\s*(?:id|#|number|no\\.?)|subscriber\\s*(?:id|#|number|no\\.?)|insurance\\s*(?:id|#|number|no\\.?|card\\s*(?:#|number|no\\.?)?)"
                    + "|policy\\s*(?:id|#|number|no\\.?)|medicaid\\s*(?:id|#|number|no\\.?)?|medicare\\s*(?:id|#|number|no\\.?|MBI)?|MBI"
                    + "|(?:BCBS|Blue\\s*Cross|Aetna|Cigna|UHC|United\\s*Healthcare|Humana|Anthem|Kaiser|Tricare|Molina|Ambetter|Oscar)\\s*(?:member\\s*)?(?:id|#|number|no\\.?))(?![a-z]))"
                    + "\\s*(?:is|was|[:#=-])?\\s*#?\\s*([A-Za-z0-9][A-Za-z0-9-]{5,19})(?![\\w-])");
    /** A Medicare Beneficiary Identifier has a shape of its own (CMS: 11 characters, no S L O I B Z). */
    private static final Pattern MBI = Pattern.compile(
            "\\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d-?[AC-HJKMNP-RT-Y]{2}\\d{2}\\b");

    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d.-])(?:\\+?1[-.\\s]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[-.\\s])\\d{3}[-.\\s]\\d{4}(?![\\d]|[-.]\\d)");
    private static final Pattern TOLL_FREE = Pattern.compile("^(?:\\+?1[-.\\s]?)?\\(?8(?:00|88|77|66|55|44|33)\\b");

    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![\\w#.-])\\d{1,6}\\s+(?:[NSEW]\\.?\\s+|(?:North|South|East|West)\\s+)?(?:(?:[A-Za-z][a-z]+|\\d{1,3}(?:st|nd|rd|th))\\.?\\s+){1,3}"
                    + "(?i:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy"
                    + "|Circle|Cir|Highway|Hwy|Trail|Trl|Square|Sq|Pike|Loop)\\b\\.?"
                    + "(?:,?\\s*(?i:Apt|Apartment|Unit|#|Lot)\\.?\\s*[A-Za-z0-9-]+)?");

    private static final Pattern DATE_OF_SERVICE = Pattern.compile(
            "(?i:\\b(?:DOS|D\\.O\\.S\\.?|dates?\\s+of\\s+(?:service|svc)|(?:service|svc)\\s+date|seen\\s+(?:in\\s+(?:clinic|the\\s+office)\\s+)?on"
                    + "|visit\\s+(?:date|on)|date\\s+of\\s+visit|admit(?:ted)?\\s+(?:on|date)|discharged?\\s+(?:on|date)|encounter\\s+(?:on|date)"
                    + "|(?:patient|pt)(?:'s)?\\s+(?:appt\\.?|appointment|visit)(?:\\s+(?:on|date))?)(?![a-z]))"
                    + "\\s*(?:was|is|[:=-])?\\s*(" + DAY + ")");

    /** Capitalised words that start sentences or name things in IT tickets, never a person. */
    private static final Set<String> NOT_NAMES = Set.of("the", "this", "that", "our", "my", "her", "his", "their", "a", "an",
            "check", "in", "out", "portal", "room", "exam", "epic", "cerner", "athena", "chart", "kiosk", "printer", "monitor",
            "label", "care", "health", "clinic", "center", "front", "desk", "main", "campus", "north", "south", "east", "west",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
            "april", "may", "june", "july", "august", "september", "october", "november", "december", "today", "yesterday",
            "please", "thanks", "thank", "hi", "hello", "dear", "team", "ticket", "windows", "outlook", "teams", "office",
            "microsoft", "dell", "zebra", "ricoh", "lexmark", "canon", "xerox", "cisco", "meraki", "citrix", "vpn", "wifi",
            "wi-fi", "fax", "scanner", "lab", "pharmacy", "billing", "radiology", "pediatrics", "dr", "doctor", "nurse",
            "support", "help", "service", "services", "update", "version", "error", "login", "password", "account", "user",
            "new", "old", "open", "closed", "record", "records", "number", "name", "date", "dob", "mrn", "ssn", "id",
            "patient", "pt", "is", "was", "and", "or", "at", "on", "to", "for", "with", "from", "of", "no", "not",
            "label printer", "suite", "building", "floor", "urgent", "asap", "fyi", "re", "fw", "insurance", "medicare",
            "medicaid", "member", "policy", "also", "when", "after", "before", "since", "again", "still", "just", "can",
            "cannot", "will", "pacs", "ehr", "emr", "hl7", "dicom", "called", "named", "admitted", "discharged", "seen",
            "visit", "appointment", "appt", "reception", "registration", "intake", "triage", "nursing", "station");

    private static final Pattern PATIENT_WORDS = Pattern.compile(
            "(?i)\\b(?:patient|pt|pts|her|his|mom|mother|father|dad|guardian|daughter|son|husband|wife|spouse|parent|member"
                    + "|home|lives|living|mailing|residence|moved|caller|cell\\s+for|callback\\s+for|contact\\s+for|family|him|she|he)\\b");
    private static final Pattern PHONE_BUSINESS_WORDS = Pattern.compile(
            "(?i)\\b(?:support|vendor|help\\s*desk|helpdesk|hotline|service\\s+desk|tech|technician|rep|call\\s+me|reach\\s+me|text\\s+me"
                    + "|my\\s+(?:cell|phone|mobile|desk|number|direct|extension|line)|main\\s+line|front\\s+desk|office|clinic(?:'s)?\\s+(?:line|number)"
                    + "|fax|pharmacy|lab\\s+line|extension|ext|epic|cerner|athena|dell|hp|xerox|comcast|verizon|at&t|spectrum|microsoft"
                    + "|zebra|ricoh|canon|lexmark|konica|cisco|meraki|isp|carrier|company|escalation|account\\s+manager|case)\\b");
    private static final Pattern ADDRESS_BUSINESS_WORDS = Pattern.compile(
            "(?i)\\b(?:clinic|office|campus|site|our|building|ship|shipped|shipping|deliver|delivery|delivered|warehouse|store"
                    + "|vendor|located|location|branch|satellite|hospital|suite|depot|pickup|pick\\s+up|dropped\\s+off|courier)\\b");

    private static final Pattern ADDRESS_BUSINESS_AFTER = Pattern.compile(
            "(?i)[\\s,]*(?:\\(?\\s*)?(?:clinic|office|site|campus|location|building|branch|satellite|hospital|suite|store|warehouse|depot)\\b");

    private final int thisYear;

    public PhiDetector() {
        this(Clock.systemUTC());
    }

    public PhiDetector(Clock clock) {
        this.thisYear = Year.now(clock).getValue();
    }

    /** Every piece of PHI in the text, in order, without overlaps. */
    public List<PhiFinding> scan(String text) {
        if (text == null || text.isBlank()) return List.of();
        List<PhiFinding> found = new ArrayList<>();
        datesOfBirth(text, found);
        patientNames(text, found);
        groups(SSN_BY_CONTEXT, text, PhiKind.SSN, found);
        all(SSN, text, PhiKind.SSN, found);
        groups(MRN, text, PhiKind.MEDICAL_RECORD_NUMBER, found);
        insurance(text, found);
        phones(text, found);
        addresses(text, found);
        groups(DATE_OF_SERVICE, text, PhiKind.DATE_OF_SERVICE, found);
        return withoutOverlaps(found);
    }

    /** The text with every finding replaced by a marker that says what was there: "[date of birth removed]". */
    public String redact(String text) {
        if (text == null) return null;
        StringBuilder s = new StringBuilder(text);
        List<PhiFinding> findings = scan(text);
        for (int i = findings.size() - 1; i >= 0; i--) {
            PhiFinding f = findings.get(i);
            s.replace(f.start(), f.end(), marker(f.kind()));
        }
        return s.toString();
    }

    public static String marker(PhiKind kind) {
        return "[" + kind.label().replaceFirst("^an? ", "") + " removed]";
    }

    private void datesOfBirth(String text, List<PhiFinding> found) {
        Matcher m = DOB.matcher(text);
        while (m.find()) {
            found.add(new PhiFinding(PhiKind.DATE_OF_BIRTH, m.start(1), m.end(1)));
            if (!nameJustBefore(text, m.start(), found)) nameJustAfter(text, m.end(1), found);
        }
        m = NAME_THEN_DATE.matcher(text);
        while (m.find()) {
            String year = m.group(3) != null ? m.group(3) : m.group(4);
            if (year == null || !isName(text, m.start(1), m.group(1))) continue;
            int y = Integer.parseInt(year);
            if (year.length() == 2) y += y <= thisYear % 100 ? 2000 : 1900; // 4/9/12 is 2012, 4/17/60 is 1960
            // A past year reads as a birth date; this year's and later dates next to a name are meetings and visits.
            if (y < 1900 || y >= thisYear) continue;
            found.add(new PhiFinding(PhiKind.PATIENT_NAME, m.start(1), m.end(1)));
            found.add(new PhiFinding(PhiKind.DATE_OF_BIRTH, m.start(2), m.end(2)));
        }
    }

    /** "Maria Gonzalez DOB ...", "GONZALEZ, MARIA (dob ...": the name right before the birth-date keyword. */
    private boolean nameJustBefore(String text, int keywordStart, List<PhiFinding> found) {
        int from = Math.max(0, keywordStart - 48);
        Matcher n = NAME_AT_END.matcher(text.substring(from, keywordStart));
        if (n.find()) {
            String name = trimLeadingNonNames(n.group(1));
            int start = from + n.start(1) + (n.group(1).length() - name.length());
            if (isName(text, start, name)) {
                found.add(new PhiFinding(PhiKind.PATIENT_NAME, start, start + name.length()));
                return true;
            }
        }
        return false;
    }

    /** "born 2/10/77 - William Harrington": the name right after the birth date. */
    private void nameJustAfter(String text, int dateEnd, List<PhiFinding> found) {
        Matcher n = NAME_AT_START.matcher(text.substring(dateEnd, Math.min(text.length(), dateEnd + 40)));
        if (n.find() && isName(text, dateEnd + n.start(1), n.group(1))) {
            found.add(new PhiFinding(PhiKind.PATIENT_NAME, dateEnd + n.start(1), dateEnd + n.end(1)));
        }
    }

    private void patientNames(String text, List<PhiFinding> found) {
        Matcher m = PATIENT_NAME.matcher(text);
        while (m.find()) {
            if (isName(text, m.start(1), m.group(1))) found.add(new PhiFinding(PhiKind.PATIENT_NAME, m.start(1), m.end(1)));
        }
    }

    /** "Called Maria Gonzalez" finds "Called Maria Gonzalez": leading words that are never names are dropped. */
    private static String trimLeadingNonNames(String name) {
        String n = name;
        while (true) {
            int space = n.indexOf(' ');
            if (space < 0) return n;
            String first = n.substring(0, space).replace(",", "");
            if (!NOT_NAMES.contains(first.toLowerCase(Locale.ROOT))) return n;
            n = n.substring(space + 1).stripLeading();
        }
    }

    private static boolean isName(String text, int start, String name) {
        String[] words = name.split("[\\s,]+");
        int real = 0;
        for (String w : words) {
            if (w.length() <= 2 && w.endsWith(".")) continue; // a middle initial
            if (w.length() == 1) continue;
            if (NOT_NAMES.contains(w.toLowerCase(Locale.ROOT))) return false;
            real++;
        }
        if (real < 2) return false;
        // Dr. Patel, Nurse Kim Lee: staff, not a patient.
        return !NOT_A_PATIENT_BEFORE.matcher(text.substring(Math.max(0, start - 12), start)).find();
    }

    private static void insurance(String text, List<PhiFinding> found) {
        Matcher m = INSURANCE.matcher(text);
        while (m.find()) {
            if (digits(m.group(1)) >= 3) found.add(new PhiFinding(PhiKind.INSURANCE_ID, m.start(1), m.end(1)));
        }
        all(MBI, text, PhiKind.INSURANCE_ID, found);
    }

    private static void phones(String text, List<PhiFinding> found) {
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            if (TOLL_FREE.matcher(m.group()).find()) continue; // vendors' support lines; patients do not own 800 numbers
            if (context(text, m.start(), 60, PHONE_BUSINESS_WORDS)) continue;
            found.add(new PhiFinding(PhiKind.PHONE_NUMBER, m.start(), m.end()));
        }
    }

    private static void addresses(String text, List<PhiFinding> found) {
        Matcher m = ADDRESS.matcher(text);
        while (m.find()) {
            if (!looksLikeStreet(text, m)) continue;
            // The clinic's own address, a delivery: said before it ("our office at") or right after ("the 12 Oak St clinic").
            if (context(text, m.start(), 50, ADDRESS_BUSINESS_WORDS)) continue;
            if (ADDRESS_BUSINESS_AFTER.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 20))).lookingAt()) continue;
            found.add(new PhiFinding(PhiKind.STREET_ADDRESS, m.start(), m.end()));
        }
    }

    private static final Set<String> NOT_STREET_WORDS = Set.of("with", "at", "on", "in", "to", "for", "the", "and", "from",
            "by", "our", "my", "of", "or", "per", "via", "see", "call", "ask", "tell", "new", "more", "other");

    /** "1:1 with Dr. Chen", "3 more Dr. appointments": a number before "Dr" followed by a name is no address. */
    private static boolean looksLikeStreet(String text, Matcher m) {
        String[] words = m.group().trim().split("\\s+");
        for (int i = 1; i < words.length - 1; i++) {
            if (NOT_STREET_WORDS.contains(words[i].toLowerCase(Locale.ROOT).replace(".", ""))) return false;
        }
        String suffix = words[words.length - 1].replace(".", "");
        if (suffix.equalsIgnoreCase("Dr")) {
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 20));
            if (after.matches("(?s)\\.?\\s*[A-Z][a-z].*")) return false;
        }
        return true;
    }

    /**
     * Whether the words just before {@code at} say the thing belongs to the desk's world (a vendor, the clinic, the
     * writer) rather than to a patient: the nearer of the two kinds of words wins; with neither, it is a patient's.
     */
    private static boolean context(String text, int at, int window, Pattern businessWords) {
        String before = text.substring(Math.max(0, at - window), at);
        int business = lastMatch(businessWords, before);
        int patient = lastMatch(PATIENT_WORDS, before);
        return business >= 0 && business > patient;
    }

    private static int lastMatch(Pattern p, String s) {
        Matcher m = p.matcher(s);
        int last = -1;
        while (m.find()) last = m.start();
        return last;
    }

    private static int digits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) if (Character.isDigit(s.charAt(i))) n++;
        return n;
    }

    private static void all(Pattern p, String text, PhiKind kind, List<PhiFinding> found) {
        Matcher m = p.matcher(text);
        while (m.find()) found.add(new PhiFinding(kind, m.start(), m.end()));
    }

    private static void groups(Pattern p, String text, PhiKind kind, List<PhiFinding> found) {
        Matcher m = p.matcher(text);
        while (m.find()) found.add(new PhiFinding(kind, m.start(1), m.end(1)));
    }

    /** Where two findings overlap the longer one stays (an SSN inside a longer id is the id). */
    private static List<PhiFinding> withoutOverlaps(List<PhiFinding> found) {
        List<PhiFinding> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(PhiFinding::start).thenComparing(f -> -(f.end() - f.start())));
        List<PhiFinding> out = new ArrayList<>();
        for (PhiFinding f : sorted) {
            PhiFinding last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && f.start() < last.end()) {
                if (f.end() - f.start() > last.end() - last.start()) out.set(out.size() - 1, f);
                continue;
            }
            out.add(f);
        }
        return List.copyOf(out);
    }
}
