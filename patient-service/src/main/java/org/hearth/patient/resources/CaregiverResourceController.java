package org.hearth.patient.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.security.Caller;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.hearth.platform.web.IdempotencyKeys;
import org.hearth.platform.web.PageResponse;
import org.hearth.platform.web.Paging;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** The agency's caregiver support resources: read by its staff and families, kept by coordinators and admins. */
@RestController
@RequestMapping("/api/patients/v1/agency/caregiver-resources")
@Tag(name = "Caregiver resources")
class CaregiverResourceController {

    static final String READERS = "hasAnyRole('agency-admin','coordinator','physician','nurse','therapist','aide',"
            + "'social-worker','case-manager','billing','family')";
    static final String KEEPERS = "hasAnyRole('agency-admin','coordinator','social-worker')";

    private final TenantScopedMongo mongo;
    private final IdempotencyKeys idempotency;
    private final JsonMapper json;
    private final Clock clock;

    CaregiverResourceController(TenantScopedMongo mongo, IdempotencyKeys idempotency, JsonMapper json, Clock clock) {
        this.mongo = mongo;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    record ResourceRequest(
            @NotNull CaregiverResource.Category category,
            @NotBlank @Size(max = 120) String title,
            @NotBlank @Size(max = 1000) String description,
            @Size(max = 200) String contact,

            @Size(max = 500) @Pattern(regexp = "https?://[^\\s<>\"]+", message = "must be an http or https address")
            String url) {}

    record ResourceView(
            String id,
            CaregiverResource.Category category,
            String title,
            String description,
            String contact,
            String url) {

        static ResourceView of(CaregiverResource r) {
            return new ResourceView(r.id(), r.category(), r.title(), r.description(), r.contact(), r.url());
        }
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(
            summary = "The agency's caregiver resources",
            description = "By category, then title; filter by " + "category (RESPITE, SUPPORT_GROUP, EDUCATION)")
    PageResponse<ResourceView> list(
            @RequestParam(required = false) CaregiverResource.Category category,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Criteria criteria =
                category == null ? new Criteria() : Criteria.where("category").is(category);
        return PageResponse.of(
                mongo.findPage(
                        criteria,
                        Paging.of(page, size).withSort(Sort.by("category", "title")),
                        CaregiverResource.class),
                ResourceView::of);
    }

    @PostMapping
    @PreAuthorize(KEEPERS)
    @Operation(
            summary = "Add a caregiver resource",
            description = "Links must be http(s) addresses. With "
                    + "Idempotency-Key, a retry of the same request answers the same resource and adds nothing twice; the "
                    + "same key with another body is 422")
    ResponseEntity<ResourceView> add(
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody ResourceRequest request) {
        CaregiverResource stored = idempotency
                .createOnce(
                        key,
                        Caller.subject(),
                        json.writeValueAsString(request),
                        id -> mongo.findById(id, CaregiverResource.class),
                        id -> mongo.insert(new CaregiverResource(
                                id,
                                TenantContext.current().value(),
                                request.category(),
                                request.title().strip(),
                                request.description().strip(),
                                blankToNull(request.contact()),
                                blankToNull(request.url()),
                                Caller.subject(),
                                clock.instant())))
                .resource();
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{id}")
                        .buildAndExpand(stored.id())
                        .toUri())
                .body(ResourceView.of(stored));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "One caregiver resource")
    ResourceView get(@PathVariable String id) {
        return mongo.findById(id, CaregiverResource.class)
                .map(ResourceView::of)
                .orElseThrow(() -> ApiException.notFound("caregiver resource"));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(KEEPERS)
    @Operation(summary = "Remove a caregiver resource")
    ResponseEntity<Void> remove(@PathVariable String id) {
        long removed = mongo.deleteWhere(Query.query(Criteria.where("_id").is(id)), CaregiverResource.class);
        if (removed == 0) {
            throw ApiException.notFound("caregiver resource");
        }
        return ResponseEntity.noContent().build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
