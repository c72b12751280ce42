package io.entry.auth.service;

import io.entry.model.events.LayoutRecord;
import io.entry.model.events.VenueRecord;
import io.entry.runtime.web.ApiException;

/**
 * Where a device's session puts it, from the catalog (CONTRACT §3): the checkpoint assigned to its serial, else the
 * venue's default checkpoint; the name assigned to its serial, else {@code {make}-{model}-{deviceNumber}}; the
 * requested special area, which must exist in the venue's layout (else 404).
 */
public record SessionPlacement(
        VenueRecord venue,
        LayoutRecord layout,
        LayoutRecord.Checkpoint checkpoint,
        LayoutRecord.SpecialArea specialArea,
        LayoutRecord.DeviceAssignment assignment) {

    public static SessionPlacement of(VenueRecord venue, LayoutRecord layout, String serialNumber, Long specialAreaId) {
        LayoutRecord.DeviceAssignment assignment = null;
        LayoutRecord.Checkpoint checkpoint = null;
        LayoutRecord.SpecialArea area = null;
        if (layout != null) {
            assignment = layout.deviceAssignments() == null ? null : layout.deviceAssignments().stream()
                    .filter(a -> serialNumber.equals(a.serialNumber())).findFirst().orElse(null);
            Long checkpointId = assignment != null && assignment.checkpointId() != null ? assignment.checkpointId()
                    : layout.defaultCheckpointId();
            if (checkpointId != null && layout.checkpoints() != null) {
                checkpoint = layout.checkpoints().stream().filter(c -> c.checkpointId() == checkpointId).findFirst()
                        .orElse(new LayoutRecord.Checkpoint(checkpointId, null));
            }
            if (specialAreaId != null && layout.specialAreas() != null) {
                area = layout.specialAreas().stream().filter(s -> s.specialAreaId() == specialAreaId).findFirst()
                        .orElse(null);
            }
        }
        if (specialAreaId != null && area == null) {
            throw ApiException.notFound("specialAreaId " + specialAreaId + " is not a special area of venue "
                    + venue.venueCode());
        }
        return new SessionPlacement(venue, layout, checkpoint, area, assignment);
    }

    public String deviceName(String make, String model, int deviceNumber) {
        if (assignment != null && assignment.deviceName() != null && !assignment.deviceName().isBlank()) {
            return assignment.deviceName();
        }
        return make + "-" + model + "-" + deviceNumber;
    }
}
