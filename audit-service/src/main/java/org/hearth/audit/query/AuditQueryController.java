package org.hearth.audit.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hearth.audit.AuditProperties;
import org.hearth.audit.chain.CanonicalJson;
import org.hearth.audit.chain.ChainRecord;
import org.hearth.audit.chain.ChainVerifier;
import org.hearth.audit.chain.Verification;
import org.hearth.audit.relations.CareRelation;
import org.hearth.audit.relations.CareRelations;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.FieldError;
import org.hearth.platform.tenancy.TenantContext;
import org.hearth.platform.web.PageResponse;
import org.hearth.platform.web.Paging;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The privacy officer's questions to the audit store of their agency. */
@RestController
@RequestMapping("/api/audit/v1")
@Tag(name = "Audit", description = "The agency's tamper-evident audit trail: queries, verification, export")
class AuditQueryController {

    static final String OFFICERS = "hasAnyRole('privacy-officer','agency-admin')";
    static final Duration MAX_UNUSUAL_WINDOW = Duration.ofDays(31);

    private final AuditRecords records;
    private final CareRelations relations;
    private final ChainVerifier verifier;
    private final AuditProperties properties;

    AuditQueryController(
            AuditRecords records, CareRelations relations, ChainVerifier verifier, AuditProperties properties) {
        this.records = records;
        this.relations = relations;
        this.verifier = verifier;
        this.properties = properties;
    }

    @GetMapping("/records")
    @PreAuthorize(OFFICERS)
    @Operation(
            summary = "The agency's audit records, newest first, by patient, user and time window",
            description =
                    "Any combination of patientId, actor (the user id), correlationId and from/to; without from/to the last 30 "
                            + "days. Refused requests are included (refused=true); see /refusals for those only. Paged (size at "
                            + "most 200).")
    PageResponse<AuditRecordView> records(
            @RequestParam(required = false) String patientId,
            @Parameter(description = "the user id (sub) of who accessed") @RequestParam(required = false) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @Parameter(description = "the X-Correlation-Id of one request: what it left in the trail")
                    @RequestParam(required = false)
                    String correlationId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return page(
                new AuditRecords.Filter(patientId, actor, null, null, correlationId, records.window(from, to)),
                page,
                size);
    }

    @GetMapping("/refusals")
    @PreAuthorize(OFFICERS)
    @Operation(
            summary = "Refused requests (401, 403) of the agency's users, newest first",
            description = "Optionally of one patient or one user; without from/to the last 30 days. Paged.")
    PageResponse<AuditRecordView> refusals(
            @RequestParam(required = false) String patientId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return page(new AuditRecords.Filter(patientId, actor, true, null, null, records.window(from, to)), page, size);
    }

    @GetMapping("/unusual-access")
    @PreAuthorize(OFFICERS)
    @Operation(
            summary = "Users who read many distinct patients outside their care teams in a window",
            description = "A read counts when it was granted, by a user whose care team for that patient does not list "
                    + "them (and who is not in the patient's care circle): coordinators, admins and billing staff read "
                    + "across the agency by their role, so the officer judges the list. Care teams are those known now "
                    + "(projected from CareTeamChanged). threshold: how many such patients make a user unusual "
                    + "(default hearth.audit.unusual-access-threshold). The window is at most 31 days; without from/to "
                    + "the last 24 hours. Paged.")
    PageResponse<UnusualAccess> unusualAccess(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Integer threshold,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        PageRequest paging = Paging.of(page, size);
        Instant end = to == null ? Instant.now() : to;
        AuditRecords.Window window = records.window(from == null ? end.minus(Duration.ofHours(24)) : from, end);
        if (Duration.between(window.from(), window.to()).compareTo(MAX_UNUSUAL_WINDOW) > 0) {
            throw ApiException.invalid(List.of(new FieldError("from", "the window is at most 31 days")));
        }
        int limit = threshold == null ? properties.unusualAccessThreshold() : threshold;
        if (limit < 1) {
            throw ApiException.invalid(List.of(new FieldError("threshold", "must be at least 1")));
        }
        Map<String, Reader> readers = new LinkedHashMap<>();
        Map<String, Optional<CareRelation>> known = new HashMap<>();
        records.each(new AuditRecords.Filter(null, null, false, "R", null, window), record -> {
            Map<String, Object> facts = record.facts();
            String actor = (String) facts.get("actor");
            String patient = (String) facts.get("patientId");
            if (actor == null || patient == null || AuditViews.ownAudit(record)) {
                return;
            }
            Optional<CareRelation> relation = known.computeIfAbsent(patient, relations::of);
            if (relation.map(r -> r.onTeam(actor) || r.inCircle(actor)).orElse(false)) {
                return;
            }
            readers.computeIfAbsent(actor, a -> new Reader(facts))
                    .read(patient, Instant.parse((String) facts.get("at")));
        });
        List<UnusualAccess> unusual = readers.values().stream()
                .filter(r -> r.patients.size() >= limit)
                .map(Reader::view)
                .sorted(Comparator.comparingInt(UnusualAccess::patientsOutsideCareTeams)
                        .reversed())
                .toList();
        int first = (int) Math.min(paging.getOffset(), unusual.size());
        int last = Math.min(first + paging.getPageSize(), unusual.size());
        return new PageResponse<>(
                unusual.subList(first, last),
                paging.getPageNumber(),
                paging.getPageSize(),
                unusual.size(),
                (unusual.size() + paging.getPageSize() - 1) / paging.getPageSize());
    }

