package org.hearth.system;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the stack of {@code ./hearth up} once for every system test class that uses it, and takes it down
 * when the whole run ends, checking that {@code ./hearth down} left no process of this stack behind.
 */
final class SharedStack implements BeforeAllCallback {

    static final LocalStack STACK = new LocalStack();

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!System.getProperty("hearth.console.base-url", "").isBlank()) {
            return; // the browser test alone, against a stack that is already up
        }
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(SharedStack.class, key -> {
            try {
                STACK.up();
            } catch (RuntimeException failed) { // leave nothing running behind a failed start
                STACK.down();
                throw failed;
            }
            return (AutoCloseable) SharedStack::downLeavesNothingRunning;
        });
    }

    private static void downLeavesNothingRunning() throws IOException {
        STACK.down();
        if (!STACK.pidFiles().isEmpty()) {
            throw new AssertionError("./hearth down left pid files: " + STACK.pidFiles());
        }
        List<String> leftovers = new ArrayList<>();
        ProcessHandle.allProcesses()
                .forEach(p -> p.info()
                        .commandLine()
                        .filter(cmd -> cmd.contains(STACK.home().toString()))
                        .ifPresent(leftovers::add));
        if (!leftovers.isEmpty()) {
            throw new AssertionError("processes of this stack after ./hearth down: " + leftovers);
        }
    }
}
