package io.sitrep.query.api;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sitrep.query.FuzzSupport;
import io.sitrep.query.search.SearchFilter;
import io.sitrep.query.store.FuzzEntityDirectory;
import jakarta.ws.rs.WebApplicationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fuzzes the validation of the search parameters ({@link SearchParams#toFilter}, which also parses the time
 * range with {@link TimeRange} and the entity ids with {@link Params}) and the date-bucket parameter
 * ({@link TimeRange#interval}), with every field an arbitrary string as a client can send it.
 *
 * <p>Asserts: the only exception is {@link WebApplicationException} with status 400 (or 404 for an unknown
 * entity), as {@link ApiErrors} builds them; each call within {@link FuzzSupport#PER_INPUT}; an accepted filter
 * has some criterion, a stripped non-blank q or none, distinct canonical entity ids (at most 20), at most 50
 * stripped non-blank distinct sources of at most 200 characters, an upper-case type, a sort, and
 * {@code from < to} (and {@code eventFrom < eventTo}) when both are set; an accepted interval is day, week or month.
 *
 * <p>Input: the fields as strings separated by LF, in order q, entityId (comma-separated, repeated by
 * {@code |}), type, source (repeated by {@code |}), language, publishedFrom, publishedTo, sort, interval,
 * storyGroup, eventFrom, eventTo; a field that is {@code \0} alone is absent. Regression inputs:
 * {@code SearchParamsFuzzTestInputs/searchParams/}.
 */
class SearchParamsFuzzTest {

    private static final String PATH = "/api/v1/search";
    private static final FuzzEntityDirectory DIRECTORY = new FuzzEntityDirectory();

    static {
        SearchParams warm = new SearchParams();
        warm.q = "warm up";
        warm.publishedFrom = "2024-01-01";
        warm.toFilter(PATH, DIRECTORY);
        try {
            TimeRange.parse(PATH, "publishedFrom", "2024-02-01", "publishedTo", "2024-01-01");
        } catch (WebApplicationException expected) {
            // builds the 400 response once
        }
    }

    @FuzzTest(maxDuration = "30s")
    void searchParams(FuzzedDataProvider data) {
        String[] fields = new String(data.consumeRemainingAsBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .split("\n", 12);
        FuzzSupport.bounded(() -> {
            check(fields);
            return null;
        });
    }

    private static String field(String[] fields, int i) {
        return i < fields.length && !fields[i].equals("\0") ? fields[i] : null;
    }

    private static List<String> repeated(String[] fields, int i) {
        String value = field(fields, i);
        return value == null ? null : new ArrayList<>(List.of(value.split("\\|", -1)));
    }

    private static void check(String[] fields) {
        SearchParams params = new SearchParams();
        params.q = field(fields, 0);
        params.entityId = repeated(fields, 1);
        params.type = field(fields, 2);
        params.source = repeated(fields, 3);
        params.language = field(fields, 4);
        params.publishedFrom = field(fields, 5);
        params.publishedTo = field(fields, 6);
        params.sort = field(fields, 7);
        String interval = field(fields, 8);
        params.storyGroup = field(fields, 9);
        params.eventFrom = field(fields, 10);
        params.eventTo = field(fields, 11);
        try {
            checkFilter(params.toFilter(PATH, DIRECTORY));
        } catch (WebApplicationException e) {
            checkProblem(e, 400, 404);
        }
        try {
            String bucket = TimeRange.interval(PATH, interval);
            if (!List.of("day", "week", "month").contains(bucket)) {
                throw new AssertionError("accepted interval " + bucket);
            }
        } catch (WebApplicationException e) {
            checkProblem(e, 400);
        }
    }

    private static void checkFilter(SearchFilter f) {
        if (f.q() == null && f.entityIds().isEmpty() && f.entityType() == null && f.sources().isEmpty()
                && f.language() == null && f.from() == null && f.to() == null && f.storyGroup() == null
                && !f.hasEventRange()) {
            throw new AssertionError("a filter without any criterion was accepted");
        }
        if (f.q() != null && (f.q().isBlank() || !f.q().equals(f.q().strip()))) {
            throw new AssertionError("q not stripped: [" + f.q() + "]");
        }
        if (f.entityIds().size() > 20 || f.entityIds().stream().distinct().count() != f.entityIds().size()) {
            throw new AssertionError("entity ids not distinct or too many: " + f.entityIds());
        }
        if (f.sources().size() > 50 || f.sources().stream().distinct().count() != f.sources().size()
                || f.sources().stream().anyMatch(s -> s.isBlank() || s.length() > 200 || !s.equals(s.strip()))) {
            throw new AssertionError("sources not validated: " + f.sources());
        }
        if (f.entityType() != null && !f.entityType().equals(f.entityType().toUpperCase(Locale.ROOT))) {
            throw new AssertionError("type not upper-cased: " + f.entityType());
        }
        if (f.sort() == null) {
            throw new AssertionError("no sort");
        }
        if (f.from() != null && f.to() != null && !f.from().isBefore(f.to())) {
            throw new AssertionError("from is not before to: " + f.from() + " / " + f.to());
        }
        if (f.eventFrom() != null && f.eventTo() != null && !f.eventFrom().isBefore(f.eventTo())) {
            throw new AssertionError("eventFrom is not before eventTo: " + f.eventFrom() + " / " + f.eventTo());
        }
        if (f.eventFrom() != null && f.eventTo() != null && !f.eventFromDay().isBefore(f.eventToDayExclusive())) {
            throw new AssertionError("an event range that no day overlaps: " + f.eventFrom() + " / " + f.eventTo());
        }
    }

    static void checkProblem(WebApplicationException e, int... statuses) {
        int status = e.getResponse().getStatus();
        for (int allowed : statuses) {
            if (status == allowed) {
                return;
            }
        }
        throw new AssertionError("unexpected status " + status, e);
    }
}
