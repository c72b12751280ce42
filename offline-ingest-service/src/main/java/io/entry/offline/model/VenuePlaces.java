package io.entry.offline.model;

import java.util.Set;

/** The checkpoint and special area ids a venue's layouts know (layout read model). */
public record VenuePlaces(Set<Long> checkpointIds, Set<Long> specialAreaIds) {
}
