package io.sitrep.testsupport;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service's security test proves: each endpoint admits exactly its roles (see
 * {@link EndpointAuthorization}), the probes and the API description need no token, no response names
 * the server software, and CORS admits only the configured origin. The services' test profile admits
 * one cross-origin caller, {@value #ADMITTED_ORIGIN}.
 */
@WithoutDefaultToken
public abstract class SecuredServiceContract {

    public static final String ADMITTED_ORIGIN = "https://analyst.example";

    /** Per "METHOD /path/{template}" of the OpenAPI document, the roles that may call it. */
    protected abstract Map<String, Set<String>> admittedRoles();

    /** A GET endpoint of this service, for the header checks. */
    protected abstract String apiPath();

    @Test
    void everyEndpointAdmitsOnlyItsRoles() {
        EndpointAuthorization.assertEnforced(admittedRoles());
    }

    @Test
    void probesAndTheApiDescriptionNeedNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void responsesNameNoServerSoftware() {
        for (Response r : new Response[] {given().get("/q/health/live"), given().get(apiPath()), given().get("/nothing-here")}) {
            assertThat(r.headers().asList()).noneSatisfy(h ->
                    assertThat(h.getName()).isIn("Server", "X-Powered-By", "X-AspNet-Version"));
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void browsersFromOtherOriginsAreNotAdmitted() {
        assertThat(preflight("https://evil.example").header("Access-Control-Allow-Origin")).as("unknown origin").isNull();
        Response admitted = preflight(ADMITTED_ORIGIN);
        assertThat(admitted.header("Access-Control-Allow-Origin")).isEqualTo(ADMITTED_ORIGIN);
        assertThat(admitted.header("Access-Control-Allow-Headers")).containsIgnoringCase("Authorization");
    }

    private Response preflight(String origin) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "Authorization").options(apiPath());
    }
}
