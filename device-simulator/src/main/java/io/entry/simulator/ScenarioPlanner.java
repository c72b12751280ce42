package io.entry.simulator;

import io.entry.model.api.InputType;
import io.entry.model.api.ScanMode;
import io.entry.model.events.TicketStatus;
import io.entry.simulator.PlannedScan.Kind;
import io.entry.testsupport.DemoData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Plans the gate rush at Memorial Stadium from a seed: patron stories (an entry, a re-read, an exit and re-entry, a
 * void or reissued ticket, a foreign or unreadable barcode, a visit to the Husker Club) placed on the arrival curve
 * and spread over the devices. Devices {@code 0..gates-1} are gates (the first {@code offlineDevices} of them lose
 * the network during {@link #OFFLINE_FROM}..{@link #OFFLINE_UNTIL}); the rest stand at the club.
 */
public final class ScenarioPlanner {

    public static final double OFFLINE_FROM = 0.35;
    public static final double OFFLINE_UNTIL = 0.65;
    /** A ticket of another venue's event (WRONG_EVENT at MEM) and one of another account (INVALID_FORMAT). */
    static final List<String> FOREIGN_TOKENS = List.of(DemoData.TS_TICKET, "12900000000005");

    private final int gates;
    private final int clubs;
    private final int offlineDevices;
    private final ArrivalCurve curve;

    public ScenarioPlanner(int devices, int offlineDevices, ArrivalCurve curve) {
        this.clubs = SimulatorOptions.clubDevices(devices);
        this.gates = devices - clubs;
        this.offlineDevices = offlineDevices;
        this.curve = curve;
    }

    public int gates() {
        return gates;
    }

    public boolean isClubDevice(int device) {
        return device >= gates;
    }

    public boolean isOfflineDevice(int device) {
        return device < offlineDevices;
    }

    /** Whether the device has no network at {@code at}. */
    public boolean offlineAt(int device, double at) {
        return isOfflineDevice(device) && at >= OFFLINE_FROM && at < OFFLINE_UNTIL;
    }

    /** About {@code scans} scans (a story is never cut short, so a few more), sorted by time. */
    public List<PlannedScan> plan(int scans, long seed) {
        Random random = new Random(seed);
        List<Integer> voided = new ArrayList<>();
        List<Integer> reissued = new ArrayList<>();
        List<Integer> entitled = new ArrayList<>();
        for (int n = 1; n <= DemoData.MEM_TICKET_COUNT; n++) {
            TicketStatus status = DemoData.memStatus(n);
            if (status == TicketStatus.VOID) {
                voided.add(n);
            } else if (status == TicketStatus.REISSUED) {
                reissued.add(n);
            } else if (DemoData.memEntitledToClub(n)) {
                entitled.add(n);
            }
        }
        Set<Integer> used = new HashSet<>();
        List<PlannedScan> plan = new ArrayList<>();
        // Bounded: every story adds at least one scan.
        while (plan.size() < scans) {
            double at = curve.timeOfShare(random.nextDouble());
            int gate = randomGate(random);
            int roll = random.nextInt(100);
            if (roll < 60) {
                InputType input = random.nextInt(20) == 0 ? InputType.NFC : InputType.BARCODE;
                plan.add(new PlannedScan(gate, at, freshTicket(random, used), ScanMode.ENTRY, input, Kind.ENTRY));
            } else if (roll < 66) {
                String token = freshTicket(random, used);
                plan.add(entry(gate, at, token, Kind.ENTRY));
                // The patron holds the phone up again, at this gate or the next one.
                int other = random.nextBoolean() ? gate : randomGate(random);
                plan.add(entry(other, later(at, 0.002), token, Kind.REREAD));
            } else if (roll < 70) {
                String token = freshTicket(random, used);
                plan.add(entry(gate, at, token, Kind.ENTRY));
                plan.add(exit(gate, later(at, 0.05 + random.nextDouble() * 0.1), token, Kind.EXIT));
            } else if (roll < 75) {
                String token = freshTicket(random, used);
                plan.add(entry(gate, at, token, Kind.ENTRY));
                double out = later(at, 0.03 + random.nextDouble() * 0.1);
                plan.add(exit(gate, out, token, Kind.EXIT));
                plan.add(entry(randomGate(random), later(out, 0.03 + random.nextDouble() * 0.1), token, Kind.REENTRY));
            } else if (roll < 78) {
                plan.add(entry(gate, at, DemoData.memToken(pick(random, voided)), Kind.VOID));
            } else if (roll < 80) {
                plan.add(entry(gate, at, DemoData.memToken(pick(random, reissued)), Kind.REISSUED));
            } else if (roll < 83) {
                plan.add(entry(gate, at, unreadable(random), Kind.INVALID));
            } else if (roll < 85) {
                plan.add(entry(gate, at, FOREIGN_TOKENS.get(random.nextInt(FOREIGN_TOKENS.size())), Kind.FOREIGN));
            } else if (roll < 95) {
                int club = gates + random.nextInt(clubs);
                String token = DemoData.memToken(pick(random, entitled));
                plan.add(entry(club, at, token, Kind.CLUB_ENTRY));
                if (random.nextInt(3) > 0) {
                    plan.add(exit(club, later(at, 0.02 + random.nextDouble() * 0.08), token, Kind.CLUB_EXIT));
                }
            } else if (roll < 97) {
                int club = gates + random.nextInt(clubs);
                plan.add(entry(club, at, freshTicket(random, used), Kind.NOT_ENTITLED));
            } else if (offlineDevices > 0) {
                // Admitted online, then read again at an offline gate: reconciliation reports a double entry.
                double when = OFFLINE_FROM + random.nextDouble() * (OFFLINE_UNTIL - OFFLINE_FROM - 0.05);
                int onlineGate = offlineDevices + random.nextInt(gates - offlineDevices);
                String token = freshTicket(random, used);
                plan.add(entry(onlineGate, when, token, Kind.ENTRY));
                plan.add(entry(random.nextInt(offlineDevices), when + 0.02, token, Kind.CROSS_OFFLINE));
            } else {
                plan.add(entry(gate, at, freshTicket(random, used), Kind.ENTRY));
            }
        }
        plan.sort((a, b) -> Double.compare(a.at(), b.at()));
        return plan;
    }

    private int randomGate(Random random) {
        return random.nextInt(gates);
    }

    private static PlannedScan entry(int device, double at, String token, Kind kind) {
        return new PlannedScan(device, at, token, ScanMode.ENTRY, InputType.BARCODE, kind);
    }

    private static PlannedScan exit(int device, double at, String token, Kind kind) {
        return new PlannedScan(device, at, token, ScanMode.EXIT, InputType.BARCODE, kind);
    }

    private static double later(double at, double delta) {
        return Math.min(1.0, at + delta);
    }

    /** A valid MEM ticket not used by another story (entitled club tickets stay for the club). */
    private static String freshTicket(Random random, Set<Integer> used) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int n = 1 + random.nextInt(DemoData.MEM_TICKET_COUNT);
            if (DemoData.memStatus(n) == TicketStatus.VALID && !DemoData.memEntitledToClub(n) && used.add(n)) {
                return DemoData.memToken(n);
            }
        }
        throw new IllegalStateException("no unused ticket left: plan fewer scans");
    }

    private static int pick(Random random, List<Integer> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** A damaged or foreign-format read: never matches a mask. */
    private static String unreadable(Random random) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        StringBuilder token = new StringBuilder("QR");
        for (int i = 0; i < 10; i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return token.toString();
    }
}
