package io.entry.model.events;

/** What a device-sessions record says: a session was opened, or a device was revoked. */
public enum DeviceSessionKind {
    SESSION, REVOCATION
}
