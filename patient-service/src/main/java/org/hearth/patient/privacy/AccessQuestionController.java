package org.hearth.patient.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.hearth.patient.access.PatientAccess;
import org.hearth.patient.access.Purpose;
import org.hearth.patient.carecircle.CareCircleMember;
import org.hearth.patient.carecircle.CareCircleRepository;
import org.hearth.patient.record.PatientRepository;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.ProblemType;
import org.hearth.platform.security.Caller;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.hearth.platform.web.IdempotencyKeys;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Ask about this access": the point of contact sends the privacy officers a question about one access they saw in
 * the record's access log; the privacy officers list the open questions and mark them answered.
 */
@RestController
@Tag(name = "Record accesses")
class AccessQuestionController {

    private final PatientAccess access;
    private final CareCircleRepository circles;
    private final PatientRepository patients;
    private final TenantScopedMongo mongo;
    private final IdempotencyKeys idempotency;
    private final JsonMapper json;
    private final Clock clock;

    AccessQuestionController(
            PatientAccess access,
            CareCircleRepository circles,
            PatientRepository patients,
            TenantScopedMongo mongo,
            IdempotencyKeys idempotency,
            JsonMapper json,
            Clock clock) {
        this.access = access;
        this.circles = circles;
        this.patients = patients;
        this.mongo = mongo;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    record AccessRef(
            @NotNull Instant at,
            @Size(max = 200) String who,
            @Size(max = 50) String role,
            @Size(max = 100) String organization,
            @Size(max = 100) String kind) {}

    record QuestionRequest(
            @NotBlank @Size(max = 2000) String question,
            @NotNull @Valid AccessRef access) {}

    record QuestionView(
            String id,
            String patientId,
            String patientName,
            String askedByName,
            String question,
            AccessQuestion.Access access,
            Instant askedAt,
            Instant answeredAt) {}

    @PostMapping("/api/patients/v1/patients/{patientId}/access-questions")
    @PreAuthorize("hasRole('family')")
    @Operation(
            summary = "Ask the privacy officer about one access to the record",
            description = "For the care "
                    + "circle's point of contact with the ACCESS_LOG consent (403 otherwise). With Idempotency-Key, a retry "
                    + "answers the same question.")
    ResponseEntity<QuestionView> ask(
            @PathVariable String patientId,
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody QuestionRequest request) {
        access.require(patientId, Purpose.ACCESS_LOG);
        CareCircleMember me = circles.find(patientId)
                .circle()
                .member(Caller.subject())
                .filter(CareCircleMember::pointOfContact)
                .orElseThrow(() ->
                        new ApiException(ProblemType.FORBIDDEN, "Only the point of contact may ask about accesses."));
        AccessRef a = request.access();
        AccessQuestion asked = idempotency
                .createOnce(
                        key,
                        Caller.subject(),
                        patientId + "\n" + json.writeValueAsString(request),
                        id -> mongo.findById(id, AccessQuestion.class),
                        id -> mongo.insert(new AccessQuestion(
                                id,
                                TenantContext.current().value(),
                                patientId,
                                Caller.subject(),
                                me.displayName(),
                                request.question().strip(),
                                new AccessQuestion.Access(a.at(), a.who(), a.role(), a.organization(), a.kind()),
                                clock.instant(),
                                null,
                                null)))
                .resource();
        return ResponseEntity.created(URI.create("/api/patients/v1/access-questions/" + asked.id()))
                .body(view(asked));
    }

    @GetMapping("/api/patients/v1/access-questions")
    @PreAuthorize("hasRole('privacy-officer')")
    @Operation(summary = "Questions about accesses not answered yet, newest first (at most 200)")
    List<QuestionView> open() {
        return mongo
                .find(
                        Query.query(Criteria.where("answeredAt").is(null))
                                .with(Sort.by(Sort.Direction.DESC, "askedAt"))
                                .limit(200),
                        AccessQuestion.class)
                .stream()
                .map(this::view)
                .toList();
    }

    @PostMapping("/api/patients/v1/access-questions/{questionId}/answered")
    @PreAuthorize("hasRole('privacy-officer')")
    @Operation(summary = "Mark a question answered (the privacy officer replied to the family)")
    QuestionView answered(@PathVariable String questionId) {
        if (!mongo.updateIfPresent(
                questionId,
                new Update().set("answeredAt", clock.instant()).set("answeredBy", Caller.subject()),
                AccessQuestion.class)) {
            throw ApiException.notFound("Question " + questionId);
        }
        return view(mongo.findById(questionId, AccessQuestion.class).orElseThrow());
    }

    private QuestionView view(AccessQuestion q) {
        String name = patients.findById(q.patientId())
                .map(p -> p.givenName() + " " + p.familyName())
                .orElse(null);
        return new QuestionView(
                q.id(), q.patientId(), name, q.askedByName(), q.question(), q.access(), q.askedAt(), q.answeredAt());
    }
}
