package io.entry.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.model.EntryJson;
import io.entry.model.api.SeatInfo;
import io.entry.model.events.EventRecord;
import io.entry.model.events.LayoutRecord;
import io.entry.model.events.TicketRecord;
import io.entry.model.events.TicketStatus;
import io.entry.model.events.Topics;
import io.entry.model.events.VenueRecord;
import io.entry.testsupport.DemoTokens;
import io.entry.testsupport.TestStack;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * This test class's own catalog, fresh for every run so persisted state of earlier runs never matters: venue
 * {@code SCT<run>} of account 390 in a fixed-offset zone where it is about noon now (so "today" and the time
 * windows never depend on the hour the suite runs), a layout with one special area per rule, events and tickets.
 */
final class ScanFixture {

    static final ObjectMapper JSON = EntryJson.newMapper();
    static final String ACCOUNT = "390";
    static final String RUN = String.format("%06d", (System.currentTimeMillis() / 1000) % 1_000_000);
    static final String VENUE = "SCT" + RUN;
    static final ZoneOffset ZONE = noonZone();
    static final long LAYOUT = 7_000_000_000L + Long.parseLong(RUN) * 10;
    /** capacity 100, pairing, unlimited entries */
    static final long AREA_CAPACITY_100 = LAYOUT * 10 + 1;
    /** capacity 1, pairing */
    static final long AREA_CAPACITY_1 = LAYOUT * 10 + 2;
    /** entitlement required, pairing */
    static final long AREA_ENTITLED = LAYOUT * 10 + 3;
    /** no pairing, 2 entries per ticket */
    static final long AREA_NO_PAIRING = LAYOUT * 10 + 4;
    /** pairing, 2 entries per ticket, capacity 50 */
    static final long AREA_PAIRED = LAYOUT * 10 + 5;

    /** capacity 1, pairing: offline over-capacity tests only */
    static final long AREA_OFFLINE_CAPACITY_1 = LAYOUT * 10 + 6;

    static final String EVENT = ACCOUNT + ":SCANTEST:R" + RUN;
    static final String EVENT_EARLY = ACCOUNT + ":SCANTEST:E" + RUN;
    static final String EVENT_LATE = ACCOUNT + ":SCANTEST:L" + RUN;
    static final String EVENT_ELSEWHERE = ACCOUNT + ":SCANTEST:O" + RUN;
    static final String MASK = "88" + RUN + "######";

    static final String VOID_TOKEN = token(900001);
    static final String REISSUED_TOKEN = token(900002);
    static final String EARLY_TOKEN = "87" + RUN + "000001";
    static final String LATE_TOKEN = "87" + RUN + "000002";
    static final String ELSEWHERE_TOKEN = "87" + RUN + "000003";
    static final String ENTITLED_TOKEN = token(900003);
    static final String ODD_TOKEN = "88/" + RUN + "+x=";
    /** a token with a semicolon: JAX-RS would cut it off as a matrix parameter */
    static final String SEMICOLON_TOKEN = "88" + RUN + ";v2";
    static final int VALID_TICKETS = 700;

    private ScanFixture() {
    }

    /** Tokens 1..VALID_TICKETS are valid tickets of EVENT; they match MASK. */
    static String token(int n) {
        return "88" + RUN + String.format("%06d", n);
    }

    private static boolean published;

    /** Publishes this run's catalog and the demo catalog once per test JVM. */
    static synchronized void ensurePublished() {
        if (!published) {
            publish();
            io.entry.testsupport.DemoData.publishCatalog(TestStack.kafkaBootstrap());
            published = true;
        }
    }

