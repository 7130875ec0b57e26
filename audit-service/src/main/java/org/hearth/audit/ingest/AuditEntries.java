package org.hearth.audit.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hearth.audit.chain.ChainRecord;

/**
 * Turns an audit event into a FHIR R4 AuditEvent-shaped record after IHE Basic Audit Log Patterns (BALP): type
 * {@code rest} with the RESTful interaction as subtype, action C/R/U/D/E, outcome, recorded time, the requesting agent
 * (who, roles, organisation, network address), the observer (the service that answered) and the patient as entity.
 * Only what the event carries: ids, the route template or the path, never a token, query value or body.
 */
final class AuditEntries {

    static final String EVENT_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    static final String INTERACTION_SYSTEM = "http://hl7.org/fhir/restful-interaction";
    private static final Pattern PATIENT_IN_PATH = Pattern.compile("/patients/([0-9a-fA-F-]{36})(?:/([a-z][a-z-]*))?");
    private static final Pattern PATIENT_IN_ROUTE = Pattern.compile("/patients/\\{patientId}(?:/([a-z][a-z-]*))?");

    private AuditEntries() {}

    /** A record and the facts queries filter on, ready to be chained. */
    record Prepared(Map<String, Object> facts, Map<String, Object> entry) {}

    static Prepared accessed(AuditReadersV1.PatientDataAccessed event, String source) {
        String[] parts = event.action().split(" ", 2);
        String method = parts[0];
        String route = parts.length > 1 ? parts[1] : "";
        Matcher matcher = PATIENT_IN_ROUTE.matcher(route);
        String kind = matcher.find() && matcher.group(1) != null ? matcher.group(1) : "patient";
        Prepared prepared = prepare(
                event.auditId(),
                event.patientId(),
                event.actor(),
                event.actorName(),
                event.roles(),
                event.clientId(),
                event.organization(),
                event.address(),
                method,
                route,
                kind,
                event.outcome(),
                null,
                source,
                event.correlationId(),
                ChainRecord.time(event.at()));
        if (event.purposeOfUse() != null) {
            prepared.facts().put("purposeOfUse", event.purposeOfUse());
            prepared.facts().put("grantId", event.grantId());
            prepared.facts().put("patientAgency", event.patientAgency());
            prepared.facts().put("actorAgency", event.actorAgency());
            // BALP: the reason outside the usual treatment relationship (v3 ActReason)
            prepared.entry()
                    .put(
                            "purposeOfEvent",
                            List.of(Map.of(
                                    "coding",
                                    List.of(coding(
                                            "http://terminology.hl7.org/CodeSystem/v3-ActReason",
                                            "breakGlass".equals(event.purposeOfUse()) ? "ETREAT" : "TREAT",
                                            "breakGlass".equals(event.purposeOfUse())
                                                    ? "Emergency Treatment"
                                                    : "treatment")),
                                    "text",
                                    event.purposeOfUse())));
        }
        return prepared;
    }

    static Prepared refused(AuditReadersV1.AccessRefused event) {
        Matcher matcher = PATIENT_IN_PATH.matcher(event.path());
        String patientId = null;
        String kind = null;
        if (matcher.find()) {
            patientId = matcher.group(1);
            kind = matcher.group(2) != null ? matcher.group(2) : "patient";
        }
        return prepare(
                event.auditId(),
                patientId,
                event.actor(),
                event.actorName(),
                List.of(),
                event.clientId(),
                event.organization(),
                event.address(),
                event.method(),
                event.path(),
                kind,
                event.outcome(),
                event.reason(),
                event.source(),
                event.correlationId(),
                ChainRecord.time(event.at()));
    }

