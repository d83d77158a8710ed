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
        description = {"Measure the speed targets of SPEC section 12 and print them as 'name value",
            "unit' lines:",
            "  dynaq_updates_per_second: Q updates (real + planning) per second, one thread,",
            "      n = 50, Dyna-maze",
            "  dynaq_real_steps_per_second: real steps per second, one thread, n = 0",
            "  figure82_100runs_wall_ms: Figure 8.2 with 100 runs x 50 episodes on all cores",
            "  figure82_100runs_one_thread_wall_ms: the same on one thread",
            "  gp_fit_500x5_wall_ms: GP hyperparameter fit (default settings) on 500 points",
            "      in 5 dimensions, one thread",
            "  gp_predict_1000_ms: mean and variance of that GP at 1,000 points",
            "  gp_predict_mean_1000_ms: the mean alone at the same points",
            "  gp_moment_matching_step_400x5x4_ms: one PILCO moment-matching step through 4",
            "      GPs on 400 cart-pole transitions",
            "  ensemble_5x64x64_2000x50_one_thread_wall_s: 5 nets (5 -> 64 -> 64 -> 2x4),",
            "      2,000 transitions, 50 epochs",
            "  ensemble_5x64x64_2000x50_wall_s: the same with one member per core",
            "  dynaqplus_updates_per_second: Dyna-Q+ (kappa 1e-3), one thread, n = 50,",
            "      Dyna-maze",
            "  ps_updates_per_second: prioritized sweeping, one thread, n = 5, 6x Dyna-maze:",
            "      queue updates per second of run time (real steps included)",
            "  figure84_30runs_wall_ms, figure85_30runs_wall_ms: figure 8.4 / 8.5 with the",
            "      defaults (30 runs) on all cores",
            "  dqn_update_us: one DQN update of accelerate's default Q-network on a",
            "      minibatch (target values, loss, backpropagation, Adam), one thread",
            "  model_rollout_step_us: one step of accelerate's default n = 10 model rollouts",
            "      with the learned ensemble (epsilon-greedy actions from the Q-network, one",
            "      member's sampled next states), one thread",
            "  model_refit_ms: one warm-started refit of that ensemble (the default Adam",
            "      steps for every member)",
            "  dqn_update_cpu_us, model_rollout_step_cpu_us, model_refit_cpu_ms: the same in",
            "      CPU time of the measuring thread (less sensitive to other load on the",
            "      machine than the wall time)",
            "  pets_plan_step_swingup_ms, pets_plan_step_balance_ms: one PETS planning step",
            "      (CEM, the task's default settings, TS-infinity through the default",
            "      ensemble fitted on 5 random episodes) on all cores, median of 20",
            "  pets_plan_step_swingup_cpu_ms, pets_plan_step_balance_cpu_ms: the CPU time of",
            "      the whole process per such step (mean of the 20; less sensitive to other",
            "      load on the machine than the wall time)",
            "  pilco_rollout_280_ms: PILCO's 40-step moment-matching rollout through 4 GPs",
            "      on 280 transitions, all cores",
            "  pilco_rollout_gradient_280_ms: the same with the gradient of the expected",
            "      cost (one backward pass)",
            "  pilco_gp_training_280_ms: training the 4 GPs (ML-II, two starts each) on",
            "      those 280 transitions, all cores"})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--seconds", paramLabel = "T", defaultValue = "2",
            description = "measuring time per throughput figure, 0.1..60 (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--rates", description = "instead: measure the unit costs behind the budget's estimates "
            + "(CPU time of one thread) and print them next to the values the program holds")
    boolean rates;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!(seconds >= 0.1 && seconds <= 60)) {
            throw new UserInputException("bench: --seconds must be in 0.1..60, got " + seconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        CommandSupport.refuseUnless(spec, !rates, "--seconds", "--rates measures for a fixed amount of work");
        if (rates) {
            BudgetRates.print(out);
            return 0;
        }
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
        LearningCurveExperiment.run(LearningCurveSpec.figure82(maze, 100, 50, 3), Runnable::run,
                ExperimentObserver.NONE);
        out.printf(Locale.ROOT, "figure82_100runs_one_thread_wall_ms %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        out.flush();

        AgentSpec plus = AgentSpec.dynaQPlus(DynaParams.defaults().withN(50), 1e-3);
        throughput(plus, dynamics, 50, Math.min(1.0, seconds / 2));
        out.printf(Locale.ROOT, "dynaqplus_updates_per_second %.0f updates/s%n",
                throughput(plus, dynamics, 50, seconds)[0]);
        MazeDynamics large = new MazeDynamics(BundledMazes.load("dyna-maze-6x.maze").layout());
        AgentSpec ps = AgentSpec.prioritizedSweeping(DynaParams.defaults().withAlpha(0.5).withN(5), 1e-4);
        throughput(ps, large, 5, Math.min(1.0, seconds / 2));
        out.printf(Locale.ROOT, "ps_updates_per_second %.0f updates/s%n", throughput(ps, large, 5, seconds)[0]);
        out.flush();

        pool = Executors.newFixedThreadPool(cores);
        try {
            Maze blocking = BundledMazes.load(BundledMazes.BLOCKING_MAZE);
            Maze shortcut = BundledMazes.load(BundledMazes.SHORTCUT_MAZE);
            CumulativeRewardExperiment.run(CumulativeRewardSpec.figure84(blocking, 30, 1), pool,
                    ExperimentObserver.NONE);
            t0 = System.nanoTime();
            CumulativeRewardExperiment.run(CumulativeRewardSpec.figure84(blocking, 30, 2), pool,
                    ExperimentObserver.NONE);
            out.printf(Locale.ROOT, "figure84_30runs_wall_ms %.1f ms%n", (System.nanoTime() - t0) / 1e6);
            t0 = System.nanoTime();
            CumulativeRewardExperiment.run(CumulativeRewardSpec.figure85(shortcut, 30, 2), pool,
                    ExperimentObserver.NONE);
            out.printf(Locale.ROOT, "figure85_30runs_wall_ms %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        } finally {
            pool.shutdownNow();
        }
        out.flush();

        benchModels(out, cores);
        benchPlanning(out, cores);
        benchAcceleration(out, seconds);
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

    /**
     * The acceleration figures: a Q update, a model rollout step and a refit with {@code accelerate}'s defaults, on
     * transitions of a random policy on the balance task; warm-up first, then the mean over about {@code seconds}.
     */
    static void benchAcceleration(PrintWriter out, double seconds) {
        mbrllab.core.acceleration.AccelerationParams params = mbrllab.core.acceleration.AccelerationParams.defaults();
        mbrllab.core.control.BalanceTask task = mbrllab.core.control.BalanceTask.cartPoleV1();
        SplitMix64 rng = new SplitMix64(1);
        mbrllab.core.dqn.ReplayBuffer buffer = new mbrllab.core.dqn.ReplayBuffer(5000);
        double[] s = new double[4];
        double[] next = new double[4];
        task.reset(s, rng);
        while (buffer.size() < buffer.capacity()) {
            int u = rng.nextInt(2);
            System.arraycopy(s, 0, next, 0, 4);
            task.step(next, u == 1 ? 10 : -10, new double[0]);
            boolean terminal = task.isTerminal(next);
            buffer.add(s, 0, u, 1, next, 0, terminal);
            if (terminal) {
                task.reset(s, rng);
            } else {
                System.arraycopy(next, 0, s, 0, 4);
            }
        }
        mbrllab.core.dqn.Dqn dqn = new mbrllab.core.dqn.Dqn(params.dqn(), new SplitMix64(2));
        mbrllab.core.dqn.TransitionBatch batch = new mbrllab.core.dqn.TransitionBatch(params.dqn().batchSize());
        long budget = (long) (seconds * 1e9);
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int phase = 0; phase < 2; phase++) {
            long count = 0;
            long t0 = System.nanoTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long elapsed;
            do {
                for (int b = 0; b < batch.capacity(); b++) {
                    buffer.copyTo(buffer.sampleIndex(rng), batch, b);
                }
                batch.setSize(batch.capacity());
                dqn.update(batch);
                count++;
                elapsed = System.nanoTime() - t0;
            } while (elapsed < (phase == 0 ? budget / 4 : budget));
            if (phase == 1) {
                out.printf(Locale.ROOT, "dqn_update_us %.1f us%n", elapsed / 1e3 / count);
                out.printf(Locale.ROOT, "dqn_update_cpu_us %.1f us%n",
                        (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / count);
            }
        }
        out.flush();

        mbrllab.core.acceleration.LearnedModelParams model = params.model();
        mbrllab.core.models.ensemble.IncrementalEnsemble ensemble =
                new mbrllab.core.models.ensemble.IncrementalEnsemble(new EnsembleSpec(model.members(), model.hidden(),
                        1, 0, model.batchSize(), model.learningRate(), model.weightDecay(), 0.01),
                        mbrllab.core.models.transition.TransitionData.INPUT_DIM,
                        mbrllab.core.models.transition.TransitionData.OUTPUT_DIM);
        int in = mbrllab.core.models.transition.TransitionData.INPUT_DIM;
        double[] x = new double[buffer.size() * in];
        double[] y = new double[buffer.size() * 4];
        for (int i = 0; i < buffer.size(); i++) {
            buffer.state(i, s, 0);
            buffer.nextState(i, next, 0);
            mbrllab.core.models.transition.TransitionData.features(s, 0, buffer.action(i) == 1 ? 10 : -10, x, i * in);
            for (int c = 0; c < 4; c++) {
                y[i * 4 + c] = next[c] - s[c];
            }
        }
        Dataset data = new Dataset(x, y, in, 4);
        ensemble.train(data, params.refitSteps(), rng); // first fit and warm-up
        double[] refit = new double[3];
        double[] refitCpu = new double[3];
        for (int r = 0; r < 3; r++) {
            long t0 = System.nanoTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            ensemble.train(data, params.refitSteps(), rng);
            refit[r] = (System.nanoTime() - t0) / 1e6;
            refitCpu[r] = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
        }
        java.util.Arrays.sort(refit);
        java.util.Arrays.sort(refitCpu);
        out.printf(Locale.ROOT, "model_refit_ms %.1f ms%n", refit[1]);
        out.printf(Locale.ROOT, "model_refit_cpu_ms %.1f ms%n", refitCpu[1]);
        out.flush();

        int n = 10;
        mbrllab.core.models.transition.TransitionModel.Stepper stepper =
                new mbrllab.core.models.transition.EnsembleTransitionModel(ensemble.model()).stepper(n);
        double[] states = new double[n * 4];
        double[] nextStates = new double[n * 4];
        double[] forces = new double[n];
        int[] actions = new int[n];
        mbrllab.core.dqn.ReplayBuffer modelBuffer = new mbrllab.core.dqn.ReplayBuffer(params.modelBufferCapacity());
        for (int phase = 0; phase < 2; phase++) {
            long count = 0;
            long t0 = System.nanoTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            long elapsed;
            do {
                for (int b = 0; b < n; b++) {
                    buffer.state(buffer.sampleIndex(rng), states, b * 4);
                }
                dqn.actAll(states, n, 0.05, rng, actions);
                for (int b = 0; b < n; b++) {
                    forces[b] = actions[b] == 1 ? 10 : -10;
                }
                stepper.sample(rng.nextInt(model.members()), states, forces, n, nextStates, rng);
                for (int b = 0; b < n; b++) {
                    modelBuffer.add(states, b * 4, actions[b], 1, nextStates, b * 4,
                            task.system().isTerminal(nextStates[b * 4], nextStates[b * 4 + 2]));
                }
                count++;
                elapsed = System.nanoTime() - t0;
            } while (elapsed < (phase == 0 ? budget / 4 : budget));
            if (phase == 1) {
                out.printf(Locale.ROOT, "model_rollout_step_us %.1f us%n", elapsed / 1e3 / count);
                out.printf(Locale.ROOT, "model_rollout_step_cpu_us %.1f us%n",
                        (threads.getCurrentThreadCpuTime() - cpu0) / 1e3 / count);
            }
        }
        out.flush();
    }

    /** The planning figures: one PETS control step per task with its default settings, on all cores. */
    static void benchPlanning(PrintWriter out, int cores) {
        ExecutorService pool = Executors.newFixedThreadPool(cores, r -> {
            Thread thread = new Thread(r, "bench-planner");
            thread.setDaemon(true);
            return thread;
        });
        try {
            double[] swingUp = planningStep(mbrllab.core.control.SwingUpTask.pilco(), pool);
            out.printf(Locale.ROOT, "pets_plan_step_swingup_ms %.1f ms%n", swingUp[0]);
            out.printf(Locale.ROOT, "pets_plan_step_swingup_cpu_ms %.1f ms%n", swingUp[1]);
            out.flush();
            double[] balance = planningStep(mbrllab.core.control.BalanceTask.cartPoleV1(), pool);
            out.printf(Locale.ROOT, "pets_plan_step_balance_ms %.1f ms%n", balance[0]);
            out.printf(Locale.ROOT, "pets_plan_step_balance_cpu_ms %.1f ms%n", balance[1]);
            out.flush();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The median wall time of 20 planning steps (after 10 for warm-up) from the observed states of a random episode,
     * with the task's default planner and ensemble fitted on 5 random-force episodes.
     *
     * @return {median wall ms, mean process CPU ms} per step
     */
    static double[] planningStep(mbrllab.core.control.CartPoleTask task, ExecutorService pool) {
        SplitMix64 forces = new SplitMix64(1);
        SplitMix64 world = new SplitMix64(2);
        java.util.List<mbrllab.core.models.dynamics.Trajectory> data = new java.util.ArrayList<>();
        for (int e = 0; e < 5; e++) {
            data.add(mbrllab.core.control.TaskEpisode.run(task,
                    (o, t) -> task.maxForce() * (2 * forces.nextDouble() - 1), world).observed());
        }
        mbrllab.core.models.transition.TransitionModel model = mbrllab.core.models.transition.TransitionModelSpec
                .ensemble().fit(task, data, new SplitMix64(3), pool);
        mbrllab.core.planning.Planner planner = mbrllab.core.planning.Planner.create(task, model,
                mbrllab.core.planning.PlannerSettings.defaults(task), pool);
        mbrllab.core.models.dynamics.Trajectory states = data.get(0);
        SplitMix64 rng = new SplitMix64(4);
        double[] ms = new double[20];
        long cpu0 = 0;
        for (int i = 0; i < 30; i++) {
            if (i == 10) {
                cpu0 = processCpuNanos();
            }
            long t0 = System.nanoTime();
            planner.plan(states.state(i % (states.length() + 1)), rng);
            if (i >= 10) {
                ms[i - 10] = (System.nanoTime() - t0) / 1e6;
            }
        }
        double cpu = (processCpuNanos() - cpu0) / 1e6 / 20;
        java.util.Arrays.sort(ms);
        return new double[] {(ms[9] + ms[10]) / 2, cpu};
    }

    /** CPU time of the whole process [ns], or 0 where the platform does not say. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }
}
