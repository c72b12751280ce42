package io.entry.model.events;

/**
 * A Kafka record value of Entry. {@code recordId} is unique per record, so a consumer drops a redelivery by it
 * (never confuse it with {@code eventId}, the ticketing event).
 */
public interface EntryRecord {

    String recordId();
}
