package io.entry.device.rest;

import io.entry.runtime.security.AdminSecret;

import io.entry.device.repository.CatalogRepository;
import io.entry.device.service.CatalogImporter;
import io.entry.device.service.EventTimes;
import io.entry.device.service.TodaysEvents;
import io.entry.model.EntryJson;
import io.entry.model.admin.CatalogDocument;
import io.entry.model.api.Event;
import io.entry.model.events.EventRecord;
import io.entry.model.events.LayoutRecord;
import io.entry.model.events.VenueRecord;
import io.entry.runtime.web.ApiException;
import io.entry.runtime.web.RequestIds;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Admin routes of the catalog (service port only, admin secret): import, and read back. */
@Path("/admin/v1/catalog")
@Produces(MediaType.APPLICATION_JSON)
public class CatalogAdminResource {

    private final AdminSecret admin;
    private final CatalogImporter importer;
    private final CatalogRepository catalog;

    CatalogAdminResource(AdminSecret admin, CatalogImporter importer, CatalogRepository catalog) {
        this.admin = admin;
        this.importer = importer;
        this.catalog = catalog;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CatalogImporter.Result> importCatalog(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            CatalogDocument document, RoutingContext context) {
        admin.require(authorization);
        return importer.importCatalog(document, RequestIds.of(context));
    }

    /** The whole catalog as an import document (NFC keys left out: they leave only through Get Events). */
    @GET
    public Uni<CatalogDocument> catalog(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        admin.require(authorization);
        return catalog.venues(null).flatMap(venues -> catalog.layoutDocuments().flatMap(layoutDocs -> catalog
                .allEvents().map(events -> {
                    List<LayoutRecord> layouts = new ArrayList<>();
                    for (String doc : layoutDocs) {
                        layouts.add(read(doc));
                    }
                    return new CatalogDocument(venues, layouts,
                            events.stream().map(CatalogRepository.StoredEvent::event).toList(), List.of());
                })));
    }

    /** One event as Get Events shows it (defaults filled, offset at its start). */
    @GET
    @Path("/events/{eventId}")
    public Uni<Event> event(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("eventId") String eventId) {
        admin.require(authorization);
        return catalog.event(eventId).map(stored -> {
            if (stored == null) {
                throw ApiException.notFound("event " + eventId + " is not in the catalog");
            }
            EventRecord e = stored.event();
            EventTimes times = EventTimes.of(e.eventStartDateTime(), e.eventEndDateTime(), e.doorsOpenDateTime(),
                    ZoneId.of(stored.timeZone()));
            return TodaysEvents.toEvent(e, times, TodaysEvents.toVenue(new VenueRecord(null, e.dataAccountId(),
                    e.venueCode(), stored.venueName(), stored.timeZone(), null)));
        });
    }

    private static LayoutRecord read(String json) {
        try {
            return EntryJson.newMapper().readValue(json, LayoutRecord.class);
        } catch (Exception e) {
            throw new IllegalStateException("stored layout document is unreadable", e);
        }
    }
}
