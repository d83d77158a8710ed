package mbrllab.core.pilco;

import java.util.Arrays;
import java.util.concurrent.Executor;

import mbrllab.core.cartpole.CartPoleState;
import mbrllab.core.control.SwingUpTask;
import mbrllab.core.models.gp.MatchedMoments;
import mbrllab.core.models.gp.MomentMatching;

/**
 * PILCO's policy evaluation: the expected total cost J(theta) = sum_{t=1..H} E[c(s_t)] of an {@link RbfPolicy}
 * under the learned {@link GpDynamics}, from a Gaussian start s_0 ~ N(m_0, S_0), and its exact gradient with
 * respect to every policy parameter by one backward pass through the H steps (backpropagation through time).
 *
 * <p>One step, s_t ~ N(m, S) to s_{t+1} (pilco-matlab's propagated), with {@link Propagation#MOMENT_MATCHING}:
 * <ol>
 *   <li>y = (s, sin theta, cos theta): exact moments ({@link TrigAugmentation});</li>
 *   <li>the policy on z = (x, x', theta', sin theta, cos theta) of the state as the policy sees it, through the
 *       observation noise: s + e with e ~ N(0, diag(sigma_n,a^2 / 2)), sigma_n,a the noise of GP a (pilco-matlab
 *       0.9's propagated: the GPs learn differences of two noisy observations, so half their noise variance is one
 *       observation's); y' = (s + e, sin, cos) by exact moments again; then the exact moments of pi(z)
 *       ({@link PolicyMoments}), of u = umax (9 sin pi + sin 3 pi) / 8 ({@link SineSquash}), and
 *       Cov[y, u] = Cov[y, z] V_pi kappa with V_pi = Cov[z]^-1 Cov[z, pi] under the noisy z (e is independent of s,
 *       so Cov[y, z] is the noise-free block);</li>
 *   <li>the GPs on w = (x, x', theta', sin theta, cos theta, u) ~ N (the joint of y and u): the exact moments of the
 *       state change Delta, and Cov[s, Delta] = Cov[s, w] V_Delta ({@link MomentMatching});</li>
 *   <li>s_{t+1} = s + Delta: m' = m + E[Delta], S' = S + Cov[Delta] + Cov[s, Delta] + Cov[s, Delta]'.</li>
 * </ol>
 * The cost of each state is {@link SaturatingCost}. Each step keeps what its backward pass needs: the small blocks
 * keep their intermediate values, the GP block its partial derivatives with respect to its input moments
 * ({@link MatchedMoments}), so the backward pass does no O(n^2) work; the forward pass with derivatives costs
 * about twice the plain forward pass (no extra exponentials, one more n^2 D sweep).
 *
 * <p>With {@link Propagation#MEAN} the start is m_0 with S_0 = 0 and every step keeps the mean alone (S' = 0, the
 * GPs' covariance not computed, no observation noise for the policy): a deterministic rollout on the GP mean.
 *
 * <p>Not thread-safe: one evaluation at a time (the GP step itself runs in pieces on the executor). Holds its work
 * arrays for H steps and reuses them evaluation after evaluation.
 */
public final class PolicyEvaluation {

    private static final int S = CartPoleState.DIMENSION;
    private static final int[] POLICY_INPUTS = {0, 1, 3, 4, 5};
    private static final int[] GP_INPUTS = {0, 1, 3, 4, 5, 6};

