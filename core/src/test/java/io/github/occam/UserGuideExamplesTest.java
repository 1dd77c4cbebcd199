package io.github.occam;

import io.github.occam.evidence.Evidence;
import io.github.occam.evidence.LambdaSearch;
import io.github.occam.evidence.Laplace;
import io.github.occam.noise.GradientNoise;
import io.github.occam.noise.GradientNoiseScale;
import io.github.occam.noise.SgdNoiseScale;
import io.github.occam.noise.SgdSchedule;
import io.github.occam.spectrum.HessianSpectrum;
import io.github.occam.spectrum.SpectrumMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.occam.data.CorruptDataException;
import io.github.occam.data.Dataset;
import io.github.occam.data.Idx;
import io.github.occam.data.IdxArray;
import io.github.occam.data.MnistData;
import io.github.occam.models.GaussianLinearRegression;
import io.github.occam.models.LogisticRegression;
import io.github.occam.models.ShallowNetwork;
import io.github.occam.optim.Minimizer;
import io.github.occam.optim.Minimum;
import io.github.occam.optim.Polish;
import io.github.occam.sgd.SgdResult;
import io.github.occam.sgd.SgdSettings;
import io.github.occam.sgd.SgdTrainer;
import io.github.occam.sgd.ShallowNetTrainer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code snippets of {@code docs/user-guide.md}, one test per snippet, each snippet copied
 * verbatim between the {@code // snippet} markers and checked against an independent reference
 * (a closed form, a dense eigen-decomposition from commons-math3, or a value worked out by hand).
 * Keep the two in sync: a snippet changed in the guide is changed here.
 */
class UserGuideExamplesTest {

    // ---- data and independent references ----------------------------------------------------

    /** N examples of d standard normal features, label 1 when the first feature plus noise > 0. */
    private static double[][] features(long seed, int n, int d) {
        return TestSupport.gaussian(new Random(seed), n, d);
    }

    private static int[] labels(double[][] x, long seed) {
        Random random = new Random(seed);
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i][0] + 0.5 * x[i][1] + random.nextGaussian() > 0 ? 1 : 0;
        }
        return y;
    }

    private static double sigmoid(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    /** X' diag(p (1 - p)) X + lambda I for logistic regression without bias, written here. */
    private static double[][] logisticCostHessian(double[][] x, double[] w, double lambda) {
        int p = w.length;
        double[][] h = new double[p][p];
        for (double[] row : x) {
            double s = sigmoid(dot(row, w));
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    h[a][b] += s * (1 - s) * row[a] * row[b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            h[a][a] += lambda;
        }
        return h;
    }

    private static double[] eigenvalues(double[][] symmetric) {
        return new EigenDecomposition(new Array2DRowRealMatrix(symmetric)).getRealEigenvalues();
    }

    /** E = C(w) + 1/2 sum ln(lambda_i / lambda) - N ln 2 of logistic regression, from scratch. */
    private static double logisticRatio(double[][] x, int[] y, double[] w, double lambda) {
        double cost = 0.5 * lambda * dot(w, w);
        for (int i = 0; i < x.length; i++) {
            double p = sigmoid(dot(x[i], w));
            cost -= y[i] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        double sum = 0.0;
        for (double mu : eigenvalues(logisticCostHessian(x, w, lambda))) {
            sum += Math.log(mu / lambda);
        }
        return cost + 0.5 * sum - x.length * Math.log(2);
    }

    /** |dC/dw| of logistic regression without bias, from scratch. */
    private static double logisticCostGradientNorm(double[][] x, int[] y, double[] w,
            double lambda) {
        double[] g = new double[w.length];
        for (int i = 0; i < x.length; i++) {
            double r = sigmoid(dot(x[i], w)) - y[i];
            for (int j = 0; j < w.length; j++) {
                g[j] += r * x[i][j];
            }
        }
        for (int j = 0; j < w.length; j++) {
            g[j] += lambda * w[j];
        }
        return Math.sqrt(dot(g, g));
    }

    // ---- the guide and this class in sync --------------------------------------------------

    /** Returns the lines of {@code text} with leading and trailing blanks removed. */
    private static List<String> stripped(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.strip());
        }
        return lines;
    }

    @Test
    void everyJavaBlockOfTheGuideIsInThisClass() throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "user-guide.md"));
        List<String> source = stripped(Files.readString(
                Path.of("src", "test", "java", "io", "github", "occam",
                        "UserGuideExamplesTest.java")));
        String[] parts = guide.split("```java\n");
        assertThat(parts.length - 1).as("java blocks in the guide").isGreaterThanOrEqualTo(12);
        for (int k = 1; k < parts.length; k++) {
            List<String> block = stripped(parts[k].substring(0, parts[k].indexOf("```")));
            block.remove(block.size() - 1);   // the empty string after the last newline
            assertThat(Collections.indexOfSubList(source, block))
                    .as("java block %s of the guide, starting %s", k, block.get(0))
                    .isNotNegative();
        }
    }

    @Test
    void theGuidesPomIsTheConsumerProjectThatVerifyBuilds() throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "user-guide.md"));
        String root = Files.readString(Path.of("..", "pom.xml"));
        String parent = root.substring(root.indexOf("<artifactId>occam-parent</artifactId>"));
        String version = parent.substring(parent.indexOf("<version>") + 9, parent.indexOf("</version>"));
        String consumer = Files.readString(Path.of("src", "it", "consumer-classpath", "pom.xml"))
                .replace("@project.version@", version);
        String block = null;
        for (String part : guide.split("```xml\n")) {
            if (part.contains("<artifactId>my-research</artifactId>")) {
                block = part.substring(0, part.indexOf("```"));
            }
        }
        assertThat(block).as("the guide's complete pom.xml").isNotNull().isEqualTo(consumer);
        assertThat(Files.readString(Path.of("src", "it", "consumer-classpath", "src", "main", "java",
                "consumer", "SignedLogit.java"))).contains(guide.substring(
                        guide.indexOf("final class SignedLogit implements Model {"),
                        guide.indexOf("```", guide.indexOf("final class SignedLogit implements Model {"))));
    }

    /** Data for the guide's contract test: 40 examples of 4 features, signs from the first. */
    private final double[][] x = features(3, 40, 4);
    private final double[] signs = Arrays.stream(labels(x, 4)).mapToDouble(y -> 2.0 * y - 1.0).toArray();

    @Nested
    // snippet
    class SignedLogitContractTest extends ModelContract {
        @Override
        protected Model model() {
            return new SignedLogit(x, signs);          // your data, drawn from a fixed seed
        }

        @Override
        protected double[] point(Random random) {     // a point where the model is smooth
            double[] w = new double[x[0].length];
            for (int j = 0; j < w.length; j++) {
                w[j] = random.nextGaussian();
            }
            return w;
        }
    }
    // end snippet

    /** Returns the guide's own model, for the model contract. */
    static Model signedLogit(double[][] x, double[] signs) {
        return new SignedLogit(x, signs);
    }

    // ---- 1. Implementing Model --------------------------------------------------------------

    @Test
    void ownModelUsesTheFiniteDifferenceHessianVectorProduct() {
        double[][] x = features(1, 80, 4);
        int[] y = labels(x, 2);
        double[] signs = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            signs[i] = y[i] == 1 ? 1.0 : -1.0;
        }
        double[] w = {0.3, -0.7, 0.2, 0.5};
        double[] v = {1.0, 2.0, -1.0, 0.5};
        // snippet: own-model
        Model model = new SignedLogit(x, signs);
        double[] hv = new double[model.parameterCount()];
        model.hessianAt(w).apply(v, hv);        // default: central differences of the gradient
        Evidence evidence = Evidence.of(model, 1.0);
        // end snippet

        double[][] exact = logisticCostHessian(x, w, 0.0);
        for (int a = 0; a < 4; a++) {
            assertThat(hv[a]).isCloseTo(dot(exact[a], v), within(1e-7 * Math.abs(dot(exact[a], v)) + 1e-9));
        }
        assertThat(evidence.converged()).isTrue();
        double reference = logisticRatio(x, y, evidence.parameters(), 1.0);
        assertThat(evidence.logEvidenceRatio()).isCloseTo(reference, within(1e-6 * Math.abs(reference)));
        assertThat(model.crossEntropy(new double[4])).isCloseTo(80 * Math.log(2), within(1e-12));
    }

    @Test
    void ownModelTrainsWithSgdHasItsNoiseMeasuredAndItsEvidenceComputed() {
        double[][] x = features(5, 200, 4);
        int[] y = labels(x, 6);
        double[] signs = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            signs[i] = y[i] == 1 ? 1.0 : -1.0;
        }
        // snippet: own-model-end-to-end
        Model model = new SignedLogit(x, signs);
        double lambda = 1.0;
        double[] start = new double[model.parameterCount()];

        // the gradient noise at the start: B_simple = tr(Sigma) / |G|^2, from 200 pairs of batches
        GradientNoise noise = GradientNoise.measure(model, lambda, start, 4, 32, 200, 7L);
        Estimate bSimple = noise.simpleNoiseScale().orElseThrow();   // empty if |G|^2 unresolved

        // SGD with momentum on the batch cost, v <- m v + g; w <- w - eps v
        SgdSettings settings = SgdSettings.defaults().withBatchSize(20).withLearningRate(0.002)
                .withMomentum(0.9).withLambda(lambda).withEpochs(300).withSeed(11L);
        SgdResult trained = SgdTrainer.train(model, start, settings);

        // the evidence where SGD ended, and at the minimum found from there
        Evidence atEnd = Evidence.at(model, trained.parameters(), lambda);
        Evidence atMinimum = Evidence.from(model, lambda, trained.parameters());
        // end snippet

        // the noise against the exact per-example gradients at w = 0
        int n = model.exampleCount();
        double[] mean = new double[4];
        double[][] perExample = new double[n][4];
        for (int i = 0; i < n; i++) {
            model.crossEntropy(start, Batch.of(i), perExample[i]);   // the prior's gradient is 0 at w = 0
            for (int j = 0; j < 4; j++) {
                mean[j] += perExample[i][j] / n;
            }
        }
        double g2 = dot(mean, mean);
        double trace = 0.0;
        for (double[] gi : perExample) {
            for (int j = 0; j < 4; j++) {
                trace += (gi[j] - mean[j]) * (gi[j] - mean[j]) / n;
            }
        }
        assertThat(noise.trustworthy()).isTrue();
        assertThat(noise.squaredGradientNorm().value())
                .isCloseTo(g2, within(3 * noise.squaredGradientNorm().error()));
        assertThat(noise.covarianceTrace().value())
                .isCloseTo(trace, within(3 * noise.covarianceTrace().error()));
        assertThat(bSimple.value()).isCloseTo(trace / g2, within(3 * bSimple.error()));
        // SGD ends near the minimum; the evidence there is close to the evidence at the minimum
        assertThat(atMinimum.converged()).isTrue();
        assertThat(atEnd.gradientNorm()).isLessThan(0.5);
        assertThat(atEnd.logEvidenceRatio()).isCloseTo(atMinimum.logEvidenceRatio(),
                within(0.01 * Math.abs(atMinimum.logEvidenceRatio())));
        assertThat(atMinimum.logEvidenceRatio()).isLessThan(0.0);   // labels that follow x
    }

    // ---- 2. The evidence at the minimum -----------------------------------------------------

    @Test
    void evidenceAtTheMinimumMatchesTheDenseReference() {
        double[][] features = features(3, 100, 5);
        int[] labels = labels(features, 4);
        // snippet: evidence-of
        LogisticRegression model = LogisticRegression.of(features, labels, false);
        Evidence evidence = Evidence.of(model, 1.0);
        if (!evidence.converged()) {
            throw new IllegalStateException("no minimum: " + evidence);
        }
        double e = evidence.logEvidenceRatio();           // < 0: the data favour the model
        double perExample = evidence.logEvidenceRatioPerExample();
        double[] w0 = evidence.parameters();
        // end snippet

        assertThat(logisticCostGradientNorm(features, labels, w0, 1.0)).isLessThan(1e-6);
        assertThat(e).isCloseTo(logisticRatio(features, labels, w0, 1.0), within(1e-9 * Math.abs(e)));
        assertThat(e).isNegative();
        assertThat(perExample).isCloseTo(e / 100, within(1e-12));
        assertThat(evidence.excludedEigenvalues()).isZero();
    }

    @Test
    void unconvergedEvidenceIsRetriedWithANewtonMinimizer() {
        double[][] features = features(3, 100, 5);
        int[] labels = labels(features, 4);
        LogisticRegression model = LogisticRegression.of(features, labels, false);
        // snippet: retry
        Minimizer hasty = Minimizer.lbfgs().withMaxIterations(2);
        Evidence first = Laplace.of(hasty, SpectrumMethod.exact()).evidence(Cost.of(model, 1.0));
        Laplace careful = Laplace.of(Minimizer.newton().withTolerance(1e-12),
                SpectrumMethod.exact());
        Evidence evidence = first.converged() ? first : careful.evidence(Cost.of(model, 1.0));
        // end snippet

        assertThat(first.converged()).isFalse();
        assertThat(first.minimum().status()).isEqualTo(Minimum.Status.ITERATION_LIMIT);
        assertThat(logisticCostGradientNorm(features, labels, first.parameters(), 1.0))
                .isGreaterThan(1e-6);
        assertThat(evidence.converged()).isTrue();
        assertThat(logisticCostGradientNorm(features, labels, evidence.parameters(), 1.0))
                .isLessThan(1e-9);
        double reference = logisticRatio(features, labels, evidence.parameters(), 1.0);
        assertThat(evidence.logEvidenceRatio()).isCloseTo(reference, within(1e-9 * Math.abs(reference)));
    }

    // ---- 3. The evidence at your own weights ------------------------------------------------

    @Test
    void evidenceAwayFromAMinimumLeavesOutNegativeCurvature() {
        double[][] features = features(5, 30, 3);
        int[] labels = labels(features, 6);
        // snippet: evidence-at
        ShallowNetwork net = ShallowNetwork.of(features, labels, 4, 2);
        double[] w = ShallowNetwork.initialParameters(3, 4, 2, 7L);   // or your trained weights
        Evidence here = Evidence.at(net, w, 0.01);
        int leftOut = here.excludedEigenvalues();   // eigenvalues of the cost's Hessian below lambda
        boolean atMinimum = here.converged();       // false: not a minimum of C
        // end snippet

        // reference: Hessian of H by central differences of the gradient, eigenvalues by commons-math
        int p = net.parameterCount();
        double[][] hessian = new double[p][p];
        double h = 1e-5;
        for (int j = 0; j < p; j++) {
            double[] plus = w.clone();
            double[] minus = w.clone();
            plus[j] += h;
            minus[j] -= h;
            double[] gPlus = new double[p];
            double[] gMinus = new double[p];
            net.crossEntropy(plus, gPlus);
            net.crossEntropy(minus, gMinus);
            for (int i = 0; i < p; i++) {
                hessian[i][j] = (gPlus[i] - gMinus[i]) / (2 * h);
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (hessian[i][j] + hessian[j][i]);
                hessian[i][j] = mean;
                hessian[j][i] = mean;
            }
            hessian[i][i] += 0.01;
        }
        // adding the same amount to both class scores leaves the softmax unchanged, so b2 and
        // each hidden unit's column of W2 give H + 1 = 5 flat directions of H, mu = lambda
        // exactly; the difference quotients blur them by about 1e-9, so they count as equal
        int below = 0;
        int flat = 0;
        double sum = 0.0;
        for (double mu : eigenvalues(hessian)) {
            if (mu < 0.01 - 1e-7) {
                below++;
            } else if (mu <= 0.01 + 1e-7) {
                flat++;
            } else {
                sum += Math.log(mu / 0.01);
            }
        }
        assertThat(leftOut).isPositive().isEqualTo(below);
        assertThat(flat).isGreaterThanOrEqualTo(5);
        assertThat(here.logOccamFactor()).isCloseTo(-0.5 * sum, within(1e-5 * sum));
        assertThat(atMinimum).isFalse();
        assertThat(here.gradientNorm()).isGreaterThan(1e-6);

        // snippet: evidence-as-given
        Cost cost = Cost.of(net, 0.01);
        Laplace laplace = Laplace.of(Minimizer.automatic(), SpectrumMethod.automatic());
        Evidence asGiven = laplace.evidenceOf(cost, Minimum.unchecked(cost, w));
        String why = asGiven.diagnosis();   // "the point was taken as given, not checked ..."
        // end snippet

        assertThat(asGiven.logEvidenceRatio()).isEqualTo(here.logEvidenceRatio());
        assertThat(why).startsWith("the point was taken as given, not checked");
    }

    @Test
    void aNetworkAtTheEndOfSgdIsPolishedAndItsGaussNewtonEvidenceTakenByTheDual() {
        double[][] features = features(6, 40, 3);
        int[] labels = labels(features, 7);
        ShallowNetwork net = ShallowNetwork.of(features, labels, 4, 2);
        double[] w = ShallowNetwork.initialParameters(3, 4, 2, 11L);
        // snippet: polish-dual
        Cost cost = Cost.of(net, 0.01);
        Polish.Result polished = Polish.defaults().polish(cost, w);   // w: the end of SGD
        Evidence atMinimum = Laplace.defaults().withDualGaussNewton()
                .evidenceOf(cost, Minimum.unchecked(cost, polished.minimum().parameters()));
        double gained = polished.gain();                // C(w) - C(w0), nats
        // end snippet

        assertThat(gained).isPositive();
        Evidence dense = Laplace.defaults().withGaussNewton()
                .evidenceOf(cost, Minimum.unchecked(cost, polished.minimum().parameters()));
        assertThat(atMinimum.logEvidenceRatio()).isCloseTo(dense.logEvidenceRatio(),
                within(1e-9 * Math.abs(dense.logEvidenceRatio())));
    }

    // ---- 4. Choosing lambda -----------------------------------------------------------------

    @Test
    void maximumEvidenceMeetsMacKaysFixedPoint() {
        Random random = new Random(8);
        double[][] x = TestSupport.gaussian(random, 50, 5);
        double[] y = TestSupport.linearTargets(random, x, 0.5);
        // snippet: maximize
        GaussianLinearRegression model = GaussianLinearRegression.of(x, y, 0.5);
        LambdaSearch.Result best = LambdaSearch.defaults().maximize(model, 1e-3, 1e3);
        if (!best.interior()) {
            throw new IllegalStateException("maximum at an end of the range, widen it: " + best);
        }
        double lambda = best.lambda();
        double logMarginal = best.evidence().logEvidence();   // exact for this model
        // end snippet

        assertThat(logMarginal).isCloseTo(TestSupport.logMarginalLikelihood(x, y, 0.5, lambda),
                within(1e-9 * Math.abs(logMarginal)));
        for (double factor : new double[] {0.95, 1.05}) {
            assertThat(TestSupport.logMarginalLikelihood(x, y, 0.5, lambda * factor))
                    .isLessThan(logMarginal);
        }
        // MacKay (1992): at the maximum, lambda |w0|^2 = gamma = sum_i h_i / (h_i + lambda),
        // h_i the eigenvalues of X'X / sigma^2
        double[][] gram = new double[5][5];
        for (double[] row : x) {
            for (int a = 0; a < 5; a++) {
                for (int b = 0; b < 5; b++) {
                    gram[a][b] += row[a] * row[b] / 0.25;
                }
            }
        }
        double gamma = 0.0;
        for (double h : eigenvalues(gram)) {
            gamma += h / (h + lambda);
        }
        double[] w0 = best.evidence().parameters();
        assertThat(lambda * dot(w0, w0)).isCloseTo(gamma, within(1e-4 * gamma));
    }

    /**
     * The guide's warning: on random labels the search runs towards the null model. With
     * L = (tr A - |g|^2) / 2 from the data alone (A, g the Hessian and gradient of H at w = 0),
     * lambda E tends to L: the search ends at the upper end of the range when L &gt; 0, and at
     * a large lambda with E slightly negative when L &lt; 0.
     */
    @Test
    void maximumEvidenceOfRandomLabelsIsNearTheNullModel() {
        int positive = 0;
        int negative = 0;
        for (long seed = 20; seed < 24; seed++) {
            double[][] x = features(seed, 60, 30);
            Random random = new Random(seed + 100);
            int[] y = new int[60];
            double traceA = 0.0;
            double[] g = new double[30];
            for (int i = 0; i < 60; i++) {
                y[i] = random.nextInt(2);
                traceA += dot(x[i], x[i]) / 4;
                for (int j = 0; j < 30; j++) {
                    g[j] += (0.5 - y[i]) * x[i][j];
                }
            }
            double limit = (traceA - dot(g, g)) / 2;
            LogisticRegression model = LogisticRegression.of(x, y, false);
            LambdaSearch.Result best = LambdaSearch.defaults().maximize(model, 0.01, 1e4);
            double e = best.evidence().logEvidenceRatio();
            if (limit > 0) {
                positive++;
                assertThat(best.interior()).as("seed %s", seed).isFalse();
                assertThat(best.lambda()).isEqualTo(1e4, within(1e-6));
                assertThat(e).isCloseTo(limit / 1e4, within(0.1 * limit / 1e4));
            } else {
                negative++;
                assertThat(e).as("seed %s", seed).isNegative().isGreaterThan(-0.02 * 60);
                assertThat(best.lambda()).isGreaterThan(10.0);
            }
        }
        assertThat(positive).isPositive();
        assertThat(negative).isPositive();
    }

    // ---- 5. The spectrum --------------------------------------------------------------------

    @Test
    void spectrumAndACustomMethod() {
        double[][] features = features(9, 60, 4);
        int[] labels = labels(features, 10);
        LogisticRegression model = LogisticRegression.of(features, labels, false);
        double[] w0 = Evidence.of(model, 1.0).parameters();
        // snippet: spectrum
        HessianSpectrum spectrum = HessianSpectrum.exact(model, w0, 1.0);
        double logOccam = spectrum.logOccamFactor().value();     // -1/2 sum ln(lambda_i / lambda)
        double trace = spectrum.trace().value();

        HessianSpectrum toy = HessianSpectrum.ofEigenvalues(new double[] {0.5, 1, 2, 4}, 1.0);
        // toy.sumLogRatio().value() = ln 2 + ln 4, toy.excludedCount() = 1 (0.5 < lambda)

        SpectrumMethod commonsMath = (hessian, lambda) -> HessianSpectrum.ofEigenvalues(
                new EigenDecomposition(new Array2DRowRealMatrix(hessian.toDense()))
                        .getRealEigenvalues(), lambda);
        Evidence viaHook = Laplace.of(Minimizer.automatic(), commonsMath).evidence(Cost.of(model, 1.0));
        // end snippet

        double[][] reference = logisticCostHessian(features, w0, 1.0);
        double referenceTrace = 0.0;
        for (int a = 0; a < 4; a++) {
            referenceTrace += reference[a][a];
        }
        double sum = 0.0;
        for (double mu : eigenvalues(reference)) {
            sum += Math.log(mu);
        }
        assertThat(trace).isCloseTo(referenceTrace, within(1e-12 * referenceTrace));
        assertThat(logOccam).isCloseTo(-0.5 * sum, within(1e-10 * Math.abs(sum)));
        assertThat(toy.sumLogRatio().value()).isCloseTo(3 * Math.log(2), within(1e-15));
        assertThat(toy.excludedCount().value()).isEqualTo(1);
        assertThat(viaHook.logEvidence()).isCloseTo(-Cost.of(model, 1.0).value(w0) + logOccam,
                within(1e-9));
    }

    // ---- 6. The Gaussian linear model as an exactness check ---------------------------------

    @Test
    void gaussianLinearEvidenceIsTheClosedFormMarginalLikelihood() {
        Random random = new Random(11);
        double[][] x = TestSupport.gaussian(random, 20, 30);   // N < P on purpose
        double sigma = 0.3;
        double[] y = TestSupport.linearTargets(random, x, sigma);
        // snippet: exactness
        GaussianLinearRegression model = GaussianLinearRegression.of(x, y, sigma);
        Evidence evidence = Evidence.of(model, 2.0);
        double laplace = evidence.logEvidence();   // = ln N(y; 0, sigma^2 I + X X^T / lambda)
        // end snippet

        double exact = TestSupport.logMarginalLikelihood(x, y, sigma, 2.0);
        assertThat(laplace).isCloseTo(exact, within(1e-9 * Math.abs(exact)));
    }

    // ---- 7. SGD noise scale, batch sizes and schedules --------------------------------------

    @Test
    void noiseScaleAndBatchSizes() {
        // snippet: noise-scale
        SgdNoiseScale run = SgdNoiseScale.of(0.1, 1000, 32, 0.9);   // eps, N, B, m
        double g = run.value();                      // eps (N/B - 1) / (1 - m)
        double gApprox = run.approximateValue();     // eps N / (B (1 - m))
        double b = SgdNoiseScale.batchSizeFor(g, 0.1, 1000, 0.9);
        // B = 32 was the measured optimum (MNIST, T = 2000); the paper's rule for 4 N, twice 1/(1 - m)
        double moreData = run.optimalBatchSizeAt(0.1, 4000, 0.9);
        double moreMomentum = run.optimalBatchSizeAt(0.1, 1000, 0.95);
        // end snippet

        assertThat(g).isCloseTo(30.25, within(1e-12));         // 0.1 * (31.25 - 1) / 0.1
        assertThat(gApprox).isCloseTo(31.25, within(1e-12));   // 0.1 * 1000 / 3.2
        assertThat(b).isCloseTo(32.0, within(1e-12));          // 100 / (3.025 + 0.1)
        assertThat(moreData).isCloseTo(128.0, within(1e-12));
        assertThat(moreMomentum).isCloseTo(64.0, within(1e-12));
    }

    @Test
    void batchSizeScheduleMatchesTheLearningRateDecayWithFewerUpdates() {
        // snippet: schedule
        SgdNoiseScale start = SgdNoiseScale.of(0.1, 1000, 20, 0.9);
        int[] milestones = {30, 60, 80};
        SgdSchedule decay = SgdSchedule.learningRateDecay(start, 100, milestones, 5);
        SgdSchedule grow = SgdSchedule.batchSizeIncrease(start, 100, milestones, 5);
        long saved = decay.updates() - grow.updates();
        // end snippet

        // decay: 100 epochs of ceil(1000 / 20) = 50 updates
        assertThat(decay.updates()).isEqualTo(5000);
        // grow: B = 20, 100, 500, then 2500 capped at N = 1000 with eps 0.1 * 1000 / 2500 = 0.04
        assertThat(grow.phases()).extracting(p -> p.settings().batchSize())
                .containsExactly(20, 100, 500, 1000);
        assertThat(grow.phaseAt(90).settings().learningRate()).isCloseTo(0.04, within(1e-15));
        assertThat(saved).isEqualTo(5000 - (30 * 50 + 30 * 10 + 20 * 2 + 20 * 1));
        for (int epoch : new int[] {0, 45, 70, 99}) {
            SgdNoiseScale a = decay.phaseAt(epoch).settings();
            SgdNoiseScale c = grow.phaseAt(epoch).settings();
            assertThat(c.approximateValue()).isCloseTo(a.approximateValue(),
                    within(1e-12 * a.approximateValue()));
        }

        // snippet: schedule-to-trainer
        SgdSettings settings = SgdSettings.defaults().withSchedule(grow);
        // end snippet

        assertThat(settings.batchSizeAt(0)).isEqualTo(20);
        assertThat(settings.batchSizeAt(59)).isEqualTo(100);
        assertThat(settings.batchSizeAt(60)).isEqualTo(500);
        assertThat(settings.batchSizeAt(99)).isEqualTo(1000);
        assertThat(settings.learningRateAt(29)).isEqualTo(0.1);
        assertThat(settings.learningRateAt(85)).isCloseTo(0.04, within(1e-15));
        assertThat(settings.maxBatchSize()).isEqualTo(1000);
        assertThat(settings.momentum()).isEqualTo(0.9);
        assertThat(settings.budget()).isEqualTo(SgdSettings.Budget.epochs(100));
    }

    // ---- 8. Measured gradient noise ---------------------------------------------------------

    // snippet: gradient-noise-batches
    /** Returns |G_b|^2, the squared norm of the mean gradient of H over b examples drawn at random. */
    static double squaredBatchGradient(double[][] x, int[] y, double[] w, int b, Random random) {
        double[][] batchX = new double[b][];
        int[] batchY = new int[b];
        for (int i = 0; i < b; i++) {
            int k = random.nextInt(x.length);
            batchX[i] = x[k];
            batchY[i] = y[k];
        }
        double[] gradient = new double[w.length];
        LogisticRegression.of(batchX, batchY, false).crossEntropy(w, gradient);   // summed
        double squared = 0.0;
        for (double component : gradient) {
            squared += (component / b) * (component / b);
        }
        return squared;
    }
    // end snippet

    @Test
    void gradientNoiseEstimatesMatchTheExactMoments() {
        double[][] features = features(12, 400, 4);
        int[] labels = labels(features, 13);
        double[] w = {0.2, -0.3, 0.1, 0.0};
        // snippet: gradient-noise
        Random random = new Random(3);
        List<GradientNoiseScale> pairs = new ArrayList<>();
        for (int k = 0; k < 2000; k++) {
            pairs.add(GradientNoiseScale.of(
                    4, squaredBatchGradient(features, labels, w, 4, random),
                    64, squaredBatchGradient(features, labels, w, 64, random)));
        }
        GradientNoiseScale noise = GradientNoiseScale.mean(pairs);
        double bSimple = noise.simpleNoiseScale();   // tr(Sigma) / |G|^2
        // end snippet

        // exact moments from the per-example gradients (sigmoid(w.x) - y) x
        int n = features.length;
        double[][] perExample = new double[n][4];
        double[] mean = new double[4];
        for (int i = 0; i < n; i++) {
            double r = sigmoid(dot(features[i], w)) - labels[i];
            for (int j = 0; j < 4; j++) {
                perExample[i][j] = r * features[i][j];
                mean[j] += perExample[i][j] / n;
            }
        }
        double trace = 0.0;
        for (double[] g : perExample) {
            for (int j = 0; j < 4; j++) {
                trace += (g[j] - mean[j]) * (g[j] - mean[j]) / n;
            }
        }
        double squaredNorm = dot(mean, mean);
        assertThat(noise.covarianceTrace()).isCloseTo(trace, within(0.05 * trace));
        assertThat(noise.squaredGradientNorm()).isCloseTo(squaredNorm, within(0.15 * squaredNorm));
        assertThat(bSimple).isCloseTo(trace / squaredNorm, within(0.2 * trace / squaredNorm));
    }

    // ---- 9. Data ----------------------------------------------------------------------------

    /** Writes an IDX file of unsigned bytes: magic 0x0000 08 rank, big-endian dimensions, data. */
    private static void writeIdx(Path file, int[] dimensions, byte[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + data.length);
        buffer.putInt(0x0800 | dimensions.length);
        for (int d : dimensions) {
            buffer.putInt(d);
        }
        Files.write(file, buffer.put(data).array());
    }

    /** Four MNIST-named files: 3 training and 2 test images of 2 x 2 pixels, pixel k of image i = 50 i + k. */
    private static void writeTinyMnist(Path directory) throws IOException {
        for (String[] set : new String[][] {
                {MnistData.TRAIN_IMAGES, MnistData.TRAIN_LABELS, "3"},
                {MnistData.TEST_IMAGES, MnistData.TEST_LABELS, "2"}}) {
            int n = Integer.parseInt(set[2]);
            byte[] pixels = new byte[n * 4];
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 4; k++) {
                    pixels[4 * i + k] = (byte) (50 * i + k);
                }
                labels[i] = (byte) (9 - i);
            }
            writeIdx(directory.resolve(set[0]), new int[] {n, 2, 2}, pixels);
            writeIdx(directory.resolve(set[1]), new int[] {n}, labels);
        }
    }

    @Test
    void mnistFilesLoadIntoDatasets(@TempDir Path directory) throws IOException {
        writeTinyMnist(directory);
        // snippet: mnist
        MnistData mnist = MnistData.load(directory);     // the four standard names, raw or .gz
        Dataset train = mnist.train().head(2);           // the first 2 images, copied
        Dataset test = mnist.test();
        double[][] x = train.featuresAsDouble();         // pixels / 255, one row per image
        int[] perClass = mnist.train().classCounts();

        IdxArray images = Idx.read(directory.resolve(MnistData.TRAIN_IMAGES), 3);
        int rows = images.dimension(1);
        int firstPixelOfSecondImage = images.unsigned(rows * images.dimension(2));
        // end snippet

        assertThat(train.size()).isEqualTo(2);
        assertThat(test.size()).isEqualTo(2);
        assertThat(train.featureCount()).isEqualTo(4);
        assertThat(train.labels()).containsExactly(9, 8);
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 4; k++) {
                assertThat(x[i][k]).isCloseTo((50 * i + k) / 255.0, within(1e-7));
            }
        }
        assertThat(perClass).containsExactly(0, 0, 0, 0, 0, 0, 0, 1, 1, 1);
        assertThat(rows).isEqualTo(2);
        assertThat(firstPixelOfSecondImage).isEqualTo(50);
    }

    // ---- 10. Training the shallow network ---------------------------------------------------

    /** Two Gaussian blobs in 4 dimensions, centres at -1 and +1 along every axis. */
    private static Dataset blobs(int n, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[n][4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int j = 0; j < 4; j++) {
                rows[i][j] = (2 * labels[i] - 1) + random.nextGaussian();
            }
        }
        return Dataset.of(rows, labels, 2);
    }

    @Test
    void trainedNetworkHandsItsWeightsToTheEvidence() {
        Dataset all = blobs(200, 14);
        // snippet: train
        Dataset train = all.head(160);
        Dataset test = all.tail(40);
        ShallowNetTrainer trainer = ShallowNetTrainer.create().withHiddenUnits(16);   // 4-16-2
        SgdSettings settings = SgdSettings.defaults()
                .withBatchSize(16).withLearningRate(0.05).withMomentum(0.9)
                .withLambda(1.0).withEpochs(30).withSeed(11);
        SgdResult result = trainer.train(train, test, settings);

        double[] w = result.parameters();   // ShallowNetwork's layout, widened to double
        ShallowNetwork net = ShallowNetwork.of(train.featuresAsDouble(), train.labels(), 16, 2);
        Evidence evidence = Evidence.at(net, w, settings.lambda());
        // end snippet

        // the float32 trainer and the double-precision model agree on the final cross-entropy
        assertThat(result.trainCrossEntropy()).isCloseTo(net.crossEntropy(w) / 160,
                within(1e-4 * result.trainCrossEntropy()));
        assertThat(result.trainAccuracy()).isCloseTo(net.accuracy(w), within(1.0 / 160));
        assertThat(result.testAccuracy()).isGreaterThan(0.85);   // Bayes rate about 0.98
        assertThat(result.updates()).isEqualTo(30L * 10);
        assertThat(evidence.parameterCount()).isEqualTo(4 * 16 + 16 + 2 * 16 + 2);
        assertThat(evidence.cost()).isCloseTo(net.crossEntropy(w) + 0.5 * dot(w, w),
                within(1e-9 * evidence.cost()));
        // same seed, same numbers, whatever the thread count
        SgdResult single = trainer.withThreads(1).train(train, test, settings);
        assertThat(single.parameters()).isEqualTo(w);
    }

    // ---- 11. Errors -------------------------------------------------------------------------

    @Test
    void errorsNameTheArgumentAndTheValue(@TempDir Path directory) throws IOException {
        LogisticRegression model = LogisticRegression.of(features(15, 10, 2),
                new int[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1}, false);
        // snippet: errors
        String message = null;
        try {
            Evidence.of(model, -1.0);
        } catch (IllegalArgumentException e) {
            message = e.getMessage();   // "lambda must be finite and > 0, got -1.0"
        }
        // end snippet

        assertThat(message).isEqualTo("lambda must be finite and > 0, got -1.0");

        // snippet: not-converged
        Evidence evidence = Evidence.of(model, 1e-12);
        if (!evidence.converged()) {
            Minimum.Status why = evidence.minimum().status();   // ITERATION_LIMIT, STALLED, ...
            throw new IllegalStateException("lambda = 1e-12: " + evidence.diagnosis());
        }
        // end snippet

        assertThat(evidence.diagnosis()).isEqualTo("converged");
        Evidence limited = Laplace.of(Minimizer.newton().withMaxIterations(3),
                SpectrumMethod.exact()).evidence(Cost.of(model, 1e-12));
        assertThat(limited.minimum().status()).isEqualTo(Minimum.Status.ITERATION_LIMIT);
        assertThat(limited.diagnosis()).startsWith("the minimizer stopped at its iteration limit");
        assertThatThrownBy(() -> SgdNoiseScale.of(0.1, 1000, 2000, 0.9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchSize must be in [1, 1000], got 2000");
        Path cut = directory.resolve("cut-idx1-ubyte");
        writeIdx(cut, new int[] {5}, new byte[] {1, 2, 3});   // announces 5 bytes, holds 3
        assertThatThrownBy(() -> Idx.read(cut, 1))
                .isInstanceOf(CorruptDataException.class)
                .hasMessageContaining(cut.toString());
    }
}

/**
 * The model of the user guide's "your own model" snippet: binary logistic regression with labels
 * coded as signs s = +1 or -1, H(w) = sum ln(1 + exp(-s w.x)). Only the four required methods.
 */
// snippet: own-model-class
final class SignedLogit implements Model {
    private final double[][] x;
    private final double[] s;

    SignedLogit(double[][] x, double[] signs) {
        this.x = x;
        this.s = signs;
    }

    @Override
    public int parameterCount() {
        return x[0].length;
    }

    @Override
    public int exampleCount() {
        return x.length;
    }

    @Override
    public int classCount() {
        return 2;
    }

    @Override
    public double crossEntropy(double[] w, Batch batch, double[] gradient) {
        if (gradient != null) {
            Arrays.fill(gradient, 0.0);
        }
        double h = 0.0;
        for (int k = 0; k < batch.size(); k++) {   // the examples of the batch
            int i = batch.index(k);
            double margin = 0.0;
            for (int j = 0; j < w.length; j++) {
                margin += w[j] * x[i][j];
            }
            margin *= s[i];
            h += Math.max(-margin, 0.0) + Math.log1p(Math.exp(-Math.abs(margin)));
            if (gradient != null) {
                double slope = -s[i] / (1.0 + Math.exp(margin));   // d/dz of ln(1 + e^(-s z))
                for (int j = 0; j < w.length; j++) {
                    gradient[j] += slope * x[i][j];
                }
            }
        }
        return h;
    }
}
// end snippet
