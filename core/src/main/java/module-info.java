/**
 * Occam core: models, the Laplace evidence, Hessian spectra, SGD and its noise scale. Every
 * package is exported but {@code io.github.occam.internal}, which holds argument checks and vector
 * kernels.
 */
module io.github.occam.core {
    requires commons.math3;
    requires org.slf4j;

    exports io.github.occam;
    exports io.github.occam.data;
    exports io.github.occam.evidence;
    exports io.github.occam.linalg;
    exports io.github.occam.models;
    exports io.github.occam.noise;
    exports io.github.occam.optim;
    exports io.github.occam.sgd;
    exports io.github.occam.spectrum;
}
