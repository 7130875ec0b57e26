package org.hearth.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checked-in OpenAPI document of each service ({@code contracts/openapi/<name>.json}), from which the console's
 * client types are generated. A service's test compares the document it serves with the checked-in one, so an API
 * change that the console has not been regenerated against fails the build where it was made ({@code
 * HEARTH_WRITE_DOCS=1} rewrites the file; then {@code npm run api} in web/ regenerates the types and the compiler
 * shows every screen the change breaks).
 */
public final class OpenApiContract {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final int CONTEXT_LINES = 3;

    private OpenApiContract() {}

    public static Path directory() {
        return EventContracts.directory().getParent().resolve("openapi");
    }

    /** Fails when the document the service serves at {@code docsPath} differs from {@code contracts/openapi/<name>.json}. */
    public static void check(ApiClient api, String docsPath, String name) {
        ApiClient.Response served = api.get(docsPath, null);
        if (served.status() != 200) {
            throw new AssertionError("the OpenAPI document was not served: " + served);
        }
        String rendered = canonical(served.json());
        Path file = directory().resolve(name + ".json");
        try {
            if ("1".equals(System.getenv("HEARTH_WRITE_DOCS"))) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, rendered);
            }
            String stored = Files.exists(file) ? Files.readString(file) : "";
            if (!stored.equals(rendered)) {
                throw new AssertionError("contracts/openapi/" + name + ".json is stale: run ./hearth api-contracts "
                        + "(the service's API changed; then regenerate the console's types with npm run api in web/)\n"
                        + firstDifference(stored, rendered));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Keys sorted at every level and two-space indentation: the same API always prints the same bytes. The security
     * schemes are left out: they name the deployment's identity provider (its address differs in every test run),
     * not the shape of the API.
     */
    static String canonical(JsonNode document) {
        JsonNode copy = document.deepCopy();
        if (copy.path("components") instanceof ObjectNode components) {
            components.remove("securitySchemes");
        }
        return JSON.writeValueAsString(sorted(copy)) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            for (String key : new TreeSet<>(object.propertyNames())) {
                copy.set(key, sorted(object.get(key)));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            array.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    /** The first line where the two differ, with a few lines around it: enough to see what changed. */
    static String firstDifference(String stored, String served) {
        List<String> before = stored.lines().toList();
        List<String> after = served.lines().toList();
        int line = 0;
        while (line < before.size() && line < after.size() && before.get(line).equals(after.get(line))) {
            line++;
        }
        int from = Math.max(0, line - CONTEXT_LINES);
        StringBuilder shown = new StringBuilder("first difference at line " + (line + 1) + ":\n");
        for (int i = from; i < Math.min(after.size(), line + CONTEXT_LINES + 1); i++) {
            shown.append(i == line ? "served > " : "         ")
                    .append(after.get(i))
                    .append('\n');
        }
        if (line < before.size()) {
            shown.append("stored > ").append(before.get(line)).append('\n');
        }
        return shown.toString();
    }
}
