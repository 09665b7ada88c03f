package io.sitrep.testsupport;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.assertj.core.api.SoftAssertions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a running service's authorisation endpoint by endpoint, taking the endpoints from its own
 * OpenAPI document so that a new endpoint cannot be left out: the expected roles must name every
 * operation the document lists, and nothing else.
 *
 * <p>For each operation: no token, a token signed by an unknown key and an expired token get 401
 * problem+json; every role the operation does not admit gets 403; every role it admits gets past
 * security (neither 401 nor 403, and no 5xx, for a request whose parameters are placeholders).
 */
public final class EndpointAuthorization {

    /** One operation of the OpenAPI document. */
    public record Operation(String method, String path, Map<String, Object> spec) {

        public String key() {
            return method + " " + path;
        }

        @SuppressWarnings("unchecked")
        String concretePath() {
            String concrete = path;
            List<Map<String, Object>> params = (List<Map<String, Object>>) spec.getOrDefault("parameters", List.of());
            for (Map<String, Object> p : params) {
                if ("path".equals(p.get("in"))) {
                    Map<String, Object> schema = (Map<String, Object>) p.getOrDefault("schema", Map.of());
                    String value = "integer".equals(schema.get("type")) ? "1"
                            : "uuid".equals(schema.get("format")) ? UUID.randomUUID().toString() : "placeholder";
                    concrete = concrete.replace("{" + p.get("name") + "}", value);
                }
            }
            return concrete;
        }

        @SuppressWarnings("unchecked")
        String requestType() {
            Map<String, Object> body = (Map<String, Object>) spec.get("requestBody");
            if (body == null) {
                return null;
            }
            Set<String> types = ((Map<String, Object>) body.getOrDefault("content", Map.of())).keySet();
            return types.contains("application/json") ? "application/json" : types.stream().findFirst().orElse(null);
        }

        boolean declaresBearer() {
            return String.valueOf(spec.get("security")).contains("bearer");
        }
    }

    private EndpointAuthorization() {
    }

    @SuppressWarnings("unchecked")
    public static List<Operation> fromOpenApi() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, spec) -> {
            if (spec instanceof Map<?, ?> m && m.containsKey("responses")) {
                operations.add(new Operation(method.toUpperCase(), path, (Map<String, Object>) m));
            }
        }));
        return operations;
    }

    /** @param admitted per "METHOD /path/{template}", the roles that may call it */
    public static void assertEnforced(Map<String, Set<String>> admitted) {
        List<Operation> operations = fromOpenApi();
        assertThat(operations).extracting(Operation::key)
                .as("every endpoint in /q/openapi must be listed with the roles it admits")
                .containsExactlyInAnyOrderElementsOf(admitted.keySet());
        SoftAssertions softly = new SoftAssertions();
        for (Operation op : operations) {
            Set<String> roles = admitted.get(op.key());
            String[] any = roles.toArray(String[]::new);
            softly.assertThat(op.declaresBearer()).as(op.key() + " declares the bearer scheme in OpenAPI").isTrue();
            expectUnauthenticated(softly, op, "no token", null);
            expectUnauthenticated(softly, op, "token from an unknown key", TestTokens.foreignBearer(any));
            expectUnauthenticated(softly, op, "expired token",
                    "Bearer " + TestTokens.token(Duration.ofSeconds(-120), any));
            for (String role : new TreeSet<>(TestTokens.ALL_ROLES)) {
                int status = call(op, TestTokens.bearer(role)).statusCode();
                if (roles.contains(role)) {
                    softly.assertThat(status).as(op.key() + " as " + role + " gets past security")
                            .isNotIn(401, 403).isLessThan(500);
                } else {
                    softly.assertThat(status).as(op.key() + " as " + role + " is forbidden").isEqualTo(403);
                }
            }
        }
        softly.assertAll();
    }

    private static void expectUnauthenticated(SoftAssertions softly, Operation op, String what, String authorization) {
        Response r = call(op, authorization);
        softly.assertThat(r.statusCode()).as(op.key() + " with " + what).isEqualTo(401);
        softly.assertThat(r.contentType()).as(op.key() + " with " + what + ": body type").startsWith("application/problem+json");
        softly.assertThat(r.header("WWW-Authenticate")).as(op.key() + " with " + what + ": challenge").startsWith("Bearer");
    }

    private static Response call(Operation op, String authorization) {
        RequestSpecification request = given();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        String type = op.requestType();
        if (type != null) {
            String body = switch (type) {
                case "application/json" -> "{}";
                case "application/x-ndjson" -> "{}\n";
                case "text/html" -> "<html><body><p>placeholder</p></body></html>";
                default -> "placeholder";
            };
            // As bytes: REST Assured sends them under any content type without an encoder for it.
            request.contentType(type).body(body.getBytes(StandardCharsets.UTF_8));
        }
        return request.request(op.method(), op.concretePath());
    }
}
