package org.hearth.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hearth.platform.problem.MalformedBodyException;
import org.hearth.platform.problem.ProblemType;
import org.hearth.platform.problem.Problems;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies whose declared shape is not one Hearth reads, before any framework code sees them.
 * <ul>
 * <li>A wildcard ({@code *}{@code /*}, {@code application/*}) or unparseable {@code Content-Type} is 415: Spring's
 * converters cannot choose a reader for it and fail with an internal error, and accepting it "as JSON" would make
 * the content type meaningless as a contract.</li>
 * <li>A JSON body that starts with a UTF-8 byte-order mark is 400 malformed-json: Jackson silently skips it, but
 * RFC 8259 forbids it and a client that sends one has not produced the JSON it thinks; we never act leniently.</li>
 * </ul>
 */
public class BodyShapeFilter extends OncePerRequestFilter {

    private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Problems problems;

    public BodyShapeFilter(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String declared = request.getContentType();
        // a stray header on a GET harms nobody; any other method may be read as a body, even an empty one
        boolean readsBody = !SAFE_METHODS.contains(request.getMethod());
        if (!readsBody || declared == null || declared.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(declared);
        } catch (InvalidMediaTypeException e) {
            problems.write(
                    request,
                    response,
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "The Content-Type header cannot be parsed; send the body as application/json.");
            return;
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            problems.write(
                    request,
                    response,
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "A wildcard Content-Type does not say what the body is; send it as application/json.");
            return;
        }
        boolean json = MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || type.getSubtype().endsWith("+json");
        chain.doFilter(json ? new BomRefusingRequest(request) : request, response);
    }

    private static final class BomRefusingRequest extends HttpServletRequestWrapper {

        private ServletInputStream checked;

        BomRefusingRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (checked == null) {
                checked = new BomRefusingStream(super.getInputStream());
            }
            return checked;
        }
    }

    /** Looks at the first three bytes once; every byte read is passed on unchanged. */
    private static final class BomRefusingStream extends ServletInputStream {
        private final ServletInputStream in;
        private int position;
        private final int[] head = new int[3];

        BomRefusingStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                seen(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            for (int i = 0; i < n && position < 3; i++) {
                seen(buffer[offset + i] & 0xFF);
            }
            return n;
        }

        private void seen(int b) {
            if (position < 3) {
                head[position++] = b;
                if (position == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF) {
                    throw new MalformedBodyException(
                            "The request body starts with a byte-order mark; send JSON " + "without one.");
                }
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
