package io.breakpoint.triage;

import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.Priority;

import java.util.List;

/**
 * What triage decided about one ticket. {@code dispatched} means the classifier was not sure enough, so the
 * ticket goes to the Tier 1 queue for a human to triage; the category is then only the best guess.
 */
public record Assessment(Category category, int tier, Priority priority, double confidence, boolean dispatched,
                         List<String> reasons) {

    public Assessment {
        reasons = List.copyOf(reasons);
    }
}
