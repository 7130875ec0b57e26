package org.hearth.billing.authorizations;

import java.util.Map;
import java.util.Optional;
import org.hearth.platform.audit.PatientOfResource;
import org.springframework.stereotype.Component;

/** A request on a prior authorization (read, submission, decision, appeal) is an access to its patient's data. */
@Component
class AuthorizationPatients implements PatientOfResource {

    private static final String AUTHORIZATION = "/api/billing/v1/authorizations/{id}";

    private final AuthorizationRepository authorizations;

    AuthorizationPatients(AuthorizationRepository authorizations) {
        this.authorizations = authorizations;
    }

    @Override
    public Optional<String> patientOf(String route, Map<String, String> variables) {
        if (!route.startsWith(AUTHORIZATION) || variables.get("id") == null) {
            return Optional.empty();
        }
        return authorizations
                .find(variables.get("id"))
                .map(stored -> stored.authorization().patientId());
    }
}
