package io.breakpoint.identity.web;

import io.breakpoint.identity.Role;

import java.util.LinkedHashMap;
import java.util.Map;

/** The words the admin pages use for roles (PRODUCT.md's "who"), in the order the selects list them. */
final class RoleLabels {

    private RoleLabels() {
    }

    static String of(Role role) {
        if (role == null) return "";
        switch (role) {
            case REQUESTER: return "Clinic staff (requester)";
            case ORG_ADMIN: return "Practice manager (org admin)";
            case INTERNAL_IT: return "Clinic IT (co-managed)";
            case TIER1: return "Tier 1 engineer";
            case TIER2: return "Tier 2 specialist";
            case TIER3: return "Tier 3 infrastructure engineer";
            case VCIO: return "Virtual CIO";
            case MSP_ADMIN: return "MSP admin";
            default: return role.name();
        }
    }

    /** Role name → label for a select: the MSP's roles or a client organization's. */
    static Map<String, String> options(boolean mspSide) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Role r : Role.values()) {
            if (r.isMspRole() == mspSide) out.put(r.name(), of(r));
        }
        return out;
    }
}
