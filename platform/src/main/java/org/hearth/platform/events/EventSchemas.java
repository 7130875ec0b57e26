package org.hearth.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The event contracts ({@code contracts/events/<service>.<Event>.v<N>.json}, packaged on the platform's classpath
 * under {@code contracts/events/}), compiled once each on first use. A type is known when its schema exists; the
 * index is fixed at start-up so that garbage types cannot grow the cache. {@code format} (uuid, date-time) is
 * asserted, not only annotated as JSON Schema 2020-12 would by default.
 *
 * <p>The edge checks what a consumer relies on (required fields, types, formats, enums) and is a tolerant reader of
 * the rest: {@code additionalProperties: false} is dropped here, so a producer may add an optional field before every
 * consumer has the new contract (a rolling upgrade) without its events being dead-lettered. The producers' own
 * contract tests ({@code EventContracts}) keep the schemas strict.
 */
public final class EventSchemas {

    /** {@code org.hearth.<service>.<Event>.v<N>}: the only shape of type that can have a contract. */
    public static final Pattern TYPE_SHAPE =
            Pattern.compile("org\\.hearth\\.([a-z]+)\\.([A-Z][A-Za-z0-9]*)\\.v([1-9][0-9]*)");

    private static final String LOCATION = "contracts/events/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile EventSchemas classpath;

    private final Map<String, Resource> index;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.builder(
                    JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012))
            // the catalog's own annotations (x-topic, x-producer, x-consumers): known, never validated, not warned
            // about
            .metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keywords(Stream.of("x-topic", "x-producer", "x-consumers")
                            .map(NonValidationKeyword::new)
                            .toList())
                    .build())
            .build();
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .pathType(com.networknt.schema.PathType.JSON_PATH)
            .build();

    private EventSchemas(Map<String, Resource> index) {
        this.index = index;
    }

    /** The contracts packaged with the platform (read once per class loader). */
    public static EventSchemas onClasspath() {
        EventSchemas schemas = classpath;
        if (schemas == null) {
            synchronized (EventSchemas.class) {
                if (classpath == null) {
                    classpath = load();
                }
                schemas = classpath;
            }
        }
        return schemas;
    }

    private static EventSchemas load() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(EventSchemas.class.getClassLoader())
                    .getResources("classpath*:" + LOCATION + "*.json");
            Map<String, Resource> index = java.util.Arrays.stream(resources)
                    .filter(r -> r.getFilename() != null && !r.getFilename().endsWith(".example.json"))
                    .collect(Collectors.toMap(
                            r -> "org.hearth." + r.getFilename().replaceFirst("\\.json$", ""),
                            Function.identity(),
                            (first, duplicate) -> first));
            if (index.isEmpty()) {
                throw new IllegalStateException("no event contracts on the classpath under " + LOCATION);
            }
            return new EventSchemas(Map.copyOf(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code type} has a contract; a {@code .v2} nobody published a schema for is not known. */
    public boolean knows(String type) {
        return type != null && TYPE_SHAPE.matcher(type).matches() && index.containsKey(type);
    }

    public int size() {
        return index.size();
    }

    /**
     * What is wrong with {@code body} against the contract of {@code type}: instance paths and schema keywords only
     * (e.g. {@code $.patientId: required}, {@code $.admittedAt: format}), never the offending values, which may be PHI.
     */
    public List<String> violations(String type, JsonNode body) {
        JsonSchema schema = schema(type).orElseThrow(() -> new IllegalArgumentException("no contract for " + type));
        return schema.validate(body).stream()
                .map(EventSchemas::describe)
                .sorted()
                .distinct()
                .toList();
    }

    private Optional<JsonSchema> schema(String type) {
        if (!knows(type)) {
            return Optional.empty();
        }
        return Optional.of(compiled.computeIfAbsent(type, t -> {
            try (InputStream in = index.get(t).getInputStream()) {
                return factory.getSchema(tolerant(JSON.readTree(in)), config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /** The schema without its {@code additionalProperties: false}, at every depth. */
    static JsonNode tolerant(JsonNode schema) {
        if (schema instanceof ObjectNode object) {
            JsonNode additional = object.get("additionalProperties");
            if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
                object.remove("additionalProperties");
            }
            object.properties().forEach(field -> tolerant(field.getValue()));
        } else if (schema.isArray()) {
            schema.forEach(EventSchemas::tolerant);
        }
        return schema;
    }

    /** Path and keyword; for {@code required} the missing property (named by the schema, so never data). */
    static String describe(ValidationMessage message) {
        String path = message.getInstanceLocation() == null
                ? "$"
                : message.getInstanceLocation().toString();
        if ("required".equals(message.getType()) && message.getProperty() != null) {
            return path + "." + message.getProperty() + ": required";
        }
        return path + ": " + message.getType();
    }
}
