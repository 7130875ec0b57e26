package org.hearth.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document every service serves. The server is the relative URL {@code /} so that "try it out"
 * in the gateway's API browser goes through the gateway (where the document was fetched) and not straight
 * to the service's own port; every operation needs a bearer token from Keycloak.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(OpenAPI.class)
public class ApiDocumentation {

    static final String BEARER = "keycloak";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI hearthOpenApi(
            @Value("${spring.application.name:hearth}") String service,
            @Value("${hearth.security.issuer-uri:}") String issuer) {
        return new OpenAPI()
                .info(new Info()
                        .title("Hearth " + service)
                        .version("v1")
                        .description("Errors are RFC 9457 problem details (application/problem+json); see /problems/*. "
                                + "Another agency's resources answer 404."))
                .addServersItem(new Server().url("/").description("through the gateway"))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("Access token of realm hearth (" + issuer + ")")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
