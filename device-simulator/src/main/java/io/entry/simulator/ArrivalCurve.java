package io.entry.simulator;

/**
 * When patrons reach the gates during the rush: a trickle when doors open, a peak two thirds of the way in (just
 * before kick-off), a tail of late arrivals. Given as relative arrival rates of ten equal time slots; the
 * cumulative share is linear inside a slot.
 */
public final class ArrivalCurve {

    private static final double[] DEFAULT_RATES = {1, 2, 3, 5, 8, 12, 14, 10, 4, 1};

    private final double[] cumulative;

    public ArrivalCurve() {
        this(DEFAULT_RATES);
    }

    public ArrivalCurve(double[] rates) {
        if (rates.length == 0) {
            throw new IllegalArgumentException("an arrival curve needs at least one slot");
        }
        double total = 0;
        for (double rate : rates) {
            if (rate < 0) {
                throw new IllegalArgumentException("arrival rates cannot be negative");
            }
            total += rate;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("arrival rates must not all be zero");
        }
        cumulative = new double[rates.length + 1];
        for (int i = 0; i < rates.length; i++) {
            cumulative[i + 1] = cumulative[i] + rates[i] / total;
        }
        cumulative[rates.length] = 1.0;
    }

    /** Share of all arrivals that have happened at {@code fraction} (0..1) of the rush. */
    public double cumulativeShare(double fraction) {
        double f = Math.max(0, Math.min(1, fraction));
        int slots = cumulative.length - 1;
        int slot = Math.min((int) (f * slots), slots - 1);
        double within = f * slots - slot;
        return cumulative[slot] + (cumulative[slot + 1] - cumulative[slot]) * within;
    }

    /** The time (as a fraction of the rush) by which {@code share} of all arrivals have happened: the inverse. */
    public double timeOfShare(double share) {
        double s = Math.max(0, Math.min(1, share));
        double low = 0;
        double high = 1;
        for (int i = 0; i < 50; i++) {
            double mid = (low + high) / 2;
            if (cumulativeShare(mid) < s) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return high;
    }

    /** Arrival times (fractions of the rush) of {@code count} patrons, in order, spread by the curve. */
    public double[] arrivalTimes(int count) {
        double[] times = new double[count];
        for (int i = 0; i < count; i++) {
            times[i] = timeOfShare((i + 0.5) / count);
        }
        return times;
    }
}
