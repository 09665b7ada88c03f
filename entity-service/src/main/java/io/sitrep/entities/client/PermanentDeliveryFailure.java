package io.sitrep.entities.client;

/** The receiver refused the message as wrong (4xx): retrying cannot help. */
public class PermanentDeliveryFailure extends RuntimeException {

    public PermanentDeliveryFailure(String target, int status) {
        super(target + " refused the message with " + status);
    }
}
