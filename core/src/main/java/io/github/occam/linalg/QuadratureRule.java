package io.github.occam.linalg;

import io.github.occam.internal.Checks;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * A quadrature rule \(\int f \, d\mu \approx \sum_j \tau_j f(\theta_j)\) for a probability
 * measure \(\mu\): nodes \(\theta_j\) ascending and weights \(\tau_j \ge 0\) summing to 1. From
 * Lanczos on a symmetric A started at \(z / |z|\), the measure is the spectral measure
 * \(\mu = \sum_i (u_i^T z)^2 / |z|^2 \, \delta_{\lambda_i}\), so
 * \(z^T f(A) z \approx |z|^2 \sum_j \tau_j f(\theta_j)\) (Golub &amp; Meurant, <i>Matrices,
 * Moments and Quadrature with Applications</i>, 2010, ch. 6 and 7).
 *
 * <p>Arrays are copied on the way in and on every access.
 *
 * <pre>{@code
 * QuadratureRule rule = lanczos.tridiagonalize(z, 40).gauss();
 * double logQuadraticForm = zNorm2 * rule.integrate(Math::log);   // z' ln(A) z
 * }</pre>
 *
 * @param nodes \(\theta_j\), ascending
 * @param weights \(\tau_j\), one per node
 */
public record QuadratureRule(double[] nodes, double[] weights) {

    /**
     * Checks and copies the arrays.
     *
     * @throws IllegalArgumentException if an array is null or not finite, or the lengths differ
     */
    public QuadratureRule {
        Checks.allFinite("nodes", nodes);
        Checks.finiteVector("weights", weights, nodes.length);
        nodes = nodes.clone();
        weights = weights.clone();
    }

    /** Returns the number of nodes. */
    public int size() {
        return nodes.length;
    }

    /** Returns a copy of the nodes, ascending. */
    @Override
    public double[] nodes() {
        return nodes.clone();
    }

    /** Returns a copy of the weights. */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Returns node j without copying. */
    public double node(int j) {
        return nodes[j];
    }

    /** Returns weight j without copying. */
    public double weight(int j) {
        return weights[j];
    }

    /**
     * Returns \(\sum_j \tau_j f(\theta_j)\).
     *
     * @param f the function
     * @return the quadrature
     */
    public double integrate(DoubleUnaryOperator f) {
        double sum = 0.0;
        for (int j = 0; j < nodes.length; j++) {
            sum += weights[j] * f.applyAsDouble(nodes[j]);
        }
        return sum;
    }

    /**
     * Returns this rule with the node nearest {@code value} set to exactly {@code value}, the
     * weights unchanged (no node lies between the nearest one and {@code value}, so the nodes
     * stay ascending): how a rule with a prescribed node removes the rounding of that node.
     *
     * @param value the prescribed node, finite
     * @return the rule
     */
    public QuadratureRule withNodeAt(double value) {
        Checks.finite("value", value);
        if (nodes.length == 0) {
            return this;
        }
        int nearest = 0;
        for (int j = 1; j < nodes.length; j++) {
            if (Math.abs(nodes[j] - value) < Math.abs(nodes[nearest] - value)) {
                nearest = j;
            }
        }
        double[] n = nodes.clone();
        n[nearest] = value;
        return new QuadratureRule(n, weights);
    }

    /** Compares nodes and weights element by element. */
    @Override
    public boolean equals(Object other) {
        return other instanceof QuadratureRule r && Arrays.equals(nodes, r.nodes)
                && Arrays.equals(weights, r.weights);
    }

    /** Hashes nodes and weights element by element. */
    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(nodes) + Arrays.hashCode(weights);
    }

    /** Lists nodes and weights. */
    @Override
    public String toString() {
        return "QuadratureRule[nodes=" + Arrays.toString(nodes) + ", weights="
                + Arrays.toString(weights) + "]";
    }
}
