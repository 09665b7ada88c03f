package io.sitrep.query.store;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sitrep.query.FuzzSupport;
import io.sitrep.query.search.SearchFilter;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Fuzzes the search statements with arbitrary {@code q}: whatever q holds, the statement text is the one built
 * for a benign q, and q only travels among the bound values (the property {@link SearchSqlShapeTest} checks
 * for a fixed list of hostile strings).
 *
 * <p>Asserts: no exception while building; each build within {@link FuzzSupport#PER_INPUT}; for every
 * statement (matches, first page, later page, facets, export) the text equals the benign one (the no-query
 * shape when q is blank), has as many {@code ?} as bound values, and q itself is bound.
 *
 * <p>Input: q (all bytes). Regression inputs: {@code SearchSqlShapeFuzzTestInputs/statementShape/}.
 */
class SearchSqlShapeFuzzTest {

    private static final UUID AFTER = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final List<String> BENIGN_WITH_QUERY = texts(SearchSqlShapeTest.filter("Marrowby"));
    private static final List<String> BENIGN_WITHOUT_QUERY = texts(SearchSqlShapeTest.filter(null));

    @FuzzTest(maxDuration = "30s")
    void statementShape(FuzzedDataProvider data) {
        String q = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
        FuzzSupport.bounded(() -> {
            check(q);
            return null;
        });
    }

    private static void check(String q) {
        SearchFilter filter = SearchSqlShapeTest.filter(q);
        List<String> benign = filter.hasQuery() ? BENIGN_WITH_QUERY : BENIGN_WITHOUT_QUERY;
        List<Sql> statements = statements(filter);
        for (int i = 0; i < statements.size(); i++) {
            Sql sql = statements.get(i);
            if (!sql.text().equals(benign.get(i))) {
                throw new AssertionError("statement " + i + " changed its text for q=[" + q + "]");
            }
            long marks = sql.text().chars().filter(c -> c == '?').count();
            if (marks != sql.params().size()) {
                throw new AssertionError("statement " + i + " has " + marks + " placeholders for "
                        + sql.params().size() + " values, q=[" + q + "]");
            }
            if (filter.hasQuery() && !sql.params().contains(q)) {
                throw new AssertionError("statement " + i + " does not bind q itself");
            }
        }
    }

    private static List<Sql> statements(SearchFilter f) {
        return List.of(SearchRepository.matches(f, 2000), SearchRepository.pageSql(f, 2000, null, 21),
                SearchRepository.pageSql(f, 2000, new SearchRepository.After(0.5, AFTER, -1), 21),
                SearchRepository.facetSql(f, "month", 10, 2000), SearchRepository.exportSql(f, 2000));
    }

    private static List<String> texts(SearchFilter f) {
        return statements(f).stream().map(Sql::text).toList();
    }
}
