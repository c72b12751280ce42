package io.entry.scan.service;

/**
 * An Offline scan that can never be reconciled as it stands (e.g. it names a special area or checkpoint its venue's
 * catalog does not have): retrying cannot help, so the consumer dead-letters it at once. Thrown inside the
 * reconciliation transaction, so nothing of it is written.
 */
public class UnprocessableScanException extends RuntimeException {

    public UnprocessableScanException(String message) {
        super(message, null, false, false);
    }
}
