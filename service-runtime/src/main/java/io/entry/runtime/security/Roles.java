package io.entry.runtime.security;

/**
 * The {@code groups} of Entry's session tokens (CONTRACT §3): a FULL session is a {@code device}, a LIMITED (Lite)
 * session an {@code integrator}. Routes name them in {@code @RolesAllowed}.
 */
public final class Roles {

    /** FULL sessions only: Ping, Validate Scan. */
    public static final String DEVICE = "device";
    /** LIMITED sessions. Routes open to both name both: Get Events, Ticket Lookup. */
    public static final String INTEGRATOR = "integrator";

    private Roles() {
    }
}
