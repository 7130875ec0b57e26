package org.hearth.gateway.fhir;

import ca.uhn.fhir.parser.IParser;
import jakarta.annotation.PreDestroy;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hearth.gateway.problem.FhirOutcomes;
import org.hearth.gateway.routing.GatewayProperties;
import org.hearth.gateway.routing.ServiceInstances;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs a Bulk Data export by reading the services' own FHIR searches with the caller's token, page by page, and
 * writing one NDJSON file per type. Why at the gateway and through the ordinary searches: every service already
 * enforces tenancy, scopes, care-team and referral rules and audits each read on those searches, so the export sees
 * exactly what the caller could read one request at a time, and no service needs an export engine of its own.
 * Patients come first; the types of the patient compartment are then read per patient ({@code ?patient=<id>}, the
 * one search parameter every service supports), the others (practitioners) agency-wide.
 * <p>
 * The caller's token is held in memory only for the run (never written with the job); an agency export of the
 * demo's size takes seconds, well inside a token's 5 minutes. An export outliving its token gets 401s, which are
 * reported in the error file; the partner then starts a new one (a longer-lived grant is a later step).
 */
@Component
class BulkExporter {

    private static final Logger log = LoggerFactory.getLogger(BulkExporter.class);
    static final String ERRORS = "OperationOutcome";

    private final ExportJobStore store;
    private final GatewayProperties gateway;
    private final FhirProperties properties;
    private final ExecutorService workers;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Clock clock = Clock.systemUTC();

    private final ServiceInstances instances;

    BulkExporter(
            ExportJobStore store, GatewayProperties gateway, FhirProperties properties, ServiceInstances instances) {
        this.instances = instances;
        this.store = store;
        this.gateway = gateway;
        this.properties = properties;
        this.workers = Executors.newFixedThreadPool(
                Math.max(1, properties.exportConcurrency()),
                Thread.ofPlatform().name("fhir-export-", 0).daemon(true).factory());
    }

