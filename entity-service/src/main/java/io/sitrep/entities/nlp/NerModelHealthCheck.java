package io.sitrep.entities.nlp;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/** Ready (and started) only once the NER model is loaded and warmed. */
@Readiness
@Startup
@ApplicationScoped
public class NerModelHealthCheck implements HealthCheck {

    private final NerPipeline pipeline;

    NerModelHealthCheck(NerPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("NER model").status(pipeline.isReady());
        if (pipeline.loadFailure() != null) {
            response.withData("failure", pipeline.loadFailure());
        }
        return response.build();
    }
}
