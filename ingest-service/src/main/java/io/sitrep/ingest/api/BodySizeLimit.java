package io.sitrep.ingest.api;

import io.sitrep.ingest.config.IngestConfig;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Enforces the body limit with a problem+json 413. A declared Content-Length is checked before a
 * byte is read; a chunked body is counted as it streams. Vert.x's own limit
 * (quarkus.http.limits.max-body-size) sits above this one as a backstop and answers without a body.
 */
public class BodySizeLimit {

    private final long maxBytes;
    private final long maxBatchBytes;

    BodySizeLimit(IngestConfig config) {
        this.maxBytes = config.maxBodyBytes();
        this.maxBatchBytes = config.batch().maxBytes();
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        String path = request.getUriInfo().getPath();
        // An NDJSON batch is bounded per line and in total by its own reader, not by the one-article limit.
        long maxBytes = path.equals("/api/v1/article-batches") ? maxBatchBytes : this.maxBytes;
        if (declared == null || request.getHeaderString(HttpHeaders.CONTENT_ENCODING) != null) {
            // Chunked or compressed: count what is actually read, after decompression.
            if (request.hasEntity()) {
                request.setEntityStream(new Limited(request.getEntityStream(), maxBytes, path));
            }
            return null;
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return ProblemMapper.respond(Problem.of("bad-content-length", "Bad Request", 400,
                    "Content-Length is not a number", path));
        }
        return length > maxBytes ? ProblemMapper.respond(tooLarge(length + " bytes", maxBytes, path)) : null;
    }

    static Problem tooLarge(String size, long max, String path) {
        return Problem.of("body-too-large", "Content Too Large", 413,
                "The body has " + size + "; the limit is " + max + " bytes", path);
    }

    /** Counts a streamed body and stops reading the moment it passes the limit. */
    private static final class Limited extends FilterInputStream {
        private final long max;
        private final String path;
        private long read;

        Limited(InputStream in, long max, String path) {
            super(in);
            this.max = max;
            this.path = path;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw new WebApplicationException(ProblemMapper.respond(tooLarge("more than " + max + " bytes", max, path)));
            }
        }
    }
}
