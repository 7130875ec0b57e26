package org.hearth.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;

/** Requests that find a service's document stale at once share one read of it. */
class DocumentedOperationsTest {

    static final String DOCUMENT = """
            {"paths":{"/api/messaging/v1/stream":{"get":{}}}}""";

    HttpServer service;
    final AtomicInteger reads = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        service.createContext("/api/messaging/v3/api-docs", exchange -> {
            reads.incrementAndGet();
            try {
                Thread.sleep(300); // a document generated slowly, or a sick service: many requests arrive meanwhile
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = DOCUMENT.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        service.start();
    }

    @AfterEach
    void stop() {
        service.stop(0);
    }

    @Test
    void concurrentRequestsShareOneReadOfTheDocument() {
        URI uri = URI.create("http://127.0.0.1:" + service.getAddress().getPort());
        DocumentedOperations documents = new DocumentedOperations(
                new GatewayProperties(
                        new GatewayProperties.Services(uri, uri, uri, uri, uri),
                        DataSize.ofMegabytes(1),
                        "/none",
                        DataSize.ofMegabytes(11),
                        Duration.ofMinutes(5),
                        "http://127.0.0.1:8080"),
                new StaticListableBeanFactory().getBeanProvider(ReactorLoadBalancerExchangeFilterFunction.class));

        List<OperationInventory> answers = Flux.fromStream(
                        IntStream.range(0, 50).boxed())
                .flatMap(i -> documents.of("messaging", uri), 50)
                .collectList()
                .block(Duration.ofSeconds(20));

        assertThat(answers)
                .hasSize(50)
                .allSatisfy(inventory -> assertThat(inventory.documents("GET", "/api/messaging/v1/stream"))
                        .isTrue());
        assertThat(reads).as("reads of the document by 50 requests at once").hasValue(1);

        // read once, it is cached: the next request reads nothing
        assertThat(documents.of("messaging", uri).block(Duration.ofSeconds(5))).isNotNull();
        assertThat(reads).hasValue(1);
    }
}
