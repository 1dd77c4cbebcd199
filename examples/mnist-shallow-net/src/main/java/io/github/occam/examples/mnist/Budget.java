package io.github.occam.examples.mnist;

/**
 * How long one training run lasts: a number of epochs (passes over the training set) or a number
 * of parameter updates.
 *
 * <pre>{@code
 * Budget b = Budget.epochs(100);
 * Budget u = Budget.updates(5000);
 * }</pre>
 *
 * @param unit   what {@code amount} counts
 * @param amount how many epochs or updates, at least 1
 */
public record Budget(Unit unit, long amount) {

    /** What a budget counts. */
    public enum Unit {
        /** Passes over the training set. */
        EPOCHS,
        /** Parameter updates (batches). */
        UPDATES
    }

    /** Checks the components. */
    public Budget {
        if (unit == null) {
            throw new IllegalArgumentException("unit must not be null");
        }
        if (amount < 1) {
            throw new IllegalArgumentException(
                    unit.name().toLowerCase(java.util.Locale.ROOT) + " must be >= 1, got " + amount);
        }
        if (unit == Unit.EPOCHS && amount > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("epochs must be <= " + Integer.MAX_VALUE + ", got " + amount);
        }
    }

    /** A budget of {@code epochs} passes over the training set. */
    public static Budget epochs(long epochs) {
        return new Budget(Unit.EPOCHS, epochs);
    }

    /** A budget of {@code updates} parameter updates. */
    public static Budget updates(long updates) {
        return new Budget(Unit.UPDATES, updates);
    }

    @Override
    public String toString() {
        return amount + " " + unit.name().toLowerCase(java.util.Locale.ROOT);
    }
}
