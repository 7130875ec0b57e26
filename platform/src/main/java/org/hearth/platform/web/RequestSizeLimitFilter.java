package org.hearth.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hearth.platform.problem.PayloadTooLargeException;
import org.hearth.platform.problem.ProblemType;
import org.hearth.platform.problem.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies (413). A declared Content-Length over the cap is refused before reading; a
 * chunked body is counted while it is read and fails the moment it passes the cap.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long defaultMax;
    private final java.util.regex.Pattern uploadPaths;
    private final long uploadMax;
    private final Problems problems;

    public RequestSizeLimitFilter(long maxBytes, Problems problems) {
        this(maxBytes, "", maxBytes, problems);
    }

    /** Paths matching {@code uploadPaths} (a regular expression; empty for none) take up to {@code uploadMax} bytes. */
    public RequestSizeLimitFilter(long maxBytes, String uploadPaths, long uploadMax, Problems problems) {
        this.defaultMax = maxBytes;
        this.uploadPaths =
                uploadPaths == null || uploadPaths.isBlank() ? null : java.util.regex.Pattern.compile(uploadPaths);
        this.uploadMax = uploadMax;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = uploadPaths != null
                        && uploadPaths.matcher(request.getRequestURI()).matches()
                ? uploadMax
                : defaultMax;
        if (request.getContentLengthLong() > maxBytes) {
            problems.write(
                    request,
                    response,
                    ProblemType.PAYLOAD_TOO_LARGE,
                    new PayloadTooLargeException(maxBytes).getMessage());
            return;
        }
        chain.doFilter(new CappedRequest(request, maxBytes), response);
    }

    private static final class CappedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;

        CappedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) {
                    read += n;
                    if (read > maxBytes) {
                        throw new PayloadTooLargeException(maxBytes);
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
            };
        }
    }
}
