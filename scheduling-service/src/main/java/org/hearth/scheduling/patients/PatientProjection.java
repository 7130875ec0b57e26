package org.hearth.scheduling.patients;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hearth.platform.tenancy.TenantOwned;
import org.hearth.scheduling.geo.GeoPoint;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What scheduling knows of a patient: enough to plan visits and routes and to decide who may see them; no name
 * or street. Status, place, care team and care circle come from patient-service events; visit preferences (time
 * windows, preferred clinician) are scheduling's own data, set through its API. {@code referringPartner} is the
 * partner organisation whose referral admitted the patient: that partner system may read the patient's appointments.
 * {@code breakGlass} and {@code revokedBreakGlass} follow patient-service's break-glass grants, so a clinician who
 * opened the record in an emergency sees the visits too, and stops seeing them when the grant is revoked.
 */
@Document(PatientProjection.COLLECTION)
public record PatientProjection(
        @Id String patientId,
        String tenantId,
        String status,
        String language,
        String postalCode,
        Double latitude,
        Double longitude,
        Instant admittedAt,
        List<String> careTeam,
        List<CircleMember> careCircle,
        List<TimeWindow> timeWindows,
        String preferredClinicianId,
        List<String> processedEventIds,
        String referringPartner,
        List<EmergencyAccess> breakGlass,
        List<String> revokedBreakGlass)
        implements TenantOwned {

    public static final String COLLECTION = "patients";

    /** A family member of the care circle and the consent scopes granted (SCHEDULE lets them see visits). */
    public record CircleMember(String subject, Set<String> scopes) {}

    /** A break-glass grant of patient-service: {@code clinician} reads the record from opening until expiry. */
    public record EmergencyAccess(String grantId, String clinician, Instant openedAt, Instant expiresAt) {}

    public PatientProjection {
        breakGlass = breakGlass == null ? List.of() : List.copyOf(breakGlass);
        revokedBreakGlass = revokedBreakGlass == null ? List.of() : List.copyOf(revokedBreakGlass);
        careTeam = careTeam == null ? List.of() : List.copyOf(careTeam);
        careCircle = careCircle == null ? List.of() : List.copyOf(careCircle);
        timeWindows = timeWindows == null ? List.of() : List.copyOf(timeWindows);
    }

    /** The home, or null when the address could not be geocoded. */
    public GeoPoint home() {
        return latitude == null || longitude == null ? null : new GeoPoint(latitude, longitude);
    }

    public boolean onCareTeam(String subject) {
        return careTeam.contains(subject);
    }

    /** The id of a break-glass grant in force at {@code now} for {@code subject}, if there is one. */
    public Optional<String> breakGlassGrantOf(String subject, Instant now) {
        return breakGlass.stream()
                .filter(g -> g.clinician().equals(subject)
                        && !revokedBreakGlass.contains(g.grantId())
                        && !now.isBefore(g.openedAt())
                        && now.isBefore(g.expiresAt()))
                .map(EmergencyAccess::grantId)
                .findFirst();
    }

    /** Whether the partner organisation {@code partner} referred this patient. */
    public boolean referredBy(String partner) {
        return partner != null && partner.equals(referringPartner);
    }

    /** Whether {@code subject} is in the care circle with consent scope {@code scope}. */
    public boolean circleGrants(String subject, String scope) {
        return careCircle.stream()
                .anyMatch(m -> m.subject().equals(subject) && m.scopes().contains(scope));
    }
}
