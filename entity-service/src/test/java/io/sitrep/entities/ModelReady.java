package io.sitrep.entities;

import static io.restassured.RestAssured.given;

/** Tests that analyse text first wait for the background model load to finish. */
final class ModelReady {

    private ModelReady() {
    }

    static void await() {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (given().when().get("/q/health/ready").statusCode() == 200) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("NER model not ready within 120 s");
    }
}
