package mbrllab.core.models.dynamics;

import java.util.random.RandomGenerator;

import mbrllab.core.models.ensemble.EnsembleModel;

/**
 * Trajectory sampling through a probabilistic ensemble (PETS, Chua et al. 2018). P particles start at s_0;
 * at step t particle p uses member b(p, t) and moves to s + mu_b(s, u_t) (+ sigma_b(s, u_t) z with noise,
 * z ~ N(0, I)).
 * <ul>
 * <li>TS1: b(p, t) drawn uniformly at random for every particle and step (the P members first, then the
 *     particles' normals in particle order).</li>
 * <li>TS-infinity: b(p, t) = p mod M for the whole horizon (every member gets P/M particles, give or take one).</li>
 * </ul>
 * Each step queries each member once, with all its particles in one batch.
 */
final class EnsembleParticlePredictor implements MultiStepPredictor {

    private static final int D = Trajectory.STATE_DIM;

    private final EnsembleModel model;
    private final PredictionMethod method;
    private final int particles;
    private final boolean noise;

    EnsembleParticlePredictor(EnsembleModel model, PredictionMethod method, RolloutSettings settings) {
        this.model = model;
        this.method = method;
        this.particles = settings.particles();
        this.noise = settings.aleatoricNoise();
    }

    @Override
    public PredictionMethod method() {
        return method;
    }

    @Override
    public MultiStepPrediction predict(double[] start, double[] actions, RandomGenerator rng) {
        MultiStepPredictor.check(start, actions);
        int h = actions.length;
        int p = particles;
        int members = model.memberCount();
        int in = Transitions.INPUT_DIM;
        double[][] states = new double[h + 1][p * D];
        for (int j = 0; j < p; j++) {
            System.arraycopy(start, 0, states[0], j * D, D);
        }
        int[] member = new int[p];
        for (int j = 0; j < p; j++) {
            member[j] = j % members;
        }
        int[] index = new int[p];
        double[] queries = new double[p * in];
        double[] mean = new double[p * D];
        double[] var = new double[p * D];
        double[] deltaMean = new double[p * D];
        double[] deltaVar = new double[p * D];
        for (int t = 0; t < h; t++) {
            if (method == PredictionMethod.TS1) {
                for (int j = 0; j < p; j++) {
                    member[j] = rng.nextInt(members);
                }
            }
            double[] now = states[t];
            for (int b = 0; b < members; b++) {
                int count = 0;
                for (int j = 0; j < p; j++) {
                    if (member[j] == b) {
                        index[count] = j;
                        System.arraycopy(now, j * D, queries, count * in, D);
                        queries[count * in + D] = actions[t];
                        count++;
                    }
                }
                if (count == 0) {
                    continue;
                }
                double[] q = count * in == queries.length ? queries : java.util.Arrays.copyOf(queries, count * in);
                model.predictMember(b, q, mean, var);
                for (int c = 0; c < count; c++) {
                    System.arraycopy(mean, c * D, deltaMean, index[c] * D, D);
                    System.arraycopy(var, c * D, deltaVar, index[c] * D, D);
                }
            }
            double[] next = states[t + 1];
            for (int j = 0; j < p; j++) {
                for (int i = 0; i < D; i++) {
                    int at = j * D + i;
                    double step = deltaMean[at];
                    if (noise) {
                        step += Math.sqrt(deltaVar[at]) * rng.nextGaussian();
                    }
                    next[at] = now[at] + step;
                }
            }
        }
        return MultiStepPrediction.fromParticles(states);
    }
}