    /**
     * The predicted state distributions and costs of one evaluation.
     *
     * @param means    m_0 .. m_H, (H+1) x 4 row-major {x, x', theta, theta'}
     * @param covs     S_0 .. S_H, (H+1) x 16 row-major
     * @param costMean E[c(s_t)] for t = 1 .. H (index t - 1)
     * @param costVar  Var[c(s_t)] for t = 1 .. H
     * @param forceMean E[u_t] for t = 0 .. H-1
     * @param forceVar  Var[u_t] for t = 0 .. H-1
     */
    public record Prediction(double[] means, double[] covs, double[] costMean, double[] costVar, double[] forceMean,
                             double[] forceVar) {

        public Prediction {
            means = means.clone();
            covs = covs.clone();
            costMean = costMean.clone();
            costVar = costVar.clone();
            forceMean = forceMean.clone();
            forceVar = forceVar.clone();
        }

        /** Number of steps H. */
        public int horizon() {
            return costMean.length;
        }

        /** Component i of m_t. */
        public double mean(int t, int i) {
            return means[t * S + i];
        }

        /** Entry (i, j) of S_t. */
        public double cov(int t, int i, int j) {
            return covs[t * S * S + i * S + j];
        }

        /** E[c(s_t)], 1 &lt;= t &lt;= H. */
        public double costMean(int t) {
            return costMean[t - 1];
        }

        /** Var[c(s_t)], 1 &lt;= t &lt;= H. */
        public double costVar(int t) {
            return costVar[t - 1];
        }

        /** J = the sum of the expected costs. */
        public double totalCost() {
            double sum = 0;
            for (double c : costMean) {
                sum += c;
            }
            return sum;
        }

        /**
         * The square root of the summed per-step cost variances (moment matching gives no covariances across time,
         * so this treats the steps as uncorrelated).
         */
        public double totalCostSd() {
            double sum = 0;
            for (double v : costVar) {
                sum += v;
            }
            return Math.sqrt(sum);
        }

        @Override
        public double[] means() {
            return means.clone();
        }

        @Override
        public double[] covs() {
            return covs.clone();
        }

        @Override
        public double[] costMean() {
            return costMean.clone();
        }

        @Override
        public double[] costVar() {
            return costVar.clone();
        }

        @Override
        public double[] forceMean() {
            return forceMean.clone();
        }

        @Override
        public double[] forceVar() {
            return forceVar.clone();
        }
    }

    private final MomentMatching dynamics;
    private final int horizon;
    private final double explore;
    private final int centres;
    private final Propagation propagation;
    private final double[] startMean;
    private final double[] startCov;
    private final Step[] steps;
    private final MomentMatching.Workspace workspace;
    /** sigma_n,a^2 / 2 per state component: the policy's observation-noise variance (0 with the mean alone). */
    private final double[] policyNoise = new double[S];

    /**
     * @param dynamics    the learned GPs
     * @param task        the task: its pole length, cost width and force limit
     * @param horizon     H, in [1, 1000]
     * @param centres     K of the policies to evaluate
     * @param propagation moment matching or the mean alone
     * @param startMean   m_0, length 4; copied
     * @param startCov    S_0, 4 x 4; copied (ignored, taken as 0, with {@link Propagation#MEAN})
     */
    public PolicyEvaluation(GpDynamics dynamics, SwingUpTask task, int horizon, int centres, Propagation propagation,
                            double[] startMean, double[] startCov) {
        this(dynamics, task, horizon, centres, propagation, startMean, startCov, 0);
    }

    /**
     * As above, with pilco-matlab's exploration parameter b ({@code cost.expl}): each step's cost in J is
     * E[c] + b sqrt(Var[c]); b &lt; 0 makes uncertain costs attractive (an upper confidence bound on the reward), 0 is
     * PILCO's expected cost. The predictions ({@link #predict}) keep E[c] and Var[c].
     *
     * @param explore b, in [-10, 10]
     */
    public PolicyEvaluation(GpDynamics dynamics, SwingUpTask task, int horizon, int centres, Propagation propagation,
                            double[] startMean, double[] startCov, double explore) {
        this(dynamics, task, horizon, centres, propagation, startMean, startCov, explore, true);
    }

    /**
     * As above; with {@code observationNoise} false the policy sees the predicted state itself, as in pilco-matlab
     * since a0b48b7, which commented the noise term out (the cross-check against pilco-matlab uses both).
     */
    PolicyEvaluation(GpDynamics dynamics, SwingUpTask task, int horizon, int centres, Propagation propagation,
                     double[] startMean, double[] startCov, double explore, boolean observationNoise) {
        if (!(explore >= -10 && explore <= 10)) {
            throw new IllegalArgumentException("explore must be in [-10, 10], got " + explore);
        }
        this.explore = explore;
        if (horizon < 1 || horizon > 1000) {
            throw new IllegalArgumentException("horizon must be in [1, 1000], got " + horizon);
        }
        if (startMean.length != S || startCov.length != S * S) {
            throw new IllegalArgumentException("the start needs a mean of 4 and a covariance of 16 values");
        }
        this.dynamics = dynamics.momentMatching();
        this.horizon = horizon;
        this.centres = centres;
        this.propagation = propagation;
        this.startMean = startMean.clone();
        this.startCov = propagation == Propagation.MEAN ? new double[S * S] : startCov.clone();
        this.workspace = this.dynamics.newWorkspace();
        if (propagation == Propagation.MOMENT_MATCHING && observationNoise) {
            for (int a = 0; a < S; a++) {
                double sn = dynamics.hyperparameters(a).noiseStd();
                policyNoise[a] = sn * sn / 2;
            }
        }
        this.steps = new Step[horizon];
        for (int t = 0; t < horizon; t++) {
            steps[t] = new Step(centres, task);
        }
    }

