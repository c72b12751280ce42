package io.entry.device.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.entry.device.messaging.OutboxEntry;
import io.entry.device.repository.CatalogRepository;
import io.entry.device.repository.MasksJson;
import io.entry.device.repository.OutboxRepository;
import io.entry.model.EntryJson;
import io.entry.model.admin.CatalogDocument;
import io.entry.model.api.ErrorBody.FieldError;
import io.entry.model.api.ErrorCode;
import io.entry.model.events.EntryRecord;
import io.entry.model.events.EventRecord;
import io.entry.model.events.LayoutRecord;
import io.entry.model.events.Topics;
import io.entry.model.events.VenueRecord;
import io.entry.runtime.web.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Imports a catalog document: validates all of it first (rejected whole, every reason listed), then upserts it and
 * writes the changed venues, layouts and events into the outbox, all in ONE transaction, so the catalog topics
 * always end up telling what the tables hold.
 */
@ApplicationScoped
public class CatalogImporter {

    /** What an import did: how many entities it held and how many changed (and were published). */
    public record Result(int venues, int layouts, int events, int nfcKeys, int changedVenues, int changedLayouts,
            int changedEvents) {
    }

    private static final ObjectMapper JSON = EntryJson.newMapper();

    private final CatalogRepository catalog;
    private final OutboxRepository outbox;
    private final NfcKeyCipher cipher;

    CatalogImporter(CatalogRepository catalog, OutboxRepository outbox, NfcKeyCipher cipher) {
        this.catalog = catalog;
        this.outbox = outbox;
        this.cipher = cipher;
    }

    public Uni<Result> importCatalog(CatalogDocument document, String requestId) {
        return catalog.pool().withTransaction(tx -> catalog.existing(tx).flatMap(existing -> {
            List<FieldError> errors = CatalogValidator.validate(document, existing);
            if (!errors.isEmpty()) {
                String summary = errors.size() + " problem(s) in the catalog document, nothing was imported: "
                        + errors.stream().limit(5).map(e -> e.field() + " " + e.message())
                                .collect(Collectors.joining("; "))
                        + (errors.size() > 5 ? "; ..." : "");
                return Uni.createFrom().failure(new ApiException(ErrorCode.INVALID_REQUEST, summary, errors));
            }
            return apply(tx, document, requestId);
        }));
    }

