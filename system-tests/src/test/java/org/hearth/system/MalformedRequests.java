package org.hearth.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates malformed requests for every operation of an OpenAPI document, from what the document says the operation
 * takes: each path variable, each query parameter, the body's syntax, its content type and each of its properties in
 * turn, and the headers. Nothing is hand-written per operation, so a new endpoint is fuzzed the day it is documented.
 * <p>
 * A probe is {@linkplain Probe#malformed() malformed} when no server may accept it (bad JSON, a wrong JSON type, a
 * value outside its declared format or enum, a missing required value, over a declared or sane size): it must be
 * refused with a 4xx and store nothing. The others are <em>odd</em> but possibly valid (unicode, control characters,
 * a huge free text, an unacceptable {@code Accept}): they may succeed, but never with a 5xx, and a refusal is still
 * problem+json.
 */
final class MalformedRequests {

    /** One request to send. {@code body} is null for none. */
    record Probe(
            String operation,
            String kind,
            boolean malformed,
            String method,
            String path,
            Map<String, String> headers,
            byte[] body) {}

    static final int HUGE_ARRAY = 10_001;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH");
    private static final List<String> BAD_PATH_VALUES = List.of(
            "not-an-id",
            "%ff%fe",
            "..%2F..%2Fetc",
            "%00",
            "A".repeat(300),
            "%27%20OR%201%3D1--",
            "%E2%80%AE%3Cscript%3E",
            "-1",
            "1e999",
            "%25");
    private static final String UNICODE = "Ñandú 😀 مرحبا 𝔘 \u202Eevil";
    private static final String CONTROL = "a\u0000b\u0007c\u001bd\r\ne";

    private final JsonNode document;
    private final Function<String, String> knownIds;
    private final String marker;

    /**
     * @param document the OpenAPI document (paths as the gateway publishes them)
     * @param knownIds a real id for a path variable name, or null for a random UUID (e.g. a patient of the caller's
     *                 agency, so that a request reaches the validation behind the patient lookup)
     * @param marker   the text of every free-text value in a sample body, so that anything stored from a probe can be
     *                 found in the databases afterwards
     */
    MalformedRequests(JsonNode document, Function<String, String> knownIds, String marker) {
        this.document = document;
        this.knownIds = knownIds;
        this.marker = marker;
    }

