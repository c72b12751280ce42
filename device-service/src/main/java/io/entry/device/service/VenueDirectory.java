package io.entry.device.service;

import io.entry.device.repository.CatalogRepository;
import io.entry.model.api.ErrorCode;
import io.entry.model.api.VenuesResponse;
import io.entry.runtime.security.ApiKeyGuard;
import io.entry.runtime.web.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Get Venues (CONTRACT §4): every venue of the account, for an API key allowed to use it. */
@ApplicationScoped
public class VenueDirectory {

    private final ApiKeyGuard apiKeys;
    private final CatalogRepository catalog;

    VenueDirectory(ApiKeyGuard apiKeys, CatalogRepository catalog) {
        this.apiKeys = apiKeys;
        this.catalog = catalog;
    }

    public Uni<VenuesResponse> venuesFor(String apiKey, String dataAccountId) {
        // until the API-client read model has been filled once, a key cannot be judged: 503, not 401 (CONTRACT §2)
        return apiKeys.readModelFilled().flatMap(filled -> {
            if (!filled) {
                return Uni.createFrom().failure(new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                        "API keys have not been loaded yet"));
            }
            return apiKeys.require(apiKey, dataAccountId)
                    .flatMap(client -> catalog.venues(dataAccountId))
                    .map(venues -> new VenuesResponse(venues.stream().map(TodaysEvents::toVenue).toList()));
        });
    }
}
