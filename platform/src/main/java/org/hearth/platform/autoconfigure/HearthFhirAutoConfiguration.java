package org.hearth.platform.autoconfigure;

import ca.uhn.fhir.context.FhirContext;
import org.hearth.platform.audit.RefusalAudit;
import org.hearth.platform.fhir.FhirErrors;
import org.hearth.platform.fhir.FhirMessageConverter;
import org.hearth.platform.store.StoreProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

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

    @Bean
    FhirErrors fhirErrors(FhirContext fhir, ObjectProvider<RefusalAudit> refusals,
            ObjectProvider<StoreProperties> store) {
        StoreProperties properties = store.getIfAvailable();
        long retryAfter = properties == null ? 2 : Math.max(1, properties.retryAfter().toSeconds());
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
