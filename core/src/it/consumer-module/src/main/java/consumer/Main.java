package consumer;

import io.github.occam.evidence.Evidence;
import io.github.occam.models.LogisticRegression;
import io.github.occam.noise.SgdNoiseScale;

/** Prints the evidence of a small logistic regression and an SGD noise scale. */
public final class Main {

    private Main() {
    }

    /** The evidence of a logistic regression with a bias on eight points, at lambda = 1. */
    public static Evidence evidence() {
        double[][] x = {{1, 0}, {0, 1}, {1, 1}, {-1, 0}, {0, -1}, {-1, -1}, {2, 1}, {-1, -2}};
        int[] y = {1, 1, 0, 0, 0, 1, 1, 0};
        return Evidence.of(LogisticRegression.of(x, y, true), 1.0);
    }

    public static void main(String[] args) {
        Evidence e = evidence();
        System.out.println("converged=" + e.converged() + " E=" + e.logEvidenceRatio()
                + " g=" + SgdNoiseScale.of(0.1, 1000, 100, 0.9).value());
    }
}