    static void publish() {
        LocalDateTime localNow = LocalDateTime.ofInstant(Instant.now(), ZONE);
        LocalDateTime midnight = localNow.toLocalDate().atStartOfDay();
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, Topics.CATALOG_VENUES, ACCOUNT + ":" + VENUE, new VenueRecord(id(), ACCOUNT, VENUE,
                    "Scan Test Venue " + RUN, ZONE.getId(), LAYOUT));
            List<LayoutRecord.SpecialArea> areas = List.of(
                    new LayoutRecord.SpecialArea(AREA_CAPACITY_100, "Capacity 100", null, 100, true, false),
                    new LayoutRecord.SpecialArea(AREA_CAPACITY_1, "Capacity 1", null, 1, true, false),
                    new LayoutRecord.SpecialArea(AREA_ENTITLED, "Entitled Only", null, null, true, true),
                    new LayoutRecord.SpecialArea(AREA_NO_PAIRING, "No Pairing", 2, null, false, false),
                    new LayoutRecord.SpecialArea(AREA_PAIRED, "Paired", 2, 50, true, false),
                    new LayoutRecord.SpecialArea(AREA_OFFLINE_CAPACITY_1, "Offline Capacity 1", null, 1, true, false));
            LayoutRecord layout = new LayoutRecord(id(), ACCOUNT, LAYOUT, "Scan Test Layout", "CL.SCT", VENUE, false,
                    LAYOUT + 1, List.of(new LayoutRecord.Checkpoint(LAYOUT + 1, "Test Gate")), areas, List.of());
            send(producer, Topics.CATALOG_LAYOUTS, layout.key(), layout);
            send(producer, Topics.CATALOG_EVENTS, EVENT, new EventRecord(id(), EVENT, ACCOUNT, "SCANTEST", "R" + RUN,
                    "Scan Test " + RUN, VENUE, midnight, midnight.plusHours(23).plusMinutes(59), midnight,
                    List.of(MASK), true));
            LocalDateTime wholeSeconds = localNow.withNano(0);
            send(producer, Topics.CATALOG_EVENTS, EVENT_EARLY, new EventRecord(id(), EVENT_EARLY, ACCOUNT, "SCANTEST",
                    "E" + RUN, "Later Today", VENUE, wholeSeconds.plusHours(5), null, null, List.of(), false));
            send(producer, Topics.CATALOG_EVENTS, EVENT_LATE, new EventRecord(id(), EVENT_LATE, ACCOUNT, "SCANTEST",
                    "L" + RUN, "Earlier Today", VENUE, wholeSeconds.minusHours(9), wholeSeconds.minusHours(5), null,
                    List.of(), false));
            send(producer, Topics.CATALOG_EVENTS, EVENT_ELSEWHERE, new EventRecord(id(), EVENT_ELSEWHERE, ACCOUNT,
                    "SCANTEST", "O" + RUN, "Elsewhere", "SCO" + RUN, midnight, null, null, List.of(), false));
            List<TicketRecord> tickets = new ArrayList<>();
            for (int n = 1; n <= VALID_TICKETS; n++) {
                tickets.add(ticket(token(n), EVENT, TicketStatus.VALID, List.of()));
            }
            tickets.add(ticket(VOID_TOKEN, EVENT, TicketStatus.VOID, List.of()));
            tickets.add(new TicketRecord(id(), ACCOUNT, REISSUED_TOKEN, REISSUED_TOKEN, EVENT, TicketStatus.REISSUED,
                    token(1), "p", "Re", "Issued", null, List.of()));
            tickets.add(ticket(EARLY_TOKEN, EVENT_EARLY, TicketStatus.VALID, List.of()));
            tickets.add(ticket(LATE_TOKEN, EVENT_LATE, TicketStatus.VALID, List.of()));
            tickets.add(ticket(ELSEWHERE_TOKEN, EVENT_ELSEWHERE, TicketStatus.VALID, List.of()));
            tickets.add(ticket(ENTITLED_TOKEN, EVENT, TicketStatus.VALID, List.of(AREA_ENTITLED)));
            tickets.add(ticket(ODD_TOKEN, EVENT, TicketStatus.VALID, List.of()));
            tickets.add(ticket(SEMICOLON_TOKEN, EVENT, TicketStatus.VALID, List.of()));
            for (TicketRecord t : tickets) {
                send(producer, Topics.CATALOG_TICKETS, t.key(), t);
            }
            producer.flush();
        }
    }

    static TicketRecord ticket(String token, String eventId, TicketStatus status, List<Long> areas) {
        return new TicketRecord(id(), ACCOUNT, token, "T-" + token, eventId, status, null, "P" + token, "Pat",
                "Ron", new SeatInfo("S1", "R1", "7", null, null), areas);
    }

    /** A FULL session of a device at this run's venue, scanning into {@code area} (null: the venue). */
    static String device(long deviceId, Long area) {
        Map<String, Object> claims = DemoTokens.fullClaims();
        claims.put("deviceId", deviceId);
        claims.put("sub", Long.toString(deviceId));
        claims.put("serialNumber", "SER" + deviceId);
        claims.put("deviceName", "Test Device " + deviceId);
        claims.put("venueCode", VENUE);
        claims.put("venueName", "Scan Test Venue " + RUN);
        claims.put("venueTimezone", ZONE.getId());
        claims.put("checkpointLayoutId", LAYOUT);
        claims.put("checkpointId", LAYOUT + 1);
        claims.put("checkpointName", "Test Gate");
        claims.put("specialAreaId", area);
        claims.put("specialAreaName", area == null ? null : "area " + area);
        return DemoTokens.sign(claims);
    }

    static long newDeviceId() {
        return 5_000_000L + (long) (Math.random() * 1_000_000_000L);
    }

    private static ZoneOffset noonZone() {
        int utcHour = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).getHour();
        int offset = 12 - utcHour;
        if (offset < -12) {
            offset += 24;
        } else if (offset > 14) {
            offset -= 24;
        }
        return ZoneOffset.ofHours(offset);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put("bootstrap.servers", TestStack.kafkaBootstrap());
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        p.put("linger.ms", "5");
        return new KafkaProducer<>(p);
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, Object value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, JSON.writeValueAsString(value)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
