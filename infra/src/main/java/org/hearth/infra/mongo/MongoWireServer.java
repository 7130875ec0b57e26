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
 * <p>Usage: {@code MongoWireServer <port> <data-dir>}; binds to 127.0.0.1 only.
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final H2Backend backend;

    private MongoWireServer(MongoServer server, H2Backend backend) {
        this.server = server;
        this.backend = backend;
    }

    public static MongoWireServer start(int port, Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        H2Backend backend = new H2Backend(dataDir.resolve("hearth.mv").toString());
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
        stopped.await();
    }
}
