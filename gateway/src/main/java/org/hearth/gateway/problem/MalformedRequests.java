package org.hearth.gateway.problem;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;

/** Puts {@link MalformedRequestAnswer} right after the HTTP/1.1 codec of every connection. */
@Component
class MalformedRequests implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory> {

    @Override
    public void customize(NettyReactiveWebServerFactory factory) {
        factory.addServerCustomizers(server -> server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline()
                        .addAfter(
                                NettyPipeline.HttpCodec, "hearth.malformedRequestAnswer", new MalformedRequestAnswer());
            }
        }));
    }
}
