package org.hearth.bench.day;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the population created (ids of people, roster entries, payers, patients, how far each patient got) and how
 * many slots each clinician has used per day, in one JSON file next to the stack's data: a second run reads it and
 * creates only what is missing. An agency whose organization Keycloak no longer knows (the stack was cleaned) is
 * forgotten and made again.
 */
final class DayState {

    private final Path file;
    private final ObjectNode root;
    private boolean dirty;

    private DayState(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    static DayState load(Path file) throws IOException {
        if (Files.exists(file)) {
            return new DayState(file, (ObjectNode) Http.JSON.readTree(Files.readString(file)));
        }
        return new DayState(file, Http.JSON.createObjectNode());
    }

    /** The agency's part (created empty when new); callers change it under {@link #lock}. */
    synchronized ObjectNode agency(String alias) {
        ObjectNode agencies = root.has("agencies") ? (ObjectNode) root.get("agencies") : root.putObject("agencies");
        return agencies.has(alias) ? (ObjectNode) agencies.get(alias) : agencies.putObject(alias);
    }

    synchronized void forget(String alias) {
        if (root.has("agencies")) {
            ((ObjectNode) root.get("agencies")).remove(alias);
            dirty = true;
        }
    }

    Object lock() {
        return this;
    }

    synchronized void changed() {
        dirty = true;
    }

    /** Writes the file when something changed (to a temporary file first, so a crash leaves the last good one). */
    synchronized void save() throws IOException {
        if (!dirty) {
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        dirty = false;
    }
}
