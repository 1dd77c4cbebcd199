package consumer;

import io.github.occam.Model;
import io.github.occam.ModelContract;
import java.util.Random;

/** The guide's model against the contract every model must satisfy, from the core's test jar. */
class SignedLogitContractTest extends ModelContract {

    @Override
    protected Model model() {
        Random random = new Random(3);
        double[][] x = new double[40][4];
        double[] s = new double[40];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = random.nextGaussian();
            }
            s[i] = x[i][0] + random.nextGaussian() > 0 ? 1 : -1;
        }
        return new SignedLogit(x, s);
    }

    @Override
    protected double[] point(Random random) {
        double[] w = new double[4];
        for (int j = 0; j < w.length; j++) {
            w[j] = random.nextGaussian();
        }
        return w;
    }
}
