package io.github.occam.spectrum;

import io.github.occam.SymmetricOperator;
import io.github.occam.internal.Checks;

/**
 * {@link SpectrumMethod#automatic()}: the exact method up to {@link SpectrumMethod#EXACT_LIMIT}
 * parameters, a matrix-free method above. The one place of that policy.
 */
final class AutomaticSpectrum implements SpectrumMethod {

    private final SpectrumMethod above;

    AutomaticSpectrum(SpectrumMethod above) {
        this.above = Checks.notNull("above", above);
    }

    @Override
    public HessianSpectrum compute(SymmetricOperator costHessian, double lambda) {
        Checks.notNull("costHessian", costHessian);
        return resolve(costHessian.dimension()).compute(costHessian, lambda);
    }

    @Override
    public void requireFits(int dimension) {
        resolve(dimension).requireFits(dimension);
    }

    @Override
    public SpectrumMethod resolve(int dimension) {
        return dimension <= EXACT_LIMIT ? SpectrumMethod.exact() : above.resolve(dimension);
    }

    @Override
    public String toString() {
        return "automatic[exact up to P = " + EXACT_LIMIT + ", above: " + above + "]";
    }
}