    void start(ExportJob job, String bearerToken) {
        store.save(job);
        workers.execute(() -> run(job, bearerToken));
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    private void run(ExportJob accepted, String token) {
        ExportJob job = accepted;
        Path directory = store.directoryOf(job.id());
        List<ExportJob.File> output = new ArrayList<>();
        ErrorFile errors = new ErrorFile(directory.resolve(ERRORS + ".ndjson"));
        try {
            job = job.running("Patient (1 of " + job.types().size() + " types)");
            store.save(job);
            Reader reader = new Reader(token, job.id(), errors);
            List<Resource> patients = reader.all("Patient", "");
            if (job.types().contains("Patient")) {
                List<Resource> changed = patients.stream()
                        .filter(p -> changedSince(p, accepted.since()))
                        .toList();
                write(directory, "Patient", changed, output);
            }
            int done = 1;
            for (String type : job.types()) {
                if ("Patient".equals(type)) {
                    continue;
                }
                job = job.running(type + " (" + (++done) + " of " + job.types().size() + " types)");
                store.save(job);
                String since = accepted.since() == null ? "" : "&_lastUpdated=gt" + accepted.since();
                List<Resource> resources = new ArrayList<>();
                if (FhirResourceTypes.NOT_PER_PATIENT.contains(type)) {
                    resources.addAll(reader.all(type, since));
                } else {
                    for (Resource patient : patients) {
                        if (reader.refused(type)) {
                            break; // a scope the caller lacks refuses every patient alike: said once in the error file
                        }
                        resources.addAll(reader.all(
                                type,
                                "&patient=" + encode(patient.getIdElement().getIdPart()) + since));
                    }
                }
                write(
                        directory,
                        type,
                        resources.stream()
                                .filter(r -> changedSince(r, accepted.since()))
                                .toList(),
                        output);
            }
            Instant now = clock.instant();
            store.save(job.completed(
                    output,
                    errors.count() > 0
                            ? List.of(new ExportJob.File(ERRORS, ERRORS + ".ndjson", errors.count()))
                            : List.of(),
                    now,
                    now.plus(properties.exportRetention())));
            log.info("export job {} completed: {} files, {} errors", job.id(), output.size(), errors.count());
        } catch (RuntimeException e) {
            log.warn("export job {} failed: {}", job.id(), e.toString());
            Instant now = clock.instant();
            store.save(job.failed(
                    "The export stopped on an unexpected error; start a new export.",
                    now,
                    now.plus(properties.exportRetention())));
        }
    }

    /** Services that cannot filter by {@code _lastUpdated} still answer; the file keeps only what changed. */
    private static boolean changedSince(Resource resource, Instant since) {
        return since == null
                || resource.getMeta().getLastUpdated() == null
                || resource.getMeta().getLastUpdated().toInstant().isAfter(since);
    }

    private static void write(Path directory, String type, List<Resource> resources, List<ExportJob.File> output) {
        if (resources.isEmpty()) {
            return; // the manifest lists files that hold something
        }
        IParser parser = FhirOutcomes.FHIR.newJsonParser().setPrettyPrint(false);
        try (BufferedWriter writer =
                Files.newBufferedWriter(directory.resolve(type + ".ndjson"), StandardCharsets.UTF_8)) {
            for (Resource resource : resources) {
                writer.write(parser.encodeResourceToString(resource));
                writer.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        output.add(new ExportJob.File(type, type + ".ndjson", resources.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Reads searches of one job, following {@code next} links, and notes refusals in the error file. */
    private final class Reader {

        private final String token;
        private final String jobId;
        private final ErrorFile errors;
        private final java.util.Set<String> refusedTypes = new java.util.HashSet<>();

        Reader(String token, String jobId, ErrorFile errors) {
            this.token = token;
            this.jobId = jobId;
            this.errors = errors;
        }

        boolean refused(String type) {
            return refusedTypes.contains(type);
        }

        List<Resource> all(String type, String query) {
            // behind lb://<service> (replicas) one instance answers every page of this type
            URI service = instances
                    .base(FhirResourceTypes.uriOf(
                            FhirResourceTypes.ownerOf(type).orElseThrow(), gateway.services()))
                    .block(Duration.ofSeconds(5));
            List<Resource> found = new ArrayList<>();
            URI page =
                    service.resolve(FhirEndpoints.BASE + "/" + type + "?_count=" + properties.exportPageSize() + query);
            IParser parser = FhirOutcomes.FHIR.newJsonParser();
            for (int pages = 0; page != null && pages < 10_000; pages++) {
                HttpResponse<String> response = get(page);
                if (response.statusCode() == 400 && page.getRawQuery().contains("_lastUpdated=")) {
                    // a search without _lastUpdated: the file keeps only what changed anyway (changedSince)
                    page = URI.create(page.toString().replaceAll("&_lastUpdated=[^&]*", ""));
                    response = get(page);
                }
                if (response.statusCode() != 200) {
                    if (response.statusCode() == 401 || response.statusCode() == 403) {
                        refusedTypes.add(type);
                    }
                    errors.add(type + ": the service answered " + response.statusCode()
                            + (response.statusCode() == 403
                                    ? " (the token lacks system/" + type + ".read or the right)"
                                    : ""));
                    return found;
                }
                Bundle bundle = parser.parseResource(Bundle.class, response.body());
                for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                    boolean match = entry.getSearch().getMode() == null
                            || entry.getSearch().getMode() == Bundle.SearchEntryMode.MATCH
                            || entry.getSearch().getMode() == Bundle.SearchEntryMode.NULL;
                    if (match
                            && entry.getResource() != null
                            && type.equals(entry.getResource().fhirType())) {
                        found.add(entry.getResource());
                    }
                }
                Bundle.BundleLinkComponent next = bundle.getLink(Bundle.LINK_NEXT);
                page = next == null || next.getUrl() == null ? null : onService(service, next.getUrl());
            }
            return found;
        }

        /** A {@code next} link names the public base; the same path and query are asked of the service directly. */
        private URI onService(URI service, String link) {
            URI next = URI.create(link);
            return service.resolve(next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()));
        }

        private HttpResponse<String> get(URI uri) {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/fhir+json")
                    .header("X-Correlation-Id", "export-" + jobId)
                    .GET()
                    .build();
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("export interrupted", e);
            }
        }
    }

    /** The job's OperationOutcome file: one line per problem met, written as it happens. */
    private static final class ErrorFile {

        private final Path file;
        private long count;

        ErrorFile(Path file) {
            this.file = file;
        }

        void add(String diagnostics) {
            OperationOutcome outcome = new OperationOutcome();
            outcome.addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(OperationOutcome.IssueType.PROCESSING)
                    .setDiagnostics(diagnostics);
            try {
                Files.writeString(
                        file,
                        FhirOutcomes.FHIR.newJsonParser().setPrettyPrint(false).encodeResourceToString(outcome) + "\n",
                        StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            count++;
        }

        long count() {
            return count;
        }
    }
}
