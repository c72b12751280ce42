package io.entry.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.entry.model.admin.CatalogDocument;
import io.entry.model.events.EventRecord;
import io.entry.model.events.LayoutRecord;
import io.entry.model.events.TicketRecord;
import io.entry.model.events.TicketStatus;
import io.entry.model.events.VenueRecord;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataTest {

    /** 05:30 UTC: already the 4th in UTC and Chicago's night is the 3rd (23:30), Los Angeles the 3rd (21:30). */
    private static final Instant EARLY_UTC = Instant.parse("2026-12-04T05:30:00Z");
    /** 07:30 UTC: Chicago is on the 4th (01:30), Los Angeles still on the 3rd (23:30). */
    private static final Instant ZONES_DISAGREE = Instant.parse("2026-12-04T07:30:00Z");

    @Test
    void catalogHoldsTheDemoIds() {
        CatalogDocument catalog = DemoData.catalog(ZONES_DISAGREE);

        assertThat(catalog.venues()).extracting(VenueRecord::key)
                .containsExactlyInAnyOrder("390:TS", "390:MEM", "129:BASS");
        Map<Long, LayoutRecord> layouts = catalog.layouts().stream()
                .collect(Collectors.toMap(LayoutRecord::checkpointLayoutId, Function.identity()));
        assertThat(layouts).containsOnlyKeys(3900001L, 3900002L, 30187083L);

        LayoutRecord ts = layouts.get(3900001L);
        assertThat(ts.checkpointLayoutCode()).isEqualTo("CL.TS");
        assertThat(ts.allowReentry()).isFalse();
        assertThat(ts.defaultCheckpointId()).isEqualTo(39001L);
        assertThat(ts.checkpoints()).extracting(LayoutRecord.Checkpoint::checkpointId).containsExactly(39001L, 39002L);
        assertThat(ts.specialAreas()).containsExactly(
                new LayoutRecord.SpecialArea(123, "VIP Entrance", 2, 100, true, false));

        LayoutRecord mem = layouts.get(3900002L);
        assertThat(mem.allowReentry()).isTrue();
        assertThat(mem.checkpoints()).extracting(LayoutRecord.Checkpoint::checkpointId)
                .containsExactly(39101L, 39102L, 39103L);
        assertThat(mem.specialAreas()).containsExactly(
                new LayoutRecord.SpecialArea(3901, "Husker Club", null, 50, true, true));

        LayoutRecord bass = layouts.get(30187083L);
        assertThat(bass.checkpointLayoutName()).isEqualTo("Special Area Demo");
        assertThat(bass.checkpointLayoutCode()).isEqualTo("CL.8269");
        assertThat(bass.defaultCheckpointId()).isEqualTo(221006L);
        assertThat(bass.specialAreas()).containsExactly(
                new LayoutRecord.SpecialArea(74549, "VIP Capacity", null, 2, true, false));
        assertThat(bass.deviceAssignments()).containsExactly(
                new LayoutRecord.DeviceAssignment("1205243", "LoadTest-Janam2", 221006L));

        Map<String, EventRecord> events = events(catalog);
        assertThat(events).containsOnlyKeys(DemoData.TS_EVENT_ID, DemoData.MEM_EVENT_ID, DemoData.BASS_EVENT_ID);
        assertThat(events.get(DemoData.TS_EVENT_ID).test()).isTrue();
        assertThat(events.get(DemoData.TS_EVENT_ID).eventName()).isEqualTo("Event to test deploy");
        assertThat(events.get(DemoData.TS_EVENT_ID).barcodeMasks()).containsExactly("390###########");
        assertThat(events.get(DemoData.MEM_EVENT_ID).test()).isFalse();
        assertThat(events.get(DemoData.MEM_EVENT_ID).barcodeMasks()).containsExactly("391###########");
        assertThat(events.get(DemoData.BASS_EVENT_ID).barcodeMasks()).containsExactly("129###########");

        assertThat(catalog.nfcKeys()).extracting(CatalogDocument.NfcKey::dataAccountId, CatalogDocument.NfcKey::wallet)
                .contains(org.assertj.core.groups.Tuple.tuple("390", "apple"),
                        org.assertj.core.groups.Tuple.tuple("390", "google"));
        assertThat(catalog.nfcKeys()).allSatisfy(key -> assertThat(key.privateKey()).startsWith("-----BEGIN"));
    }

    @Test
    void todayIsPlacedOnEachVenuesOwnDate() {
        Map<String, EventRecord> events = events(DemoData.catalog(ZONES_DISAGREE));

        EventRecord ts = events.get(DemoData.TS_EVENT_ID);
        assertThat(ts.doorsOpenDateTime()).isEqualTo(LocalDateTime.parse("2026-12-03T00:00:00"));
        assertThat(ts.eventStartDateTime()).isEqualTo(LocalDateTime.parse("2026-12-03T00:00:00"));
        assertThat(ts.eventEndDateTime()).isEqualTo(LocalDateTime.parse("2026-12-03T23:59:00"));
        assertThat(events.get(DemoData.MEM_EVENT_ID).eventStartDateTime())
                .isEqualTo(LocalDateTime.parse("2026-12-04T00:00:00"));
        assertThat(events.get(DemoData.BASS_EVENT_ID).eventEndDateTime())
                .isEqualTo(LocalDateTime.parse("2026-12-04T23:59:00"));

        assertThat(events(DemoData.catalog(EARLY_UTC)).get(DemoData.MEM_EVENT_ID).eventStartDateTime())
                .isEqualTo(LocalDateTime.parse("2026-12-03T00:00:00"));
        assertThat(DemoData.catalogJson(ZONES_DISAGREE)).doesNotContain(DemoData.TODAY)
                .contains("\"2026-12-03T23:59:00\"", "\"2026-12-04T00:00:00\"");
    }

    @Test
    void smallFileHoldsTheSampleTicketAndTheBassTickets() {
        Map<String, TicketRecord> small = DemoData.smallTickets().stream()
                .collect(Collectors.toMap(TicketRecord::token, Function.identity()));
        TicketRecord sample = small.get(DemoData.TS_TICKET);
        assertThat(sample.ticket()).isEqualTo("39000000000001");
        assertThat(sample.eventId()).isEqualTo(DemoData.TS_EVENT_ID);
        assertThat(sample.patronId()).isEqualTo("3773396");
        assertThat(sample.firstName()).isEqualTo("John");
        assertThat(sample.lastName()).isEqualTo("Doe");
        assertThat(sample.seatInfo().section()).isEqualTo("101");
        assertThat(sample.seatInfo().row()).isEqualTo("A");
        assertThat(sample.seatInfo().seat()).isEqualTo("1");
        assertThat(small.keySet()).contains("12900000000001", "12900000000020").hasSize(21);
        assertThat(small.values()).filteredOn(t -> t.dataAccountId().equals("129"))
                .allSatisfy(t -> assertThat(t.eventId()).isEqualTo(DemoData.BASS_EVENT_ID));
    }

    @Test
    void memorialStadiumHas70000UniqueTicketsWithVoidReissuedAndEntitled() {
        List<TicketRecord> mem = DemoData.memTickets().toList();
        List<TicketRecord> originals = mem.stream().filter(t -> t.token().startsWith("39100")).toList();

        assertThat(originals).hasSize(70_000);
        assertThat(originals.get(0).token()).isEqualTo("39100000000001");
        assertThat(originals.get(69_999).token()).isEqualTo("39100000070000");
        Set<String> tokens = mem.stream().map(TicketRecord::token).collect(Collectors.toSet());
        assertThat(tokens).hasSize(mem.size());
        assertThat(tokens).allMatch(t -> t.matches("391\\d{11}"));
        Set<String> seats = new HashSet<>();
        originals.forEach(t -> seats.add(t.seatInfo().section() + "/" + t.seatInfo().row() + "/" + t.seatInfo().seat()));
        assertThat(seats).hasSize(70_000);

        long voided = originals.stream().filter(t -> t.status() == TicketStatus.VOID).count();
        List<TicketRecord> reissued = originals.stream().filter(t -> t.status() == TicketStatus.REISSUED).toList();
        long entitled = originals.stream().filter(t -> t.entitledSpecialAreaIds().contains(3901L)).count();
        assertThat(voided).isBetween(250L, 350L);
        assertThat(reissued).hasSizeBetween(150, 250);
        assertThat(entitled).isBetween(400L, 600L);
        assertThat(mem).hasSize(70_000 + reissued.size());

        Map<String, TicketRecord> byToken = mem.stream()
                .collect(Collectors.toMap(TicketRecord::token, Function.identity()));
        assertThat(reissued).allSatisfy(old -> {
            assertThat(old.reissuedToken()).matches("3919\\d{10}");
            TicketRecord replacement = byToken.get(old.reissuedToken());
            assertThat(replacement.status()).isEqualTo(TicketStatus.VALID);
            assertThat(replacement.patronId()).isEqualTo(old.patronId());
            assertThat(replacement.eventId()).isEqualTo(DemoData.MEM_EVENT_ID);
        });
        assertThat(originals).allSatisfy(t -> {
            assertThat(t.patronId()).isNotBlank();
            assertThat(t.firstName()).isNotBlank();
            assertThat(t.lastName()).isNotBlank();
        });
    }

    @Test
    void generationIsDeterministic() {
        List<String> first = DemoData.tickets().map(DemoData::withTicketRecordId).map(DemoData::toJson).toList();
        List<String> second = DemoData.tickets().map(DemoData::withTicketRecordId).map(DemoData::toJson).toList();
        assertThat(first).isEqualTo(second);
        assertThat(DemoData.catalogJson(ZONES_DISAGREE)).isEqualTo(DemoData.catalogJson(ZONES_DISAGREE));
    }

    @Test
    void recordIdsFollowTheContent() {
        TicketRecord ticket = DemoData.smallTickets().get(0);
        String id = DemoData.withTicketRecordId(ticket).recordId();
        assertThat(id).startsWith("demo:entry.catalog.tickets.v1:390:39000000000001:");
        assertThat(DemoData.withTicketRecordId(ticket).recordId()).isEqualTo(id);
        TicketRecord voided = new TicketRecord(null, ticket.dataAccountId(), ticket.token(), ticket.ticket(),
                ticket.eventId(), TicketStatus.VOID, null, ticket.patronId(), ticket.firstName(), ticket.lastName(),
                ticket.seatInfo(), ticket.entitledSpecialAreaIds());
        assertThat(DemoData.withTicketRecordId(voided).recordId()).isNotEqualTo(id);
    }

    private static Map<String, EventRecord> events(CatalogDocument catalog) {
        return catalog.events().stream().collect(Collectors.toMap(EventRecord::eventId, Function.identity()));
    }
}
