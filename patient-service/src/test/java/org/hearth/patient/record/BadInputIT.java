package org.hearth.patient.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TestTokenIssuer;
import org.hearth.platform.test.story.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Malformed requests are refused with problem+json and store nothing: wildcard or foreign content types,
 * bodies with a byte-order mark or trailing garbage, undecodable path segments.
 */
@HearthServiceTest
class BadInputIT {

    static final String PATH = PatientApiIT.PATH;
    static final String AGENCY = UUID.randomUUID().toString();

    @LocalServerPort
    int port;

    ApiClient api;
    final TestTokenIssuer issuer = TestTokenIssuer.shared();

    @BeforeEach
    void client() {
        api = ApiClient.onPort(port);
    }

    String coordinator() {
        return Tokens.coordinator(AGENCY, "patient-service");
    }

    int patients() {
        return api.get(PATH, coordinator()).json().get("items").size();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "*/json", "text/plain", "application/xml"})
    void aWildcardOrForeignContentTypeIs415ProblemAndStoresNothing(String contentType) {
        int before = patients();

        ApiClient.Response answer = api.send(api.request(PATH, coordinator())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(PatientApiIT.jane())));

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("/problems/unsupported-media-type");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(patients()).isEqualTo(before);

        ApiClient.Response empty = api.send(api.request(PATH, coordinator())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(empty.status()).as("an empty body").isIn(400, 415);
        assertThat(empty.contentType()).startsWith("application/problem+json");
    }

    /** The firewall refuses the JSON "parameter names" a form parser finds; its message must not reach the log. */
    @Test
    void aJsonBodyDeclaredAsAFormIsRefusedWithAProblem() {
        int before = patients();

        ApiClient.Response answer = api.send(api.request(PATH, coordinator())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PatientApiIT.jane())));

        assertThat(answer.status()).isIn(400, 415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(patients()).isEqualTo(before);
    }

    @Test
    void aBodyWithAByteOrderMarkIsRefusedAndStoresNothing() {
        int before = patients();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        body.writeBytes(PatientApiIT.jane().getBytes(StandardCharsets.UTF_8));

        ApiClient.Response answer = api.send(api.request(PATH, coordinator())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("/problems/malformed-json");
        assertThat(patients()).isEqualTo(before);
    }

    @Test
    void aWildcardContentTypeOnARequestWithoutABodyIsHarmless() {
        ApiClient.Response answer = api.send(
                api.request(PATH, coordinator()).header("Content-Type", "*/*").GET());

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void trailingGarbageAfterTheBodyIsRefused() {
        int before = patients();

        ApiClient.Response answer = api.send(api.request(PATH, coordinator())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PatientApiIT.jane() + " {\"x\":1}")));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(patients()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%ff%fe", "%c0%af", "%00", "a%2fb", "..%2f..%2fetc", "%25", "a;b=c"})
    void anUndecodableOrSuspiciousIdIs400Or404Problem(String id) {
        ApiClient.Response answer =
                api.sendOnce(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH + "/" + id))
                        .header("Authorization", "Bearer " + coordinator())
                        .GET()
                        .build());

        assertThat(answer.status()).isIn(400, 404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("<html").doesNotContain("Tomcat");
    }
}
