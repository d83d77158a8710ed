package mbrllab.core.pilco;

import java.util.List;
import java.util.concurrent.Executor;

import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.models.gp.GaussianProcess;
import mbrllab.core.models.gp.GpModel;
import mbrllab.core.models.gp.MarginalLikelihood;
import mbrllab.core.models.gp.MomentMatching;
import mbrllab.core.models.gp.SeHyperparameters;
import mbrllab.core.models.gp.SoftBounds;
import mbrllab.core.models.dynamics.Trajectory;
import mbrllab.core.optim.DifferentiableFunction;
import mbrllab.core.optim.Lbfgs;
import mbrllab.core.parallel.Tasks;

/**
 * PILCO's dynamics model of the cart-pole: one GP per state component on the change of the state over one control
 * period, s_{t+1} - s_t (in the order x, x', theta, theta'), from the inputs
 * <pre>
 * (x, x', theta', sin theta, cos theta, u)        ({@link #INPUTS} = 6)
 * </pre>
 * of what the learner observed. SE-ARD kernels, hyperparameters by ML-II: each GP minimises
 * -log p(y | X) + penalty, the penalty ({@link SoftBounds}, pilco-matlab's hypCurb) keeping the length-scales
 * within a factor of the inputs' spread and the signal-to-noise ratio sigma_f / sigma_n below a limit. Each output is
 * optimised from two starts, the previous trial's hyperparameters (if any) and pilco-matlab's default (l_j = std of
 * input j, sigma_f = std of the targets, sigma_n = sigma_f / 10), and keeps the better; the four outputs run in
 * parallel on the caller's executor. No randomness.
 *
 * <p>What depends only on the data (the Cholesky factors, (K + sigma_n^2 I)^-1 and beta of each GP) is computed
 * once here, in the {@link MomentMatching} this model hands out. Immutable.
 */
public final class GpDynamics {

    /** Number of GP inputs. */
    public static final int INPUTS = 6;
    /** Number of GPs (state components). */
    public static final int OUTPUTS = CartPoleState.DIMENSION;

    /**
     * How the hyperparameters are trained.
     *
     * @param maxIterations L-BFGS iterations per start, in [1, 10,000]
     * @param bounds        the soft limits (pilco-matlab: length-scales within a factor 100, SNR below 500)
     */
    public record Training(int maxIterations, SoftBounds bounds) {
        public Training {
            if (maxIterations < 1 || maxIterations > 10_000) {
                throw new IllegalArgumentException("maxIterations must be in [1, 10000], got " + maxIterations);
            }
            if (bounds == null) {
                throw new IllegalArgumentException("bounds must not be null");
            }
        }

        /**
         * 150 iterations per start; length-scales within a factor 100 of the inputs' spread, sigma_f within 100 of the
         * targets' spread, SNR at most 500.
         */
        public static Training defaults() {
            return new Training(150, new SoftBounds(100, 100, 500));
        }
    }

    private final GpModel model;
    private final MomentMatching momentMatching;
    private final double[] inputs;
    private final double[] penalisedNlml;

    private GpDynamics(GpModel model, double[] inputs, double[] penalisedNlml) {
        this.model = model;
        this.momentMatching = new MomentMatching(model);
        this.inputs = inputs;
        this.penalisedNlml = penalisedNlml;
    }

    /**
     * The GP input of an observed state and a force.
     *
     * @param state {x, x', theta, theta'}; not modified
     * @param out   receives (x, x', theta', sin theta, cos theta, u)
     * @param offset where in {@code out} to write
     */
    public static void input(double[] state, double force, double[] out, int offset) {
        double theta = state[CartPoleState.THETA];
        out[offset] = state[CartPoleState.X];
        out[offset + 1] = state[CartPoleState.X_DOT];
        out[offset + 2] = state[CartPoleState.THETA_DOT];
        out[offset + 3] = Math.sin(theta);
        out[offset + 4] = Math.cos(theta);
        out[offset + 5] = force;
    }

    /**
     * Trains the four GPs on every transition of the observed trajectories.
     *
     * @param observed what the learner saw: states and the forces applied; at least one transition in all
     * @param previous the previous trial's hyperparameters, one per output (a warm start), or null
     * @param executor runs the four outputs
     */
    public static GpDynamics train(List<Trajectory> observed, SeHyperparameters[] previous, Training training,
                                   Executor executor) {
        if (previous != null && previous.length != OUTPUTS) {
            throw new IllegalArgumentException("previous must hold " + OUTPUTS + " hyperparameters, got "
                    + previous.length);
        }
        double[] x = inputs(observed);
        double[][] y = targets(observed);
        GaussianProcess[] gps = new GaussianProcess[OUTPUTS];
        double[] values = new double[OUTPUTS];
        Tasks.runAll(OUTPUTS, executor, a -> {
            Lbfgs.Result best = fit(x, y[a], previous == null ? null : previous[a], training);
            values[a] = best.value();
            gps[a] = GaussianProcess.condition(SeHyperparameters.fromLog(best.x()), x, y[a]);
        });
        return new GpDynamics(new GpModel(gps), x, values);
    }

    /**
     * The four GPs with given hyperparameters (no training) conditioned on every transition of the observed
     * trajectories; {@link #objective} is NaN.
     *
     * @param hyperparameters one per output, each with 6 length-scales
     */
    public static GpDynamics condition(List<Trajectory> observed, SeHyperparameters[] hyperparameters) {
        if (hyperparameters.length != OUTPUTS) {
            throw new IllegalArgumentException("need " + OUTPUTS + " hyperparameters, got " + hyperparameters.length);
        }
        double[] x = inputs(observed);
        double[][] y = targets(observed);
        GaussianProcess[] gps = new GaussianProcess[OUTPUTS];
        double[] values = new double[OUTPUTS];
        for (int a = 0; a < OUTPUTS; a++) {
            gps[a] = GaussianProcess.condition(hyperparameters[a], x, y[a]);
            values[a] = Double.NaN;
        }
        return new GpDynamics(new GpModel(gps), x, values);
    }

