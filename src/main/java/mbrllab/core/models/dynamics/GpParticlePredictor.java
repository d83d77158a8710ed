package mbrllab.core.models.dynamics;

import java.util.random.RandomGenerator;

import mbrllab.core.models.Prediction;
import mbrllab.core.models.gp.GpModel;

/**
 * Particles through a GP, the GP's counterpart of TS1: at every step each particle draws f(s, u_t) from the
 * GP's posterior marginal at its own point, independently of the other particles and of its earlier steps,
 * and moves to s + f (+ sigma_n z with noise). Per step and particle, the 4 epistemic normals are drawn, then
 * (with noise) the 4 noise normals.
 */
final class GpParticlePredictor implements MultiStepPredictor {

    private static final int D = Trajectory.STATE_DIM;

    private final GpModel model;
    private final int particles;
    private final boolean noise;

    GpParticlePredictor(GpModel model, RolloutSettings settings) {
        this.model = model;
        this.particles = settings.particles();
        this.noise = settings.aleatoricNoise();
    }

    @Override
    public PredictionMethod method() {
        return PredictionMethod.TS1;
    }

    @Override
    public MultiStepPrediction predict(double[] start, double[] actions, RandomGenerator rng) {
        MultiStepPredictor.check(start, actions);
        int h = actions.length;
        int p = particles;
        int in = Transitions.INPUT_DIM;
        double[][] states = new double[h + 1][p * D];
        for (int j = 0; j < p; j++) {
            System.arraycopy(start, 0, states[0], j * D, D);
        }
        double[] queries = new double[p * in];
        for (int t = 0; t < h; t++) {
            double[] now = states[t];
            for (int j = 0; j < p; j++) {
                Transitions.input(java.util.Arrays.copyOfRange(now, j * D, j * D + D), actions[t], queries, j * in);
            }
            Prediction f = model.predict(queries);
            double[] next = states[t + 1];
            for (int j = 0; j < p; j++) {
                for (int i = 0; i < D; i++) {
                    next[j * D + i] = now[j * D + i] + f.mean(j, i)
                            + Math.sqrt(f.epistemicVar(j, i)) * rng.nextGaussian();
                }
                if (noise) {
                    for (int i = 0; i < D; i++) {
                        next[j * D + i] += Math.sqrt(f.aleatoricVar(j, i)) * rng.nextGaussian();
                    }
                }
            }
        }
        return MultiStepPrediction.fromParticles(states);
    }
}
