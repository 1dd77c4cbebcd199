package consumer;

import io.github.occam.Batch;
import io.github.occam.Model;
import java.util.Arrays;

/** The guide's model, as a user writes it: binary logistic regression with labels as signs. */
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
