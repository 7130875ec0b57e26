package org.hearth.patient.breakglass;

import java.util.List;
import org.hearth.patient.agency.AgencyDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The agency's privacy officers (realm role {@code privacy-officer}, members of the agency's organization), from
 * Keycloak. When Keycloak cannot say, the grant is opened all the same (an emergency does not wait for the directory)
 * and the privacy officers find it in their review queue; only the notice to them is lost, and that is logged.
 */
@Component
class PrivacyOfficers {

    static final String ROLE = "privacy-officer";
    private static final Logger log = LoggerFactory.getLogger(PrivacyOfficers.class);

    private final AgencyDirectory directory;

    PrivacyOfficers(AgencyDirectory directory) {
        this.directory = directory;
    }

    List<String> of(String agencyId) {
        try {
            return directory.staffWithRole(agencyId, ROLE, 50);
        } catch (RuntimeException e) {
            log.warn(
                    "Privacy officers of agency {} unknown ({}): the break-glass notice goes to the lead physician only",
                    agencyId,
                    e.toString());
            return List.of();
        }
    }
}
