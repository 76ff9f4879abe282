package io.breakpoint.tickets;

/** How widely the requester says the problem reaches; a hint for triage, not a priority. */
public enum Impact {
    JUST_ME("Just me"), SEVERAL_PEOPLE("Several people"), WHOLE_SITE("The whole site"),
    PATIENTS_WAITING("Patients are waiting");

    private final String label;

    Impact(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
