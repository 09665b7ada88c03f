package io.sitrep.ingest.client;

/** entity-service said the document itself is wrong (a 4xx): delivery must stop, not retry. */
public class RejectedByEntityServiceException extends RuntimeException {

    public RejectedByEntityServiceException(int status, String body) {
        super("entity-service refused the article with " + status + ": " + abbreviate(body));
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }
}
