package org.hearth.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Arrays;
import java.util.Optional;

/** One answer of a Hearth API: status, the headers the loader needs, and the JSON body (missing when empty). */
record ApiResponse(String method, String path, int status, String etag, String location, JsonNode body) {

    ApiResponse {
        body = body == null ? MissingNode.getInstance() : body;
    }

    boolean is(int expected) {
        return status == expected;
    }

    /** This answer, or a failure naming the call and the problem detail the service sent. */
    ApiResponse expect(int... expected) {
        if (Arrays.stream(expected).noneMatch(s -> s == status)) {
            throw new DemoFailure(method + " " + path + " answered " + status + " (expected "
                    + Arrays.toString(expected) + "): " + problem());
        }
        return this;
    }

    /** The created resource's id: the last segment of {@code Location}, else the body's {@code id}. */
    String createdId() {
        return Optional.ofNullable(location)
                .map(l -> l.substring(l.lastIndexOf('/') + 1))
                .orElseGet(() -> body.path("id").asText());
    }

    private String problem() {
        String detail = body.path("detail").asText("");
        return body.path("title").asText("")
                + (detail.isEmpty() ? "" : " - " + detail)
                + (body.has("errors") ? " " + body.get("errors") : "");
    }
}
