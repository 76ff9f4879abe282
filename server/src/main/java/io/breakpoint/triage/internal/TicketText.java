package io.breakpoint.triage.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A ticket's words as rules and classifier see them: lower case, accents removed (so Spanish "contraseña"
 * and "contrasena" are one word), apostrophes dropped ("can't" → "cant"), everything else that is not a
 * letter or digit turned into one space, padded with a space at each end so patterns can anchor on words.
 */
public final class TicketText {

    /**
     * The classifier reads at most this many characters: the first lines say what is wrong, and the
     * rest of a 20,000-character paste (logs, e-mail threads) adds cost, not signal. Rules read it all.
     */
    static final int CLASSIFIER_CHARS = 4_000;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’`]");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    private final String normalized;

    private TicketText(String normalized) {
        this.normalized = normalized;
    }

    public static TicketText of(String subject, String description) {
        String raw = (subject == null ? "" : subject) + " . " + (description == null ? "" : description);
        return new TicketText(" " + normalize(raw) + " ");
    }

    static String normalize(String raw) {
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("");
        s = APOSTROPHES.matcher(s.toLowerCase(java.util.Locale.ROOT)).replaceAll("");
        return NON_WORD.matcher(s).replaceAll(" ").trim();
    }

    /** The normalized text with a leading and trailing space. */
    public String padded() {
        return normalized;
    }

    public boolean isBlank() {
        return normalized.isBlank();
    }

    String[] tokensForClassifier() {
        String s = normalized.length() > CLASSIFIER_CHARS ? normalized.substring(0, CLASSIFIER_CHARS) : normalized;
        String trimmed = s.trim();
        return trimmed.isEmpty() ? new String[0] : Arrays.stream(trimmed.split(" ")).filter(t -> !t.isEmpty()).toArray(String[]::new);
    }
}
