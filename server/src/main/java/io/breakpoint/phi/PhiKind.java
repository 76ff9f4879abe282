package io.breakpoint.phi;

/** The kinds of protected health information the desk looks for in ticket text (HIPAA Safe Harbor identifiers that clinic staff paste). */
public enum PhiKind {
    PATIENT_NAME("a patient's name"),
    DATE_OF_BIRTH("a date of birth"),
    MEDICAL_RECORD_NUMBER("a medical record number"),
    SSN("a Social Security number"),
    PHONE_NUMBER("a phone number"),
    STREET_ADDRESS("a street address"),
    DATE_OF_SERVICE("a date of service"),
    INSURANCE_ID("an insurance member id");

    private final String label;

    PhiKind(String label) {
        this.label = label;
    }

    /** Plain words for messages: "a date of birth". */
    public String label() {
        return label;
    }
}
