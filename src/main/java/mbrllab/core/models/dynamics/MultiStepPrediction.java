package mbrllab.core.models.dynamics;

import java.util.random.RandomGenerator;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * A predicted state distribution at steps k = 0 .. H after a known start (k = 0 is the start itself): the
 * mean and the marginal variance of each of the 4 state components, and either the full 4 x 4 covariance
 * (moment matching) or the particles (TS1, TS-infinity) it came from. Immutable; arrays copied in and out.
 */
public final class MultiStepPrediction {

    private static final int D = Trajectory.STATE_DIM;

    private final int horizon;
    private final double[] mean;
    private final double[] variance;
    private final double[] covariance;
    private final double[][] particles;

    private MultiStepPrediction(int horizon, double[] mean, double[] variance, double[] covariance,
                                double[][] particles) {
        this.horizon = horizon;
        this.mean = mean;
        this.variance = variance;
        this.covariance = covariance;
        this.particles = particles;
    }

    /**
     * A Gaussian prediction.
     *
     * @param means       (H+1) x 4; copied
     * @param covariances (H+1) x 16, each a symmetric 4 x 4 row-major covariance; copied
     */
    public static MultiStepPrediction gaussian(double[] means, double[] covariances) {
        int steps = means.length / D;
        if (means.length != steps * D || steps < 1 || covariances.length != steps * D * D) {
            throw new IllegalArgumentException("means must be (H+1) x 4 and covariances (H+1) x 16");
        }
        double[] variance = new double[steps * D];
        for (int k = 0; k < steps; k++) {
            for (int i = 0; i < D; i++) {
                variance[k * D + i] = Math.max(0, covariances[k * D * D + i * D + i]);
            }
        }
        return new MultiStepPrediction(steps - 1, means.clone(), variance, covariances.clone(), null);
    }

    /**
     * A prediction by particles: the mean and the unbiased sample variance (0 with one particle) per step.
     *
     * @param particleStates H+1 arrays of P x 4 values (particle p at offset 4p), P >= 1; copied
     */
    public static MultiStepPrediction fromParticles(double[][] particleStates) {
        int steps = particleStates.length;
        if (steps < 1 || particleStates[0].length < D || particleStates[0].length % D != 0) {
            throw new IllegalArgumentException("particle states must be H+1 >= 1 arrays of P x 4 values");
        }
        int p = particleStates[0].length / D;
        double[] mean = new double[steps * D];
        double[] variance = new double[steps * D];
        double[][] copy = new double[steps][];
        for (int k = 0; k < steps; k++) {
            if (particleStates[k].length != p * D) {
                throw new IllegalArgumentException("every step needs " + p + " particles");
            }
            copy[k] = particleStates[k].clone();
            for (int i = 0; i < D; i++) {
                double sum = 0;
                for (int j = 0; j < p; j++) {
                    sum += copy[k][j * D + i];
                }
                double m = sum / p;
                double ss = 0;
                for (int j = 0; j < p; j++) {
                    double e = copy[k][j * D + i] - m;
                    ss += e * e;
                }
                mean[k * D + i] = m;
                variance[k * D + i] = p > 1 ? ss / (p - 1) : 0;
            }
        }
        return new MultiStepPrediction(steps - 1, mean, variance, null, copy);
    }

    /** The horizon H. */
    public int horizon() {
        return horizon;
    }

    /** Mean of state component {@code dim} at step k. */
    public double mean(int k, int dim) {
        return mean[k * D + dim];
    }

    /** Marginal variance of state component {@code dim} at step k. */
    public double variance(int k, int dim) {
        return variance[k * D + dim];
    }

    /** A copy of the mean at step k. */
    public double[] mean(int k) {
        double[] m = new double[D];
        System.arraycopy(mean, k * D, m, 0, D);
        return m;
    }

    /** A copy of the marginal variances at step k. */
    public double[] variance(int k) {
        double[] v = new double[D];
        System.arraycopy(variance, k * D, v, 0, D);
        return v;
    }

    /** Whether this came from particles (otherwise it is Gaussian with a full covariance). */
    public boolean hasParticles() {
        return particles != null;
    }

    /** Number of particles, 0 for a Gaussian prediction. */
    public int particleCount() {
        return particles == null ? 0 : particles[0].length / D;
    }

    /** Component {@code dim} of particle p at step k. */
    public double particle(int k, int p, int dim) {
        return particles[k][p * D + dim];
    }

    /** Covariance entry (i, j) at step k of a Gaussian prediction. */
    public double covariance(int k, int i, int j) {
        if (covariance == null) {
            throw new IllegalStateException("a particle prediction has no stored covariance");
        }
        return covariance[k * D * D + i * D + j];
    }

    /**
     * Sample states at step k, {@code count} x 4 row-major: the particles themselves (the first {@code count},
     * cycling if there are fewer) or draws from N(mean_k, Sigma_k) by a Cholesky factor of Sigma_k + 1e-12 I (by
     * the marginal standard deviations alone if even that fails).
     */
    public double[] sampleStates(int k, int count, RandomGenerator rng) {
        double[] out = new double[count * D];
        if (particles != null) {
            int p = particleCount();
            for (int s = 0; s < count; s++) {
                System.arraycopy(particles[k], (s % p) * D, out, s * D, D);
            }
            return out;
        }
        DMatrixRMaj c = new DMatrixRMaj(D, D);
        System.arraycopy(covariance, k * D * D, c.data, 0, D * D);
        for (int i = 0; i < D; i++) {
            c.data[i * D + i] += 1e-12;
        }
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(D, true);
        double[] l = chol.decompose(c) ? chol.getT(null).data : diagonalRoot(k);
        double[] z = new double[D];
        for (int s = 0; s < count; s++) {
            for (int i = 0; i < D; i++) {
                z[i] = rng.nextGaussian();
            }
            for (int i = 0; i < D; i++) {
                double v = mean[k * D + i];
                for (int j = 0; j <= i; j++) {
                    v += l[i * D + j] * z[j];
                }
                out[s * D + i] = v;
            }
        }
        return out;
    }

    private double[] diagonalRoot(int k) {
        double[] l = new double[D * D];
        for (int i = 0; i < D; i++) {
            l[i * D + i] = Math.sqrt(variance[k * D + i]);
        }
        return l;
    }
}
