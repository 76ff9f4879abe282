package io.breakpoint.compliance;

import java.time.LocalDate;

/** A step of the remediation plan: what will be done about which citation, by whom, by when. */
public record NewRemediation(String citation, String action, String owner, LocalDate dueOn) {
}
