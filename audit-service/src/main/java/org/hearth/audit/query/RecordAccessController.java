package org.hearth.audit.query;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hearth.audit.chain.ChainRecord;
import org.hearth.audit.relations.CareRelation;
import org.hearth.audit.relations.CareRelations;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.problem.ProblemType;
import org.hearth.platform.security.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "Who viewed my record" for a patient's point of contact and for the privacy officer. */
@RestController
@RequestMapping("/api/audit/v1/patients/{patientId}/record-accesses")
@Tag(
        name = "Record accesses",
        description = "Who accessed a patient's record: for the family (ACCESS_LOG consent) and the privacy officer")
class RecordAccessController {

    /** Patient ids are UUIDs (patient-service makes them); anything else names no patient. */
    private static final java.util.regex.Pattern PATIENT_ID = java.util.regex.Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    static final int MAX_ACCESSES = 500;
    static final String READERS = "hasAnyRole('privacy-officer','agency-admin','family')";

    private final AuditRecords records;
    private final CareRelations relations;

    RecordAccessController(AuditRecords records, CareRelations relations) {
        this.records = records;
        this.relations = relations;
    }

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(
            summary = "Who accessed this patient's record in a window, by kind of data",
            description = "Role and name of each person who read or changed the record, their organisation, when, and "
                    + "what kind of data, grouped by kind; refused requests are left out. The privacy officer and the "
                    + "agency admin see any patient of their agency. A family member sees only a patient whose care "
                    + "circle lists them (404 otherwise) as its point of contact with the ACCESS_LOG consent (403 otherwise). Without from/to, "
                    + "the last 30 days.")
    RecordAccesses accesses(
            @PathVariable String patientId,
            @Parameter(description = "start of the window (inclusive), ISO-8601 instant")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant from,
            @Parameter(description = "end of the window (exclusive), ISO-8601 instant")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
                    Instant to) {
        if (!PATIENT_ID.matcher(patientId).matches()
                || (relations.of(patientId).isEmpty() && !records.any(patientId))) {
            throw ApiException.notFound("The patient"); // nothing of this agency: another agency's or no patient
        }
        if (!Caller.hasRole("privacy-officer") && !Caller.hasRole("agency-admin")) {
            CareRelation relation = relations.of(patientId).orElse(null);
            if (relation == null || !relation.inCircle(Caller.subject())) {
                throw ApiException.notFound("The patient");
            }
            if (!relation.grantsAccessLog(Caller.subject())) {
                throw new ApiException(
                        ProblemType.FORBIDDEN,
                        "Only the patient's point of contact, with the "
                                + "consent to see who accessed the record (ACCESS_LOG), may see this list.");
            }
        }
        AuditRecords.Window window = records.window(from, to);
        List<RecordAccesses.RecordAccess> accesses = new ArrayList<>();
        int[] total = {0};
        records.each(new AuditRecords.Filter(patientId, null, false, null, null, window), record -> {
            if (AuditViews.ownAudit(record)) {
                return; // reading this very list is not an access to the record
            }
            total[0]++;
            accesses.add(access(record));
            if (accesses.size() > MAX_ACCESSES) {
                accesses.removeFirst();
            }
        });
        accesses.sort(Comparator.comparing(RecordAccesses.RecordAccess::at).reversed());
        Map<String, List<RecordAccesses.RecordAccess>> byKind = new LinkedHashMap<>();
        accesses.forEach(
                a -> byKind.computeIfAbsent(a.kind(), k -> new ArrayList<>()).add(a));
        return new RecordAccesses(
                patientId,
                window.from(),
                window.to(),
                total[0],
                total[0] > accesses.size(),
                byKind.entrySet().stream()
                        .map(e -> new RecordAccesses.KindGroup(
                                e.getKey(), e.getValue().size(), e.getValue()))
                        .toList());
    }

    private static RecordAccesses.RecordAccess access(ChainRecord record) {
        Map<String, Object> facts = record.facts();
        return new RecordAccesses.RecordAccess(
                Instant.parse((String) facts.get("at")),
                AuditViews.who(facts),
                AuditViews.role(facts),
                (String) facts.get("organization"),
                AuditViews.verb((String) facts.get("action")),
                (String) facts.get("kind"));
    }
}
