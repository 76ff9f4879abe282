package io.breakpoint.phi;

import java.util.Collection;
import java.util.List;

/** Plain-language lists of PHI kinds for messages and flags. */
public final class PhiWords {

    private PhiWords() {
    }

    /** "a date of birth, a patient's name and a phone number". */
    public static String list(Collection<PhiKind> kinds) {
        List<String> words = kinds.stream().sorted().map(PhiKind::label).toList();
        if (words.isEmpty()) return "nothing";
        if (words.size() == 1) return words.get(0);
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }
}
