package io.entry.scan.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.api.ErrorBody;
import io.entry.model.api.ErrorCode;
import io.entry.model.events.RecordHeaders;
import io.entry.model.events.TicketRecord;
import io.entry.model.events.Topics;
import io.entry.runtime.web.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The ticket feed's admin entrance: NDJSON tickets, every line validated first, then all published on
 * {@link Topics#CATALOG_TICKETS} with a batching producer (a bulk feed, not a state change of this service, so no
 * outbox). The read model is filled from the topic like any other ticket feed.
 */
@ApplicationScoped
public class TicketImportService {

    private static final int MAX_REPORTED = 50;

    private final Producer<String, String> producer;
    private final ObjectMapper json;

    TicketImportService(Producer<String, String> producer, ObjectMapper json) {
        this.producer = producer;
        this.json = json;
    }

    /** Blocking: reads the stream and waits for the broker's acknowledgements. Returns the number published. */
    public int importNdjson(InputStream body, String requestId) throws IOException {
        List<TicketRecord> tickets = new ArrayList<>();
        List<ErrorBody.FieldError> bad = new ArrayList<>();
        int badCount = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String problem;
                TicketRecord ticket = null;
                try {
                    ticket = json.readValue(line, TicketRecord.class);
                    problem = problem(ticket);
                } catch (IOException | RuntimeException unreadable) {
                    problem = "is not a ticket record: " + firstLine(unreadable.getMessage());
                }
                if (problem != null) {
                    badCount++;
                    if (bad.size() < MAX_REPORTED) {
                        bad.add(new ErrorBody.FieldError("line " + number, problem));
                    }
                } else if (badCount == 0) {
                    tickets.add(ticket.recordId() == null || ticket.recordId().isBlank() ? withNewRecordId(ticket)
                            : ticket);
                }
            }
        }
        if (badCount > 0) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, badCount + " bad line(s), nothing was published", bad);
        }
        if (tickets.isEmpty()) {
            throw new ApiException(ErrorCode.INVALID_REQUEST, "no tickets in the body");
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>(tickets.size());
        for (TicketRecord ticket : tickets) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CATALOG_TICKETS, ticket.key(),
                    json.writeValueAsString(ticket));
            record.headers().add(RecordHeaders.EVENT_TYPE, TicketRecord.EVENT_TYPE.getBytes(StandardCharsets.UTF_8));
            record.headers().add(RecordHeaders.SCHEMA_VERSION,
                    Integer.toString(TicketRecord.SCHEMA_VERSION).getBytes(StandardCharsets.UTF_8));
            if (requestId != null) {
                record.headers().add(RecordHeaders.REQUEST_ID, requestId.getBytes(StandardCharsets.UTF_8));
            }
            sent.add(producer.send(record));
        }
        producer.flush();
        try {
            for (Future<RecordMetadata> ack : sent) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "interrupted while publishing tickets");
        } catch (ExecutionException | TimeoutException e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "Kafka did not accept the tickets; retry");
        }
        return tickets.size();
    }

    private static String problem(TicketRecord t) {
        if (t == null) {
            return "is empty";
        }
        if (t.dataAccountId() == null || !t.dataAccountId().matches("\\d{3}")) {
            return "dataAccountId must be 3 digits";
        }
        if (t.token() == null || t.token().isBlank() || t.token().length() > 512) {
            return "token is required (at most 512 characters)";
        }
        if (t.eventId() == null || t.eventId().isBlank()) {
            return "eventId is required";
        }
        if (t.status() == null) {
            return "status is required (VALID, VOID, REISSUED)";
        }
        return TextRules.fieldWithNul(t).map(field -> field + " must not contain the NUL character").orElse(null);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static TicketRecord withNewRecordId(TicketRecord t) {
        return new TicketRecord(UUID.randomUUID().toString(), t.dataAccountId(), t.token(), t.ticket(), t.eventId(),
                t.status(), t.reissuedToken(), t.patronId(), t.firstName(), t.lastName(), t.seatInfo(),
                t.entitledSpecialAreaIds());
    }
}
