package io.sitrep.query.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import io.sitrep.testsupport.SecuredServiceContract;

import java.util.Map;
import java.util.Set;

/** Every endpoint in query-service's OpenAPI document admits exactly the roles listed here; the rest of the contract. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class EndpointAuthorizationTest extends SecuredServiceContract {

    private static final Set<String> READERS = Set.of(Roles.READER);

    @Override
    protected Map<String, Set<String>> admittedRoles() {
        return Map.ofEntries(
                Map.entry("PUT /api/v1/documents/{articleId}", Set.of(Roles.SERVICE)),
                Map.entry("GET /api/v1/documents/{articleId}", READERS),
                Map.entry("POST /api/v1/documents/batch", Set.of(Roles.SERVICE)),
                Map.entry("PUT /api/v1/entities/{entityId}", Set.of(Roles.SERVICE)),
                Map.entry("GET /api/v1/entities/autocomplete", READERS),
                Map.entry("GET /api/v1/entities/export", READERS),
                Map.entry("GET /api/v1/entities/{entityId}", READERS),
                Map.entry("GET /api/v1/entities/{entityId}/sources", READERS),
                Map.entry("GET /api/v1/network", READERS),
                Map.entry("GET /api/v1/quotes", READERS),
                Map.entry("GET /api/v1/quotes/export", READERS),
                Map.entry("GET /api/v1/search", READERS),
                Map.entry("GET /api/v1/search/export", READERS),
                Map.entry("GET /api/v1/timeline", READERS),
                Map.entry("DELETE /api/v1/documents", Set.of(Roles.ADMIN)));
    }

    @Override
    protected String apiPath() {
        return "/api/v1/search";
    }
}
