package io.sitrep.ingest.api;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitrep.ingest.pipeline.BoundedLineReader;
import io.sitrep.ingest.pipeline.FuzzSupport;
import io.sitrep.ingest.pipeline.InputSanitizer;
import io.sitrep.ingest.pipeline.RejectedInputException;
import io.sitrep.ingest.pipeline.Submission;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;

/**
 * Fuzzes how {@link ArticleBatchResource} reads an NDJSON batch, without the database: arbitrary bytes through
 * {@link BoundedLineReader}, then per line the same steps as the resource (skip blank lines, strict UTF-8
 * decoding with {@link InputSanitizer}, Jackson into {@link ArticleSubmission} with the service's
 * {@link StrictJson} settings, {@link ArticleResource#toSubmission}).
 *
 * <p>Asserts: per line only what the resource turns into a per-line problem escapes
 * ({@link RejectedInputException} with a documented reason, {@link JsonProcessingException}); for the whole
 * batch only {@code too-large}; the batch is read within {@link FuzzSupport#PER_INPUT}; no more results than
 * lines; a parsed submission's body is the body of the JSON and its format is plain unless it said text/html.
 *
 * <p>Input: the batch bytes, then 1 control byte at the end choosing the line limit (16 to 4096 bytes).
 * Regression inputs: {@code ArticleBatchLinesFuzzTestInputs/parseBatchLines/}.
 */
class ArticleBatchLinesFuzzTest {

    private static final InputSanitizer DECODER = new InputSanitizer();
    private static final ObjectMapper JSON = strictMapper();
    private static final Set<String> LINE_REASONS = Set.of(RejectedInputException.INVALID_ENCODING,
            RejectedInputException.LINE_TOO_LONG, RejectedInputException.TOO_LARGE,
            RejectedInputException.BINARY_CONTENT, RejectedInputException.EMPTY);

    static ObjectMapper strictMapper() {
        // As Quarkus builds it for the service: JSR-310 types, unknown properties fail, plus StrictJson.
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        new StrictJson().customize(mapper);
        return mapper;
    }

    static {
        try {
            JSON.readValue("{\"body\": \"warm up\", \"publishedAt\": \"2024-01-01T00:00:00Z\"}", ArticleSubmission.class);
        } catch (JsonProcessingException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void parseBatchLines(FuzzedDataProvider data) {
        int maxLineBytes = 16 << data.consumeInt(0, 8);
        byte[] batch = data.consumeRemainingAsBytes();
        FuzzSupport.bounded(() -> {
            check(batch, maxLineBytes);
            return null;
        });
    }

    private static void check(byte[] batch, int maxLineBytes) throws IOException {
        BoundedLineReader reader = new BoundedLineReader(new ByteArrayInputStream(batch), maxLineBytes, 1_000_000);
        int lines = 0;
        while (true) {
            BoundedLineReader.Line line;
            try {
                line = reader.next();
            } catch (RejectedInputException e) {
                FuzzSupport.checkRejection(e, Set.of(RejectedInputException.TOO_LARGE));
                return;
            }
            if (line == null) {
                break;
            }
            if (++lines > batch.length + 1) {
                throw new AssertionError("more lines than bytes");
            }
            if (line.tooLong() || isBlank(line.bytes())) {
                continue;
            }
            one(line.bytes());
        }
    }

    private static void one(byte[] bytes) {
        ArticleSubmission submission;
        try {
            submission = JSON.readValue(DECODER.decodeUtf8(bytes), ArticleSubmission.class);
        } catch (RejectedInputException e) {
            FuzzSupport.checkRejection(e, LINE_REASONS);
            return;
        } catch (JsonProcessingException e) {
            return; // a per-line "invalid-json" problem
        }
        if (submission == null) {
            return; // the JSON literal null: a per-line validation problem
        }
        Submission converted = ArticleResource.toSubmission(submission, null);
        if (converted.body() != submission.body()) {
            throw new AssertionError("body changed on the way to the pipeline");
        }
        Submission.Format expected = "text/html".equals(submission.contentType())
                ? Submission.Format.HTML : Submission.Format.PLAIN;
        if (converted.format() != expected) {
            throw new AssertionError("format " + converted.format() + " for content type " + submission.contentType());
        }
    }

    /** As the resource decides which lines to skip. */
    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
