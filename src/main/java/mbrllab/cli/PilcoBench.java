package mbrllab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import mbrllab.core.control.SwingUpTask;
import mbrllab.core.control.TaskEpisode;
import mbrllab.core.models.dynamics.Trajectory;
import mbrllab.core.pilco.GpDynamics;
import mbrllab.core.pilco.PilcoLearner;
import mbrllab.core.pilco.PilcoSettings;
import mbrllab.core.pilco.PolicyEvaluation;
import mbrllab.core.random.SplitMix64;

/**
 * The PILCO lines of {@code bench}: on 280 observed transitions (7 episodes of 40 steps with random forces, as the
 * data of PILCO's 8th trial), one training of the 4 GPs, one 40-step moment-matching rollout and the same with its
 * gradient, each on all cores; the median of 3 timings after a warm-up.
 */
final class PilcoBench {

    private PilcoBench() {
    }

    static void run(PrintWriter out, int cores) {
        SwingUpTask task = SwingUpTask.pilco();
        List<Trajectory> data = new ArrayList<>();
        SplitMix64 forces = new SplitMix64(77);
        for (int e = 0; e < 7; e++) {
            data.add(TaskEpisode.run(task, (o, t) -> task.maxForce() * (2 * forces.nextDouble() - 1),
                    new SplitMix64(100 + e)).observed());
        }
        ExecutorService pool = Executors.newFixedThreadPool(cores, r -> {
            Thread thread = new Thread(r, "bench-pilco");
            thread.setDaemon(true);
            return thread;
        });
        try {
            GpDynamics.Training training = GpDynamics.Training.defaults();
            GpDynamics model = GpDynamics.train(data, null, training, pool); // warm-up
            double[] train = new double[3];
            for (int r = 0; r < 3; r++) {
                long t0 = System.nanoTime();
                GpDynamics.train(data, null, training, pool);
                train[r] = (System.nanoTime() - t0) / 1e6;
            }
            PilcoLearner learner = new PilcoLearner(PilcoSettings.defaults(), 1);
            PolicyEvaluation evaluation = learner.evaluation(model);
            // a policy that moves the cart: the initial centres with unit weights
            double[] theta = learner.policy().parameters();
            SplitMix64 rng = new SplitMix64(5);
            for (int i = 0; i < 10; i++) {
                theta[theta.length - 10 + i] = rng.nextGaussian();
            }
            double[] gradient = new double[theta.length];
            evaluation.value(theta, pool);
            evaluation.valueAndGradient(theta, gradient, pool);
            double[] forward = new double[3];
            double[] backward = new double[3];
            for (int r = 0; r < 3; r++) {
                long t0 = System.nanoTime();
                evaluation.value(theta, pool);
                long t1 = System.nanoTime();
                evaluation.valueAndGradient(theta, gradient, pool);
                long t2 = System.nanoTime();
                forward[r] = (t1 - t0) / 1e6;
                backward[r] = (t2 - t1) / 1e6;
            }
            Arrays.sort(train);
            Arrays.sort(forward);
            Arrays.sort(backward);
            out.printf(Locale.ROOT, "pilco_rollout_280_ms %.1f ms%n", forward[1]);
            out.printf(Locale.ROOT, "pilco_rollout_gradient_280_ms %.1f ms%n", backward[1]);
            out.printf(Locale.ROOT, "pilco_gp_training_280_ms %.1f ms%n", train[1]);
            out.flush();
        } finally {
            pool.shutdownNow();
        }
    }
}
