package org.hearth.messaging.threads;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hearth.messaging.crypto.MessageCipher;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.security.Caller;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.web.IdempotencyKeys;
import org.hearth.platform.web.PageResponse;
import org.hearth.platform.web.Paging;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Threads: list mine, open a direct thread or a huddle, join a patient's family thread, record huddle decisions. */
@RestController
@RequestMapping("/api/messaging/v1/threads")
@Tag(name = "Threads")
@PreAuthorize(ThreadController.PEOPLE)
public class ThreadController {

    public static final String STAFF = "hasAnyRole('agency-admin','coordinator','physician','nurse','therapist','aide',"
            + "'social-worker','case-manager')";
    public static final String PEOPLE = STAFF + " or hasRole('family')";

    private final Threads threads;
    private final ThreadAccess access;
    private final MessageCipher cipher;
    private final IdempotencyKeys idempotency;
    private final JsonMapper json;
    private final Clock clock;

    ThreadController(
            Threads threads,
            ThreadAccess access,
            MessageCipher cipher,
            IdempotencyKeys idempotency,
            JsonMapper json,
            Clock clock) {
        this.threads = threads;
        this.access = access;
        this.cipher = cipher;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    record NewThread(
            @NotNull ChatThread.Kind kind,
            @Size(max = 100) String with,
            @Size(max = 100) String patientId,
            @Size(max = 2000) String agenda,
            Instant meetsAt,
            @Size(max = 30) Set<@NotBlank String> attendees) {}

    record DecisionRequest(@NotBlank @Size(max = 2000) String text, Integer carePlanVersion) {}

    record ThreadView(
            String id,
            ChatThread.Kind kind,
            String patientId,
            Set<String> participants,
            HuddleView huddle,
            Instant createdAt) {}

    record HuddleView(String agenda, Instant meetsAt, List<DecisionView> decisions) {}

    record DecisionView(String id, String text, Integer carePlanVersion, String recordedBy, Instant recordedAt) {}

    @GetMapping
    @Operation(
            summary = "The threads I take part in",
            description =
                    "Optionally only one patient's (patientId) and of "
                            + "one kind (kind), as the console finds a patient's care-team, family or huddle threads; paged (max 200)")
    PageResponse<ThreadView> mine(
            @RequestParam(required = false) String patientId,
            @RequestParam(required = false) ChatThread.Kind kind,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        String me = Caller.subject();
        boolean family = Caller.hasRole("family");
        List<String> familyThreads = new java.util.ArrayList<>(access.patientsInCircle(me));
        if (!family) {
            familyThreads.addAll(access.patientsCoordinated(me));
        }
        return PageResponse.of(
                threads.visibleTo(
                        me,
                        family ? List.of() : access.patientsOnCareTeam(me),
                        familyThreads,
                        patientId,
                        kind,
                        Paging.of(page, size).withSort(Sort.by("createdAt", "_id"))),
                this::view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A thread I take part in, with its participants (and a huddle's agenda and decisions)")
    ThreadView get(@PathVariable String id) {
        return view(access.readable(id, Caller.subject()));
    }

    @PostMapping
    @PreAuthorize(STAFF)
    @Operation(
            summary = "Open a DIRECT thread with a colleague or call a HUDDLE on a patient",
            description = "Care-team and family threads are opened by admission, not here. With Idempotency-Key, a "
                    + "retry of the same request answers the same thread and opens none twice; another body is 422")
    ResponseEntity<ThreadView> open(
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String key,
            @Valid @RequestBody NewThread request) {
        String me = Caller.subject();
        String tenant = TenantContext.current().value();
        Instant now = clock.instant();
        validate(request, me); // refuse an invalid request before claiming its key
        ChatThread thread = idempotency
                .createOnce(key, me, json.writeValueAsString(request), threads::find, id -> {
                    ChatThread opened = request.kind() == ChatThread.Kind.DIRECT
                            ? new ChatThread(
                                    id,
                                    tenant,
                                    ChatThread.Kind.DIRECT,
                                    null,
                                    List.of(me, request.with()),
                                    null,
                                    now,
                                    me,
                                    1)
                            : huddle(id, request, me, tenant, now);
                    threads.createIfAbsent(opened);
                    return threads.find(id).orElse(opened);
                })
                .resource();
        return ResponseEntity.created(URI.create("/api/messaging/v1/threads/" + thread.id()))
                .body(view(thread));
    }

    private void validate(NewThread request, String me) {
        switch (request.kind()) {
            case DIRECT -> {
                if (request.with() == null || request.with().equals(me)) {
                    throw ApiException.invalid(List.of(new FieldError("with", "name the colleague to write to")));
                }
            }
            case HUDDLE -> validateHuddle(request, me);
            default ->
                throw ApiException.invalid(List.of(new FieldError(
                        "kind",
                        "only DIRECT and HUDDLE threads are "
                                + "opened here; care-team and family threads exist for every admitted patient")));
        }
    }

    private void validateHuddle(NewThread request, String me) {
        List<FieldError> errors = new ArrayList<>();
        if (request.patientId() == null || !access.onCareTeam(request.patientId(), me)) {
            errors.add(new FieldError("patientId", "a huddle is called by a member of the patient's care team"));
        }
        if (request.agenda() == null || request.agenda().isBlank()) {
            errors.add(new FieldError("agenda", "must not be blank"));
        }
        if (request.attendees() == null || request.attendees().isEmpty()) {
            errors.add(new FieldError("attendees", "name at least one colleague"));
        } else if (request.patientId() != null
                && request.attendees().stream().anyMatch(a -> !access.onCareTeam(request.patientId(), a))) {
            errors.add(new FieldError("attendees", "every attendee must be on the patient's care team"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }

    private ChatThread huddle(String id, NewThread request, String me, String tenant, Instant now) {
        List<String> members = new ArrayList<>(request.attendees());
        if (!members.contains(me)) {
            members.add(0, me);
        }
        return new ChatThread(
                id,
                tenant,
                ChatThread.Kind.HUDDLE,
                request.patientId(),
                members,
                new ChatThread.Huddle(cipher.seal(tenant, request.agenda(), id), request.meetsAt(), List.of()),
                now,
                me,
                1);
    }

    @PostMapping("/{id}/membership")
    @PreAuthorize(STAFF)
    @Operation(summary = "Join a patient's family thread (care-team members only)")
    ThreadView join(@PathVariable String id) {
        String me = Caller.subject();
        ChatThread thread = threads.find(id).orElseThrow(() -> ApiException.notFound("Thread " + id));
        if (thread.kind() != ChatThread.Kind.FAMILY || !access.onCareTeam(thread.patientId(), me)) {
            throw ApiException.notFound("Thread " + id);
        }
        threads.addMember(id, me);
        return view(access.readable(id, me));
    }

    @PostMapping("/{id}/decisions")
    @PreAuthorize(STAFF)
    @Operation(summary = "Record a huddle's decision, optionally linked to the care plan version it led to")
    ThreadView decide(@PathVariable String id, @Valid @RequestBody DecisionRequest request) {
        String me = Caller.subject();
        ChatThread thread = access.readable(id, me);
        if (thread.kind() != ChatThread.Kind.HUDDLE) {
            throw ApiException.conflict("Decisions are recorded in huddles");
        }
        String decisionId = UUID.randomUUID().toString();
        ChatThread.Decision decision = new ChatThread.Decision(
                decisionId,
                cipher.seal(thread.tenantId(), request.text(), decisionId),
                request.carePlanVersion(),
                me,
                clock.instant());
        if (!threads.update(id, thread.version(), new Update().push("huddle.decisions", decision))) {
            throw ApiException.conflict("The huddle changed at the same time; try again");
        }
        return view(access.readable(id, me));
    }

    private ThreadView view(ChatThread t) {
        HuddleView huddle = t.huddle() == null
                ? null
                : new HuddleView(
                        cipher.openText(t.tenantId(), t.huddle().agenda(), t.id()),
                        t.huddle().meetsAt(),
                        t.huddle().decisions() == null
                                ? List.of()
                                : t.huddle().decisions().stream()
                                        .map(d -> new DecisionView(
                                                d.id(),
                                                cipher.openText(t.tenantId(), d.text(), d.id()),
                                                d.carePlanVersion(),
                                                d.recordedBy(),
                                                d.recordedAt()))
                                        .toList());
        return new ThreadView(t.id(), t.kind(), t.patientId(), access.participants(t), huddle, t.createdAt());
    }
}
