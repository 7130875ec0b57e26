package org.hearth.gateway.fhir;

import static org.springframework.web.reactive.function.server.RequestPredicates.DELETE;
import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hearth.gateway.correlation.CorrelationIdFilter;
import org.hearth.gateway.problem.FhirOutcomes;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What the gateway answers itself under {@code /fhir/R4}: the merged {@code metadata}, the SMART configuration, the
 * Bulk Data {@code $export} (kick-off, status, files, cancel) and a 404 OperationOutcome for a type Hearth does not
 * serve. Router functions are asked before the gateway's routes, so {@code Patient/$export} is answered here and
 * every other {@code Patient/...} path still goes to patient-service.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class FhirEndpoints {

    static final String BASE = "/fhir/R4";
    static final String STATUS = BASE + "/$export-status/";
    static final String FILES = BASE + "/$export-files/";
    /** Paths under {@code /fhir/R4} the gateway serves itself: another method on them is 405, not 404. */
    private static final Set<String> OWN =
            Set.of("metadata", "$export", "$export-status", "$export-files", ".well-known");
    /** Who may export an agency's data: its administrators and coordinators, and partner systems by their scopes. */
    private static final Set<String> EXPORTERS = Set.of("agency-admin", "coordinator", "partner");

    private final Clock clock = Clock.systemUTC();

    @Bean
    RouterFunction<ServerResponse> fhirEdge(
            CapabilityStatements statements, SmartConfiguration smart, ExportJobStore store, BulkExporter exporter) {
        return RouterFunctions.route(
                        GET(BASE + "/metadata"),
                        request ->
                                statements.merged(base(request)).flatMap(statement -> fhir(HttpStatus.OK, statement)))
                .andRoute(
                        GET("/.well-known/smart-configuration").or(GET(BASE + "/.well-known/smart-configuration")),
                        request -> ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .header("Cache-Control", "max-age=300")
                                .bodyValue(smart.document()))
                .andRoute(GET(BASE + "/$export"), request -> kickOff(request, ExportJob.Level.SYSTEM, exporter))
                .andRoute(
                        GET(BASE + "/Patient/$export"), request -> kickOff(request, ExportJob.Level.PATIENT, exporter))
                .andRoute(GET(STATUS + "{id}"), request -> status(request, store))
                .andRoute(DELETE(STATUS + "{id}"), request -> cancel(request, store))
                .andRoute(GET(FILES + "{id}/{name}"), request -> file(request, store))
                .andRoute(unserved(), FhirEndpoints::notServed);
    }

    private Mono<ServerResponse> kickOff(ServerRequest request, ExportJob.Level level, BulkExporter exporter) {
        return caller(request).flatMap(jwt -> {
            List<String> roles = roles(jwt);
            String agency = AgencyClaim.of(jwt);
            if (agency == null || roles.stream().noneMatch(EXPORTERS::contains)) {
                return outcome(
                        request,
                        HttpStatus.FORBIDDEN,
                        "Bulk export is for an agency's administrators, coordinators and partner systems.");
            }
            ExportRequest export;
            try {
                export = ExportRequest.of(
                        level,
                        request.headers().firstHeader("Prefer"),
                        request.queryParam("_outputFormat").orElse(null),
                        request.queryParam("_type").orElse(null),
                        request.queryParam("_since").orElse(null),
                        scopes(jwt),
                        roles.contains("partner"));
            } catch (ExportRequest.Invalid invalid) {
                return outcome(request, HttpStatus.BAD_REQUEST, invalid.getMessage());
            }
            String id = UUID.randomUUID().toString();
            ExportJob job = new ExportJob(
                    id,
                    String.valueOf(jwt.getClaimAsString("azp")),
                    jwt.getSubject(),
                    agency,
                    level,
                    export.types(),
                    export.since(),
                    request.uri().toString(),
                    base(request),
                    ExportJob.Status.ACCEPTED,
                    "accepted",
                    clock.instant(),
                    null,
                    null,
                    List.of(),
                    List.of(),
                    null);
            return Mono.fromRunnable(() -> exporter.start(job, jwt.getTokenValue()))
                    .subscribeOn(Schedulers.boundedElastic())
                    .then(ServerResponse.accepted()
                            .header("Content-Location", base(request) + "/$export-status/" + id)
                            .build());
        });
    }

    private Mono<ServerResponse> status(ServerRequest request, ExportJobStore store) {
        return owned(request, store)
                .flatMap(job -> switch (job.status()) {
                    case ACCEPTED, RUNNING ->
                        ServerResponse.accepted()
                                .header("X-Progress", job.progress())
                                .header("Retry-After", "2")
                                .build();
                    case FAILED -> outcome(request, HttpStatus.INTERNAL_SERVER_ERROR, job.failure());
                    case COMPLETED ->
                        ServerResponse.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .header(
                                        "Expires",
                                        DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                                job.expiresAt().atOffset(ZoneOffset.UTC)))
                                .bodyValue(manifest(job));
                })
                .switchIfEmpty(Mono.defer(() -> noSuchExport(request)));
    }

    private Mono<ServerResponse> cancel(ServerRequest request, ExportJobStore store) {
        return owned(request, store)
                .flatMap(job -> Mono.fromRunnable(() -> store.delete(job.id()))
                        .subscribeOn(Schedulers.boundedElastic())
                        .then(ServerResponse.accepted().build()))
                .switchIfEmpty(Mono.defer(() -> noSuchExport(request)));
    }

    private Mono<ServerResponse> file(ServerRequest request, ExportJobStore store) {
        String name = request.pathVariable("name");
        return owned(request, store)
                .filter(job -> job.status() == ExportJob.Status.COMPLETED)
                .flatMap(job -> Mono.justOrEmpty(store.file(job.id(), name)))
                .flatMap(path -> ServerResponse.ok()
                        .contentType(MediaType.parseMediaType("application/fhir+ndjson"))
                        .header("Cache-Control", "no-store")
                        .bodyValue(new FileSystemResource(path)))
                .switchIfEmpty(Mono.defer(() -> outcome(request, HttpStatus.NOT_FOUND, "No such export file.")));
    }

    /** The job, if the caller is the one who started it; otherwise nothing, so that it answers 404. */
    private Mono<ExportJob> owned(ServerRequest request, ExportJobStore store) {
        String id = request.pathVariable("id");
        return caller(request)
                .flatMap(jwt -> Mono.fromCallable(() -> store.find(id))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(Mono::justOrEmpty)
                        .filter(job -> job.ownedBy(
                                String.valueOf(jwt.getClaimAsString("azp")),
                                jwt.getSubject(),
                                String.valueOf(AgencyClaim.of(jwt)))));
    }

    private static Map<String, Object> manifest(ExportJob job) {
        String files = job.base() + "/$export-files/" + job.id() + "/";
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("transactionTime", job.transactionTime().toString());
        manifest.put("request", job.request());
        manifest.put("requiresAccessToken", true);
        manifest.put(
                "output",
                job.output().stream()
                        .map(f -> Map.of("type", f.type(), "url", files + f.name(), "count", f.count()))
                        .toList());
        manifest.put(
                "error",
                job.error().stream()
                        .map(f -> Map.of("type", f.type(), "url", files + f.name()))
                        .toList());
        return manifest;
    }

    private Mono<ServerResponse> noSuchExport(ServerRequest request) {
        return outcome(
                request,
                HttpStatus.NOT_FOUND,
                "No such export: it finished more than the retention ago, "
                        + "was deleted, or was started by another client.");
    }

    /** {@code /fhir/R4[/<segment>…]} whose first segment is neither a routed type nor one of the gateway's own. */
    private static RequestPredicate unserved() {
        return request -> {
            String path = request.path();
            if (!path.equals(BASE) && !path.startsWith(BASE + "/")) {
                return false;
            }
            String rest = path.length() > BASE.length() + 1 ? path.substring(BASE.length() + 1) : "";
            String first = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            return FhirResourceTypes.ownerOf(first).isEmpty();
        };
    }

    private static Mono<ServerResponse> notServed(ServerRequest request) {
        String rest =
                request.path().length() > BASE.length() + 1 ? request.path().substring(BASE.length() + 1) : "";
        String first = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        if (OWN.contains(first)) {
            return outcome(
                    request,
                    HttpStatus.METHOD_NOT_ALLOWED,
                    "This FHIR endpoint does not take " + request.method().name() + ".");
        }
        return outcome(
                request,
                HttpStatus.NOT_FOUND,
                first.isEmpty()
                        ? "Name a resource type: see " + base(request) + "/metadata."
                        : "Hearth serves no FHIR resource type '" + first.replaceAll("[^A-Za-z0-9$._-]", "") + "'; see "
                                + base(request) + "/metadata.");
    }

    private static Mono<Jwt> caller(ServerRequest request) {
        return request.principal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> ((JwtAuthenticationToken) principal).getToken());
    }

    @SuppressWarnings("unchecked")
    private static List<String> roles(Jwt jwt) {
        if (jwt.getClaims().get("realm_access") instanceof Map<?, ?> realm
                && realm.get("roles") instanceof List<?> roles) {
            return ((List<Object>) roles).stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static List<String> scopes(Jwt jwt) {
        String scope = jwt.getClaimAsString("scope");
        return scope == null ? List.of() : Arrays.asList(scope.split(" "));
    }

    /** The public base of the FHIR API as the caller reached it, for links in answers. */
    static String base(ServerRequest request) {
        java.net.URI uri = request.uri();
        return uri.getScheme() + "://" + uri.getRawAuthority() + BASE;
    }

    static Mono<ServerResponse> fhir(HttpStatus status, Resource resource) {
        return ServerResponse.status(status)
                .contentType(FhirOutcomes.FHIR_JSON)
                .bodyValue(FhirOutcomes.FHIR.newJsonParser().encodeResourceToString(resource));
    }

    static Mono<ServerResponse> outcome(ServerRequest request, HttpStatus status, String detail) {
        return fhir(status, FhirOutcomes.outcome(status, detail, CorrelationIdFilter.of(request.exchange())));
    }
}
