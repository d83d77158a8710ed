package mbrllab.core.pilco;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.control.Controller;

/**
 * PILCO's policy for the cart-pole: a radial-basis-function network on the features
 * z = (x, x', theta', sin theta, cos theta) of the state, squashed into [-umax, umax] (Deisenroth and Rasmussen 2011;
 * pilco-matlab's conCat(congp, gSat)):
 * <pre>
 * pi(z) = sum_i w_i exp(-1/2 (z - c_i)' Lambda^-1 (z - c_i)),   Lambda = diag(l_1^2 .. l_5^2)
 * u     = umax (9 sin pi(z) + sin 3 pi(z)) / 8                   ({@link SineSquash})
 * </pre>
 * with K centres c_i, their weights w_i and five length-scales shared by the centres. As in pilco-matlab (congp) the
 * weights are set through pseudo-targets t, the values of a GP mean through the points (c_i, t_i):
 * <pre>
 * w = (K_cc + sigma^2 I)^-1 t,   (K_cc)_ij = exp(-1/2 (c_i - c_j)' Lambda^-1 (c_i - c_j)),   sigma = 0.01
 * </pre>
 * so pi(c_i) is close to t_i: a step in t moves the policy's output at one centre, whatever the centres' spacing
 * (weights as parameters are badly conditioned when centres cluster, as they do at the start).
 *
 * <p>Parameter vector theta (what the policy search optimises), length 6 K + 5:
 * <pre>
 * [ c_1 (5 values) .. c_K (5 values) | log l_1 .. log l_5 | t_1 .. t_K ]
 * </pre>
 * Immutable; the array is copied in and out.
 *
 * @param centres    K, in [1, 1000]
 * @param maxForce   umax [N], finite and > 0
 * @param parameters theta, length 6 K + 5, every entry finite, each log length-scale in [-20, 20]; copied
 */
public record RbfPolicy(int centres, double maxForce, double[] parameters) implements Controller {

    /** Number of features z. */
    public static final int FEATURES = 5;
    /** sigma^2, the pseudo-targets' noise variance (pilco-matlab's 0.01^2). */
    static final double TARGET_NOISE_VAR = 1e-4;

    public RbfPolicy {
        if (centres < 1 || centres > 1000) {
            throw new IllegalArgumentException("centres must be in [1, 1000], got " + centres);
        }
        if (!(maxForce > 0) || Double.isInfinite(maxForce)) {
            throw new IllegalArgumentException("maxForce must be finite and > 0, got " + maxForce);
        }
        if (parameters == null || parameters.length != parameterCount(centres)) {
            throw new IllegalArgumentException("parameters must have length 6 K + 5 = " + parameterCount(centres)
                    + ", got " + (parameters == null ? "null" : parameters.length));
        }
        parameters = parameters.clone();
        for (int i = 0; i < parameters.length; i++) {
            if (!Double.isFinite(parameters[i])) {
                throw new IllegalArgumentException("parameters[" + i + "] must be finite, got " + parameters[i]);
            }
        }
        for (int k = 0; k < FEATURES; k++) {
            double l = parameters[centres * FEATURES + k];
            if (!(l >= -20 && l <= 20)) {
                throw new IllegalArgumentException("log length-scale " + k + " must be in [-20, 20], got " + l);
            }
        }
    }

    /** Length of theta for K centres: 5 K centre coordinates, 5 log length-scales, K pseudo-targets. */
    public static int parameterCount(int centres) {
        return centres * FEATURES + FEATURES + centres;
    }

    /** Offset of the log length-scales in theta. */
    static int lengthScaleOffset(int centres) {
        return centres * FEATURES;
    }

    /** Offset of the pseudo-targets in theta. */
    static int targetOffset(int centres) {
        return centres * FEATURES + FEATURES;
    }

    /**
     * pilco-matlab's start: centres drawn from N(mean, cov) of the features under the start distribution,
     * pseudo-targets 0.1 N(0, 1), length-scales (1, 1, 1, 0.7, 0.7).
     *
     * @param featureMean the features' mean, length 5; not modified
     * @param featureCov  their covariance, 5 x 5, positive semi-definite; not modified
     * @param rng         5 K normals for the centres (centre by centre), then K for the pseudo-targets
     */
    public static RbfPolicy initial(int centres, double maxForce, double[] featureMean, double[] featureCov,
                                    RandomGenerator rng) {
        if (centres < 1 || centres > 1000) {
            throw new IllegalArgumentException("centres must be in [1, 1000], got " + centres);
        }
        double[] l = lowerCholesky(featureCov);
        double[] theta = new double[parameterCount(centres)];
        double[] z = new double[FEATURES];
        for (int i = 0; i < centres; i++) {
            for (int k = 0; k < FEATURES; k++) {
                z[k] = rng.nextGaussian();
            }
            for (int k = 0; k < FEATURES; k++) {
                double v = featureMean[k];
                for (int j = 0; j <= k; j++) {
                    v += l[k * FEATURES + j] * z[j];
                }
                theta[i * FEATURES + k] = v;
            }
        }
        double[] lengthScales = {1, 1, 1, 0.7, 0.7};
        for (int k = 0; k < FEATURES; k++) {
            theta[lengthScaleOffset(centres) + k] = Math.log(lengthScales[k]);
        }
        for (int i = 0; i < centres; i++) {
            theta[targetOffset(centres) + i] = 0.1 * rng.nextGaussian();
        }
        return new RbfPolicy(centres, maxForce, theta);
    }

