package io.entry.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.entry.model.EntryJson;
import io.entry.model.admin.CatalogDocument;
import io.entry.model.api.SeatInfo;
import io.entry.model.events.EntryRecord;
import io.entry.model.events.EventRecord;
import io.entry.model.events.LayoutRecord;
import io.entry.model.events.RecordHeaders;
import io.entry.model.events.TicketRecord;
import io.entry.model.events.TicketStatus;
import io.entry.model.events.Topics;
import io.entry.model.events.VenueRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The demo data set of CONTRACT §9, one copy for the run command and every test: the catalog of
 * {@code deploy/demo/catalog.json} with its {@code TODAY} placeholder placed on the venue-local date, the tickets of
 * {@code deploy/demo/tickets-small.ndjson} and the 70,000 tickets of the Memorial Stadium event, generated the same
 * way every time. {@link #publishCatalog} and {@link #publishTickets} put them on the catalog topics the way
 * device-service and the ticket feed do, with record ids derived from the content so publishing again is a no-op
 * for idempotent consumers.
 */
public final class DemoData {

    public static final String TS_EVENT_ID = "390:DEPLOY:TEST";
    public static final String MEM_EVENT_ID = "390:HUSKERS:LARGESCANTESTNFC";
    public static final String BASS_EVENT_ID = "129:BASS:DEMO";
    public static final String TS_TICKET = "39000000000001";
    public static final long MEM_CLUB_AREA_ID = 3901L;
    public static final int MEM_TICKET_COUNT = 70_000;
    /** Placeholder for the loading day in catalog.json's event times. */
    public static final String TODAY = "TODAY";

    private static final ObjectMapper JSON = EntryJson.newMapper();
    private static final String[] FIRST_NAMES = {"Avery", "Blake", "Casey", "Dana", "Emery", "Finley", "Gray", "Harper",
            "Indy", "Jordan", "Kai", "Logan", "Morgan", "Noel", "Oakley", "Parker", "Quinn", "Riley", "Sage", "Taylor"};
    private static final String[] LAST_NAMES = {"Anderson", "Brooks", "Carter", "Dawson", "Ellis", "Foster", "Gibson",
            "Hayes", "Irwin", "Jensen", "Keller", "Lawson", "Meyer", "Nolan", "Olsen", "Porter", "Quinlan", "Reed",
            "Schmidt", "Turner", "Underwood", "Vance", "Walsh", "Young"};
    /** Multiplier coprime with 70,000: scatters the void and reissued tickets over the stadium, exactly 300 and 200. */
    private static final int SCATTER = 7919;
    private static final int VOID_COUNT = 300;
    private static final int REISSUED_COUNT = 200;

    private DemoData() {
    }

    // ---------------------------------------------------------------- catalog

    /** The catalog with event dates on today's venue-local date. */
    public static CatalogDocument catalog() {
        return catalog(Instant.now());
    }

    /** The catalog with event dates on the venue-local date of {@code now} in each event's venue zone. */
    public static CatalogDocument catalog(Instant now) {
        try {
            return JSON.treeToValue(placedCatalogTree(now), CatalogDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The catalog as JSON, dates placed for {@code now}: the body of device-service's catalog import route. */
    public static String catalogJson(Instant now) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(placedCatalogTree(now));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode placedCatalogTree(Instant now) throws IOException {
        JsonNode root = JSON.readTree(resource("demo/catalog.json"));
        Map<String, ZoneId> zoneByVenue = new HashMap<>();
        for (JsonNode venue : root.path("venues")) {
            zoneByVenue.put(venue.path("dataAccountId").asText() + ":" + venue.path("venueCode").asText(),
                    ZoneId.of(venue.path("timeZone").asText()));
        }
        for (JsonNode event : root.path("events")) {
            String venueKey = event.path("dataAccountId").asText() + ":" + event.path("venueCode").asText();
            ZoneId zone = zoneByVenue.get(venueKey);
            if (zone == null) {
                throw new IllegalStateException("catalog.json: event " + event.path("eventId").asText()
                        + " names unknown venue " + venueKey);
            }
            String day = LocalDate.ofInstant(now, zone).toString();
            ObjectNode fields = (ObjectNode) event;
            for (String field : List.of("eventStartDateTime", "eventEndDateTime", "doorsOpenDateTime")) {
                JsonNode value = fields.get(field);
                if (value != null && value.isTextual()) {
                    fields.put(field, value.asText().replace(TODAY, day));
                }
            }
        }
        return root;
    }

    // ---------------------------------------------------------------- tickets

    /** Every demo ticket: the small file (TS and BASS), then Memorial Stadium's 70,000 and their reissue replacements. */
    public static Stream<TicketRecord> tickets() {
        return Stream.concat(smallTickets().stream(), memTickets());
    }

    /** The tickets of {@code deploy/demo/tickets-small.ndjson}. */
    public static List<TicketRecord> smallTickets() {
        List<TicketRecord> tickets = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                open("demo/tickets-small.ndjson"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    tickets.add(JSON.readValue(line, TicketRecord.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tickets;
    }

    /**
     * Memorial Stadium: tokens 39100000000001..39100000070000 (100 sections x 35 rows x 20 seats), exactly 300 VOID,
     * exactly 200 REISSUED each followed by its replacement ticket {@code 3919} + 10 digits (VALID, same seat and
     * patron), and every 140th ticket (500) entitled to the Husker Club (area 3901).
     */
    public static Stream<TicketRecord> memTickets() {
        return IntStream.rangeClosed(1, MEM_TICKET_COUNT).boxed().flatMap(DemoData::memTicketAndReplacement);
    }

    /** The MEM token of ticket number {@code n} (1..70,000). */
    public static String memToken(int n) {
        return String.format("391%011d", n);
    }

    /** The replacement token of a reissued MEM ticket {@code n}. */
    public static String memReissuedToken(int n) {
        return String.format("3919%010d", n);
    }

    public static TicketStatus memStatus(int n) {
        int scattered = (int) ((long) n * SCATTER % MEM_TICKET_COUNT);
        if (scattered < VOID_COUNT) {
            return TicketStatus.VOID;
        }
        return scattered < VOID_COUNT + REISSUED_COUNT ? TicketStatus.REISSUED : TicketStatus.VALID;
    }

    public static boolean memEntitledToClub(int n) {
        return n % 140 == 70;
    }

    private static Stream<TicketRecord> memTicketAndReplacement(int n) {
        TicketStatus status = memStatus(n);
        int index = n - 1;
        SeatInfo seat = new SeatInfo(Integer.toString(101 + index / 700), Integer.toString(1 + index % 700 / 20),
                Integer.toString(1 + index % 20), null, index / 700 % 2 == 0 ? "Gate 1" : "Gate 2");
        String patronId = Integer.toString(5_000_000 + n);
        String firstName = FIRST_NAMES[n % FIRST_NAMES.length];
        String lastName = LAST_NAMES[(n / FIRST_NAMES.length) % LAST_NAMES.length];
        List<Long> entitled = memEntitledToClub(n) ? List.of(MEM_CLUB_AREA_ID) : List.of();
        String token = memToken(n);
        String replacement = status == TicketStatus.REISSUED ? memReissuedToken(n) : null;
        TicketRecord ticket = new TicketRecord(null, "390", token, token, MEM_EVENT_ID, status, replacement,
                patronId, firstName, lastName, seat, entitled);
        if (replacement == null) {
            return Stream.of(ticket);
        }
        return Stream.of(ticket, new TicketRecord(null, "390", replacement, replacement, MEM_EVENT_ID,
                TicketStatus.VALID, null, patronId, firstName, lastName, seat, entitled));
    }

    // ---------------------------------------------------------------- publishing

    /** Publishes venues, layouts and events (dates placed for now) on the catalog topics; blocks until acknowledged. */
    public static void publishCatalog(String bootstrap) {
        publishCatalog(bootstrap, Instant.now());
    }

    public static void publishCatalog(String bootstrap, Instant now) {
        CatalogDocument catalog = catalog(now);
        try (Publisher publisher = new Publisher(bootstrap)) {
            for (VenueRecord venue : catalog.venues()) {
                publisher.send(Topics.CATALOG_VENUES, venue.key(), VenueRecord.EVENT_TYPE, VenueRecord.SCHEMA_VERSION,
                        withRecordId(venue, Topics.CATALOG_VENUES, venue.key(), id -> new VenueRecord(id,
                                venue.dataAccountId(), venue.venueCode(), venue.venueName(), venue.timeZone(),
                                venue.checkpointLayoutId())));
            }
            for (LayoutRecord layout : catalog.layouts()) {
                publisher.send(Topics.CATALOG_LAYOUTS, layout.key(), LayoutRecord.EVENT_TYPE,
                        LayoutRecord.SCHEMA_VERSION, withRecordId(layout, Topics.CATALOG_LAYOUTS, layout.key(),
                                id -> new LayoutRecord(id, layout.dataAccountId(), layout.checkpointLayoutId(),
                                        layout.checkpointLayoutName(), layout.checkpointLayoutCode(),
                                        layout.venueCode(), layout.allowReentry(), layout.defaultCheckpointId(),
                                        layout.checkpoints(), layout.specialAreas(), layout.deviceAssignments())));
            }
            for (EventRecord event : catalog.events()) {
                publisher.send(Topics.CATALOG_EVENTS, event.key(), EventRecord.EVENT_TYPE, EventRecord.SCHEMA_VERSION,
                        withRecordId(event, Topics.CATALOG_EVENTS, event.key(), id -> new EventRecord(id,
                                event.eventId(), event.dataAccountId(), event.seasonCd(), event.eventCd(),
                                event.eventName(), event.venueCode(), event.eventStartDateTime(),
                                event.eventEndDateTime(), event.doorsOpenDateTime(), event.barcodeMasks(),
                                event.test())));
            }
        }
    }

    /** Publishes every demo ticket (about 70,000 records) on the tickets topic; blocks until acknowledged. */
    public static void publishTickets(String bootstrap) {
        try (Publisher publisher = new Publisher(bootstrap)) {
            tickets().forEach(ticket -> publisher.send(Topics.CATALOG_TICKETS, ticket.key(), TicketRecord.EVENT_TYPE,
                    TicketRecord.SCHEMA_VERSION, withTicketRecordId(ticket)));
        }
    }

    /** A ticket with the record id it is published under. */
    public static TicketRecord withTicketRecordId(TicketRecord t) {
        return withRecordId(t, Topics.CATALOG_TICKETS, t.key(), id -> new TicketRecord(id, t.dataAccountId(),
                t.token(), t.ticket(), t.eventId(), t.status(), t.reissuedToken(), t.patronId(), t.firstName(),
                t.lastName(), t.seatInfo(), t.entitledSpecialAreaIds()));
    }

    /**
     * {@code demo:<topic>:<key>:<hash of the content without recordId>}: the same content always gets the same id
     * (republishing is dropped by idempotent consumers), changed content (events moved to a new day) gets a new one.
     */
    static <R extends EntryRecord> R withRecordId(R record, String topic, String key, Function<String, R> withId) {
        R withoutId = withId.apply(null);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsBytes(withoutId));
            return withId.apply("demo:" + topic + ":" + key + ":" + HexFormat.of().formatHex(digest, 0, 8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) {
        InputStream in = DemoData.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath (test-support packs deploy/demo as demo/)");
        }
        return in;
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One idempotent producer; close() flushes and fails if any record was not acknowledged. */
    private static final class Publisher implements AutoCloseable {

        private final KafkaProducer<String, byte[]> producer;
        private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

        Publisher(String bootstrap) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
            config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "entry-demo-data");
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }

        void send(String topic, String key, String eventType, int schemaVersion, EntryRecord value) {
            byte[] bytes;
            try {
                bytes = JSON.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, bytes);
            record.headers().add(RecordHeaders.EVENT_TYPE, eventType.getBytes(StandardCharsets.UTF_8));
            record.headers().add(RecordHeaders.SCHEMA_VERSION,
                    Integer.toString(schemaVersion).getBytes(StandardCharsets.UTF_8));
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    firstFailure.compareAndSet(null, error);
                }
            });
        }

        @Override
        public void close() {
            try {
                producer.flush();
            } finally {
                producer.close();
            }
            Exception failure = firstFailure.get();
            if (failure != null) {
                throw new IllegalStateException("publishing demo data failed: " + failure.getMessage(), failure);
            }
        }
    }
}
