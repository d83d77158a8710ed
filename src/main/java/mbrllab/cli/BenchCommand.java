package mbrllab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import mbrllab.core.dyna.AgentSpec;
import mbrllab.core.dyna.CumulativeRewardExperiment;
import mbrllab.core.dyna.CumulativeRewardSpec;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.DynaQ;
import mbrllab.core.dyna.ExperimentObserver;
import mbrllab.core.dyna.LearningCurveExperiment;
import mbrllab.core.dyna.LearningCurveSpec;
import mbrllab.core.dyna.MazeAgent;
import mbrllab.core.maze.Maze;
import mbrllab.core.maze.MazeDynamics;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.ensemble.EnsembleSpec;
import mbrllab.core.models.gp.GpModel;
import mbrllab.core.models.gp.GpSpec;
import mbrllab.core.random.SplitMix64;
import mbrllab.io.BundledMazes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench}: the speed figures of SPEC section 12 as {@code name value unit} lines. Wall-clock
 * measurements after a warm-up; run it on an idle machine and read several runs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the speed targets of SPEC section 12 and print them as 'name value unit' lines:",
            "  dynaq_updates_per_second: Q updates (real + planning) per second, one thread, n = 50, Dyna-maze",
            "  dynaq_real_steps_per_second: real steps per second, one thread, n = 0",
            "  figure82_100runs_wall_ms: Figure 8.2 with 100 runs x 50 episodes on all cores",
            "  figure82_100runs_one_thread_wall_ms: the same on one thread",
            "  gp_fit_500x5_wall_ms: GP hyperparameter fit (default settings) on 500 points in 5 dimensions, one thread",
            "  gp_predict_1000_ms: mean and variance of that GP at 1,000 points",
            "  gp_predict_mean_1000_ms: the mean alone at the same points",
            "  gp_moment_matching_step_400x5x4_ms: one PILCO moment-matching step through 4 GPs on 400 cart-pole "
                + "transitions",
            "  ensemble_5x64x64_2000x50_one_thread_wall_s: 5 nets (5 -> 64 -> 64 -> 2x4), 2,000 transitions, 50 epochs",
            "  ensemble_5x64x64_2000x50_wall_s: the same with one member per core",
            "  dynaqplus_updates_per_second: Dyna-Q+ (kappa 1e-3), one thread, n = 50, Dyna-maze",
            "  ps_updates_per_second: prioritized sweeping, one thread, n = 5, 6x Dyna-maze: queue updates per",
            "    second of run time (real steps included)",
            "  figure84_30runs_wall_ms, figure85_30runs_wall_ms: figure 8.4 / 8.5 with the defaults (30 runs) on all cores",
            "  pilco_rollout_280_ms: PILCO's 40-step moment-matching rollout through 4 GPs on 280 transitions, all cores",
            "  pilco_rollout_gradient_280_ms: the same with the gradient of the expected cost (one backward pass)",
            "  pilco_gp_training_280_ms: training the 4 GPs (ML-II, two starts each) on those 280 transitions, all cores"})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--seconds", paramLabel = "T", defaultValue = "2",
            description = "measuring time per throughput figure, 0.1..60 (default: ${DEFAULT-VALUE})")
    double seconds;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!(seconds >= 0.1 && seconds <= 60)) {
            throw new UserInputException("bench: --seconds must be in 0.1..60, got " + seconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        Maze maze = BundledMazes.dynaMaze();
        MazeDynamics dynamics = new MazeDynamics(maze.layout());
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "cores %d count%n", cores);

        throughput(dynamics, 50, Math.min(1.0, seconds / 2));
        double[] n50 = throughput(dynamics, 50, seconds);
        out.printf(Locale.ROOT, "dynaq_updates_per_second %.0f updates/s%n", n50[0]);
        throughput(dynamics, 0, Math.min(1.0, seconds / 2));
        double[] n0 = throughput(dynamics, 0, seconds);
        out.printf(Locale.ROOT, "dynaq_real_steps_per_second %.0f steps/s%n", n0[1]);
        out.flush();

        LearningCurveSpec figure = LearningCurveSpec.figure82(maze, 100, 50, 1);
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        try {
            LearningCurveExperiment.run(figure, pool, ExperimentObserver.NONE); // warm-up
            long t0 = System.nanoTime();
            LearningCurveExperiment.run(LearningCurveSpec.figure82(maze, 100, 50, 2), pool, ExperimentObserver.NONE);
            out.printf(Locale.ROOT, "figure82_100runs_wall_ms %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        } finally {
            pool.shutdownNow();
        }
        long t0 = System.nanoTime();
        LearningCurveExperiment.run(LearningCurveSpec.figure82(maze, 100, 50, 3), Runnable::run, ExperimentObserver.NONE);
        out.printf(Locale.ROOT, "figure82_100runs_one_thread_wall_ms %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        out.flush();

        AgentSpec plus = AgentSpec.dynaQPlus(DynaParams.defaults().withN(50), 1e-3);
        throughput(plus, dynamics, 50, Math.min(1.0, seconds / 2));
        out.printf(Locale.ROOT, "dynaqplus_updates_per_second %.0f updates/s%n", throughput(plus, dynamics, 50, seconds)[0]);
        MazeDynamics large = new MazeDynamics(BundledMazes.load("dyna-maze-6x.maze").layout());
        AgentSpec ps = AgentSpec.prioritizedSweeping(DynaParams.defaults().withAlpha(0.5).withN(5), 1e-4);
        throughput(ps, large, 5, Math.min(1.0, seconds / 2));
        out.printf(Locale.ROOT, "ps_updates_per_second %.0f updates/s%n", throughput(ps, large, 5, seconds)[0]);
        out.flush();

        pool = Executors.newFixedThreadPool(cores);
        try {
            Maze blocking = BundledMazes.load(BundledMazes.BLOCKING_MAZE);
            Maze shortcut = BundledMazes.load(BundledMazes.SHORTCUT_MAZE);
            CumulativeRewardExperiment.run(CumulativeRewardSpec.figure84(blocking, 30, 1), pool, ExperimentObserver.NONE);
            t0 = System.nanoTime();
            CumulativeRewardExperiment.run(CumulativeRewardSpec.figure84(blocking, 30, 2), pool, ExperimentObserver.NONE);
            out.printf(Locale.ROOT, "figure84_30runs_wall_ms %.1f ms%n", (System.nanoTime() - t0) / 1e6);
            t0 = System.nanoTime();
            CumulativeRewardExperiment.run(CumulativeRewardSpec.figure85(shortcut, 30, 2), pool, ExperimentObserver.NONE);
            out.printf(Locale.ROOT, "figure85_30runs_wall_ms %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        } finally {
            pool.shutdownNow();
        }
        out.flush();

        benchModels(out, cores);
        PilcoBench.run(out, cores);
        return 0;
    }

    /**
     * The models figures: a warm-up, then the median of three timings for the GP (data changes with the
     * seed, so the JIT cannot specialise on one run) and one timing each for the ensemble.
     */
    static void benchModels(PrintWriter out, int cores) {
        gpFit(0);
        double[] fit = new double[3];
        double[] predict = new double[3];
        double[] predictMean = new double[3];
        for (int r = 0; r < 3; r++) {
            double[] t = gpFit(r + 1);
            fit[r] = t[0];
            predict[r] = t[1];
            predictMean[r] = t[2];
        }
        java.util.Arrays.sort(fit);
        java.util.Arrays.sort(predict);
        java.util.Arrays.sort(predictMean);
        out.printf(Locale.ROOT, "gp_fit_500x5_wall_ms %.1f ms%n", fit[1]);
        out.printf(Locale.ROOT, "gp_predict_1000_ms %.1f ms%n", predict[1]);
        out.printf(Locale.ROOT, "gp_predict_mean_1000_ms %.1f ms%n", predictMean[1]);
        out.flush();
        out.printf(Locale.ROOT, "gp_moment_matching_step_400x5x4_ms %.1f ms%n", momentMatchingStep());
        out.flush();

        Dataset transitions = transitions(2000, 7);
        EnsembleSpec spec = EnsembleSpec.dynamics();
        spec.withEpochs(5).fit(transitions, new SplitMix64(1)); // warm-up
        long t0 = System.nanoTime();
        spec.fit(transitions, new SplitMix64(2));
        out.printf(Locale.ROOT, "ensemble_5x64x64_2000x50_one_thread_wall_s %.2f s%n", (System.nanoTime() - t0) / 1e9);
        out.flush();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(cores, spec.members()));
        try {
            t0 = System.nanoTime();
            spec.fit(transitions, new SplitMix64(3), pool);
            out.printf(Locale.ROOT, "ensemble_5x64x64_2000x50_wall_s %.2f s%n", (System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdownNow();
        }
        out.flush();
    }

    /**
     * Fits a GP to 500 points in [-1, 1]^5 with y = sum_j sin((j+1) x_j) + 0.1 noise, then predicts at 1,000
     * points.
     *
     * @return {fit ms, predict ms, mean-only predict ms}
     */
    static double[] gpFit(long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        int n = 500;
        int d = 5;
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = 2 * rng.nextDouble() - 1;
                sum += Math.sin((j + 1) * x[i * d + j]);
            }
            y[i] = sum + 0.1 * rng.nextGaussian();
        }
        double[] q = new double[1000 * d];
        for (int i = 0; i < q.length; i++) {
            q[i] = 2 * rng.nextDouble() - 1;
        }
        Dataset data = new Dataset(x, y, d, 1);
        long t0 = System.nanoTime();
        GpModel gp = GpSpec.defaults().fit(data, new SplitMix64(seed + 100));
        long t1 = System.nanoTime();
        gp.predict(q);
        long t2 = System.nanoTime();
        gp.output(0).predictMean(q, new double[1000]);
        long t3 = System.nanoTime();
        return new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6};
    }

    /**
     * One step of moment matching (PILCO) through 4 GPs on 400 cart-pole transitions (10 random-action episodes,
     * fixed hyperparameters: conditioning only, no fit): the median over 3 runs of 25-step predictions, per step.
     */
    static double momentMatchingStep() {
        java.util.List<mbrllab.core.models.dynamics.Trajectory> episodes =
                mbrllab.core.models.dynamics.RandomEpisodes.collect(mbrllab.core.cartpole.SwingUpSystem.pilco(), 10,
                        40, 0.1, new SplitMix64(1));
        Dataset data = mbrllab.core.models.dynamics.Transitions.of(episodes);
        mbrllab.core.models.gp.GaussianProcess[] outputs = new mbrllab.core.models.gp.GaussianProcess[4];
        for (int a = 0; a < 4; a++) {
            outputs[a] = mbrllab.core.models.gp.GaussianProcess.condition(new mbrllab.core.models.gp.SeHyperparameters(
                    new double[] {300, 15, 1, 10, 50}, 1, 0.01), data.inputs(), data.target(a));
        }
        mbrllab.core.models.dynamics.MultiStepPredictor mm = mbrllab.core.models.dynamics.MultiStepPredictor.of(
                new GpModel(outputs), mbrllab.core.models.dynamics.PredictionMethod.MOMENT_MATCHING,
                mbrllab.core.models.dynamics.RolloutSettings.defaults());
        mbrllab.core.models.dynamics.Trajectory w = episodes.get(0).window(0, 25);
        mm.predict(w.state(0), w.actions(), null); // warm-up
        double[] perStep = new double[3];
        for (int r = 0; r < 3; r++) {
            long t0 = System.nanoTime();
            mm.predict(w.state(0), w.actions(), null);
            perStep[r] = (System.nanoTime() - t0) / 1e6 / 25;
        }
        java.util.Arrays.sort(perStep);
        return perStep[1];
    }

    /** n transitions of a smooth 5-input, 4-output map (a stand-in for cart-pole state deltas), with noise. */
    static Dataset transitions(int n, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] x = new double[n * 5];
        double[] y = new double[n * 4];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 5; j++) {
                x[i * 5 + j] = 2 * rng.nextDouble() - 1;
            }
            for (int k = 0; k < 4; k++) {
                y[i * 4 + k] = Math.sin(x[i * 5 + k] + x[i * 5 + k + 1]) + 0.05 * rng.nextGaussian();
            }
        }
        return new Dataset(x, y, 5, 4);
    }

    /**
     * Lets fresh agents of {@code agent} learn, 50 episodes each, for about {@code seconds}.
     *
     * @return {updates per second, real steps per second}
     */
    static double[] throughput(AgentSpec agent, MazeDynamics dynamics, int n, double seconds) {
        long budget = (long) (seconds * 1e9);
        long updates = 0;
        long steps = 0;
        long seed = 1;
        long start = System.nanoTime();
        long elapsed;
        AgentSpec spec = agent.withParams(agent.params().withN(n));
        do {
            MazeAgent a = spec.create(dynamics, seed, seed + 1);
            seed += 2;
            for (int e = 0; e < 50; e++) {
                a.runEpisode(LearningCurveSpec.DEFAULT_MAX_STEPS);
            }
            updates += a.updates();
            steps += a.realSteps();
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        return new double[] {updates / (elapsed / 1e9), steps / (elapsed / 1e9)};
    }

    /**
     * Lets fresh agents learn episode after episode for about {@code seconds}.
     *
     * @return {updates per second, real steps per second}
     */
    static double[] throughput(MazeDynamics dynamics, int n, double seconds) {
        long budget = (long) (seconds * 1e9);
        long updates = 0;
        long steps = 0;
        long seed = 1;
        long start = System.nanoTime();
        long elapsed;
        do {
            DynaQ agent = new DynaQ(DynaParams.defaults().withN(n), dynamics, seed, seed + 1);
            seed += 2;
            for (int e = 0; e < 50; e++) {
                agent.runEpisode(LearningCurveSpec.DEFAULT_MAX_STEPS);
            }
            updates += agent.updates();
            steps += agent.realSteps();
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        return new double[] {updates / (elapsed / 1e9), steps / (elapsed / 1e9)};
    }
}
