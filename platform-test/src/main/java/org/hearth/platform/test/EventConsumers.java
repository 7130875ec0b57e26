package org.hearth.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which service reads which event type, found in the services' code rather than written down: a consumer keeps
 * its own tolerant reader with a {@code TYPE} constant (ARCHITECTURE §5) and routes it in its event edge's table,
 * {@code .on(Reader.TYPE, Reader.class, handler)} (or, in a listener not yet moved to the edge, dispatches on it as
 * {@code case Reader.TYPE ->} or {@code Reader.TYPE.equals(event.type())}). A constant only declared, or only used
 * to publish, does not count: the type must be routed or compared with an incoming event's type.
 */
public final class EventConsumers {

    private static final Pattern DECLARATION = Pattern.compile("\\b(?:record|class|interface)\\s+([A-Z]\\w*)");
    private static final Pattern TYPE_CONSTANT = Pattern.compile("\\bTYPE\\s*=\\s*\"(org\\.hearth\\.[\\w.]+)\"");
    private static final Pattern DISPATCH = Pattern.compile("\\.on\\(\\s*((?:[A-Z]\\w*\\.)*[A-Z]\\w*)\\.TYPE\\s*,"
            + "|case\\s+((?:[A-Z]\\w*\\.)*[A-Z]\\w*)\\.TYPE\\b"
            + "|((?:[A-Z]\\w*\\.)*[A-Z]\\w*)\\.TYPE\\.equals\\(\\s*\\w+\\.type\\(\\)\\s*\\)");

    private EventConsumers() {}

    /** CloudEvents type → names of the services (module directories) that read it, both sorted. */
    public static Map<String, Set<String>> in(Path repository) {
        Map<String, Set<String>> consumers = new TreeMap<>();
        for (Path service : services(repository)) {
            List<String> sources = sources(service.resolve("src/main/java"));
            Map<String, String> typeOfClass = new HashMap<>();
            sources.forEach(source -> typeOfClass.putAll(typeConstants(source)));
            for (String source : sources) {
                Matcher dispatch = DISPATCH.matcher(source);
                while (dispatch.find()) {
                    String reader = dispatch.group(1) != null
                            ? dispatch.group(1)
                            : dispatch.group(2) != null ? dispatch.group(2) : dispatch.group(3);
                    String type = typeOfClass.get(reader.substring(reader.lastIndexOf('.') + 1));
                    if (type != null) {
                        consumers
                                .computeIfAbsent(type, t -> new TreeSet<>())
                                .add(service.getFileName().toString());
                    }
                }
            }
        }
        return consumers;
    }

    /** Class (or nested record) name → the CloudEvents type of its {@code TYPE} constant. */
    static Map<String, String> typeConstants(String source) {
        Map<String, String> types = new HashMap<>();
        Matcher constant = TYPE_CONSTANT.matcher(source);
        while (constant.find()) {
            // the constant belongs to the nearest type declared before it
            Matcher declaration = DECLARATION.matcher(source.substring(0, constant.start()));
            String owner = null;
            while (declaration.find()) {
                owner = declaration.group(1);
            }
            if (owner != null) {
                types.put(owner, constant.group(1));
            }
        }
        return types;
    }

    private static List<Path> services(Path repository) {
        try (Stream<Path> modules = Files.list(repository)) {
            return modules.filter(m -> m.getFileName().toString().endsWith("-service"))
                    .filter(m -> Files.isDirectory(m.resolve("src/main/java")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> sources(Path root) {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.add(Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }
}
