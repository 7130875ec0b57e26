package org.hearth.platform.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import org.hearth.platform.audit.AuditInterceptor;
import org.hearth.platform.audit.AuditTrail;
import org.hearth.platform.audit.RefusalAudit;
import org.hearth.platform.audit.SharedRecordAudit;
import org.hearth.platform.events.DeadLetters;
import org.hearth.platform.events.EventEdge;
import org.hearth.platform.events.EventSchemas;
import org.hearth.platform.events.Outbox;
import org.hearth.platform.events.OutboxBacklog;
import org.hearth.platform.events.OutboxCollection;
import org.hearth.platform.events.OutboxPendingFlag;
import org.hearth.platform.events.OutboxRelay;
import org.hearth.platform.events.VersionedDocuments;
import org.hearth.platform.health.MongoPingHealthIndicator;
import org.hearth.platform.observability.MongoTracing;
import org.hearth.platform.observability.Traces;
import org.hearth.platform.problem.ProblemExceptionHandler;
import org.hearth.platform.problem.Problems;
import org.hearth.platform.security.AuthorizeBeforeBinding;
import org.hearth.platform.security.HearthSecurityConfiguration;
import org.hearth.platform.store.StoreClientSettings;
import org.hearth.platform.store.StoreProperties;
import org.hearth.platform.tenancy.TenantScopedMongo;
import org.hearth.platform.web.ApiDocumentation;
import org.hearth.platform.web.CorrelationIdFilter;
import org.hearth.platform.web.IdempotencyKeys;
import org.hearth.platform.web.RequestSizeLimitFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hearth's service defaults (eShop's "ServiceDefaults" idea): a service that depends on the platform
 * gets resource-server security, problem details, correlation ids, request caps, tenant-scoped MongoDB,
 * the outbox relay and consumer error handling without writing any of it.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
        },
        beforeName = {
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
            // our ErrorController replaces Boot's BasicErrorController, which backs off only if it sees ours first
            "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration"
        })
@EnableConfigurationProperties({HearthPlatformProperties.class, StoreProperties.class})
@Import({
    HearthSecurityConfiguration.class,
    ProblemExceptionHandler.class,
    ApiDocumentation.class,
    org.hearth.platform.web.ProblemErrorController.class
})
public class HearthPlatformAutoConfiguration {

    /** Request bodies: no number is read as a date or a time (a client's silent mistake otherwise). */
    @Bean
    org.hearth.platform.web.StrictJson strictJson() {
        return new org.hearth.platform.web.StrictJson();
    }

