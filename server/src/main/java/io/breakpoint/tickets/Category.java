package io.breakpoint.tickets;

/** The triage taxonomy of PRODUCT.md: every ticket has exactly one. */
public enum Category {
    ACCOUNT_ACCESS("Account access"),
    EMR_PERFORMANCE("EMR performance"),
    EMR_APPLICATION("EMR application"),
    PRINTING_SCANNING("Printing & scanning"),
    NETWORK_CONNECTIVITY("Network connectivity"),
    MEDICAL_DEVICE_INTEGRATION("Medical device integration"),
    ENDPOINT_HARDWARE("Computer & hardware"),
    EMAIL_COLLABORATION("Email & collaboration"),
    PHONES_TELEPHONY("Phones"),
    SECURITY_INCIDENT("Security incident"),
    INFRASTRUCTURE("Infrastructure"),
    SERVICE_REQUEST("Service request");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
