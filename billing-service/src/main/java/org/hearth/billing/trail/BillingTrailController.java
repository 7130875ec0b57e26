package org.hearth.billing.trail;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.billing.patients.BillingFileController;
import org.hearth.platform.problem.ApiException;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.hearth.platform.web.PageResponse;
import org.hearth.platform.web.Paging;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The billing trail: lines, claim readiness per payer and period, CSV export for the claims system. */
@RestController
@Tag(name = "Billing trail")
class BillingTrailController {

    static final int MAX_DAYS = 366;
    static final int MAX_EXPORT = 20_000;

    private final TenantScopedMongo mongo;

    BillingTrailController(TenantScopedMongo mongo) {
        this.mongo = mongo;
    }

    record LineView(
            String visitId,
            String patientId,
            String payerId,
            String discipline,
            String hcpcs,
            LocalDate serviceDate,
            int units,
            String authorizationId,
            BillableLine.Status status,
            List<BillableLine.HoldReason> holdReasons,
            LocalDate filingDeadline) {

        static LineView of(BillableLine l) {
            return new LineView(
                    l.visitId(),
                    l.patientId(),
                    l.payerId(),
                    l.discipline(),
                    l.hcpcs(),
                    l.serviceDate(),
                    l.units(),
                    l.authorizationId(),
                    l.status(),
                    l.holdReasons(),
                    l.filingDeadline());
        }
    }

    record PayerReadiness(
            String payerId,
            int readyLines,
            int readyUnits,
            int onHoldLines,
            Map<BillableLine.HoldReason, Long> onHoldByReason,
            LocalDate earliestFilingDeadline) {}

    record Readiness(LocalDate from, LocalDate to, List<PayerReadiness> payers) {}

    @GetMapping("/api/billing/v1/billable-lines")
    @PreAuthorize(BillingFileController.READERS)
    @Operation(summary = "Billable lines of a period, filtered by status, payer or patient; paged")
    PageResponse<LineView> lines(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) BillableLine.Status status,
            @RequestParam(required = false) String payerId,
            @RequestParam(required = false) String patientId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        Criteria criteria = filtered(from, to, status, payerId, patientId);
        return PageResponse.of(
                mongo.findPage(
                        criteria, Paging.of(page, size).withSort(Sort.by("serviceDate", "_id")), BillableLine.class),
                LineView::of);
    }

    @GetMapping("/api/billing/v1/reports/claim-readiness")
    @PreAuthorize(BillingFileController.READERS)
    @Operation(summary = "Claim readiness per payer for a period: ready lines and units, lines on hold by reason")
    Readiness readiness(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Map<String, List<BillableLine>> byPayer = all(from, to).stream()
                .collect(Collectors.groupingBy(
                        l -> l.payerId() == null ? "(no coverage)" : l.payerId(), TreeMap::new, Collectors.toList()));
        List<PayerReadiness> payers = byPayer.entrySet().stream()
                .map(e -> {
                    List<BillableLine> ready = e.getValue().stream()
                            .filter(l -> l.status() == BillableLine.Status.READY)
                            .toList();
                    List<BillableLine> held = e.getValue().stream()
                            .filter(l -> l.status() == BillableLine.Status.ON_HOLD)
                            .toList();
                    return new PayerReadiness(
                            e.getKey(),
                            ready.size(),
                            ready.stream().mapToInt(BillableLine::units).sum(),
                            held.size(),
                            held.stream()
                                    .flatMap(l -> l.holdReasons().stream())
                                    .collect(Collectors.groupingBy(
                                            Function.identity(), TreeMap::new, Collectors.counting())),
                            ready.stream()
                                    .map(BillableLine::filingDeadline)
                                    .filter(java.util.Objects::nonNull)
                                    .min(LocalDate::compareTo)
                                    .orElse(null));
                })
                .toList();
        return new Readiness(from, to, payers);
    }

    @GetMapping(value = "/api/billing/v1/billable-lines.csv", produces = "text/csv")
    @PreAuthorize("hasRole('billing')")
    @Operation(
            summary = "Export a period's billable lines as CSV (RFC 4180) for the claims system",
            description = "The same filters as the paged lines (status, payer, patient); ids and codes only, no "
                    + "names; at most " + MAX_EXPORT + " lines, oldest service date first")
    ResponseEntity<String> csv(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) BillableLine.Status status,
            @RequestParam(required = false) String payerId,
            @RequestParam(required = false) String patientId) {
        StringBuilder csv = new StringBuilder(
                "visit_id,patient_id,payer_id,discipline,hcpcs,service_date,units,authorization_id,status,hold_reasons,filing_deadline\r\n");
        for (BillableLine l : all(filtered(from, to, status, payerId, patientId))) {
            csv.append(String.join(
                            ",",
                            l.visitId(),
                            l.patientId(),
                            nullable(l.payerId()),
                            l.discipline(),
                            l.hcpcs(),
                            l.serviceDate().toString(),
                            String.valueOf(l.units()),
                            nullable(l.authorizationId()),
                            l.status().name(),
                            l.holdReasons().stream().map(Enum::name).collect(Collectors.joining(";")),
                            l.filingDeadline() == null ? "" : l.filingDeadline().toString()))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"billable-lines-" + from + "-" + to + ".csv\"")
                .body(csv.toString());
    }

    private List<BillableLine> all(LocalDate from, LocalDate to) {
        return all(period(from, to));
    }

    private List<BillableLine> all(Criteria criteria) {
        return mongo.find(
                new Query(criteria).with(Sort.by("serviceDate", "_id")).limit(MAX_EXPORT), BillableLine.class);
    }

    /** The period and the optional filters shared by the paged lines and the CSV export. */
    private static Criteria filtered(
            LocalDate from, LocalDate to, BillableLine.Status status, String payerId, String patientId) {
        Criteria criteria = period(from, to);
        if (status != null) {
            criteria.and("status").is(status);
        }
        if (payerId != null) {
            criteria.and("payerId").is(payerId);
        }
        if (patientId != null) {
            criteria.and("patientId").is(patientId);
        }
        return criteria;
    }

    private static Criteria period(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ApiException.badRequest("The period must run forward and span at most " + MAX_DAYS + " days");
        }
        return Criteria.where("serviceDate").gte(from).lte(to);
    }

    /** Ids are UUIDs or codes without commas or quotes, so no CSV quoting is needed; null becomes an empty field. */
    private static String nullable(String value) {
        return value == null ? "" : value;
    }
}