    private static Prepared prepare(
            String auditId,
            String patientId,
            String actor,
            String actorName,
            List<String> roles,
            String clientId,
            String organization,
            String address,
            String method,
            String what,
            String kind,
            int status,
            String reason,
            String source,
            String correlationId,
            String at) {
        String action = action(method, what);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("patientId", patientId);
        facts.put("actor", actor);
        facts.put("actorName", actorName);
        facts.put("roles", roles == null ? List.of() : List.copyOf(roles));
        facts.put("organization", organization);
        facts.put("action", action);
        facts.put("kind", kind);
        facts.put("status", status);
        facts.put("refused", status == 401 || status == 403);
        facts.put("source", source);
        facts.put("correlationId", correlationId);
        facts.put("at", at);

        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("resourceType", "AuditEvent");
        entry.put("id", auditId);
        entry.put("type", coding(EVENT_TYPE_SYSTEM, "rest", "RESTful Operation"));
        entry.put("subtype", List.of(coding(INTERACTION_SYSTEM, interaction(action, what), null)));
        entry.put("action", action);
        entry.put("recorded", at);
        entry.put("outcome", status < 400 ? "0" : status < 500 ? "4" : "8");
        entry.put("outcomeDesc", reason == null ? "HTTP " + status : "HTTP " + status + ": " + reason);
        entry.put("agent", List.of(agent(actor, actorName, roles, clientId, organization, address)));
        Map<String, Object> observer = new LinkedHashMap<>();
        observer.put("observer", Map.of("display", source == null ? "unknown" : source));
        observer.put(
                "type",
                List.of(coding(
                        "http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server")));
        entry.put("source", observer);
        List<Object> entities = new ArrayList<>();
        if (patientId != null) {
            Map<String, Object> patient = new LinkedHashMap<>();
            patient.put("what", Map.of("reference", "Patient/" + patientId));
            patient.put("type", coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"));
            patient.put("role", coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"));
            entities.add(patient);
        }
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("what", Map.of("display", method + " " + what));
        operation.put("type", coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"));
        operation.put("name", kind == null ? "none" : kind);
        entities.add(operation);
        entry.put("entity", entities);
        if (correlationId != null) {
            entry.put(
                    "extension",
                    List.of(Map.of(
                            "url",
                            "https://hearth.example/fhir/StructureDefinition/correlation-id",
                            "valueString",
                            correlationId)));
        }
        return new Prepared(facts, entry);
    }

    private static Map<String, Object> agent(
            String actor, String actorName, List<String> roles, String clientId, String organization, String address) {
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("type", coding("http://dicom.nema.org/resources/ontology/DCM", "110153", "Source Role ID"));
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("identifier", Map.of("value", actor == null ? "anonymous" : actor));
        if (actorName != null) {
            who.put("display", actorName);
        }
        agent.put("who", who);
        agent.put(
                "role",
                (roles == null ? List.<String>of() : roles)
                        .stream().map(r -> (Object) Map.of("text", r)).toList());
        agent.put("requestor", true);
        if (clientId != null) {
            agent.put("altId", clientId);
        }
        if (organization != null) {
            agent.put("name", organization);
        }
        if (address != null) {
            agent.put("network", Map.of("address", address, "type", "2"));
        }
        return agent;
    }

    /** C create, R read, U update, D delete, E execute (a POST that runs an action rather than adding to a collection). */
    static String action(String method, String what) {
        return switch (method) {
            case "GET", "HEAD" -> "R";
            case "PUT", "PATCH" -> "U";
            case "DELETE" -> "D";
            case "POST" -> {
                String last = what.substring(what.lastIndexOf('/') + 1);
                yield last.endsWith("s") || last.endsWith("}") ? "C" : "E";
            }
            default -> "E";
        };
    }

    private static String interaction(String action, String what) {
        return switch (action) {
            case "R" -> what.endsWith("}") || !what.endsWith("s") ? "read" : "search-type";
            case "C" -> "create";
            case "U" -> "update";
            case "D" -> "delete";
            default -> "operation";
        };
    }

    private static Map<String, Object> coding(String system, String code, String display) {
        Map<String, Object> coding = new LinkedHashMap<>();
        coding.put("system", system);
        coding.put("code", code);
        if (display != null) {
            coding.put("display", display);
        }
        return coding;
    }
}