    @Bean
    Problems problems(JsonMapper json, ObjectProvider<org.hearth.platform.problem.ErrorFormat> formats) {
        return new Problems(json, () -> formats.orderedStream().toList());
    }

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration =
                new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            HearthPlatformProperties properties, Problems problems) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(
                        properties.maxRequestSize().toBytes(),
                        properties.uploadPaths(),
                        properties.maxUploadSize().toBytes(),
                        problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Inside the request's span (the observation filter runs at HIGHEST_PRECEDENCE + 1), so its line has the trace id. */
    @Bean
    FilterRegistrationBean<org.hearth.platform.observability.RequestLog> requestLog() {
        FilterRegistrationBean<org.hearth.platform.observability.RequestLog> registration =
                new FilterRegistrationBean<>(new org.hearth.platform.observability.RequestLog());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Wildcard or unparseable Content-Type (415) and a JSON body's byte-order mark (400), after the size cap. */
    @Bean
    FilterRegistrationBean<org.hearth.platform.web.BodyShapeFilter> bodyShapeFilter(Problems problems) {
        FilterRegistrationBean<org.hearth.platform.web.BodyShapeFilter> registration =
                new FilterRegistrationBean<>(new org.hearth.platform.web.BodyShapeFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Tomcat's own refusals (undecodable URIs) answer problem+json, not Tomcat's HTML page. */
    @Bean
    org.hearth.platform.web.ProblemErrorPages problemErrorPages() {
        return new org.hearth.platform.web.ProblemErrorPages();
    }

    @Bean
    org.hearth.platform.tenancy.TenantScopedFiles tenantScopedFiles(
            org.springframework.data.mongodb.MongoDatabaseFactory databases,
            org.springframework.data.mongodb.core.convert.MongoConverter converter) {
        return new org.hearth.platform.tenancy.TenantScopedFiles(
                new org.springframework.data.mongodb.gridfs.GridFsTemplate(databases, converter));
    }

    @Bean
    TenantScopedMongo tenantScopedMongo(MongoOperations mongo) {
        return new TenantScopedMongo(mongo);
    }

    /** Short MongoDB client time-outs in every service, so an unreachable store fails a request fast (503). */
    @Bean
    StoreClientSettings storeClientSettings(StoreProperties properties) {
        return new StoreClientSettings(properties);
    }

    /** Replaces Boot's MongoDB indicator by name; see {@link MongoPingHealthIndicator} for why. */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoOperations mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    /** Tests of time-driven jobs (missed visits, escalations) supply their own clock. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    VersionedDocuments versionedDocuments(TenantScopedMongo mongo, Outbox outbox) {
        return new VersionedDocuments(mongo, outbox);
    }

    @Bean
    org.hearth.platform.aggregate.AggregateStores aggregateStores(
            TenantScopedMongo mongo, Outbox outbox, VersionedDocuments versioned) {
        return new org.hearth.platform.aggregate.AggregateStores(mongo, outbox, versioned);
    }

    @Bean
    org.hearth.platform.aggregate.AgencySweeps agencySweeps(ObjectProvider<MeterRegistry> meters) {
        return new org.hearth.platform.aggregate.AgencySweeps(meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    RefusalAudit refusalAudit(
            KafkaTemplate<String, String> kafka,
            Clock clock,
            @Value("${hearth.events.source:/hearth/${spring.application.name:unknown}}") String source) {
        return new RefusalAudit(kafka, source, clock);
    }

    @Bean
    AuditTrail auditTrail(TenantScopedMongo mongo, Outbox outbox) {
        return new AuditTrail(mongo, outbox);
    }

    @Bean
    SharedRecordAudit sharedRecordAudit(AuditTrail trail, Clock clock) {
        return new SharedRecordAudit(trail, clock);
    }

    @Bean
    OutboxCollection auditOutboxCollection() {
        return AuditTrail.outboxCollection();
    }

    @Bean
    WebMvcConfigurer hearthAuditInterceptor(
            AuditTrail trail,
            HearthPlatformProperties properties,
            Clock clock,
            ObjectProvider<org.hearth.platform.audit.PatientOfResource> resources) {
        AuditInterceptor interceptor = new AuditInterceptor(
                trail,
                properties.auditCreatedPrefix(),
                clock,
                () -> resources.orderedStream().toList());
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                // the audit first, so that a refusal by the role check is recorded with its 403 too
                registry.addInterceptor(interceptor).addPathPatterns("/api/**", "/fhir/R4/**");
                registry.addInterceptor(new AuthorizeBeforeBinding()).addPathPatterns("/api/**", "/fhir/R4/**");
            }
        };
    }

    @Bean
    IdempotencyKeys idempotencyKeys(TenantScopedMongo mongo, Clock clock) {
        return new IdempotencyKeys(mongo, clock);
    }

    @Bean
    OutboxRelay outboxRelay(
            MongoOperations mongo,
            KafkaTemplate<String, String> kafka,
            ObjectProvider<OutboxCollection> collections,
            HearthPlatformProperties properties,
            Traces traces) {
        return new OutboxRelay(
                mongo,
                kafka,
                collections.orderedStream().toList(),
                properties.outboxPoll(),
                properties.outboxSendTimeout(),
                traces);
    }

    /** Every meter names its service, so one dashboard can tell the services' series apart. */
    @Bean
    org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer<MeterRegistry> serviceTag(
            @Value("${spring.application.name:unknown}") String service) {
        return registry -> registry.config().commonTags("service", service);
    }

    /** Backlog and age of the oldest unsent entry of each outbox collection (hearth.outbox.*). */
    @Bean
    OutboxBacklog outboxBacklog(MongoOperations mongo, ObjectProvider<OutboxCollection> collections, Clock clock) {
        return new OutboxBacklog(mongo, collections.orderedStream().toList(), clock);
    }

    /** The current trace for the outbox and the relay; {@link Traces#NONE} where tracing is switched off. */
    @Bean
    Traces traces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null ? Traces.NONE : new Traces(t, p);
    }

    @Bean
    MongoTracing mongoTracing(ObjectProvider<ObservationRegistry> registry) {
        return new MongoTracing(registry.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    ObservationPredicate mongoCommandsOnlyWithinATrace() {
        return MongoTracing.onlyWithinATrace();
    }

    /** Probes and scrapes every few seconds are not traces anyone looks for. */
    @Bean
    ObservationPredicate noActuatorObservations() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request)
                || request.getCarrier() == null
                || !request.getCarrier().getRequestURI().startsWith("/actuator");
    }

    @Bean
    OutboxPendingFlag outboxPendingFlag() {
        return new OutboxPendingFlag();
    }

    @Bean
    Outbox outbox(
            JsonMapper json,
            Clock clock,
            OutboxRelay relay,
            Traces traces,
            @Value("${hearth.events.source:/hearth/${spring.application.name:unknown}}") String source) {
        return new Outbox(json, source, clock, relay, traces);
    }

    @Bean
    EventEdge eventEdge(JsonMapper json, ObjectProvider<MeterRegistry> meters) {
        return new EventEdge(json, EventSchemas.onClasspath(), meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    DefaultErrorHandler kafkaErrorHandler(
            KafkaTemplate<String, String> kafka,
            HearthPlatformProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        return DeadLetters.errorHandler(
                kafka,
                properties.consumerBackOff(),
                properties.consumerRetries(),
                meters.getIfAvailable(() -> Metrics.globalRegistry));
    }
}
