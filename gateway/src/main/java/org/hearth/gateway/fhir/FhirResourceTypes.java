package org.hearth.gateway.fhir;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.gateway.routing.GatewayProperties;

/**
 * The one table of which service owns which FHIR resource type: the routes, the CapabilityStatement, the SMART
 * scopes and the export all read it, so a type is added in one place.
 */
public final class FhirResourceTypes {

    /** A service that serves FHIR resources, by its gateway name. */
    public enum Owner {
        PATIENTS,
        SCHEDULING,
        BILLING
    }

    private static final Map<String, Owner> OWNERS = new LinkedHashMap<>();

    static {
        for (String type : List.of(
                "Patient",
                "Condition",
                "AllergyIntolerance",
                "CarePlan",
                "CareTeam",
                "Observation",
                "ServiceRequest",
                "RelatedPerson",
                "Flag")) {
            OWNERS.put(type, Owner.PATIENTS);
        }
        for (String type : List.of("Appointment", "Practitioner", "PractitionerRole")) {
            OWNERS.put(type, Owner.SCHEDULING);
        }
        for (String type : List.of("Coverage", "Claim", "ClaimResponse")) {
            OWNERS.put(type, Owner.BILLING);
        }
    }

    /** The types partners may create (remote-monitoring readings, new referrals); every type is readable. */
    public static final Set<String> WRITABLE = Set.of("Observation", "ServiceRequest");

    /** Types outside the patient compartment: exported agency-wide, not per patient. */
    static final Set<String> NOT_PER_PATIENT = Set.of("Patient", "Practitioner", "PractitionerRole");

    private FhirResourceTypes() {}

    public static List<String> all() {
        return List.copyOf(OWNERS.keySet());
    }

    public static Optional<Owner> ownerOf(String type) {
        return Optional.ofNullable(OWNERS.get(type));
    }

    public static URI uriOf(Owner owner, GatewayProperties.Services services) {
        return switch (owner) {
            case PATIENTS -> services.patient();
            case SCHEDULING -> services.scheduling();
            case BILLING -> services.billing();
        };
    }

    /** The SMART v1 scopes a partner can be granted: {@code system/<Type>.read} for all, {@code .write} where allowed. */
    public static List<String> scopes() {
        List<String> scopes = new java.util.ArrayList<>();
        for (String type : OWNERS.keySet()) {
            scopes.add("system/" + type + ".read");
        }
        for (String type : OWNERS.keySet()) {
            if (WRITABLE.contains(type)) {
                scopes.add("system/" + type + ".write");
            }
        }
        return scopes;
    }
}
