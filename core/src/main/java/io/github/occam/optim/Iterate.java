package io.github.occam.optim;

import io.github.occam.Cost;
import io.github.occam.internal.Checks;

/**
 * A point of the search with its cost, gradient and gradient norm; swapped, not copied. Each
 * instance counts the evaluations made into it ({@link #evaluations}, not swapped), so the sum
 * over a search's iterates is the search's count.
 */
final class Iterate {
    double[] w;
    double[] gradient;
    double cost;
    double gradientNorm;
    long evaluations;

    Iterate(int p) {
        w = new double[p];
        gradient = new double[p];
    }

    /** The iterate at {@code start}, whose cost and gradient must be finite. */
    static Iterate at(Cost c, double[] start, String where) {
        Iterate x = new Iterate(start.length);
        System.arraycopy(start, 0, x.w, 0, start.length);
        x.cost = c.checkedValue(x.w, x.gradient, where);
        x.evaluations = 1;
        x.gradientNorm = Checks.norm(x.gradient);
        return x;
    }

    /** Evaluates the cost and gradient at {@code w}, which may come out not finite. */
    void evaluate(Cost c) {
        cost = c.value(w, gradient);
        evaluations++;
        gradientNorm = Checks.norm(gradient);
    }

    boolean finite() {
        return Double.isFinite(cost) && Double.isFinite(gradientNorm);
    }

    void swap(Iterate other) {
        double[] t = w;
        w = other.w;
        other.w = t;
        t = gradient;
        gradient = other.gradient;
        other.gradient = t;
        double c = cost;
        cost = other.cost;
        other.cost = c;
        double n = gradientNorm;
        gradientNorm = other.gradientNorm;
        other.gradientNorm = n;
    }
}
