package org.hearth.patient.agency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who a coordinator may put on a care team: the agency's enabled staff who care for patients, by name and realm roles.
 * Less than the admin's staff list on purpose: no username, no e-mail, no billing staff, no family accounts.
 */
@RestController
@RequestMapping("/api/patients/v1/agency/care-staff")
@PreAuthorize("hasAnyRole('agency-admin','coordinator')")
@Tag(name = "Care team")
class CareStaffController {

    /** Roles that take part in care; billing and family accounts are never on a care team. */
    static final Set<String> CARING = Set.of(
            "agency-admin", "coordinator", "physician", "nurse", "therapist", "aide", "social-worker", "case-manager");
    /** An agency's staff fits on one read; the directory is not paged for this list. */
    static final int MAX = 500;

    private final AgencyDirectory directory;

    CareStaffController(AgencyDirectory directory) {
        this.directory = directory;
    }

    record CareStaff(String id, String name, List<String> roles) {}

    @GetMapping
    @Operation(
            summary = "The agency's staff who may join a care team",
            description = "Enabled accounts holding a "
                    + "caring realm role (not billing, not family), with name and roles only, sorted by name")
    List<CareStaff> list() {
        return directory.members(Agency.ofCaller(), 0, MAX).stream()
                .filter(p -> p.enabled() && p.roles().stream().anyMatch(CARING::contains))
                .map(p -> new CareStaff(
                        p.id(),
                        name(p),
                        p.roles().stream().filter(CARING::contains).toList()))
                .sorted(java.util.Comparator.comparing(CareStaff::name))
                .toList();
    }

    private static String name(AgencyDirectory.Person p) {
        String name = String.join(
                " ",
                java.util.stream.Stream.of(p.givenName(), p.familyName())
                        .filter(s -> s != null && !s.isBlank())
                        .toList());
        return name.isBlank() ? p.username() : name;
    }
}
