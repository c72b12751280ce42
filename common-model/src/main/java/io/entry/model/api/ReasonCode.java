package io.entry.model.api;

/**
 * Why a scan was admitted or stopped (CONTRACT §5). The decision order is scan-service's; this is the vocabulary.
 */
public enum ReasonCode {
    OK(ScanStatus.ADMIT, "Good Ticket"),
    EXIT_OK(ScanStatus.ADMIT, "Exit recorded"),
    INVALID_FORMAT(ScanStatus.STOP, "Barcode does not match any event of today"),
    NOT_FOUND(ScanStatus.STOP, "Ticket not found"),
    VOID(ScanStatus.STOP, "Ticket is void"),
    REISSUED(ScanStatus.STOP, "Ticket was reissued"),
    WRONG_EVENT(ScanStatus.STOP, "Ticket is for another event"),
    TOO_EARLY(ScanStatus.STOP, "Doors are not open yet"),
    TOO_LATE(ScanStatus.STOP, "Scanning for this event has closed"),
    NOT_ENTITLED(ScanStatus.STOP, "Ticket is not entitled to this area"),
    ALREADY_SCANNED(ScanStatus.STOP, "Ticket already scanned"),
    MAX_ENTRIES_REACHED(ScanStatus.STOP, "Maximum entries reached"),
    AREA_FULL(ScanStatus.STOP, "Area is at capacity"),
    NOT_INSIDE(ScanStatus.STOP, "Ticket is not inside");

    private final ScanStatus status;
    private final String defaultMessage;

    ReasonCode(ScanStatus status, String defaultMessage) {
        this.status = status;
        this.defaultMessage = defaultMessage;
    }

    public ScanStatus status() {
        return status;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
