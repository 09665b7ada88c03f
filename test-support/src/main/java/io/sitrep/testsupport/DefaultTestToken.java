package io.sitrep.testsupport;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Before each {@code @QuarkusTest} method: REST Assured requests without an Authorization header get a
 * token holding every role, so that tests of behaviour need not repeat authentication. The authorisation
 * tests opt out with {@link WithoutDefaultToken} and prove, endpoint by endpoint, that roles are enforced.
 */
public final class DefaultTestToken implements QuarkusTestBeforeEachCallback {

    private static final String ALL_ROLES = TestTokens.bearer(TestTokens.ALL_ROLES.toArray(String[]::new));

    // A filter, not a default request specification: a specification would also pin port and base URI
    // before Quarkus sets them for the test.
    private static final Filter ADD_TOKEN = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", ALL_ROLES);
        }
        return context.next(request, response);
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        boolean optedOut = context.getTestInstance().getClass().isAnnotationPresent(WithoutDefaultToken.class);
        List<Filter> filters = new ArrayList<>(RestAssured.filters());
        filters.remove(ADD_TOKEN);
        if (!optedOut) {
            filters.add(ADD_TOKEN);
        }
        RestAssured.replaceFiltersWith(filters);
    }
}
