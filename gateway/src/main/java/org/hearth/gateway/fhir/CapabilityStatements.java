package org.hearth.gateway.fhir;

import ca.uhn.fhir.parser.IParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hearth.gateway.problem.FhirOutcomes;
import org.hearth.gateway.routing.GatewayProperties;
import org.hearth.gateway.routing.ServiceInstances;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The CapabilityStatement of {@code /fhir/R4}: each service declares the types, interactions and search parameters it
 * really serves at its own {@code /fhir/R4/metadata}; the gateway merges them (keeping only the types it routes to
 * that service), and adds what only the edge knows: SMART security with the token endpoint, and the Bulk Data
 * {@code $export} operations it runs itself. A service that cannot be read keeps its last statement; one never read
 * is left out (its types are missing until it answers) rather than failing the whole statement.
 */
@Component
class CapabilityStatements {

    private static final Logger log = LoggerFactory.getLogger(CapabilityStatements.class);
    static final String EXPORT = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export";
    static final String PATIENT_EXPORT = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export";

    private record Cached(CapabilityStatement statement, Instant readAt) {}

    private final WebClient http = WebClient.create();
    private final GatewayProperties gateway;
    private final FhirProperties fhir;
    private final SmartConfiguration smart;
    private final Clock clock = Clock.systemUTC();
    private final Map<FhirResourceTypes.Owner, Cached> cache = new ConcurrentHashMap<>();

    private final ServiceInstances instances;

    CapabilityStatements(
            GatewayProperties gateway, FhirProperties fhir, SmartConfiguration smart, ServiceInstances instances) {
        this.gateway = gateway;
        this.instances = instances;
        this.fhir = fhir;
        this.smart = smart;
    }

    Mono<CapabilityStatement> merged(String base) {
        return Flux.fromArray(FhirResourceTypes.Owner.values())
                .flatMap(owner -> of(owner).map(statement -> Map.entry(owner, statement)))
                .collectList()
                .map(parts -> {
                    CapabilityStatement merged = edgeStatement(base);
                    CapabilityStatementRestComponent rest = merged.getRestFirstRep();
                    parts.stream()
                            .sorted(Map.Entry.comparingByKey())
                            .forEach(part -> part.getValue().getRest().stream()
                                    .filter(r -> r.getMode() == RestfulCapabilityMode.SERVER)
                                    .flatMap(r -> r.getResource().stream())
                                    .filter(resource -> FhirResourceTypes.ownerOf(resource.getType())
                                            .filter(part.getKey()::equals)
                                            .isPresent())
                                    .forEach(resource -> rest.addResource(resource.copy())));
                    rest.getResource()
                            .sort(Comparator.comparingInt(
                                    resource -> FhirResourceTypes.all().indexOf(resource.getType())));
                    rest.getResource().stream()
                            .filter(resource -> "Patient".equals(resource.getType()))
                            .findFirst()
                            .ifPresent(patient ->
                                    patient.addOperation().setName("export").setDefinition(PATIENT_EXPORT));
                    return merged;
                });
    }

    private CapabilityStatement edgeStatement(String base) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDateElement(new DateTimeType(Date.from(clock.instant())));
        statement.setPublisher("Hearth");
        statement.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        statement.getSoftware().setName("Hearth");
        statement
                .getImplementation()
                .setDescription("Hearth FHIR R4 API (all services, through the gateway)")
                .setUrl(base);
        statement.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        statement.addFormat("json");
        statement.addFormat("application/fhir+json");
        statement.addInstantiates("http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data");
        CapabilityStatementRestComponent rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity()
                .addService(new CodeableConcept(new Coding(
                        "http://terminology.hl7.org/CodeSystem/restful-security-service",
                        "SMART-on-FHIR",
                        "SMART-on-FHIR")))
                .setDescription("SMART Backend Services (private_key_jwt client assertion, system/<Type>.read|write "
                        + "scopes); see " + base + "/.well-known/smart-configuration");
        Extension oauth = rest.getSecurity()
                .addExtension()
                .setUrl("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
        oauth.addExtension().setUrl("token").setValue(new UriType(smart.tokenEndpoint()));
        rest.addOperation().setName("export").setDefinition(EXPORT);
        return statement;
    }

    private Mono<CapabilityStatement> of(FhirResourceTypes.Owner owner) {
        Cached cached = cache.get(owner);
        if (cached != null && cached.readAt().plus(fhir.metadataRefresh()).isAfter(clock.instant())) {
            return Mono.just(cached.statement());
        }
        // behind lb://<service> (replicas) any one instance's statement: they run the same version
        Mono<CapabilityStatement> fresh = instances
                .base(FhirResourceTypes.uriOf(owner, gateway.services()))
                .flatMap(service -> http.get()
                        .uri(service.resolve(FhirEndpoints.BASE + "/metadata"))
                        .accept(MediaType.parseMediaType("application/fhir+json"), MediaType.APPLICATION_JSON)
                        .retrieve()
                        .bodyToMono(String.class)
                        .timeout(Duration.ofSeconds(5)))
                .map(body -> parser().parseResource(CapabilityStatement.class, body))
                .doOnNext(statement -> cache.put(owner, new Cached(statement, clock.instant())))
                .onErrorResume(e -> {
                    log.warn("could not read the FHIR CapabilityStatement of {}: {}", owner, e.toString());
                    return Mono.empty();
                });
        return cached == null ? fresh : fresh.defaultIfEmpty(cached.statement());
    }

    private static IParser parser() {
        return FhirOutcomes.FHIR.newJsonParser();
    }
}
