package org.hearth.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hearth.platform.test.ApiClient;
import org.hearth.platform.test.HearthServiceTest;
import org.hearth.platform.test.TestTokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A multipart upload the server cannot parse is the client's fault: 400 problem+json, never a 500. */
@HearthServiceTest
class MalformedUploadIT {

    static final String API = "/api/messaging/v1";

    @LocalServerPort
    int port;

    ApiClient api;
    final String agency = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        api = ApiClient.onPort(port);
    }

    String nurse() {
        String subject = "nina-" + UUID.randomUUID();
        return TestTokenIssuer.shared()
                .token()
                .agency("a", agency)
                .roles("nurse")
                .subject(subject)
                .claim("email", subject + "@example.org")
                .audience("messaging-service")
                .sign();
    }

    ApiClient.Response upload(String contentType, byte[] body) {
        return api.send(api.request(API + "/threads/" + UUID.randomUUID() + "/attachments", nurse())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    static byte[] part(String boundary, boolean closed) {
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n%PDF-1.4 some bytes";
        return (closed ? body + "\r\n--" + boundary + "--\r\n" : body).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aMultipartBodyWithoutABoundaryIs400Problem() {
        ApiClient.Response answer = upload("multipart/form-data", part("xyz", true));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("/problems/bad-request");
    }

    @Test
    void aMultipartBodyCutOffMidPartIs400Problem() {
        ApiClient.Response answer = upload("multipart/form-data; boundary=xyz", part("xyz", false));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("type").asString()).isEqualTo("/problems/bad-request");
    }

    @Test
    void aMultipartBodyWithAnotherBoundaryIs400Problem() {
        ApiClient.Response answer = upload("multipart/form-data; boundary=abc", part("xyz", true));

        assertThat(answer.status()).isIn(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aMultipartWildcardIs415Problem() {
        ApiClient.Response answer = upload("multipart/*; boundary=xyz", part("xyz", true));

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }
}