    @GetMapping("/verification")
    @PreAuthorize(OFFICERS)
    @Operation(
            summary = "Walk the agency's hash chain and report the first broken link",
            description = "intact=false names the sequence number of the first changed, removed or reordered record, "
                    + "or of a checkpoint not signed with this deployment's key.")
    Verification verification() {
        return verifier.verify(TenantContext.current().value());
    }

    @GetMapping(value = "/export", produces = "application/x-ndjson")
    @PreAuthorize(OFFICERS)
    @Operation(
            summary = "The agency's records in a window as NDJSON, oldest first",
            description = "One stored link per line in its canonical JSON (seq, prevHash, hash, facts and the FHIR R4 "
                    + "AuditEvent in entry), so the hashes can be checked outside Hearth; with format=fhir only the "
                    + "AuditEvent resources. Without from/to the last 30 days.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string"))))
    void export(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @Parameter(description = "chain (default) or fhir") @RequestParam(required = false) String format,
            HttpServletResponse response)
            throws IOException {
        boolean fhir = "fhir".equals(format);
        if (format != null && !fhir && !"chain".equals(format)) {
            throw ApiException.invalid(List.of(new FieldError("format", "must be chain or fhir")));
        }
        AuditRecords.Window window = records.window(from, to);
        response.setContentType("application/x-ndjson");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + window.from() + ".ndjson\"");
        OutputStream out = response.getOutputStream();
        records.each(new AuditRecords.Filter(null, null, null, null, null, window), record -> {
            Map<String, Object> line = fhir ? record.entry() : withHash(record);
            try {
                out.write((CanonicalJson.of(line) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    private static Map<String, Object> withHash(ChainRecord record) {
        Map<String, Object> line = new LinkedHashMap<>(record.body());
        line.put("hash", record.hash());
        return line;
    }

    private PageResponse<AuditRecordView> page(AuditRecords.Filter filter, Integer page, Integer size) {
        PageRequest paging = Paging.of(page, size);
        AuditRecords.Found found = records.find(filter, paging);
        return new PageResponse<>(
                found.items().stream().map(AuditRecordView::of).toList(),
                paging.getPageNumber(),
                paging.getPageSize(),
                found.total(),
                (int) ((found.total() + paging.getPageSize() - 1) / paging.getPageSize()));
    }

    private static final class Reader {
        final Map<String, Object> facts;
        final Set<String> patients = new TreeSet<>();
        Instant first;
        Instant last;

        Reader(Map<String, Object> facts) {
            this.facts = facts;
        }

        void read(String patient, Instant at) {
            patients.add(patient);
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
        }

        UnusualAccess view() {
            return new UnusualAccess(
                    (String) facts.get("actor"),
                    (String) facts.get("actorName"),
                    AuditViews.roles(facts),
                    patients.size(),
                    new ArrayList<>(patients),
                    first,
                    last);
        }
    }
}
