package org.hearth.gateway.problem;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Requests the HTTP decoder could not parse (over-long request line or headers, malformed header lines) never reach
 * Spring: Reactor Netty answered them itself with a bare 400/414/431. This handler sits right after the codec and
 * answers them as the gateway answers everything else: problem+json with the security headers, then closes the
 * connection (its framing cannot be trusted any more).
 */
public class MalformedRequestAnswer extends ChannelInboundHandlerAdapter {

    private boolean refusing;

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof HttpRequest request && request.decoderResult().isFailure()) {
            refusing = true;
            Throwable cause = request.decoderResult().cause();
            ReferenceCountUtil.release(message);
            context.writeAndFlush(answer(cause)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (refusing && message instanceof HttpContent) {
            ReferenceCountUtil.release(message);
            if (message instanceof LastHttpContent) {
                refusing = false;
            }
            return;
        }
        context.fireChannelRead(message);
    }

    static FullHttpResponse answer(Throwable cause) {
        HttpResponseStatus status;
        String type;
        String title;
        String detail;
        if (cause instanceof TooLongHttpLineException) {
            status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
            type = "uri-too-long";
            title = "URI too long";
            detail = "The request URI is too long.";
        } else if (cause instanceof TooLongHttpHeaderException) {
            status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
            type = "headers-too-large";
            title = "Request headers too large";
            detail = "The request headers are too large.";
        } else {
            status = HttpResponseStatus.BAD_REQUEST;
            type = "bad-request";
            title = "Bad request";
            detail = "The request cannot be processed: its request line or headers are malformed.";
        }
        String correlationId = UUID.randomUUID().toString();
        String body = "{\"type\":\"/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":" + status.code()
                + ",\"detail\":\"" + detail + "\",\"correlationId\":\"" + correlationId + "\"}";
        ByteBuf content = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .set(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set("X-Correlation-Id", correlationId);
        SecurityHeaders.STATIC.forEach((name, value) -> response.headers().set(name, value));
        return response;
    }
}
