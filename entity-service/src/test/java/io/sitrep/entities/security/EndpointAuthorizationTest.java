package io.sitrep.entities.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sitrep.testsupport.EmbeddedPostgresResource;
import io.sitrep.testsupport.SecuredServiceContract;

import java.util.Map;
import java.util.Set;

/** Every endpoint in entity-service's OpenAPI document admits exactly the roles listed here; the rest of the contract. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
class EndpointAuthorizationTest extends SecuredServiceContract {

    private static final Set<String> READERS = Set.of(Roles.READER, Roles.CURATOR);
    private static final Set<String> CURATORS = Set.of(Roles.CURATOR);

    @Override
    protected Map<String, Set<String>> admittedRoles() {
        return Map.ofEntries(
                Map.entry("POST /api/v1/analyze", READERS),
                Map.entry("POST /api/v1/documents", Set.of(Roles.SERVICE)),
                Map.entry("GET /api/v1/documents/{articleId}", READERS),
                Map.entry("GET /api/v1/entities", READERS),
                Map.entry("GET /api/v1/entities/{id}", READERS),
                Map.entry("GET /api/v1/entities/{id}/curation-events", READERS),
                Map.entry("GET /api/v1/entities/{id}/documents", READERS),
                Map.entry("POST /api/v1/entities/{id}/merge", CURATORS),
                Map.entry("POST /api/v1/entities/{id}/unmerge", CURATORS),
                Map.entry("POST /api/v1/entities/{id}/rename", CURATORS),
                Map.entry("POST /api/v1/entities/{id}/hide", CURATORS),
                Map.entry("POST /api/v1/entities/{id}/aliases", CURATORS),
                Map.entry("POST /api/v1/entities/{id}/split", CURATORS),
                Map.entry("GET /api/v1/curation-events/{eventId}", READERS),
                Map.entry("POST /api/v1/curation-events/{eventId}/undo", CURATORS),
                Map.entry("POST /api/v1/admin/re-extractions", Set.of(Roles.ADMIN)),
                Map.entry("GET /api/v1/admin/re-extractions/{id}", Set.of(Roles.ADMIN)),
                Map.entry("POST /api/v1/admin/read-model-replays", Set.of(Roles.ADMIN)),
                Map.entry("GET /api/v1/admin/read-model-replays/{id}", Set.of(Roles.ADMIN)));
    }

    @Override
    protected String apiPath() {
        return "/api/v1/entities";
    }
}
