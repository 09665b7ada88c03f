package io.sitrep.ingest.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import io.sitrep.testsupport.SecuredServiceContract;

import java.util.Map;
import java.util.Set;

/** Every endpoint in ingest-service's OpenAPI document admits exactly the roles listed here; the rest of the contract. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class EndpointAuthorizationTest extends SecuredServiceContract {

    private static final Set<String> READERS = Set.of(Roles.READER, Roles.INGESTER, Roles.ADMIN);

    @Override
    protected Map<String, Set<String>> admittedRoles() {
        return Map.of(
                "POST /api/v1/articles", Set.of(Roles.INGESTER),
                "GET /api/v1/articles", READERS,
                "GET /api/v1/articles/{id}", READERS,
                "POST /api/v1/articles/{id}/reprocess", Set.of(Roles.ADMIN),
                "POST /api/v1/articles/reprocess-failed", Set.of(Roles.ADMIN),
                "PUT /api/v1/articles/{id}/status", Set.of(Roles.SERVICE),
                "POST /api/v1/article-batches", Set.of(Roles.INGESTER));
    }

    @Override
    protected String apiPath() {
        return "/api/v1/articles";
    }
}
