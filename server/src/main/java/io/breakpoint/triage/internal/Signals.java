package io.breakpoint.triage.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the rules find in a ticket's words: security signals, how widely the problem reaches, whether
 * patients are waiting, whether something is down or only degraded, whether it is a request. Each signal
 * keeps the words that triggered it, so a reason can quote them. Patterns run on {@link TicketText}
 * (lower case, no accents, no apostrophes) and include common misspellings and Spanish.
 */
public record Signals(String securityActive, String securityReported, String nothingClicked, String siteWide, String several,
                      String oneDevice, String patientsWaiting, String down, String degraded, String request,
                      String vpn, String internetOut, String connection) {

    /** Every rule's words, for the test that holds the quick search to the plain one. */
    static final java.util.List<Words> ALL = new java.util.ArrayList<>();

    // ----- security. A missed active incident is the costliest error, so these lean to recall.
    private static final Words MALWARE = words(
            "ransomware|ransom|bitcoin|malware|virus|infected|trojan|threat detected|hacked|hacker|keylogger"
                    + "|(mouse|cursor) (is )?(moving|moves) (by )?(itself|on its own)|se mueve el mouse solo"
                    + "|controlling my (mouse|computer|screen)|remote(ly)? control(ling)? my"
                    + "|(files|drive|documents|folders)( \\w+){0,8} (encrypted|renamed to locked|weird extensions)"
                    + "|encrypted( \\w+){0,4} pay|files are locked|archivos (estan )?bloqueados");
    private static final Words LOST_DEVICE = words(
            "(stolen|lost|missing|robaron|perdi|left)( \\w+){0,5} (laptop|phone|tablet|ipad|usb|thumb drive|flash drive|device|celular|computadora)"
                    + "|(laptop|phone|tablet|ipad|usb|device|celular)( \\w+){0,6} (was |got |were )?(stolen|robado)"
                    + "|(laptop|tablet|ipad|usb drive|usb|phone|flash drive|thumb drive)( \\w+){0,8} (is |was |went |has been )?(missing|gone|disappeared)"
                    + "|(cant|cannot|can not) find( \\w+){0,4} (laptop|ipad|tablet|phone|usb|flash drive|thumb drive)"
                    + "|found a usb|usb stick( \\w+){0,8} plugged");
    private static final Words EXPOSURE = words(
            "(sent|emailed|faxed|mailed|gave|released)( \\w+){0,10} (to the |to a )?wrong (patient|person|number|fax|address|email|family)"
                    + "|wrong (patient|person|fax number)( \\w+){0,6} (received|got)|someone elses|received( \\w+){0,4} someone"
                    + "|personal (gmail|email|e mail)|\\bphi\\b|breach|hipaa|data leak|not on staff( \\w+){0,6} (looking|charts|chart)"
                    + "|(login|logins|sign in|sign ins|signin)( \\w+){0,8} (another country|not me|wasnt me|werent me|unknown location|overseas)"
                    + "|suspicious (login|sign in|activity)|unusual sign in|(mfa|duo|push|pushes|prompts)( \\w+){0,6} (didnt|did not) (ask|request)"
                    + "|approved one by accident|password was changed( \\w+){0,6} (didnt|did not|wasnt)|emails? i (didnt|did not|never) send"
                    + "|(sent|send) emails? i (didnt|did not) send|someone (is )?(signed|logged) in|signed in to my account from");
    private static final Words LURE = words(
            "email|e mail|emial|emails|link|attachment|popup|pop up|called|caller|text message|a text|correo|gift cards?|website|docusign|invoice");
    private static final Words CLICKED = words(
            "clicked|click(ed)? (on )?(it|the link|that|a link)|opened (it|the attachment|an attachment|the link)|le di click"
                    + "|abri (un|el|la) (archivo|adjunto|enlace|link|correo)");
    private static final Words GAVE_CREDENTIALS = words(
            "(typed|entered|put|gave|confirm|confirmed|puse)( \\w+){0,3} (password|pw|login|credentials|code|contrasena|username)"
                    + "|(password|login)( \\w+){0,3} (so i did|and i did)|signed in( \\w+){0,6} (blank|weird|went)"
                    + "|sent (them )?the codes|bought( \\w+){0,3} gift cards|gave (them|him|her) (the|my)");
    /** Someone asked for credentials (by e-mail, text, phone) and the writer complied: "they needed my login, I sent it". */
    private static final Words ASKED_FOR_CREDENTIALS = words(
            "(asked|asking|needed|wanted|requested|requesting|verify|confirm)( \\w+){0,6} (login|password|pw|credentials|code|username|contrasena)");
    private static final Words COMPLIED = words(
            "sent (it|them|my)|gave (it|them|my)|i did|so i did|replied|i logged in|logged in and|typed it|entered it|le mande|se la di");
    private static final Words NOT_CLICKED = words(
            "(didnt|did not|didn t|never|not|no) (click|clicked|open|opened)( \\w+){0,3}|not clicked|no lo abri|no le di click|deleted it");
    private static final Words REPORTED = words(
            "phishing|phish|phishy|spam|scam|suspicious (email|e mail|correo|message)|correo sospechoso|fake( \\w+){0,2} (email|invoice|e mail)"
                    + "|looks fake|correo raro|odd email|weird email");

    // ----- scope
    private static final Words SITE_WIDE = words(
            // "whole"/"entire" with any noun but a few of time or things: misspelt "entire buliding" must still count.
            "(whole|entire)(?! (thing|day|time|morning|afternoon|note|chart|screen|page|week|weekend|list|document|file|message))( \\w+)"
                    + "|none of (the|our)( \\w+){1,2}|in the building|ninguna? \\w+|all the (computers|phones|printers|pcs|screens|workstations|providers)"
                    + "|no (computers|pcs|workstations|devices|phones|printers)|(down|out|offline) (at|for) (the )?\\w+( \\w+)? (office|clinic|site|location|building|campus)"
                    + "|nothing( \\w+){0,4} works|standstill|any (modality|computer|workstation|device|screen|provider|printer|phone|pharmacy)"
                    + "|all (modalities|devices|screens|exam rooms|rooms|locations|calls|scripts)|for anyone|(imaging|radiology|lab) department"
                    + "|turning (patients|pts) away|phone system|no calls in or out|all (incoming|outgoing) calls"
                    + "|nobody|no one|noone|none of us|everyone|everybody|all (of )?(the )?(computers|staff|providers|users|workstations|printers|phones|pcs|of us|doctors|nurses|radiology|our files|sites)"
                    + "|every (computer|workstation|pc|printer|phone|provider|user|one of us)|any computer|(clinic|site|office|practice|building) ?wide"
                    + "|everything is down|nothing works|outage|toda la clinica|toda la oficina|nadie|todos|todas las computadoras|for all");
    private static final Words SEVERAL = words(
            "(couple|few|several|two|three|four|five|\\d+)( \\w+)? (of us|people|users|mas|nurses|providers|computers|pcs|workstations|rooms|staff)"
                    + "|(\\d+|two|three|four|a couple|several) of us|both (computers|front desk|of us|printers)|me and|half (the|teh)|same problem|on our pod|on my team|varios|varias");
    private static final Words ONE_DEVICE = words(
            "only (on )?(my|this|the one|me|for me)|just (my|this|me|one)|other (computers|rooms|pcs|ones|computer|workstations)( \\w+){0,2} (are|is|work|works) (fine|ok|okay|fast)"
                    + "|the one next to it|old (laptop|computer|pc|dell|desktop)|(coworkers|others)( \\w+){0,3} (is|are) fine|las otras estan bien|its fine|this one computer");

    // ----- clinical impact
    private static final Words PATIENTS_WAITING = words(
            "(patients?|pts?|patiants?|pt s)( \\w+){0,2} (waiting|stacked|in (the |teh )?rooms?|checking in|sitting here|ready|on hold|in lobby)"
                    + "|waiting room (is )?full|(a |the )?(patient|pt|patiant) in (the |teh )?room|(pacientes?)( \\w+){0,2} esperando"
                    + "|(pt|pts|patient|patients)( \\w+){0,2} (is|are) here|already roomed|roomed|piling up|about to see|first (patient|pt)"
                    + "|standing at the window|on the table|calling to check in|radiologist is waiting|full (waiting room|schedule)|rooms are filling|doc is waiting|doc needs|needing a controlled|(has|have) (a )?(patient|pt|patients|pts)"
                    + "|waiting at the desk|clinic (starts|opens) in|lobby|we are behind|running behind");
    private static final Words DOWN = words(
            "down|dead|cant|cannot|can not|unable|wont|will not|not working|doesnt work|stopped|no (internet|network|connection|dial tone|service|lights|tono)"
                    + "|offline|error|errors|fails|fail|failing|failed|frozen|unusable|not responding|crash|crashed|crashing|locked|disabled|expired"
                    + "|black|blank|broken|gone|no funciona|no hay|no puedo|no prende|nothing (works|loads|comes out|opens)|stuck|jammed|invalid"
                    + "|denied|not (loading|showing|sending|coming|going|crossing|getting|receiving|printing|picking|ringing)|never (comes|loads|gets)"
                    + "|wont (load|open|start|print|send|connect|turn on)|straight to busy|no se puede|se cayo|caido|unauthorized|not authorized"
                    + "|rejecting|rejects|rejected|congelado|no conecta|no abre|no imprime|no aparecen|no llegan|no tiene tono|sale error"
                    + "|fuera de linea|no responde|no funcionan|standstill|unresponsive|not reaching|not accepted|isnt (working|sending|loading)"
                    + "|wont (push|import|load|submit)|dont (import|show up)|not detected|spin|turning (patients|pts) away");
    private static final Words DEGRADED = words(
            "slow|slowly|lag|lags|lagging|laggy|sluggish|crawl|crawling|crawls|intermittent|sometimes|on and off|in and out|drops|dropping|choppy"
                    + "|delayed|late|takes? (forever|\\d+|like|a minute|minutes)|eventually|workaround|manually|by hand|using the other|we use the other"
                    + "|for now|meanwhile|still (works|able|saved|loads)|works after|second try|lento|lenta|flickers?|faded|blurry|warning|annoying"
                    + "|twice|duplicates?|comes back|typing (them|it|notes)|usamos la otra|using wired|spinning|hourglass|hanging|hangs"
                    + "|echo|beeping|might be out|almost full|painful|can still|instead|we type|i fix it|faint|barely|each time|took too long"
                    + "|takes ages|dragging|forever|lentisimo|tarda|a mano");
    private static final Words REQUEST = words(
            "how (do|can|often|to)|can (you|i|we|u)|could (you|i|we)|(please|pls|plz) (add|set|update|give|remove|restore|install|share|change)"
                    + "|add me|is it ok|forward to|restore (a|the|my)|request(ing)?|need(s)? (a|an|the|toner|zoom|more|everything|access)|question|when (is|will|you get a chance)"
                    + "|new (hire|employee|girl|guy|provider|nurse|ma|doctor|exam room)|starting (monday|next|the)|starts (monday|next|the)|last day"
                    + "|retiring|onboard|offboard|install(ed)? on|next (week|month|year)|schedule the|not urgent|fyi|just letting you know"
                    + "|nueva|nuevo|empieza|necesita");
    private static final Words VPN = words("vpn|globalprotect|anyconnect|from home|working remote|segmentation|vlan|mixed up");
    private static final Words INTERNET_OUT = words(
            "internet (is |was )?(down|out)|no internet|lost internet|internet connection|google (doesnt|wont|does not) load|no hay internet"
                    + "|modem|firewall|switches|network is dead|no network");

    private static final Words CONNECTION = words("wifi|wi fi|wireless|internet|ethernet|network cable|no network|no connection|vpn|wont connect|cant connect|disconnect\\w*");

    private static Words words(String alternatives) {
        Words w = new Words(alternatives);
        ALL.add(w);
        return w;
    }

    /**
     * One rule's phrases, each starting and ending at a space of the padded text. The plain search (a lookbehind for
     * the space, tried at every character) spent most of triage's time trying every phrase at every word; this one
     * tries a phrase only at words whose first character can begin one, which it learns once from the pattern itself
     * (a character that fails without reaching the end of the input can begin none).
     */
    static final class Words {
        private final String alternatives;
        private final Pattern phrase;
        private final boolean[] canBegin = new boolean[128];

        private Words(String alternatives) {
            this.alternatives = alternatives;
            this.phrase = Pattern.compile("(?:" + alternatives + ")(?= )");
            for (char c = 0; c < canBegin.length; c++) {
                Matcher m = phrase.matcher(String.valueOf(c));
                canBegin[c] = m.lookingAt() || m.hitEnd();
            }
        }

        /** The first phrase found in the padded text, or null. */
        String first(String text) {
            Matcher m = null;
            int n = text.length();
            for (int i = 1; i < n; i++) {
                if (text.charAt(i - 1) != ' ') continue;
                char c = text.charAt(i);
                if (c < canBegin.length && !canBegin[c]) continue;
                if (m == null) m = phrase.matcher(text).useTransparentBounds(true);
                m.region(i, n);
                if (m.lookingAt()) return m.group();
            }
            return null;
        }

        @Override
        public String toString() {
            String p = phrase.pattern();
            return p.length() > 60 ? p.substring(0, 57) + "..." : p;
        }

        /** The plain search, the definition {@link #first} must equal (for the test: compiled on each call). */
        String firstByScan(String text) {
            Matcher m = Pattern.compile("(?<= )(?:" + alternatives + ")(?= )").matcher(text);
            return m.find() ? m.group() : null;
        }
    }

    /**
     * Scope, impact and request words are read in the first this-many characters: the situation is described
     * at the top, and a 20,000-character paste (a log, a quoted e-mail thread) below it costs time and adds
     * stray words. Security signals are read in the whole text, because a missed incident is the costliest error.
     */
    static final int SITUATION_CHARS = 6_000;

    public static Signals in(TicketText text) {
        String t = text.padded();
        String top = t.length() > SITUATION_CHARS ? t.substring(0, t.lastIndexOf(' ', SITUATION_CHARS) + 1) : t;
        String active = first(MALWARE, t);
        if (active == null) active = first(LOST_DEVICE, t);
        if (active == null) active = first(EXPOSURE, t);
        if (active == null && first(ASKED_FOR_CREDENTIALS, t) != null) active = first(COMPLIED, t);
        String reported = null, notClicked = null;
        if (active == null) {
            String clicked = first(CLICKED, t), gave = first(GAVE_CREDENTIALS, t);
            boolean lure = (clicked != null || gave != null) && first(LURE, t) != null;
            reported = first(REPORTED, t);
            notClicked = first(NOT_CLICKED, t);
            // Entering credentials after a lure is an incident even if the writer also says "didn't click" elsewhere.
            if (gave != null && (lure || reported != null || clicked != null)) active = gave;
            else if (clicked != null && (lure || reported != null) && notClicked == null) active = clicked;
            if (reported == null && notClicked != null && first(LURE, t) != null) reported = notClicked;
        }
        return new Signals(active, reported, notClicked,
                first(SITE_WIDE, top), first(SEVERAL, top), first(ONE_DEVICE, top), first(PATIENTS_WAITING, top),
                first(DOWN, top), first(DEGRADED, top), first(REQUEST, top), first(VPN, top), first(INTERNET_OUT, top), first(CONNECTION, top));
    }

    private static String first(Words w, String text) {
        return w.first(text);
    }
}
