package io.breakpoint.tickets;

/** Priority by clinical impact (PRODUCT.md): P1 patient care stopped widely ... P4 requests and questions. */
public enum Priority {
    P1("Critical"), P2("High"), P3("Normal"), P4("Low");

    private final String label;

    Priority(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