    /** The GP inputs of every transition, n x 6 row-major. */
    static double[] inputs(List<Trajectory> observed) {
        int n = transitions(observed);
        double[] x = new double[n * INPUTS];
        int row = 0;
        for (Trajectory traj : observed) {
            for (int t = 0; t < traj.length(); t++) {
                input(traj.state(t), traj.action(t), x, row * INPUTS);
                row++;
            }
        }
        return x;
    }

    /** The targets s_{t+1} - s_t of every transition, one array per state component. */
    static double[][] targets(List<Trajectory> observed) {
        int n = transitions(observed);
        double[][] y = new double[OUTPUTS][n];
        int row = 0;
        for (Trajectory traj : observed) {
            for (int t = 0; t < traj.length(); t++) {
                for (int a = 0; a < OUTPUTS; a++) {
                    y[a][row] = traj.state(t + 1, a) - traj.state(t, a);
                }
                row++;
            }
        }
        return y;
    }

    private static int transitions(List<Trajectory> observed) {
        int n = 0;
        for (Trajectory t : observed) {
            n += t.length();
        }
        if (n < 1) {
            throw new IllegalArgumentException("the dynamics need at least one transition");
        }
        if (n > mbrllab.core.models.gp.GpSpec.MAX_POINTS) {
            throw new IllegalArgumentException("the dynamics take at most " + mbrllab.core.models.gp.GpSpec.MAX_POINTS
                    + " transitions, got " + n);
        }
        return n;
    }

    /** ML-II with the penalty from the warm start (if any) and the default start; the lower objective wins. */
    private static Lbfgs.Result fit(double[] x, double[] y, SeHyperparameters warm, Training training) {
        int n = y.length;
        double[] inputScale = new double[INPUTS];
        for (int j = 0; j < INPUTS; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * INPUTS + j];
            }
            mean /= n;
            double var = 0;
            for (int i = 0; i < n; i++) {
                double e = x[i * INPUTS + j] - mean;
                var += e * e;
            }
            inputScale[j] = Math.max(Math.sqrt(var / n), 1e-6);
        }
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : y) {
            var += (v - mean) * (v - mean);
        }
        double targetScale = Math.max(Math.sqrt(var / n), 1e-9);
        double[] theta0 = new double[INPUTS + 2];
        for (int j = 0; j < INPUTS; j++) {
            theta0[j] = Math.log(inputScale[j]);
        }
        theta0[INPUTS] = Math.log(targetScale);
        theta0[INPUTS + 1] = Math.log(targetScale / 10);
        MarginalLikelihood ml = new MarginalLikelihood(x, INPUTS, y);
        SoftBounds bounds = training.bounds();
        DifferentiableFunction objective = (theta, gradient) -> {
            double lml = ml.logLikelihood(theta, gradient);
            if (!Double.isFinite(lml)) {
                return Double.POSITIVE_INFINITY;
            }
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = -gradient[i];
            }
            return -lml + bounds.penalty(theta, inputScale, targetScale, gradient);
        };
        Lbfgs.Settings settings = new Lbfgs.Settings(10, training.maxIterations(), 1e-6, 1e-10);
        Lbfgs.Result best = Lbfgs.minimize(objective, theta0, settings);
        if (warm != null) {
            Lbfgs.Result fromWarm = Lbfgs.minimize(objective, warm.toLog(), settings);
            if (fromWarm.value() < best.value() || !Double.isFinite(best.value())) {
                best = fromWarm;
            }
        }
        if (!Double.isFinite(best.value())) {
            throw new IllegalStateException("the GP marginal likelihood is not finite at any start");
        }
        return best;
    }

    /** The GPs. */
    public GpModel model() {
        return model;
    }

    /** Moment matching through the GPs (data-only quantities computed once). */
    public MomentMatching momentMatching() {
        return momentMatching;
    }

    /** The hyperparameters of output a (0: x, 1: x', 2: theta, 3: theta'). */
    public SeHyperparameters hyperparameters(int a) {
        return model.output(a).hyperparameters();
    }

    /** All four hyperparameters, output by output. */
    public SeHyperparameters[] hyperparameters() {
        SeHyperparameters[] h = new SeHyperparameters[OUTPUTS];
        for (int a = 0; a < OUTPUTS; a++) {
            h[a] = hyperparameters(a);
        }
        return h;
    }

    /** The minimised objective -log p(y | X) + penalty of output a. */
    public double objective(int a) {
        return penalisedNlml[a];
    }

    /** Number of training transitions n. */
    public int size() {
        return inputs.length / INPUTS;
    }

    /**
     * The GP mean of the next state (state + predicted mean change) for a known state and force.
     *
     * @param state {x, x', theta, theta'}; not modified
     * @return a new array, the predicted next state
     */
    public double[] meanNextState(double[] state, double force) {
        double[] in = new double[INPUTS];
        input(state, force, in, 0);
        double[] next = new double[OUTPUTS];
        double[] mean = new double[1];
        for (int a = 0; a < OUTPUTS; a++) {
            model.output(a).predictMean(in, mean);
            next[a] = state[a] + mean[0];
        }
        return next;
    }
}
