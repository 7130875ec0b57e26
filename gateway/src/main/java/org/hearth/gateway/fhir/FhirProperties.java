package org.hearth.gateway.fhir;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * FHIR settings of the gateway under {@code hearth.gateway.fhir}.
 *
 * @param exportDirectory   where Bulk Data export jobs keep their manifest and NDJSON files ({@code ./hearth up} points
 *                          it under {@code HEARTH_HOME}); with several gateway replicas it must be a shared volume
 * @param exportRetention   how long an export's files stay downloadable after it completed (then deleted)
 * @param exportPageSize    {@code _count} of each page the export reads from a service
 * @param exportConcurrency how many exports run at once; more wait their turn (the status says so)
 * @param metadataRefresh   how often each service's own CapabilityStatement is read again
 * @param tokenEndpoint     the token endpoint partners are sent to; empty means the issuer's
 *                          {@code /protocol/openid-connect/token} (Keycloak)
 */
@ConfigurationProperties("hearth.gateway.fhir")
public record FhirProperties(
        @DefaultValue(".hearth/data/fhir-export") Path exportDirectory,
        @DefaultValue("1h") Duration exportRetention,
        @DefaultValue("200") int exportPageSize,
        @DefaultValue("2") int exportConcurrency,
        @DefaultValue("5m") Duration metadataRefresh,
        String tokenEndpoint) {}