    List<Probe> probes() {
        List<Probe> probes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                if (!OpenApiOperations.METHODS.contains(method)
                        || path.getKey().endsWith("/events")
                        || path.getKey().endsWith("/stream")) {
                    continue; // event streams stay open: their answers are not single responses
                }
                new OperationProbes(method, path.getKey(), operation.getValue(), probes).generate();
            }
        }
        return probes;
    }

    /** The probes of one operation. */
    private final class OperationProbes {
        private final String method;
        private final String template;
        private final JsonNode operation;
        private final List<Probe> out;
        private final String name;

        OperationProbes(String method, String template, JsonNode operation, List<Probe> out) {
            this.method = method;
            this.template = template;
            this.operation = operation;
            this.out = out;
            this.name = method + " " + template;
        }

        void generate() {
            Map<String, String> ids = new LinkedHashMap<>();
            for (String variable : variables()) {
                String known = knownIds.apply(variable);
                ids.put(variable, known != null ? known : UUID.randomUUID().toString());
            }
            String path = fill(ids);
            JsonNode bodySchema = bodySchema("application/json");
            byte[] body = bodySchema == null ? null : bytes(sample(bodySchema, 0));
            Map<String, String> json = bodySchema == null ? Map.of() : Map.of("Content-Type", "application/json");

            for (String variable : ids.keySet()) {
                for (String bad : BAD_PATH_VALUES) {
                    Map<String, String> changed = new LinkedHashMap<>(ids);
                    changed.put(variable, bad);
                    add("path " + variable, true, fill(changed), json, body);
                }
            }
            queryProbes(path, json, body);
            headerProbes(path, json, body);
            if (bodySchema != null) {
                bodyProbes(path, bodySchema);
            }
            if (bodySchema("multipart/form-data") != null) {
                multipartProbes(path);
            }
        }

        private void queryProbes(String path, Map<String, String> json, byte[] body) {
            for (JsonNode parameter : parameters("query")) {
                String parameterName = parameter.path("name").asString();
                JsonNode schema = resolve(parameter.path("schema"));
                for (Map.Entry<String, Boolean> value : badScalars(schema).entrySet()) {
                    add(
                            "query " + parameterName,
                            value.getValue(),
                            path + "?" + parameterName + "=" + value.getKey(),
                            json,
                            body);
                }
            }
            add("uri 10 KB", true, path + "?q=" + "x".repeat(10_000), json, body);
        }

        /** Values of a query or path parameter: malformed (true) or odd (false), already URL-encoded. */
        private Map<String, Boolean> badScalars(JsonNode schema) {
            Map<String, Boolean> values = new LinkedHashMap<>();
            String type = schema.path("type").asString("string");
            String format = schema.path("format").asString("");
            switch (type) {
                case "integer", "number" -> {
                    values.put("abc", true);
                    values.put("99999999999999999999999", true);
                    values.put("1e999", true);
                    values.put("-1", false);
                }
                case "boolean" -> values.put("maybe", true);
                default -> {
                    if (schema.has("enum")) {
                        values.put("NOT_A_VALUE", true);
                    }
                    if (format.equals("uuid")) {
                        values.put("not-a-uuid", true);
                    }
                    if (format.equals("date") || format.equals("date-time")) {
                        values.put("2026-13-45", true);
                        values.put("yesterday", true);
                    }
                    values.put("%E2%80%AE%F0%9F%98%80", false);
                    values.put("%0d%0aX-Injected:%201", false);
                }
            }
            return values;
        }

        private void headerProbes(String path, Map<String, String> json, byte[] body) {
            add("header 20 KB", true, path, with(json, "X-Padding", "x".repeat(20_000)), body);
            if (!parameters("header").isEmpty()) {
                for (JsonNode header : parameters("header")) {
                    String headerName = header.path("name").asString();
                    if (headerName.equals("If-Match")) {
                        add("If-Match garbage", true, path, with(json, "If-Match", "\"x\" garbage,,;"), body);
                        add("If-Match wrong version", true, path, with(json, "If-Match", "\"-7\""), body);
                    } else if (headerName.equals("Idempotency-Key")) {
                        add(
                                "Idempotency-Key 300 chars",
                                true,
                                path,
                                with(json, "Idempotency-Key", "k".repeat(300)),
                                body);
                        add("Idempotency-Key bad chars", true, path, with(json, "Idempotency-Key", "a b;<>\""), body);
                    }
                }
            }
            add("Accept xml", false, path, with(json, "Accept", "application/xml"), body);
        }

        private void bodyProbes(String path, JsonNode schema) {
            JsonNode sample = sample(schema, 0);
            Map<String, String> json = Map.of("Content-Type", "application/json");
            for (String syntax :
                    List.of("{", "{\"a\":}", "{\"a\":1,}", "[1,2", "nul", "{'a':1}", "{\"a\":\"\\uZZZZ\"}")) {
                add("json syntax", true, path, json, syntax.getBytes(StandardCharsets.UTF_8));
            }
            if (sample.isObject()) {
                for (String wrongTop : List.of("[]", "\"text\"", "42", "null", "true")) {
                    add("json top-level " + wrongTop, true, path, json, wrongTop.getBytes(StandardCharsets.UTF_8));
                }
            }
            add("json empty body", true, path, json, new byte[0]);
            add(
                    "json with BOM",
                    true,
                    path,
                    json,
                    concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(sample)));
            add("json trailing garbage", true, path, json, concat(bytes(sample), "x".getBytes(StandardCharsets.UTF_8)));
            add(
                    "json trailing document",
                    true,
                    path,
                    json,
                    concat(bytes(sample), "{}".getBytes(StandardCharsets.UTF_8)));
            add(
                    "json nested 5000 deep",
                    true,
                    path,
                    json,
                    ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8));
            add("json invalid UTF-8", true, path, json, new byte[] {
                '{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'
            });
            for (String contentType : List.of(
                    "text/plain",
                    "application/xml",
                    "*/*",
                    "application/*",
                    "application/x-www-form-urlencoded",
                    "multipart/form-data",
                    "application/json; charset=klingon",
                    "x/y/z")) {
                add("content-type " + contentType, true, path, Map.of("Content-Type", contentType), bytes(sample));
            }
            add("no content-type", true, path, Map.of(), bytes(sample));
            if (sample.isObject()) {
                propertyProbes(path, json, schema, new Spot((ObjectNode) sample, List.of()), 0);
            }
        }

        /**
         * Each property of the object at {@code spot} in turn, and (two levels down) the properties of nested objects
         * and of the first item of arrays of objects: a wrong value deep in a care plan is as likely as one on top.
         */
        private void propertyProbes(String path, Map<String, String> json, JsonNode schema, Spot spot, int depth) {
            JsonNode object = resolve(schema);
            Set<String> required = new java.util.HashSet<>();
            object.path("required").forEach(r -> required.add(r.asString()));
            for (Map.Entry<String, JsonNode> property : properties(object).entrySet()) {
                String key = property.getKey();
                JsonNode p = resolve(property.getValue());
                String type = typeOf(p);
                String format = p.path("format").asString("");
                String kind = "property " + spot.name(key) + " ";
                for (JsonNode wrong : wrongTypes(type)) {
                    add(kind + "wrong type", true, path, json, bytes(spot.set(key, wrong)));
                }
                if (required.contains(key)) {
                    add(kind + "null (required)", true, path, json, bytes(spot.set(key, NODES.nullNode())));
                    add(kind + "missing (required)", true, path, json, bytes(spot.set(key, null)));
                } else {
                    add(kind + "null", false, path, json, bytes(spot.set(key, NODES.nullNode())));
                }
                if (p.has("enum")) {
                    add(kind + "not in enum", true, path, json, bytes(spot.set(key, NODES.stringNode("NOT_A_VALUE"))));
                }
                if (type.equals("string")) {
                    switch (format) {
                        case "uuid" ->
                            add(
                                    kind + "bad uuid",
                                    true,
                                    path,
                                    json,
                                    bytes(spot.set(key, NODES.stringNode("not-a-uuid"))));
                        case "date", "date-time" -> {
                            add(
                                    kind + "bad date",
                                    true,
                                    path,
                                    json,
                                    bytes(spot.set(key, NODES.stringNode("2026-13-45"))));
                            add(
                                    kind + "date as words",
                                    true,
                                    path,
                                    json,
                                    bytes(spot.set(key, NODES.stringNode("next tuesday"))));
                        }
                        default -> {}
                    }
                    if (p.has("maxLength")) {
                        add(
                                kind + "over maxLength",
                                true,
                                path,
                                json,
                                bytes(spot.set(
                                        key,
                                        NODES.stringNode(
                                                "x".repeat(p.path("maxLength").asInt() + 1)))));
                    } else {
                        add(
                                kind + "100 KB text",
                                false,
                                path,
                                json,
                                bytes(spot.set(key, NODES.stringNode("x".repeat(100_000)))));
                    }
                    add(kind + "unicode", false, path, json, bytes(spot.set(key, NODES.stringNode(UNICODE))));
                    add(
                            kind + "control characters",
                            false,
                            path,
                            json,
                            bytes(spot.set(key, NODES.stringNode(CONTROL))));
                }
                if (type.equals("integer") || type.equals("number")) {
                    String raw = new String(bytes(spot.set(key, NODES.stringNode("@@RAW@@"))), StandardCharsets.UTF_8);
                    add(
                            kind + "huge number",
                            true,
                            path,
                            json,
                            raw.replace("\"@@RAW@@\"", "1e400").getBytes(StandardCharsets.UTF_8));
                    add(kind + "negative", false, path, json, bytes(spot.set(key, NODES.numberNode(-1))));
                }
                if (type.equals("array")) {
                    ArrayNode huge = NODES.arrayNode();
                    JsonNode item = sample(p.path("items"), 1);
                    int size = p.has("maxItems") ? p.path("maxItems").asInt() + 1 : HUGE_ARRAY;
                    for (int i = 0; i < size; i++) {
                        huge.add(item);
                    }
                    add(
                            kind + (p.has("maxItems") ? "over maxItems" : "10,001 items"),
                            true,
                            path,
                            json,
                            bytes(spot.set(key, huge)));
                    if (depth < 2 && typeOf(resolve(p.path("items"))).equals("object")) {
                        propertyProbes(
                                path, json, p.path("items"), spot.into(key).into(0), depth + 1);
                    }
                }
                if (type.equals("object") && depth < 2 && !properties(p).isEmpty()) {
                    propertyProbes(path, json, p, spot.into(key), depth + 1);
                }
            }
        }

        private void multipartProbes(String path) {
            add(
                    "multipart without boundary",
                    true,
                    path,
                    Map.of("Content-Type", "multipart/form-data"),
                    "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\nabc"
                            .getBytes(StandardCharsets.UTF_8));
            add(
                    "multipart cut mid-part",
                    true,
                    path,
                    Map.of("Content-Type", "multipart/form-data; boundary=fuzz"),
                    "--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n\u0089PNG"
                            .getBytes(StandardCharsets.UTF_8));
            add(
                    "multipart no parts",
                    true,
                    path,
                    Map.of("Content-Type", "multipart/form-data; boundary=fuzz"),
                    "--fuzz--\r\n".getBytes(StandardCharsets.UTF_8));
            add(
                    "multipart as text",
                    true,
                    path,
                    Map.of("Content-Type", "text/plain"),
                    "abc".getBytes(StandardCharsets.UTF_8));
        }

        private void add(String kind, boolean malformed, String path, Map<String, String> headers, byte[] body) {
            // writes without a body of their own still get a body in some probes: the server must ignore or refuse it
            byte[] sent = WRITES.contains(method) ? (body == null ? new byte[0] : body) : null;
            out.add(new Probe(name, kind, malformed, method, path, headers, sent));
        }

        private List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(template);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        private String fill(Map<String, String> values) {
            Matcher m = VARIABLE.matcher(template);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(path, Matcher.quoteReplacement(values.get(m.group(1))));
            }
            m.appendTail(path);
            return path.toString();
        }

        private List<JsonNode> parameters(String in) {
            List<JsonNode> found = new ArrayList<>();
            operation.path("parameters").forEach(p -> {
                JsonNode parameter = resolve(p);
                if (parameter.path("in").asString().equals(in)) {
                    found.add(parameter);
                }
            });
            return found;
        }

        private JsonNode bodySchema(String mediaType) {
            JsonNode content = resolve(operation.path("requestBody")).path("content");
            JsonNode schema = content.path(mediaType).path("schema");
            return schema.isMissingNode() ? null : schema;
        }
    }

    /** A place in a sample body (keys and array indexes from the root) where one value is replaced at a time. */
    private record Spot(ObjectNode root, List<Object> location) {

        Spot into(Object keyOrIndex) {
            List<Object> deeper = new ArrayList<>(location);
            deeper.add(keyOrIndex);
            return new Spot(root, deeper);
        }

        String name(String key) {
            StringBuilder name = new StringBuilder();
            location.forEach(step ->
                    name.append(step instanceof Integer ? "[]" : step).append(step instanceof Integer ? "" : "."));
            return name.append(key).toString().replace(".[]", "[].");
        }

        /** A copy of the root with the value of {@code key} at this place replaced ({@code null}: removed). */
        JsonNode set(String key, JsonNode value) {
            ObjectNode copy = root.deepCopy();
            JsonNode here = copy;
            for (Object step : location) {
                here = step instanceof Integer index ? here.path(index) : here.path((String) step);
            }
            if (here instanceof ObjectNode object) {
                if (value == null) {
                    object.remove(key);
                } else {
                    object.set(key, value);
                }
            }
            return copy;
        }
    }

    // --- schemas ------------------------------------------------------------------------------------------------

    private JsonNode resolve(JsonNode node) {
        for (int depth = 0; depth < 10 && node.has("$ref"); depth++) {
            String ref = node.path("$ref").asString();
            node = document.at(ref.substring(1)); // "#/components/schemas/X" → "/components/schemas/X"
        }
        if (node.has("allOf")) { // the composed schema's properties together
            ObjectNode merged = NODES.objectNode();
            ObjectNode properties = merged.putObject("properties");
            ArrayNode required = merged.putArray("required");
            merged.put("type", "object");
            for (JsonNode part : node.path("allOf")) {
                JsonNode resolved = resolve(part);
                resolved.path("properties").properties().forEach(e -> properties.set(e.getKey(), e.getValue()));
                resolved.path("required").forEach(required::add);
            }
            return merged;
        }
        if (node.has("oneOf") || node.has("anyOf")) {
            return resolve(
                    node.has("oneOf")
                            ? node.path("oneOf").get(0)
                            : node.path("anyOf").get(0));
        }
        return node;
    }

    private Map<String, JsonNode> properties(JsonNode object) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        object.path("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue()));
        return properties;
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) { // OpenAPI 3.1: ["string", "null"]
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    private static List<JsonNode> wrongTypes(String type) {
        return switch (type) {
            case "string" -> List.of(NODES.objectNode(), NODES.arrayNode());
            case "integer", "number" -> List.of(NODES.stringNode("abc"), NODES.objectNode());
            case "boolean" -> List.of(NODES.stringNode("maybe"), NODES.arrayNode());
            case "array" -> List.of(NODES.objectNode(), NODES.stringNode("x"));
            default -> List.of(NODES.arrayNode(), NODES.stringNode("x"));
        };
    }

    /** A plausible value of a schema: what a careless but honest client would send. */
    private JsonNode sample(JsonNode schemaNode, int depth) {
        JsonNode schema = resolve(schemaNode);
        String type = typeOf(schema);
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    properties(schema).forEach((key, value) -> object.set(key, sample(value, depth + 1)));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 4) {
                    array.add(sample(schema.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer" ->
                NODES.numberNode(Math.max(1, schema.path("minimum").asInt(1)));
            case "number" ->
                NODES.numberNode(Math.max(1.0, schema.path("minimum").asDouble(1.0)));
            case "boolean" -> NODES.booleanNode(true);
            default ->
                NODES.stringNode(
                        switch (schema.path("format").asString("")) {
                            case "uuid" -> UUID.randomUUID().toString();
                            case "date" -> "2026-12-10";
                            case "date-time" -> "2026-12-10T15:00:00Z";
                            case "email" -> "someone@example.org";
                            default ->
                                marker
                                        + "x"
                                                .repeat(Math.max(
                                                        0,
                                                        schema.path("minLength").asInt(0) - marker.length()));
                        });
        };
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return copy;
    }

    private static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
