package org.hearth.gateway.routing;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Gateway settings under {@code hearth.gateway}.
 *
 * @param services       where each service listens
 * @param maxRequestSize bodies above this answer 413 before reaching a service
 * @param uploadPaths    regular expression of paths that take uploads (a message's attachments), capped at
 *                       {@code maxUploadSize} instead
 * @param maxUploadSize  the cap of an upload (a 10 MB attachment plus multipart framing)
 * @param inventoryRefresh how often each service's OpenAPI document is read again for the operations the
 *                       gateway exposes
 * @param consoleOrigin  the one browser origin allowed to call the API cross-origin (the web console)
 */
@ConfigurationProperties("hearth.gateway")
public record GatewayProperties(
        @DefaultValue Services services,
        @DefaultValue("1MB") DataSize maxRequestSize,

        @DefaultValue("/api/messaging/v1/threads/[^/]+/attachments")
        String uploadPaths,

        @DefaultValue("11MB") DataSize maxUploadSize,
        @DefaultValue("5m") Duration inventoryRefresh,
        @DefaultValue("http://127.0.0.1:8080") String consoleOrigin) {

    /** Upstream base URIs of the services. */
    public record Services(
            @DefaultValue("http://127.0.0.1:8081") URI patient,
            @DefaultValue("http://127.0.0.1:8082") URI scheduling,
            @DefaultValue("http://127.0.0.1:8083") URI messaging,
            @DefaultValue("http://127.0.0.1:8084") URI billing,
            @DefaultValue("http://127.0.0.1:8085") URI audit) {}
}
