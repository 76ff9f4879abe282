package io.breakpoint.diagnosis;

/** Where on the data path the time goes (PRODUCT.md, "The data path and its breakpoints"). */
public enum Breakpoint {
    ENDPOINT("the device itself"),
    LOCAL_NETWORK("the clinic's local network"),
    WAN("the site's internet or WAN link"),
    CLOUD("the EMR service"),
    NONE("nothing out of the ordinary"),
    INSUFFICIENT_DATA("not enough measurements to tell");

    private final String label;

    Breakpoint(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
