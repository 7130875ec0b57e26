package org.hearth.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Predicate;

/**
 * The look-then-write step for a versioned resource (ETag / If-Match): read it; if it already holds what the
 * demo needs, leave it (a demo user's later edits survive a re-run); otherwise write with the ETag just read,
 * so a concurrent change answers 412 instead of being overwritten.
 */
final class Versioned {

    private final HearthApi api;

    Versioned(HearthApi api) {
        this.api = api;
    }

    /**
     * @param settled whether the current representation already has what the demo wants
     * @return true when it wrote
     */
    boolean ensure(
            String token, String path, Predicate<JsonNode> settled, String method, String writePath, Object body) {
        ApiResponse current = api.get(token, path).expect(200, 404);
        if (current.is(200) && settled.test(current.body())) {
            return false;
        }
        // a resource that does not exist yet (an assessment) is written at version 0
        String etag = current.is(200) ? current.etag() : "\"0\"";
        api.write(method, token, writePath, etag, body).expect(200, 201);
        return true;
    }

    static boolean nonEmpty(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull() && !node.isEmpty();
    }
}
