package org.hearth.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The operations one service documents in its OpenAPI document: method plus path template. The gateway
 * forwards only these, so an endpoint a service forgot to document, an internal path or a method nobody
 * declared never becomes reachable from outside by accident.
 */
public final class OperationInventory {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One documented operation; {@code template} keeps the OpenAPI spelling, e.g. {@code /patients/{id}}. */
    public record Operation(String method, String template, Pattern pattern) {

        boolean matches(String requestMethod, String path) {
            String effective = "HEAD".equals(requestMethod) ? "GET" : requestMethod;
            return method.equals(effective) && pattern.matcher(path).matches();
        }
    }

    private final List<Operation> operations;

    private OperationInventory(List<Operation> operations) {
        this.operations = List.copyOf(operations);
    }

    /** Reads the {@code paths} of an OpenAPI 3 document. */
    public static OperationInventory of(JsonNode openApi) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : openApi.path("paths").properties()) {
            Pattern pattern = patternOf(path.getKey());
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    operations.add(new Operation(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(), pattern));
                }
            }
        }
        return new OperationInventory(operations);
    }

    public boolean documents(String method, String path) {
        return operations.stream().anyMatch(operation -> operation.matches(method, path));
    }

    public List<Operation> operations() {
        return operations;
    }

    /** {@code /patients/{id}/care-plan} → {@code /patients/[^/]+/care-plan}, every literal part quoted. */
    static Pattern patternOf(String template) {
        StringBuilder regex = new StringBuilder();
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(at)));
                break;
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed path variable in " + template);
            }
            if (open > at) {
                regex.append(Pattern.quote(template.substring(at, open)));
            }
            regex.append("[^/]+");
            at = close + 1;
        }
        return Pattern.compile(regex.toString());
    }
}
