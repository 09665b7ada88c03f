package io.sitrep.query.search;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sitrep.query.FuzzSupport;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;

/**
 * Fuzzes {@link QueryTerms#of}, which picks the entity names out of the raw {@code q} of a search.
 *
 * <p>Asserts: no exception; each call within {@link FuzzSupport#PER_INPUT}; names and queries pair up, at most
 * {@link QueryTerms#MAX_TERMS}, names distinct and non-blank without surrounding whitespace; every name's words are
 * a run of the input's words ({@link FuzzSupport#words}: whitespace collapsed, punctuation-only tokens such as
 * {@code $$} dropped, as web-search syntax drops them); each query is its name, or its name in quotes
 * for a phrase, and no name holds a quote.
 *
 * <p>Input: the query string (all bytes). Regression inputs: {@code QueryTermsFuzzTestInputs/queryTerms/}.
 */
class QueryTermsFuzzTest {

    static {
        QueryTerms.of("tugs -Elwinsk OR \"Port  Elwin\" (gale),");
    }

    @FuzzTest(maxDuration = "30s")
    void queryTerms(FuzzedDataProvider data) {
        String q = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
        FuzzSupport.bounded(() -> {
            check(q);
            return null;
        });
    }

    static void check(String q) {
        QueryTerms terms = QueryTerms.of(q);
        List<String> names = terms.names();
        List<String> queries = terms.queries();
        if (names.size() != queries.size() || names.size() > QueryTerms.MAX_TERMS) {
            throw new AssertionError("names and queries do not pair up: " + names + " / " + queries);
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new AssertionError("duplicate names: " + names);
        }
        String normalised = FuzzSupport.words(q);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String query = queries.get(i);
            if (name.isBlank() || !name.equals(name.strip()) || name.indexOf('"') >= 0) {
                throw new AssertionError("blank, untrimmed or quoted name: [" + name + "]");
            }
            if (!normalised.contains(FuzzSupport.words(name))) {
                throw new AssertionError("name [" + name + "] is not made of the query's words [" + q + "]");
            }
            if (!query.equals(name) && !query.equals("\"" + name + "\"")) {
                throw new AssertionError("query [" + query + "] is not the name [" + name + "] or its phrase");
            }
        }
    }
}
