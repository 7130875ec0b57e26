package org.hearth.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders docs/events.md from the schemas in contracts/events and the consumers found in the services' code
 * ({@link EventConsumers}), so the catalog can never drift from either: a test compares the two, and
 * {@code HEARTH_WRITE_DOCS=1} rewrites the page.
 */
public final class EventCatalog {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern KEY = Pattern.compile("(?i)key and ce_subject (?:= |are |is )(?:the )?([\\w ]+?)[.,]");

    private EventCatalog() {}

    /** The catalog of the repository at {@code repository}: its contracts, and the consumers its services' code has. */
    public static String render(Path repository) {
        Path contracts = repository.resolve("contracts/events");
        List<Path> schemas;
        try (Stream<Path> files = Files.list(contracts)) {
            schemas = files.filter(
                            f -> f.toString().endsWith(".json") && !f.toString().endsWith(".example.json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<String>> consumers = EventConsumers.in(repository);
        StringBuilder md = new StringBuilder("""
                # Event catalog

                Generated from `contracts/events/` and the services' Kafka listeners by `EventCatalog` (platform-test);
                do not edit by hand. Regenerate with `./hearth events-catalog`
                (or `HEARTH_WRITE_DOCS=1 ./mvnw -pl platform-test -am test -Dtest=EventCatalogTest -Dsurefire.failIfNoSpecifiedTests=false`).

                Every event travels as a CloudEvents 1.0 binary-mode Kafka record: headers `ce_specversion`, `ce_id`,
                `ce_source`, `ce_type`, `ce_subject` (patient id), `ce_time`, `ce_tenantid`, `ce_correlationid`,
                W3C `traceparent`; key = patient id unless the event says otherwise; body = the JSON below. Bodies
                carry ids, codes, dates and counts only: never names, notes, message text or photos.

                ## Event edge

                Every listener hands its records to the platform's `EventEdge` with a route table, one line per type
                it applies (`EventRoutes.forConsumer(name).on(Reader.TYPE, Reader.class, handler)`); an ArchUnit rule
                fails the build of a service with a listener that does not. Before any handler runs the edge checks
                the envelope (`ce_id`, `ce_type`, `ce_tenantid` an organization id (UUID), a body), that the body is
                JSON valid against its schema below (required fields, types, enums; formats such as `uuid` and
                `date-time` asserted), and that `patientId` equals `ce_subject` when both are present. The edge is a
                tolerant reader of fields it does not know (`additionalProperties: false` is not applied to what is
                read), so a producer may add an optional field before every consumer has the new contract; the
                producers' own contract tests stay strict. Then:

                - valid and routed: the handler runs with the event's agency as tenant and its correlation id bound;
                - a type with a schema but no route in this consumer: ignored on purpose (DEBUG);
                - a type with no schema (a `.v2` nobody published a contract for, garbage): counted in
                  `hearth.events.unknown` (tags `topic`, `consumer`, `type` or `other`), logged WARN, committed,
                  never dead-lettered;
                - invalid (envelope, not JSON, schema violation, subject mismatch): straight to `<topic>.dlt`,
                  no retries; a handler that finds its own database unreachable: retried without limit (the usual
                  pause doubling up to 30 s) until it is back, never dead-lettered; any other failure: retried
                  with a short back-off, then `<topic>.dlt`. Each
                  dead-lettered record is logged once at WARN (event id, type, topic-partition@offset, consumer
                  group, reason: schema paths and keywords, never values) and counted in
                  `hearth.events.dead-lettered` (tags `topic`, `reason`).

                ## Types

                **Consumers** are read from the code: a service consumes a type when one of its route tables has a line
                for that type's reader (`.on(Reader.TYPE, ...)`). **Purpose and planned readers** come from each schema's
                `x-consumers`; `EventCatalogTest` fails when the two disagree.

                | type | topic | key | producer | consumers (code) | purpose and planned readers |
                |---|---|---|---|---|---|
                """);
        List<JsonNode> nodes = schemas.stream().map(EventCatalog::read).toList();
        for (int i = 0; i < schemas.size(); i++) {
            JsonNode schema = nodes.get(i);
            String type = "org.hearth." + stem(schemas.get(i));
            md.append("| `")
                    .append(type)
                    .append("` | `")
                    .append(schema.path("x-topic").asString())
                    .append("` | ")
                    .append(key(schema))
                    .append(" | ")
                    .append(schema.path("x-producer").asString())
                    .append(" | ")
                    .append(String.join(", ", consumers.getOrDefault(type, Set.of("none"))))
                    .append(" | ")
                    .append(String.join("; ", intents(schema)))
                    .append(" |\n");
        }
        md.append(EventOrderDependencies.SECTION);
        for (int i = 0; i < schemas.size(); i++) {
            JsonNode schema = nodes.get(i);
            String type = "org.hearth." + stem(schemas.get(i));
            md.append("\n## ")
                    .append(schema.path("title").asString())
                    .append("\n\n")
                    .append(schema.path("description").asString())
                    .append("\n\n")
                    .append("Topic `")
                    .append(schema.path("x-topic").asString())
                    .append("`, key ")
                    .append(key(schema))
                    .append(", produced by ")
                    .append(schema.path("x-producer").asString())
                    .append(", consumed by ")
                    .append(String.join(", ", consumers.getOrDefault(type, Set.of("no service yet"))))
                    .append(".\n\n")
                    .append("| field | type | required | notes |\n|---|---|---|---|\n");
            fields(md, "", schema);
            Path example = contracts.resolve(stem(schemas.get(i)) + ".example.json");
            if (Files.exists(example)) {
                md.append("\nExample:\n\n```json\n")
                        .append(text(example).strip())
                        .append("\n```\n");
            }
            md.append("\nSchema: `contracts/events/")
                    .append(schemas.get(i).getFileName())
                    .append("`\n");
        }
        return md.toString();
    }

    /** One row per field; fields of nested objects and of array items follow as {@code parent[].field}. */
    private static void fields(StringBuilder md, String prefix, JsonNode object) {
        List<String> required =
                object.path("required").valueStream().map(JsonNode::asString).toList();
        object.path("properties").properties().forEach(field -> {
            String name = prefix + field.getKey();
            JsonNode property = field.getValue();
            md.append("| `")
                    .append(name)
                    .append("` | ")
                    .append(type(property))
                    .append(" | ")
                    .append(required.contains(field.getKey()) ? "yes" : "no")
                    .append(" | ")
                    .append(property.path("description").asString(""))
                    .append(" |\n");
            if (property.has("properties")) {
                fields(md, name + ".", property);
            } else if (property.path("items").has("properties")) {
                fields(md, name + "[].", property.path("items"));
            }
        });
    }

    /** The schema's {@code x-consumers} entries: who reads it, what for, and who is only planned to. */
    static List<String> intents(JsonNode schema) {
        return schema.path("x-consumers").valueStream().map(JsonNode::asString).toList();
    }

    /** The record key as the schema's description states it ("key and ce_subject = patientId"). */
    static String key(JsonNode schema) {
        Matcher stated = KEY.matcher(schema.path("description").asString());
        return stated.find()
                ? (stated.group(1).contains(" ") ? stated.group(1) : "`" + stated.group(1) + "`")
                : "`patientId`";
    }

    private static String type(JsonNode property) {
        JsonNode type = property.path("type");
        String text = type.isArray()
                ? String.join(" or ", type.valueStream().map(JsonNode::asString).toList())
                : type.asString();
        if (property.has("format")) {
            text += " (" + property.path("format").asString() + ")";
        }
        if (property.has("enum")) {
            text += ": "
                    + String.join(
                            ", ",
                            property.path("enum")
                                    .valueStream()
                                    .map(JsonNode::asString)
                                    .toList());
        }
        return text;
    }

    private static String stem(Path schema) {
        return schema.getFileName().toString().replaceFirst("\\.json$", "");
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
