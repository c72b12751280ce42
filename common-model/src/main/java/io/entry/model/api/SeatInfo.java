package io.entry.model.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Seat of a ticket: section, row and seat, optional level and gate (CONTRACT §4). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SeatInfo(String section, String row, String seat, String level, String gate) {
}
