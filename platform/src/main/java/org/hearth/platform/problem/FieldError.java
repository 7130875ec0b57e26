package org.hearth.platform.problem;

/** One invalid field of a request: where it is (JSON path-like) and what is wrong, never its value. */
public record FieldError(String field, String message) {

    /**
     * Reads the convention of domain rule messages, {@code "<field>: <what is wrong>"} (e.g.
     * {@code "diagnoses: \"I50-9\" is not an ICD-10-CM code"}); a message without a field is about the body.
     */
    public static FieldError fromRuleMessage(String message) {
        int colon = message == null ? -1 : message.indexOf(": ");
        return colon > 0
                ? new FieldError(message.substring(0, colon), message.substring(colon + 2))
                : new FieldError("body", message);
    }
}
