package io.github.occam.examples.mnist;

import io.github.occam.sgd.SgdSettings;
import java.util.Locale;

/**
 * How long each run of a sweep trains: a number of epochs, a number of parameter updates, or a
 * fixed SDE time T. One budget defines a family of runs that the analysis compares.
 *
 * <p>A time budget gives a run with learning rate &epsilon; and momentum m
 * U = ceil(T (1 - m) / &epsilon;) updates, so that U &epsilon; / (1 - m), the distance each
 * update moves the weights (&epsilon; / (1 - m) times a mean gradient) times the number of
 * updates, is the same for every run of the family whatever B and N are: B then changes only
 * the noise. A budget in epochs instead gives a run at batch size 2B half the updates of a run
 * at B.
 *
 * <pre>{@code
 * SweepBudget t = SweepBudget.time(500);
 * long u = t.updates(0.1, 0.9);                   // 500 updates at eps 0.1, m 0.9
 * long v = t.updates(0.1, 0.0);                   // 5,000 at m = 0
 * SgdSettings.Budget b = t.trainerBudget(0.1, 0.9);   // Budget.updates(500)
 * }</pre>
 *
 * @param kind   what {@code amount} counts
 * @param amount epochs (a whole number &gt;= 1), updates (a whole number &gt;= 1) or SDE time
 *               T &gt; 0
 */
public record SweepBudget(Kind kind, double amount) implements java.io.Serializable {

    /** Values closer than this (relative) to a whole number count as that number in U. */
    private static final double WHOLE = 1e-9;

    /** The largest number of updates a time budget may ask for. */
    private static final double MAX_UPDATES = 1e15;

    /** What a budget counts. */
    public enum Kind {
        /** Passes over the N training examples. */
        EPOCHS,
        /** Parameter updates. */
        UPDATES,
        /** SDE time T = U &epsilon; / (1 - m). */
        TIME
    }

    /** Checks the amount; every message names the budget and its bad value. */
    public SweepBudget {
        if (kind == null) {
            throw new IllegalArgumentException("budget kind must not be null");
        }
        switch (kind) {
            case EPOCHS -> {
                if (!(amount >= 1 && amount <= Integer.MAX_VALUE && amount == Math.rint(amount))) {
                    throw new IllegalArgumentException("--epochs must be a whole number in [1, "
                            + Integer.MAX_VALUE + "], got " + number(amount));
                }
            }
            case UPDATES -> {
                if (!(amount >= 1 && amount < MAX_UPDATES && amount == Math.rint(amount))) {
                    throw new IllegalArgumentException("--updates must be a whole number in [1, 1e15), got "
                            + number(amount));
                }
            }
            default -> {
                if (!(amount > 0) || Double.isInfinite(amount)) {
                    throw new IllegalArgumentException("--time must be finite and > 0, got " + number(amount));
                }
            }
        }
    }

    /** A budget of {@code epochs} epochs. */
    public static SweepBudget epochs(int epochs) {
        return new SweepBudget(Kind.EPOCHS, epochs);
    }

    /** A budget of {@code updates} updates. */
    public static SweepBudget updates(long updates) {
        return new SweepBudget(Kind.UPDATES, updates);
    }

    /** A budget of SDE time {@code t}: U = ceil(t (1 - m) / &epsilon;) updates per run. */
    public static SweepBudget time(double t) {
        return new SweepBudget(Kind.TIME, t);
    }

    /**
     * The number of updates of a run at learning rate &epsilon; and momentum m under a time
     * budget: U = ceil(T (1 - m) / &epsilon;), where a quotient within 1e-9 (relative) of a whole
     * number counts as that number (so that T = 500, m = 0.9, &epsilon; = 0.1 gives 500, not the
     * 501 that the rounding of 1 - 0.9 would give); at least 1.
     *
     * @throws IllegalArgumentException if the budget is not a time budget, or U would be 1e15 or
     *                                  more
     */
    public long updates(double learningRate, double momentum) {
        if (kind != Kind.TIME) {
            throw new IllegalArgumentException("only a time budget has a number of updates per setting, this is "
                    + describe());
        }
        double u = amount * (1.0 - momentum) / learningRate;
        if (!(u < MAX_UPDATES)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--time %s at eps %s and m %s asks for %.3g updates per run, more than 1e15",
                    number(amount), learningRate, momentum, u));
        }
        double whole = Math.rint(u);
        long updates = Math.abs(u - whole) <= WHOLE * Math.max(1.0, u) ? (long) whole : (long) Math.ceil(u);
        return Math.max(1L, updates);
    }

    /** The trainer's budget for a run at &epsilon; and m: epochs, updates, or the updates of the time. */
    public SgdSettings.Budget trainerBudget(double learningRate, double momentum) {
        return switch (kind) {
            case EPOCHS -> SgdSettings.Budget.epochs((int) amount);
            case UPDATES -> SgdSettings.Budget.updates((long) amount);
            case TIME -> SgdSettings.Budget.updates(updates(learningRate, momentum));
        };
    }

    /** In words: {@code 100 epochs}, {@code 5000 updates}, {@code time 500}. */
    public String describe() {
        return switch (kind) {
            case EPOCHS -> number(amount) + " epochs";
            case UPDATES -> number(amount) + " updates";
            case TIME -> "time " + number(amount);
        };
    }

    /** The {@code budget} column of {@code runs.csv}: {@code epochs:100}, {@code updates:5000}, {@code time:500}. */
    public String tag() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + number(amount);
    }

    /** A short name for file names: {@code epochs100}, {@code updates5000}, {@code time500}. */
    public String fileTag() {
        return kind.name().toLowerCase(Locale.ROOT) + number(amount).replace('.', 'p');
    }

    /**
     * Reads a {@link #tag()}.
     *
     * @throws IllegalArgumentException if {@code tag} is not {@code kind:amount} with a valid amount
     */
    public static SweepBudget parse(String tag) {
        int colon = tag.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("budget must be epochs:E, updates:U or time:T, got '" + tag + "'");
        }
        Kind kind;
        try {
            kind = Kind.valueOf(tag.substring(0, colon).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("budget must be epochs:E, updates:U or time:T, got '" + tag + "'", e);
        }
        return new SweepBudget(kind, Double.parseDouble(tag.substring(colon + 1)));
    }

    /** A whole number without its {@code .0}, any other as {@link Double#toString(double)}. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }
}
