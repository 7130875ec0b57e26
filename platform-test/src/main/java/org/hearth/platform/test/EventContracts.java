package org.hearth.platform.test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The event contracts in {@code contracts/events/}: one JSON Schema per event type and version, with a
 * golden example. Producers validate what they publish; consumers read the golden example.
 */
public final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventContracts() {}

    public static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("contracts/events");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "contracts/events not found above " + Path.of("").toAbsolutePath());
    }

    /** File stem of a CloudEvents type: {@code org.hearth.patient.PatientAdmitted.v1} → {@code patient.PatientAdmitted.v1}. */
    public static String stem(String ceType) {
        return ceType.replaceFirst("^org\\.hearth\\.", "");
    }

    /** Violations of the schema for {@code ceType}; empty when the body conforms. */
    public static Set<String> violations(String ceType, String json) {
        try {
            // formats asserted, as the platform's event edge does: a producer's uuid must be a uuid
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(
                            Files.readString(directory().resolve(stem(ceType) + ".json")),
                            SchemaValidatorsConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .build());
            Set<ValidationMessage> messages = schema.validate(JSON.readTree(json));
            return messages.stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden example body of {@code ceType}. */
    public static String example(String ceType) {
        try {
            return Files.readString(directory().resolve(stem(ceType) + ".example.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
