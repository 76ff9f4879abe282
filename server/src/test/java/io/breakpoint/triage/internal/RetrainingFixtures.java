package io.breakpoint.triage.internal;

import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.Priority;

import java.util.ArrayList;
import java.util.List;

/**
 * Corrections in words the corpus never uses: a clinic's nickname for its phone system ("the Zorbex", "zorbex
 * console"), which staff write about and engineers file under PHONES_TELEPHONY.
 */
public final class RetrainingFixtures {

    public static final String PROBE_SUBJECT = "zorbex acting up";
    public static final String PROBE_TEXT = "the zorbex console keeps beeping at front desk";

    private RetrainingFixtures() {
    }

    public static final String[][] TEXTS = {
            {"zorbex broken", "the zorbex at reception is dead again"},
            {"Zorbex issue", "zorbex console wont ring through to the back office"},
            {"zorbex", "our zorbex keeps dropping when patients call in"},
            {"zorbex down at my desk", "no dial tone on the zorbex handset, others fine"},
            {"zorbex console", "the zorbex console shows a red light and calls go nowhere"},
            {"zorbex again", "zorbex handset lost its extension this morning"},
    };

    public static List<LabelledTicket> newWords() {
        List<LabelledTicket> out = new ArrayList<>();
        for (String[] t : TEXTS) out.add(new LabelledTicket(false, "correction", Category.PHONES_TELEPHONY, 1, Priority.P3, "", t[0], t[1]));
        return out;
    }
}