    /** H. */
    public int horizon() {
        return horizon;
    }

    /** The variance sigma_n,a^2 / 2 the policy's view of state component a gets (0 with the mean alone). */
    public double policyNoise(int a) {
        return policyNoise[a];
    }

    /** J(theta), forward only. */
    public double value(double[] theta, Executor executor) {
        return forward(theta, false, executor);
    }

    /**
     * J(theta) and its gradient.
     *
     * @param theta    the policy parameters ({@link RbfPolicy} layout); not modified
     * @param gradient receives dJ/dtheta (same length); modified
     */
    public double valueAndGradient(double[] theta, double[] gradient, Executor executor) {
        if (gradient.length != theta.length) {
            throw new IllegalArgumentException("gradient must have the length of theta, " + theta.length);
        }
        double j = forward(theta, true, executor);
        Arrays.fill(gradient, 0);
        double[] mBar = new double[S];
        double[] sBar = new double[S * S];
        for (int t = horizon - 1; t >= 0; t--) {
            Step step = steps[t];
            step.cost.backward(1, explore, mBar, sBar);
            double[] mPrev = new double[S];
            double[] sPrev = new double[S * S];
            step.backward(theta, mBar, sBar, mPrev, sPrev, gradient, propagation);
            mBar = mPrev;
            sBar = sPrev;
        }
        return j;
    }

    /** The predicted trajectory of the policy theta (forward only). */
    public Prediction predict(double[] theta, Executor executor) {
        forward(theta, false, executor);
        double[] means = new double[(horizon + 1) * S];
        double[] covs = new double[(horizon + 1) * S * S];
        double[] costMean = new double[horizon];
        double[] costVar = new double[horizon];
        double[] forceMean = new double[horizon];
        double[] forceVar = new double[horizon];
        System.arraycopy(startMean, 0, means, 0, S);
        System.arraycopy(startCov, 0, covs, 0, S * S);
        for (int t = 0; t < horizon; t++) {
            Step step = steps[t];
            System.arraycopy(step.mNext, 0, means, (t + 1) * S, S);
            System.arraycopy(step.sNext, 0, covs, (t + 1) * S * S, S * S);
            costMean[t] = step.cost.mean;
            // with the mean alone nothing is uncertain (the cost's formula leaves rounding residues of 1e-20)
            boolean mean = propagation == Propagation.MEAN;
            costVar[t] = mean ? 0 : step.cost.variance;
            forceMean[t] = step.squash.mean;
            forceVar[t] = mean ? 0 : step.squash.variance;
        }
        return new Prediction(means, covs, costMean, costVar, forceMean, forceVar);
    }

    private double forward(double[] theta, boolean derivatives, Executor executor) {
        if (theta.length != RbfPolicy.parameterCount(centres)) {
            throw new IllegalArgumentException("theta must have length " + RbfPolicy.parameterCount(centres)
                    + ", got " + theta.length);
        }
        double[] m = startMean;
        double[] s = startCov;
        double total = 0;
        for (int t = 0; t < horizon; t++) {
            Step step = steps[t];
            step.forward(theta, m, s, policyNoise, propagation, derivatives, dynamics, workspace, executor);
            step.cost.forward(step.mNext, step.sNext);
            total += step.cost.explored(explore);
            m = step.mNext;
            s = step.sNext;
        }
        return total;
    }

    /** One step's blocks and values, kept for the backward pass. */
    private static final class Step {
        final TrigAugmentation trig = new TrigAugmentation(S, CartPoleState.THETA);
        /** The same for the policy's noisy view of the state. */
        final TrigAugmentation policyTrig = new TrigAugmentation(S, CartPoleState.THETA);
        final double[] sSeen = new double[S * S];
        final PolicyMoments policy;
        final SineSquash squash;
        final SaturatingCost cost;
        final double[] m = new double[S];
        final double[] s = new double[S * S];
        final double[] zMean = new double[5];
        final double[] zCov = new double[25];
        final double[] cu = new double[5];
        final double[] m7 = new double[7];
        final double[] s7 = new double[49];
        final double[] wMean = new double[6];
        final double[] wCov = new double[36];
        final MatchedMoments gp = new MatchedMoments(6, S);
        final double[] mNext = new double[S];
        final double[] sNext = new double[S * S];