    private Uni<Result> apply(io.vertx.mutiny.sqlclient.SqlClient tx, CatalogDocument doc, String requestId) {
        List<VenueRecord> venues = orEmpty(doc.venues());
        List<LayoutRecord> layouts = orEmpty(doc.layouts());
        List<EventRecord> events = orEmpty(doc.events());
        List<CatalogDocument.NfcKey> keys = orEmpty(doc.nfcKeys());

        List<VenueRecord> venuesNoId = venues.stream().map(CatalogImporter::venueWithId)
                .map(f -> f.apply(null)).toList();
        List<LayoutRecord> layoutsNoId = layouts.stream().map(CatalogImporter::layoutWithId)
                .map(f -> f.apply(null)).toList();
        List<EventRecord> eventsNoId = events.stream().map(CatalogImporter::eventWithId)
                .map(f -> f.apply(null)).toList();
        List<String> layoutDocs = layoutsNoId.stream().map(CatalogImporter::json).toList();

        List<CatalogRepository.StoredNfcKey> sealed = new ArrayList<>();
        for (CatalogDocument.NfcKey k : keys) {
            String wallet = k.wallet().trim().toLowerCase(Locale.ROOT);
            String ref = NfcKeyRefs.ref(wallet, k);
            sealed.add(new CatalogRepository.StoredNfcKey(k.dataAccountId(), wallet, ref, k.passTypeIdentifier(),
                    k.keyId(), k.collectorId(), k.keyVersion(),
                    cipher.seal(k.privateKey(), binding(k.dataAccountId(), wallet, ref))));
        }

        List<OutboxEntry> published = new ArrayList<>();
        return catalog.upsertVenues(tx, venuesNoId, venuesNoId.stream().map(CatalogImporter::hash).toList())
                .invoke(changed -> publish(published, venuesNoId, changed, VenueRecord::key, Topics.CATALOG_VENUES,
                        VenueRecord.EVENT_TYPE, VenueRecord.SCHEMA_VERSION, requestId, CatalogImporter::venueWithId))
                .flatMap(changedVenues -> catalog.upsertLayouts(tx, layoutsNoId, layoutDocs,
                                layoutDocs.stream().map(CatalogImporter::sha256).toList())
                        .flatMap(changedLayouts -> {
                            List<LayoutRecord> changed = layoutsNoId.stream()
                                    .filter(l -> changedLayouts.contains(l.key())).toList();
                            publish(published, layoutsNoId, changedLayouts, LayoutRecord::key,
                                    Topics.CATALOG_LAYOUTS, LayoutRecord.EVENT_TYPE, LayoutRecord.SCHEMA_VERSION,
                                    requestId, CatalogImporter::layoutWithId);
                            return catalog.replaceLayoutChildren(tx, changed)
                                    .flatMap(x -> catalog.upsertEvents(tx, eventsNoId,
                                            eventsNoId.stream().map(e -> MasksJson.write(e.barcodeMasks())).toList(),
                                            eventsNoId.stream().map(CatalogImporter::hash).toList()))
                                    .flatMap(changedEvents -> {
                                        publish(published, eventsNoId, changedEvents, EventRecord::key,
                                                Topics.CATALOG_EVENTS, EventRecord.EVENT_TYPE,
                                                EventRecord.SCHEMA_VERSION, requestId, CatalogImporter::eventWithId);
                                        Result result = new Result(venues.size(), layouts.size(), events.size(),
                                                keys.size(), changedVenues.size(), changedLayouts.size(),
                                                changedEvents.size());
                                        return catalog.upsertNfcKeys(tx, sealed)
                                                .flatMap(y -> outbox.append(tx, published))
                                                .flatMap(y -> catalog.recordImport(tx, requestId, venues.size(),
                                                        layouts.size(), events.size(), keys.size(), published.size()))
                                                .replaceWith(result);
                                    });
                        }));
    }

    /** Appends one outbox entry, with a fresh recordId, per entity the upsert reported as new or changed. */
    private static <R extends EntryRecord> void publish(List<OutboxEntry> out, List<R> records, Set<String> changed,
            Function<R, String> key, String topic, String eventType, int schemaVersion, String requestId,
            Function<R, Function<String, R>> withId) {
        for (R record : records) {
            String k = key.apply(record);
            if (changed.contains(k)) {
                R withRecordId = withId.apply(record).apply(UUID.randomUUID().toString());
                out.add(new OutboxEntry(topic, k, eventType, schemaVersion, requestId, json(withRecordId)));
            }
        }
    }

    static String binding(String dataAccountId, String wallet, String ref) {
        return dataAccountId + "|" + wallet + "|" + ref;
    }

    private static Function<String, VenueRecord> venueWithId(VenueRecord v) {
        return id -> new VenueRecord(id, v.dataAccountId(), v.venueCode(), v.venueName(), v.timeZone(),
                v.checkpointLayoutId());
    }

    private static Function<String, LayoutRecord> layoutWithId(LayoutRecord l) {
        return id -> new LayoutRecord(id, l.dataAccountId(), l.checkpointLayoutId(), l.checkpointLayoutName(),
                l.checkpointLayoutCode(), l.venueCode(), l.allowReentry(), l.defaultCheckpointId(),
                orEmpty(l.checkpoints()), orEmpty(l.specialAreas()), orEmpty(l.deviceAssignments()));
    }

    private static Function<String, EventRecord> eventWithId(EventRecord e) {
        return id -> new EventRecord(id, e.eventId(), e.dataAccountId(), e.seasonCd(), e.eventCd(), e.eventName(),
                e.venueCode(), e.eventStartDateTime(), e.eventEndDateTime(), e.doorsOpenDateTime(),
                orEmpty(e.barcodeMasks()), e.test());
    }

    private static String hash(Object recordWithoutId) {
        return sha256(json(recordWithoutId));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
