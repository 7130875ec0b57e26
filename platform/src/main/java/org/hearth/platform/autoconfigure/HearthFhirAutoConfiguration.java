package org.hearth.platform.autoconfigure;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hearth.platform.audit.RefusalAudit;
import org.hearth.platform.fhir.FhirErrors;
import org.hearth.platform.fhir.FhirMessageConverter;
import org.hearth.platform.fhir.FhirPaths;
import org.hearth.platform.store.StoreProperties;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * FHIR R4 for every servlet service (see {@code org.hearth.platform.fhir}): one R4 {@link FhirContext} (costly to
 * build, thread-safe, so built once), HAPI resources as {@code application/fhir+json} bodies, and OperationOutcome
 * errors on {@code /fhir/R4/**}.
 */
@AutoConfiguration(after = HearthPlatformAutoConfiguration.class)
@ConditionalOnClass(FhirContext.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class HearthFhirAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    /**
     * HAPI scans its model classes on first use, which takes seconds on a busy machine: do it for the common types
     * once the service is up, off the request path, so the first partner request is not the slow one.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> hearthFhirWarmUp(FhirContext fhir) {
        return event -> {
            if (!servesFhir(event)) {
                return; // e.g. messaging-service: HAPI is on its classpath, but it answers no FHIR
            }
            Thread.ofVirtual().name("fhir-warm-up").start(() -> {
                Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
                bundle.addEntry().setResource(FhirErrors.outcome(OperationOutcome.IssueType.INFORMATIONAL, "warm-up"));
                fhir.newJsonParser().parseResource(fhir.newJsonParser().encodeResourceToString(bundle));
            });
        };
    }

    private static boolean servesFhir(ApplicationReadyEvent event) {
        return event.getApplicationContext().getBeansOfType(RequestMappingHandlerMapping.class).values().stream()
                .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
                .flatMap(info -> info.getPatternValues().stream())
                .anyMatch(pattern -> pattern.startsWith(FhirPaths.BASE + "/"));
    }

    @Bean
    FhirErrors fhirErrors(
            FhirContext fhir, ObjectProvider<RefusalAudit> refusals, ObjectProvider<StoreProperties> store) {
        StoreProperties properties = store.getIfAvailable();
        long retryAfter =
                properties == null ? 2 : Math.max(1, properties.retryAfter().toSeconds());
        return new FhirErrors(fhir, refusals, retryAfter);
    }

    @Bean
    WebMvcConfigurer hearthFhirMvc(FhirContext fhir, FhirErrors errors) {
        FhirMessageConverter converter = new FhirMessageConverter(fhir);
        return new WebMvcConfigurer() {
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
                builder.addCustomConverter(converter);
            }

            @Override
            public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
                // before the @ExceptionHandler advice, which answers problem details
                resolvers.addFirst(errors);
            }
        };
    }
}
