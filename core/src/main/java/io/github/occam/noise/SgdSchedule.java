package io.github.occam.noise;

import io.github.occam.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * A piecewise-constant SGD schedule over a budget of epochs: consecutive phases, each with its
 * own learning rate and batch size, and the number of parameter updates it takes.
 *
 * <p>Smith, Kindermans &amp; Le ("Don't decay the learning rate, increase the batch size", 2017)
 * show that dividing the learning rate by a factor k at a milestone and, instead, multiplying the
 * batch size by k there give the same noise scale \(g \approx \epsilon N / (B (1 - m))\) in every
 * phase (Smith &amp; Le, eq. 5), hence the same test accuracy, while the batch-size schedule takes
 * fewer updates. {@link #learningRateDecay} builds the first schedule and
 * {@link #batchSizeIncrease} the second. When the batch size would exceed N it is capped at N and
 * the rest of the decay is applied to the learning rate, as that paper does at its largest batch
 * size; a batch size that is not a whole number is rounded down and the learning rate lowered by
 * the same ratio, so the learning rate never exceeds the starting one. Either way, phase by phase, \(\epsilon / B\), and so the
 * approximate noise scale, equals that of the learning-rate decay.
 *
 * <p>An epoch visits every example once in {@code ceil(N / B)} updates (the last batch of an
 * epoch may be smaller).
 *
 * <pre>{@code
 * SgdNoiseScale start = SgdNoiseScale.of(0.1, 1000, 20, 0.9);
 * int[] milestones = {30, 60, 80};
 * SgdSchedule decay = SgdSchedule.learningRateDecay(start, 100, milestones, 5);  // B = 20 throughout
 * SgdSchedule grow = SgdSchedule.batchSizeIncrease(start, 100, milestones, 5);   // B 20, 100, 500, 1000
 * long saved = decay.updates() - grow.updates();
 * }</pre>
 *
 * @param phases the phases in order; each starts where the previous ended, the first at epoch 0
 */
public record SgdSchedule(List<Phase> phases) {

    /**
     * One phase of a schedule: epochs {@code [startEpoch, endEpoch)} run with {@code settings}.
     *
     * <pre>{@code
     * SgdSchedule.Phase p = new SgdSchedule.Phase(0, 30, SgdNoiseScale.of(0.1, 1000, 20, 0.9));
     * long updates = p.updates();   // 30 * ceil(1000 / 20) = 1500
     * }</pre>
     *
     * @param startEpoch first epoch of the phase, &gt;= 0
     * @param endEpoch end of the phase (exclusive), &gt; startEpoch
     * @param settings learning rate, training-set size, batch size and momentum of the phase
     */
    public record Phase(int startEpoch, int endEpoch, SgdNoiseScale settings) {

        /** Checks {@code 0 <= startEpoch < endEpoch} and that {@code settings} is present. */
        public Phase {
            Checks.atLeast("startEpoch", startEpoch, 0);
            if (endEpoch <= startEpoch) {
                throw new IllegalArgumentException("endEpoch must be > startEpoch = " + startEpoch
                        + ", got " + endEpoch);
            }
            Checks.notNull("settings", settings);
        }

        /** Returns the number of epochs of the phase. */
        public int epochs() {
            return endEpoch - startEpoch;
        }

        /** Returns the parameter updates of the phase: {@code epochs() * ceil(N / B)}. */
        public long updates() {
            int n = settings.trainingSetSize();
            int b = settings.batchSize();
            return (long) epochs() * ((n + (long) b - 1) / b);
        }
    }

    /** Checks that the phases are contiguous from epoch 0 and share N and m. */
    public SgdSchedule {
        if (phases == null || phases.isEmpty()) {
            throw new IllegalArgumentException("phases must not be null or empty");
        }
        for (int k = 0; k < phases.size(); k++) {
            Checks.notNull("phases[" + k + "]", phases.get(k));
        }
        phases = List.copyOf(phases);
        int expectedStart = 0;
        for (int k = 0; k < phases.size(); k++) {
            Phase phase = phases.get(k);
            if (phase.startEpoch() != expectedStart) {
                throw new IllegalArgumentException("phases[" + k + "] starts at epoch "
                        + phase.startEpoch() + ", expected " + expectedStart);
            }
            SgdNoiseScale first = phases.get(0).settings();
            if (phase.settings().trainingSetSize() != first.trainingSetSize()
                    || phase.settings().momentum() != first.momentum()) {
                throw new IllegalArgumentException("phases[" + k + "] has N = "
                        + phase.settings().trainingSetSize() + ", m = "
                        + phase.settings().momentum() + ", expected the N = "
                        + first.trainingSetSize() + ", m = " + first.momentum() + " of phases[0]");
            }
            expectedStart = phase.endEpoch();
        }
    }

    /**
     * Returns a single phase of {@code epochs} epochs at {@code settings}.
     *
     * @param settings the setting
     * @param epochs the budget, at least 1
     * @return the schedule
     */
    public static SgdSchedule constant(SgdNoiseScale settings, int epochs) {
        return new SgdSchedule(List.of(new Phase(0, epochs, settings)));
    }

    /**
     * Returns the step decay of the learning rate: {@code start}'s learning rate divided by
     * {@code decayFactor} at each milestone, the batch size kept.
     *
     * @param start the setting of the first phase
     * @param epochs the budget, at least 1
     * @param milestones epochs at which the learning rate decays, strictly increasing, each in
     *     {@code [1, epochs)}; may be empty
     * @param decayFactor k &gt; 1: the learning rate is divided by k at each milestone
     * @return the schedule, one phase per milestone plus one
     * @throws IllegalArgumentException naming the first bad argument
     */
    public static SgdSchedule learningRateDecay(SgdNoiseScale start, int epochs, int[] milestones,
            double decayFactor) {
        checkStepDecay(start, epochs, milestones, decayFactor);
        List<Phase> phases = new ArrayList<>();
        for (int k = 0; k <= milestones.length; k++) {
            double eps = start.learningRate() / Math.pow(decayFactor, k);
            phases.add(new Phase(phaseStart(milestones, k), phaseEnd(milestones, k, epochs),
                    start.withLearningRate(eps)));
        }
        return new SgdSchedule(phases);
    }

    /**
     * Returns the batch-size schedule equivalent to {@link #learningRateDecay} with the same
     * arguments: at the k-th milestone the batch size becomes {@code floor(B0 decayFactor^k)},
     * capped at N, and the learning rate {@code eps0 B / (B0 decayFactor^k)}, which is
     * {@code eps0} until the cap (or rounding) applies. In every phase {@code eps / B}, hence the
     * approximate noise scale {@code eps N / (B (1 - m))}, equals that of the learning-rate decay.
     *
     * @param start the setting of the first phase
     * @param epochs the budget, at least 1
     * @param milestones epochs at which the learning rate would decay, strictly increasing, each
     *     in {@code [1, epochs)}; may be empty
     * @param decayFactor k &gt; 1, the factor the learning rate would be divided by
     * @return the schedule, one phase per milestone plus one
     * @throws IllegalArgumentException naming the first bad argument
     */
    public static SgdSchedule batchSizeIncrease(SgdNoiseScale start, int epochs, int[] milestones,
            double decayFactor) {
        checkStepDecay(start, epochs, milestones, decayFactor);
        List<Phase> phases = new ArrayList<>();
        int n = start.trainingSetSize();
        for (int k = 0; k <= milestones.length; k++) {
            double target = start.batchSize() * Math.pow(decayFactor, k);
            // floor, with a relative allowance so that 3 * 2.5^2 = 18.75 or 20 * 5^3 = 2500
            // computed in floating point are not rounded one too low
            int b = (int) Math.min(n, Math.floor(target * (1 + 1e-12)));
            double eps = start.learningRate() * (b / target);
            phases.add(new Phase(phaseStart(milestones, k), phaseEnd(milestones, k, epochs),
                    start.withBatchSize(b).withLearningRate(eps)));
        }
        return new SgdSchedule(phases);
    }

    /** Returns the total number of epochs. */
    public int epochs() {
        return phases.get(phases.size() - 1).endEpoch();
    }

    /** Returns the total number of parameter updates, the sum over the phases. */
    public long updates() {
        long total = 0;
        for (Phase phase : phases) {
            total += phase.updates();
        }
        return total;
    }

    /**
     * Returns the phase that contains {@code epoch}.
     *
     * @param epoch in {@code [0, epochs())}
     * @return its phase
     */
    public Phase phaseAt(int epoch) {
        Checks.inRange("epoch", epoch, 0, epochs() - 1);
        for (Phase phase : phases) {
            if (epoch < phase.endEpoch()) {
                return phase;
            }
        }
        throw new AssertionError("phases cover [0, epochs())");
    }

    private static int phaseStart(int[] milestones, int k) {
        return k == 0 ? 0 : milestones[k - 1];
    }

    private static int phaseEnd(int[] milestones, int k, int epochs) {
        return k == milestones.length ? epochs : milestones[k];
    }

    private static void checkStepDecay(SgdNoiseScale start, int epochs, int[] milestones,
            double decayFactor) {
        Checks.notNull("start", start);
        Checks.atLeast("epochs", epochs, 1);
        Checks.notNull("milestones", milestones);
        int previous = 0;
        for (int k = 0; k < milestones.length; k++) {
            if (milestones[k] <= previous || milestones[k] >= epochs) {
                throw new IllegalArgumentException("milestones[" + k + "] must be in ["
                        + (previous + 1) + ", " + (epochs - 1) + "] (strictly increasing, inside"
                        + " the budget of " + epochs + " epochs), got " + milestones[k]);
            }
            previous = milestones[k];
        }
        if (!(decayFactor > 1.0) || Double.isInfinite(decayFactor)) {
            throw new IllegalArgumentException(
                    "decayFactor must be finite and > 1, got " + decayFactor);
        }
    }
}