        Step(int centres, SwingUpTask task) {
            this.policy = new PolicyMoments(centres);
            this.cost = new SaturatingCost(task.poleLength(), task.costWidth());
            this.squash = new SineSquash(task.maxForce());
        }

        void forward(double[] theta, double[] mIn, double[] sIn, double[] policyNoise, Propagation propagation,
                     boolean derivatives, MomentMatching dynamics, MomentMatching.Workspace workspace,
                     Executor executor) {
            System.arraycopy(mIn, 0, m, 0, S);
            System.arraycopy(sIn, 0, s, 0, S * S);
            trig.forward(m, s);
            double[] m6 = trig.mean;
            double[] s6 = trig.cov;
            System.arraycopy(s, 0, sSeen, 0, S * S);
            for (int a = 0; a < S; a++) {
                sSeen[a * S + a] += policyNoise[a];
            }
            policyTrig.forward(m, sSeen);
            for (int i = 0; i < 5; i++) {
                zMean[i] = policyTrig.mean[POLICY_INPUTS[i]];
                for (int j = 0; j < 5; j++) {
                    zCov[i * 5 + j] = policyTrig.cov[POLICY_INPUTS[i] * 6 + POLICY_INPUTS[j]];
                }
            }
            policy.forward(theta, zMean, zCov);
            squash.forward(policy.mean, Math.max(0, policy.variance));
            for (int i = 0; i < 5; i++) {
                cu[i] = policy.cross[i] * squash.kappa;
            }
            System.arraycopy(m6, 0, m7, 0, 6);
            m7[6] = squash.mean;
            for (int i = 0; i < 6; i++) {
                System.arraycopy(s6, i * 6, s7, i * 7, 6);
                double g = 0;
                for (int j = 0; j < 5; j++) {
                    g += s6[i * 6 + POLICY_INPUTS[j]] * cu[j];
                }
                s7[i * 7 + 6] = g;
                s7[6 * 7 + i] = g;
            }
            s7[48] = squash.variance;
            for (int i = 0; i < 6; i++) {
                wMean[i] = m7[GP_INPUTS[i]];
                for (int j = 0; j < 6; j++) {
                    wCov[i * 6 + j] = s7[GP_INPUTS[i] * 7 + GP_INPUTS[j]];
                }
            }
            boolean moments = propagation == Propagation.MOMENT_MATCHING;
            dynamics.propagate(wMean, wCov, moments, derivatives, executor, workspace, gp);
            for (int a = 0; a < S; a++) {
                mNext[a] = m[a] + gp.mean(a);
            }
            if (!moments) {
                Arrays.fill(sNext, 0);
                return;
            }
            // Cov[s, Delta] = Cov[s, w] V_Delta
            double[] c = new double[S * S];
            for (int k = 0; k < S; k++) {
                for (int a = 0; a < S; a++) {
                    double sum = 0;
                    for (int j = 0; j < 6; j++) {
                        sum += s7[k * 7 + GP_INPUTS[j]] * gp.crossFactor(j, a);
                    }
                    c[k * S + a] = sum;
                }
            }
            for (int k = 0; k < S; k++) {
                for (int l = 0; l < S; l++) {
                    sNext[k * S + l] = s[k * S + l] + gp.covariance(k, l) + c[k * S + l] + c[l * S + k];
                }
            }
            for (int k = 0; k < S; k++) { // exactly symmetric
                for (int l = 0; l < k; l++) {
                    double avg = 0.5 * (sNext[k * S + l] + sNext[l * S + k]);
                    sNext[k * S + l] = avg;
                    sNext[l * S + k] = avg;
                }
            }
        }

