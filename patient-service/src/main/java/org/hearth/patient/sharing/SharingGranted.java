package org.hearth.patient.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hearth.platform.events.DomainEvent;

/**
 * The patient consented that another agency reads parts of the record for a period. Services that serve a shared part
 * from their own data (scheduling, for the visits) keep the grant and check it themselves. Ids, codes and dates only:
 * no names, no consent document reference, nothing of who consented.
 *
 * @param ownerAgency  the patient's agency (tenant id), also the event's {@code ce_tenantid}
 * @param granteeAlias the other agency's organization alias, as its staff's tokens name it
 */
public record SharingGranted(
        String patientId,
        String grantId,
        String ownerAgency,
        String granteeAlias,
        List<SharedPart> parts,
        LocalDate from,
        LocalDate until,
        Instant grantedAt)
        implements DomainEvent {

    public static final String TYPE = "org.hearth.patient.SharingGranted.v1";

    static SharingGranted of(SharingGrant grant) {
        return new SharingGranted(
                grant.patientId(),
                grant.id(),
                grant.ownerAgency(),
                grant.granteeAlias(),
                grant.parts().stream().sorted().toList(),
                grant.from(),
                grant.until(),
                grant.grantedAt());
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subject() {
        return patientId;
    }
}
