package io.entry.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.entry.model.api.OfflineScan;
import io.entry.offline.model.VenuePlaces;
import io.entry.offline.service.UploadDecoder.DecodedUpload;
import io.entry.offline.service.UploadDecoder.IndexedScan;
import io.entry.offline.service.UploadScreening;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalog and time-window checks of offline items (pure). */
class UploadScreeningTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Instant NOW = Instant.parse("2026-12-03T18:00:00Z");
    private static final VenuePlaces PLACES = new VenuePlaces(Set.of(39101L), Set.of(3901L));

    @Test
    void windowIsTheDayBeforeTheEventUntilADayAheadOfReceipt() {
        LocalDate eventDay = LocalDate.of(2026, 12, 3);
        var screened = UploadScreening.screen(upload(
                scan("2026-12-02T00:00:00-06:00", null, null), // first instant of the day before: kept
                scan("2026-12-01T23:59:59-06:00", null, null), // just before it
                scan("2026-12-04T17:59:59Z", null, null), // 24 h ahead minus a second: kept
                scan("2026-12-04T18:00:01Z", null, null)), PLACES, NOW, eventDay, CHICAGO);
        assertThat(screened.accepted()).extracting(IndexedScan::index).containsExactly(0, 2);
        assertThat(screened.rejected()).extracting(r -> r.index()).containsExactly(1, 3);
        assertThat(screened.rejected().get(0).message()).contains("2026-12-02");
        assertThat(screened.rejected().get(1).message()).contains("future");
    }

    @Test
    void unknownEventDayLeavesOnlyTheFutureBound() {
        var screened = UploadScreening.screen(upload(scan("2020-01-01T00:00:00Z", null, null)), PLACES, NOW, null,
                CHICAGO);
        assertThat(screened.accepted()).hasSize(1);
    }

    @Test
    void checkpointsAndAreasMustBeTheVenues() {
        var screened = UploadScreening.screen(upload(
                scan("2026-12-03T10:00:00-06:00", 39101L, 3901L),
                scan("2026-12-03T10:00:00-06:00", 1L, null),
                scan("2026-12-03T10:00:00-06:00", null, 2L)), PLACES, NOW, LocalDate.of(2026, 12, 3), CHICAGO);
        assertThat(screened.accepted()).extracting(IndexedScan::index).containsExactly(0);
        assertThat(screened.rejected().get(0).message()).startsWith("checkpointId 1 ");
        assertThat(screened.rejected().get(1).message()).startsWith("specialAreaId 2 ");
        // a venue without any layout knows no checkpoint at all
        var noLayout = UploadScreening.screen(upload(scan("2026-12-03T10:00:00-06:00", 39101L, null)),
                new VenuePlaces(Set.of(), Set.of()), NOW, null, CHICAGO);
        assertThat(noLayout.rejected()).hasSize(1);
    }

    private static DecodedUpload upload(OfflineScan... scans) {
        List<IndexedScan> items = new java.util.ArrayList<>();
        for (int i = 0; i < scans.length; i++) {
            items.add(new IndexedScan(i, scans[i]));
        }
        return new DecodedUpload(new byte[0], "sha", scans.length, items, List.of());
    }

    private static OfflineScan scan(String at, Long checkpointId, Long specialAreaId) {
        return new OfflineScan("1", null, null, null, null, null, OffsetDateTime.parse(at), null, null, checkpointId,
                specialAreaId, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