    /** Lower Cholesky factor of a 5 x 5 covariance by EJML, with a jitter of 1e-12 (times its largest diagonal). */
    private static double[] lowerCholesky(double[] cov) {
        if (cov.length != FEATURES * FEATURES) {
            throw new IllegalArgumentException("featureCov must be 5 x 5, got " + cov.length + " entries");
        }
        double scale = 0;
        for (int k = 0; k < FEATURES; k++) {
            scale = Math.max(scale, cov[k * FEATURES + k]);
        }
        DMatrixRMaj a = DMatrixRMaj.wrap(FEATURES, FEATURES, cov.clone());
        for (int k = 0; k < FEATURES; k++) {
            a.data[k * FEATURES + k] += 1e-12 * Math.max(scale, 1e-300);
        }
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(FEATURES, true);
        if (!chol.decompose(a)) {
            throw new IllegalArgumentException("featureCov is not positive semi-definite");
        }
        return chol.getT(null).data;
    }

    /** A copy of theta. */
    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /** The same policy with other parameters. */
    public RbfPolicy withParameters(double[] theta) {
        return new RbfPolicy(centres, maxForce, theta);
    }

    /** Coordinate k of centre i. */
    public double centre(int i, int k) {
        return parameters[i * FEATURES + k];
    }

    /** Length-scale l_k. */
    public double lengthScale(int k) {
        return Math.exp(parameters[lengthScaleOffset(centres) + k]);
    }

    /** Pseudo-target t_i. */
    public double target(int i) {
        return parameters[targetOffset(centres) + i];
    }

    /** The weights w = (K_cc + sigma^2 I)^-1 t, a new array of K values. */
    public double[] weights() {
        return weights(parameters, centres);
    }

    /** w = (K_cc + sigma^2 I)^-1 t for parameters theta of a policy with K centres, by EJML's Cholesky solve. */
    static double[] weights(double[] theta, int centres) {
        DMatrixRMaj k = centreKernel(theta, centres);
        DMatrixRMaj t = new DMatrixRMaj(centres, 1);
        System.arraycopy(theta, targetOffset(centres), t.data, 0, centres);
        DMatrixRMaj w = new DMatrixRMaj(centres, 1);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(centres);
        if (!solver.setA(k)) {
            throw new IllegalArgumentException("the centres' kernel matrix is not positive definite");
        }
        solver.solve(t, w);
        return w.data;
    }

    /** K_cc + sigma^2 I for parameters theta. */
    static DMatrixRMaj centreKernel(double[] theta, int centres) {
        int lOff = lengthScaleOffset(centres);
        double[] iL = new double[FEATURES];
        for (int k = 0; k < FEATURES; k++) {
            iL[k] = Math.exp(-theta[lOff + k]);
        }
        DMatrixRMaj kMat = new DMatrixRMaj(centres, centres);
        for (int i = 0; i < centres; i++) {
            kMat.data[i * centres + i] = 1 + TARGET_NOISE_VAR;
            for (int j = 0; j < i; j++) {
                double r2 = 0;
                for (int k = 0; k < FEATURES; k++) {
                    double diff = (theta[i * FEATURES + k] - theta[j * FEATURES + k]) * iL[k];
                    r2 += diff * diff;
                }
                double v = Math.exp(-0.5 * r2);
                kMat.data[i * centres + j] = v;
                kMat.data[j * centres + i] = v;
            }
        }
        return kMat;
    }

    /**
     * The features z = (x, x', theta', sin theta, cos theta) of a state.
     *
     * @param state {x, x', theta, theta'}; not modified
     * @param z     receives the five features
     */
    public static void features(double[] state, double[] z) {
        double theta = state[CartPoleState.THETA];
        z[0] = state[CartPoleState.X];
        z[1] = state[CartPoleState.X_DOT];
        z[2] = state[CartPoleState.THETA_DOT];
        z[3] = Math.sin(theta);
        z[4] = Math.cos(theta);
    }

    /** The unsquashed network output pi(z) for features z (length 5, not modified). */
    public double network(double[] z) {
        int lOff = lengthScaleOffset(centres);
        double[] w = weights();
        double sum = 0;
        for (int i = 0; i < centres; i++) {
            double r2 = 0;
            for (int k = 0; k < FEATURES; k++) {
                double diff = (z[k] - parameters[i * FEATURES + k]) * Math.exp(-parameters[lOff + k]);
                r2 += diff * diff;
            }
            sum += w[i] * Math.exp(-0.5 * r2);
        }
        return sum;
    }

    /** The force u for an observed state {x, x', theta, theta'} (not modified); in [-umax, umax]. */
    public double force(double[] state) {
        double[] z = new double[FEATURES];
        features(state, z);
        return SineSquash.squash(maxForce, network(z));
    }

    /** As a controller the policy ignores the time step. */
    @Override
    public double force(double[] observation, int t) {
        return force(observation);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RbfPolicy p && p.centres == centres && Double.compare(p.maxForce, maxForce) == 0
                && Arrays.equals(p.parameters, parameters);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * centres + Double.hashCode(maxForce)) + Arrays.hashCode(parameters);
    }

    @Override
    public String toString() {
        return "RbfPolicy[centres=" + centres + ", maxForce=" + maxForce + ", parameters=" + parameters.length
                + " values]";
    }
}
