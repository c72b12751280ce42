package io.entry.runtime.security;

import java.util.List;

/** An integrator's API key as a service knows it: its hash, the partner, the accounts it may use, revoked or not. */
public record ApiClient(String keyHash, String partnerId, List<String> dataAccountIds, boolean revoked) {

    public ApiClient {
        dataAccountIds = dataAccountIds == null ? List.of() : List.copyOf(dataAccountIds);
    }

    public boolean allows(String dataAccountId) {
        return dataAccountIds.contains(dataAccountId);
    }
}
