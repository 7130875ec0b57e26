package org.hearth.infra.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.message.ClientRequest;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.group.ChannelGroup;
import java.util.concurrent.Executor;

/**
 * mongo-java-server's command handler, with each command run on a thread of {@code commands} instead of the network
 * event loop that read it (see {@link MongoWireServer} for why). Any free thread takes the next command, so a long
 * one delays no other connection; a connection's own commands stay in order because the driver sends the next only
 * after the answer to the previous one.
 */
final class CommandsOffTheEventLoop extends MongoDatabaseHandler {

    private final Executor commands;

    CommandsOffTheEventLoop(MongoBackend backend, ChannelGroup clients, Executor commands) {
        super(backend, clients);
        this.commands = commands;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, ClientRequest request) {
        commands.execute(() -> {
            try {
                super.channelRead0(context, request);
            } catch (RuntimeException failed) {
                context.fireExceptionCaught(failed); // MongoExceptionHandler logs it and closes the connection
            }
        });
    }
}
