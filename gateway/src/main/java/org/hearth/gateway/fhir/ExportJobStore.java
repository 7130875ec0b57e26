package org.hearth.gateway.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Export jobs on disk, one directory each: {@code job.json} (replaced atomically on every change) next to the job's
 * NDJSON files. A directory rather than a database because the files are what the partner downloads and they can
 * be large: they stream from disk, survive a gateway restart, and expire by deleting one directory. Jobs that were
 * running when the gateway stopped are marked failed at start (their caller's token is gone; they start again).
 * With several gateway replicas the directory must be a shared volume.
 */
@Component
class ExportJobStore {

    private static final Logger log = LoggerFactory.getLogger(ExportJobStore.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Pattern JOB_ID = Pattern.compile("[0-9a-f-]{36}");
    static final Pattern FILE_NAME = Pattern.compile("[A-Za-z]{1,40}\\.ndjson");
    private static final String JOB_FILE = "job.json";

    private final Path root;
    private final FhirProperties properties;
    private final Clock clock = Clock.systemUTC();

    ExportJobStore(FhirProperties properties) {
        this.properties = properties;
        this.root = properties.exportDirectory().toAbsolutePath();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the export directory " + root, e);
        }
        interruptedJobsFail();
    }

    Path directoryOf(String id) {
        if (!JOB_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a job id");
        }
        return root.resolve(id);
    }

    synchronized void save(ExportJob job) {
        Path directory = directoryOf(job.id());
        try {
            Files.createDirectories(directory);
            Path next = directory.resolve(JOB_FILE + ".next");
            Files.write(next, JSON.writeValueAsBytes(job));
            Files.move(
                    next,
                    directory.resolve(JOB_FILE),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<ExportJob> find(String id) {
        if (!JOB_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path file = root.resolve(id).resolve(JOB_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            ExportJob job = JSON.readValue(Files.readAllBytes(file), ExportJob.class);
            // an expired job is gone even before the sweep has deleted it
            return job.expiresAt() != null && job.expiresAt().isBefore(clock.instant())
                    ? Optional.empty()
                    : Optional.of(job);
        } catch (IOException | RuntimeException e) {
            log.warn("unreadable export job {}: {}", id, e.toString());
            return Optional.empty();
        }
    }

    /** A file of a job, if the name is one an export writes and the file exists. */
    Optional<Path> file(String id, String name) {
        if (!FILE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = directoryOf(id).resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    void delete(String id) {
        Path directory = directoryOf(id);
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("could not delete export job {}: {}", id, e.toString());
        }
    }

    /** Deletes the jobs whose files have expired (every minute; also right after a restart). */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT5S")
    void sweep() {
        Instant now = clock.instant();
        for (String id : ids()) {
            Path file = root.resolve(id).resolve(JOB_FILE);
            try {
                ExportJob job = JSON.readValue(Files.readAllBytes(file), ExportJob.class);
                if (job.expiresAt() != null && job.expiresAt().isBefore(now)) {
                    delete(id);
                    log.info("export job {} expired, files deleted", id);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("unreadable export job {}: {}", id, e.toString());
            }
        }
    }

    private void interruptedJobsFail() {
        for (String id : ids()) {
            find(id).filter(job -> !job.finished())
                    .ifPresent(job -> save(job.failed(
                            "The gateway restarted while this export ran; start a new export.",
                            clock.instant(),
                            clock.instant().plus(properties.exportRetention()))));
        }
    }

    private List<String> ids() {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(n -> JOB_ID.matcher(n).matches())
                    .filter(n -> Files.isRegularFile(root.resolve(n).resolve(JOB_FILE)))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
