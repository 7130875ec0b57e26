package org.hearth.infra.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local MongoDB: mongo-java-server speaking the wire protocol, its data in one H2 file so that it
 * survives {@code ./hearth down} and {@code up}. It has no transactions and no change streams, which the
 * services do not need (single-document outbox, ARCHITECTURE §5).
 *
 * <p>A write is on disk before it is acknowledged ({@link DurableH2Backend}), so an answered write survives
 * {@code kill -9} of this process and a crash of the machine. The system property
 * {@code hearth.mongo.durability} picks {@link Durability#SYNC} (the default), {@link Durability#COMMIT} or
 * {@link Durability#BACKGROUND} (mongo-java-server's own behaviour, which loses acknowledged writes on
 * {@code kill -9}: only for measuring what durability costs).
 *
 * <p>Usage: {@code MongoWireServer <port> <data-dir>}; binds to 127.0.0.1 only.
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final H2Backend backend;

    private MongoWireServer(MongoServer server, H2Backend backend) {
        this.server = server;
        this.backend = backend;
    }

    /** When a write reaches the file, relative to its acknowledgement. */
    public enum Durability {
        /** written and forced to the device before the answer: survives a killed process and a crashed machine */
        SYNC,
        /** written to the file (the OS page cache) before the answer: survives a killed process */
        COMMIT,
        /** H2's background auto-commit, about a second after the answer: a killed process loses writes */
        BACKGROUND
    }

    public static MongoWireServer start(int port, Path dataDir) throws Exception {
        return start(port, dataDir, Durability.valueOf(
                System.getProperty("hearth.mongo.durability", Durability.SYNC.name()).toUpperCase()));
    }

    public static MongoWireServer start(int port, Path dataDir, Durability durability) throws Exception {
        Files.createDirectories(dataDir);
        String file = dataDir.resolve("hearth.mv").toString();
        H2Backend backend = durability == Durability.BACKGROUND ? new H2Backend(file)
                : new DurableH2Backend(file, durability == Durability.SYNC);
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new MongoWireServer(server, backend);
    }

    public int port() {
        return server.getLocalAddress().getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
        backend.close();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MongoWireServer <port> <data-dir>");
            System.exit(2);
        }
        MongoWireServer mongo = start(Integer.parseInt(args[0]), Path.of(args[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close(); // flushes the H2 file on SIGTERM from ./hearth down
            stopped.countDown();
        }));
        System.out.println("MongoDB wire server listening on 127.0.0.1:" + mongo.port());
        System.out.flush();
        stopped.await();
    }
}
