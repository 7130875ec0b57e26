package org.hearth.audit.query;

import java.util.List;
import java.util.Map;
import org.hearth.audit.chain.ChainRecord;

/** How a stored record reads in answers: the person, their role, the verb. */
final class AuditViews {

    /** The role that says most about why someone looked, when a person holds several. */
    private static final List<String> ROLE_ORDER = List.of(
            "physician",
            "nurse",
            "therapist",
            "aide",
            "social-worker",
            "case-manager",
            "coordinator",
            "billing",
            "agency-admin",
            "privacy-officer",
            "family",
            "partner");

    private AuditViews() {}

    static String who(Map<String, Object> facts) {
        Object name = facts.get("actorName");
        return name instanceof String s && !s.isBlank() ? s : String.valueOf(facts.get("actor"));
    }

    @SuppressWarnings("unchecked")
    static List<String> roles(Map<String, Object> facts) {
        return facts.get("roles") instanceof List<?> roles ? (List<String>) roles : List.of();
    }

    static String role(Map<String, Object> facts) {
        List<String> roles = roles(facts);
        return ROLE_ORDER.stream()
                .filter(roles::contains)
                .findFirst()
                .orElse(roles.isEmpty() ? "unknown" : roles.getFirst());
    }

    static String verb(String action) {
        return switch (action == null ? "" : action) {
            case "R" -> "viewed";
            case "C" -> "created";
            case "U" -> "changed";
            case "D" -> "removed";
            default -> "ran an action on";
        };
    }

    /** A read of the audit store itself (the access log of a patient), which is not an access to the record. */
    static boolean ownAudit(ChainRecord record) {
        return "/hearth/audit-service".equals(record.facts().get("source"));
    }
}
