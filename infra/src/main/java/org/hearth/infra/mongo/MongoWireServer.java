package org.hearth.infra.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireProtocolHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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
 * <p>Commands run on a pool of their own ({@link CommandsOffTheEventLoop}), not on the network event loops where
 * mongo-java-server's own {@code MongoServer} runs them. There, the connections of every service share 2 × cores
 * event loops, so a few long commands (a query that scans a large collection: the wire server has no secondary
 * indexes; a write forced to the disk) held every loop, and each service's next query waited behind them until its
 * socket timed out: the whole store seemed down while it was busy with four requests. Here a long command holds one
 * thread and every other connection goes on being answered. The pool grows with the commands in flight, which the
 * connections bound (the driver sends one command at a time per connection).
 *
 * <p>Usage: {@code MongoWireServer <port> <data-dir>}; binds to 127.0.0.1 only.
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoBackend backend;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup network;
    private final ExecutorService commands;
    private final ChannelGroup clients;
    private final Channel listener;

    private MongoWireServer(MongoBackend backend, int port) {
        this.backend = backend;
        this.acceptor = new NioEventLoopGroup(1, new DefaultThreadFactory("mongo-accept", true));
        this.network = new NioEventLoopGroup(0, new DefaultThreadFactory("mongo-network", true));
        this.commands = Executors.newCachedThreadPool(new DefaultThreadFactory("mongo-command", true));
        this.clients = new DefaultChannelGroup("mongodb-clients", network.next());
        try {
            this.listener = new ServerBootstrap()
                    .group(acceptor, network)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new MongoWireReplyEncoder());
                            channel.pipeline().addLast(new MongoWireMessageEncoder());
                            channel.pipeline().addLast(new MongoWireProtocolHandler());
                            channel.pipeline().addLast(new CommandsOffTheEventLoop(backend, clients, commands));
                            channel.pipeline().addLast(new MongoExceptionHandler());
                        }
                    })
                    .bind(new InetSocketAddress("127.0.0.1", port))
                    .syncUninterruptibly()
                    .channel();
        } catch (RuntimeException failed) {
            shutDownThreads();
            throw failed;
        }
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
        return start(
                port,
                dataDir,
                Durability.valueOf(System.getProperty("hearth.mongo.durability", Durability.SYNC.name())
                        .toUpperCase()));
    }

    public static MongoWireServer start(int port, Path dataDir, Durability durability) throws Exception {
        Files.createDirectories(dataDir);
        String file = dataDir.resolve("hearth.mv").toString();
        H2Backend backend = durability == Durability.BACKGROUND
                ? new H2Backend(file)
                : new DurableH2Backend(file, durability == Durability.SYNC);
        return serve(backend, port);
    }

    /** Serves {@code backend} on 127.0.0.1:{@code port} (0: any free port); closing the server closes the backend. */
    static MongoWireServer serve(MongoBackend backend, int port) {
        try {
            return new MongoWireServer(backend, port);
        } catch (RuntimeException failed) {
            backend.close();
            throw failed;
        }
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        clients.close().syncUninterruptibly();
        shutDownThreads();
        backend.close(); // after the last command: the H2 file is flushed once nothing writes to it
    }

    private void shutDownThreads() {
        acceptor.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        network.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        commands.shutdown();
        try {
            commands.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