        /**
         * From the gradients with respect to s_{t+1} (mBar, sBar) to those with respect to s_t (mOut, sOut), adding
         * the policy's share to thetaBar.
         */
        void backward(double[] theta, double[] mBar, double[] sBar, double[] mOut, double[] sOut, double[] thetaBar,
                      Propagation propagation) {
            boolean moments = propagation == Propagation.MOMENT_MATCHING;
            double[] m7Bar = new double[7];
            double[] s7Bar = new double[49];
            double[] deltaMeanBar = mBar.clone();
            double[] deltaCovBar = new double[S * S];
            double[] crossBar = new double[6 * S];
            System.arraycopy(mBar, 0, mOut, 0, S);
            if (moments) {
                for (int k = 0; k < S; k++) {
                    for (int l = 0; l < S; l++) {
                        double g = 0.5 * (sBar[k * S + l] + sBar[l * S + k]);
                        sOut[k * S + l] += g;
                        deltaCovBar[k * S + l] = g;
                    }
                }
                // C = S7[0:4, w] V: C_bar = 2 sBar (symmetric); S7_bar[k, w_j] += sum_a C_bar_ka V_ja;
                // V_bar_ja = sum_k S7[k, w_j] C_bar_ka
                for (int k = 0; k < S; k++) {
                    for (int j = 0; j < 6; j++) {
                        double sum = 0;
                        for (int a = 0; a < S; a++) {
                            sum += 2 * deltaCovBar[k * S + a] * gp.crossFactor(j, a);
                        }
                        s7Bar[k * 7 + GP_INPUTS[j]] += sum;
                    }
                }
                for (int j = 0; j < 6; j++) {
                    for (int a = 0; a < S; a++) {
                        double sum = 0;
                        for (int k = 0; k < S; k++) {
                            sum += s7[k * 7 + GP_INPUTS[j]] * 2 * deltaCovBar[k * S + a];
                        }
                        crossBar[j * S + a] = sum;
                    }
                }
            }
            double[] wMeanBar = new double[6];
            double[] wCovBar = new double[36];
            gp.backward(deltaMeanBar, deltaCovBar, crossBar, wMeanBar, wCovBar);
            for (int i = 0; i < 6; i++) {
                m7Bar[GP_INPUTS[i]] += wMeanBar[i];
                for (int j = 0; j < 6; j++) {
                    s7Bar[GP_INPUTS[i] * 7 + GP_INPUTS[j]] += wCovBar[i * 6 + j];
                }
            }
            // the joint of y and u
            double[] m6Bar = new double[6];
            double[] s6Bar = new double[36];
            System.arraycopy(m7Bar, 0, m6Bar, 0, 6);
            double forceMeanBar = m7Bar[6];
            double forceVarBar = s7Bar[48];
            double[] cuBar = new double[5];
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    s6Bar[i * 6 + j] += s7Bar[i * 7 + j];
                }
                double g = s7Bar[i * 7 + 6] + s7Bar[6 * 7 + i];
                for (int j = 0; j < 5; j++) {
                    s6Bar[i * 6 + POLICY_INPUTS[j]] += g * cu[j];
                    cuBar[j] += g * trig.cov[i * 6 + POLICY_INPUTS[j]];
                }
            }
            // cu = V_pi kappa
            double kappaBar = 0;
            double[] crossPiBar = new double[5];
            for (int j = 0; j < 5; j++) {
                crossPiBar[j] = cuBar[j] * squash.kappa;
                kappaBar += cuBar[j] * policy.cross[j];
            }
            double[] piBar = squash.backward(forceMeanBar, forceVarBar, kappaBar);
            double[] zMeanBar = new double[5];
            double[] zCovBar = new double[25];
            policy.backward(piBar[0], policy.variance > 0 ? piBar[1] : 0, crossPiBar, zMeanBar, zCovBar, thetaBar);
            if (moments) {
                // the policy's view: S + diag(noise), the noise a constant, so its gradients go to m and S unchanged
                double[] seenMeanBar = new double[6];
                double[] seenCovBar = new double[36];
                for (int i = 0; i < 5; i++) {
                    seenMeanBar[POLICY_INPUTS[i]] = zMeanBar[i];
                    for (int j = 0; j < 5; j++) {
                        seenCovBar[POLICY_INPUTS[i] * 6 + POLICY_INPUTS[j]] = zCovBar[i * 5 + j];
                    }
                }
                policyTrig.backward(seenMeanBar, seenCovBar, mOut, sOut);
            } else {
                // with the mean alone the policy sees the state itself: one augmentation, one backward pass
                for (int i = 0; i < 5; i++) {
                    m6Bar[POLICY_INPUTS[i]] += zMeanBar[i];
                    for (int j = 0; j < 5; j++) {
                        s6Bar[POLICY_INPUTS[i] * 6 + POLICY_INPUTS[j]] += zCovBar[i * 5 + j];
                    }
                }
            }
            trig.backward(m6Bar, s6Bar, mOut, sOut);
            if (!moments) {
                Arrays.fill(sOut, 0);
            }
        }
    }
}
