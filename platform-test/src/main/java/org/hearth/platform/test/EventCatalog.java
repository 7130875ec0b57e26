package org.hearth.platform.test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Renders docs/events.md from the schemas in contracts/events, so the catalog can never drift from the
 * contracts: a test compares the two, and {@code HEARTH_WRITE_DOCS=1} rewrites the page.
 */
public final class EventCatalog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventCatalog() {
    }

    public static String render(Path contracts) {
        List<Path> schemas;
        try (Stream<Path> files = Files.list(contracts)) {
            schemas = files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".example.json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder md = new StringBuilder("""
                # Event catalog

                Generated from `contracts/events/` by `EventCatalog` (platform-test); do not edit by hand.
                Regenerate with `HEARTH_WRITE_DOCS=1 ./mvnw -pl platform-test test -Dtest=EventCatalogTest`.

                Every event travels as a CloudEvents 1.0 binary-mode Kafka record: headers `ce_specversion`, `ce_id`,
                `ce_source`, `ce_type`, `ce_subject` (patient id), `ce_time`, `ce_tenantid`, `ce_correlationid`,
                W3C `traceparent`; key = patient id; body = the JSON below. Bodies carry ids, codes, dates and counts
                only: never names, notes, message text or photos.

                | type | topic | producer | consumers |
                |---|---|---|---|
                """);
        List<JsonNode> nodes = schemas.stream().map(EventCatalog::read).toList();
        for (int i = 0; i < schemas.size(); i++) {
            JsonNode schema = nodes.get(i);
            md.append("| `org.hearth.").append(stem(schemas.get(i))).append("` | `").append(schema.path("x-topic").asString())
                    .append("` | ").append(schema.path("x-producer").asString()).append(" | ")
                    .append(String.join(", ", schema.path("x-consumers").valueStream().map(JsonNode::asString).toList()))
                    .append(" |\n");
        }
        for (int i = 0; i < schemas.size(); i++) {
            JsonNode schema = nodes.get(i);
            md.append("\n## ").append(schema.path("title").asString()).append("\n\n")
                    .append(schema.path("description").asString()).append("\n\n")
                    .append("| field | type | required | notes |\n|---|---|---|---|\n");
            List<String> required = schema.path("required").valueStream().map(JsonNode::asString).toList();
            schema.path("properties").properties().forEach(field -> md.append("| `").append(field.getKey())
                    .append("` | ").append(type(field.getValue())).append(" | ")
                    .append(required.contains(field.getKey()) ? "yes" : "no").append(" | ")
                    .append(field.getValue().path("description").asString("")).append(" |\n"));
            md.append("\nSchema: `contracts/events/").append(schemas.get(i).getFileName()).append("`\n");
        }
        return md.toString();
    }

    private static String type(JsonNode property) {
        JsonNode type = property.path("type");
        String text = type.isArray() ? String.join(" or ", type.valueStream().map(JsonNode::asString).toList())
                : type.asString();
        if (property.has("format")) {
            text += " (" + property.path("format").asString() + ")";
        }
        if (property.has("enum")) {
            text += ": " + String.join(", ", property.path("enum").valueStream().map(JsonNode::asString).toList());
        }
        return text;
    }

    private static String stem(Path schema) {
        return schema.getFileName().toString().replaceFirst("\\.json$", "");
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
