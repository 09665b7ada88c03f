package io.sitrep.suite;

/** The three services, with the module that builds each and the env var that sets its port. */
public enum Service {
    INGEST("ingest-service", "SITREP_INGEST_PORT", 8081, "512m"),
    ENTITY("entity-service", "SITREP_ENTITIES_PORT", 8082, "1536m"),
    QUERY("query-service", "SITREP_QUERY_PORT", 8083, "512m");

    final String module;
    final String portVariable;
    final int defaultPort;
    /** Heap ceiling; entity-service holds the CoreNLP model. */
    final String maxHeap;

    Service(String module, String portVariable, int defaultPort, String maxHeap) {
        this.module = module;
        this.portVariable = portVariable;
        this.defaultPort = defaultPort;
        this.maxHeap = maxHeap;
    }

    public String module() {
        return module;
    }
}
