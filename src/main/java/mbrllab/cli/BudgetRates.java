package mbrllab.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

import mbrllab.core.acceleration.AccelerationExperiment;
import mbrllab.core.acceleration.AccelerationObserver;
import mbrllab.core.acceleration.AccelerationParams;
import mbrllab.core.acceleration.AccelerationSetting;
import mbrllab.core.acceleration.AccelerationSpec;
import mbrllab.core.acceleration.LearnedModelParams;
import mbrllab.core.acceleration.ModelChoice;
import mbrllab.core.acceleration.ProcessCounters;
import mbrllab.core.budget.Rates;
import mbrllab.core.cartpole.BoxModelKind;
import mbrllab.core.cartpole.BoxesDynaParams;
import mbrllab.core.cartpole.BoxesLearningExperiment;
import mbrllab.core.cartpole.BoxesLearningSpec;
import mbrllab.core.cartpole.SwingUpSystem;
import mbrllab.core.control.BalanceTask;
import mbrllab.core.dyna.AgentSpec;
import mbrllab.core.dyna.DynaParams;
import mbrllab.core.dyna.ExperimentObserver;
import mbrllab.core.dyna.MazeAgent;
import mbrllab.core.maze.Maze;
import mbrllab.core.maze.MazeDynamics;
import mbrllab.core.maze.MazeFormatException;
import mbrllab.core.maze.MazeParser;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.RegressionModel;
import mbrllab.core.models.dynamics.MultiStepPredictor;
import mbrllab.core.models.dynamics.PredictionMethod;
import mbrllab.core.models.dynamics.RandomEpisodes;
import mbrllab.core.models.dynamics.RolloutSettings;
import mbrllab.core.models.dynamics.Trajectory;
import mbrllab.core.models.dynamics.Transitions;
import mbrllab.core.models.ensemble.EnsembleSpec;
import mbrllab.core.models.ensemble.IncrementalEnsemble;
import mbrllab.core.models.gp.GaussianProcess;
import mbrllab.core.models.gp.GpModel;
import mbrllab.core.models.gp.MarginalLikelihood;
import mbrllab.core.models.gp.SeHyperparameters;
import mbrllab.core.models.transition.TransitionData;
import mbrllab.core.random.SplitMix64;
import mbrllab.io.BundledMazes;

/**
 * {@code bench --rates}: measures the unit costs behind the budget's estimates ({@link Rates}) on this machine, in
 * CPU time of one thread (so that a busy machine distorts them less than wall time), and prints each next to the
 * value {@link Rates} holds. Each figure is the smallest of three timings after a warm-up.
 */
final class BudgetRates {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BudgetRates() {
    }

    /** Prints {@code name measured unit (Rates: value)} lines. */
    static void print(PrintWriter out) {
        accelerationRates(out); // first, so that the JIT has compiled the shared network code for it, as in a command
        Maze small = BundledMazes.dynaMaze();
        Maze six = BundledMazes.load("dyna-maze-6x.maze");
        Maze open200 = openMaze(200);
        DynaParams params = DynaParams.defaults();

        line(out, "dynaq_real_step_ns", mazeStep(AgentSpec.dynaQ(params.withN(0)), small, 2_000_000),
                Rates.DYNA_STEP_NS);
        line(out, "dynaq_real_step_200x200_ns", mazeStep(AgentSpec.dynaQ(params.withN(0)), open200, 2_000_000),
                Rates.DYNA_STEP_LARGE_NS);
        line(out, "dynaq_planning_update_ns", planningUpdate(AgentSpec.dynaQ(params), small), Rates.DYNA_PLANNING_NS);
        line(out, "dynaq_planning_update_6x_ns", planningUpdate(AgentSpec.dynaQ(params), six), Rates.DYNA_PLANNING_NS);
        line(out, "dynaq_planning_update_200x200_ns", planningUpdate(AgentSpec.dynaQ(params), open200),
                Rates.DYNA_PLANNING_LARGE_NS);
        line(out, "dynaqplus_planning_update_ns", planningUpdate(AgentSpec.dynaQPlus(params, 1e-3),
                BundledMazes.load(BundledMazes.BLOCKING_MAZE)), Rates.DYNA_PLANNING_NS);
        line(out, "dynaqplus_planning_update_200x200_ns", planningUpdate(AgentSpec.dynaQPlus(params, 1e-3), open200),
                Rates.DYNA_PLANNING_LARGE_NS);
        AgentSpec ps = AgentSpec.prioritizedSweeping(params.withAlpha(0.5).withN(5), 1e-4);
        line(out, "ps_step_6x_ns", mazeStep(ps, six, 300_000), Rates.PS_STEP_NS);
        line(out, "ps_step_200x200_ns", mazeStep(ps, open200, 300_000), Rates.PS_STEP_NS);
        out.flush();

        double boxesStep = boxesPerStep(BoxModelKind.SAMPLE, 0);
        line(out, "boxes_real_step_ns", boxesStep, Rates.BOXES_STEP_NS);
        line(out, "boxes_planning_update_sample_ns", (boxesPerStep(BoxModelKind.SAMPLE, 50) - boxesStep) / 50,
                Rates.BOXES_PLANNING_NS);
        line(out, "boxes_planning_update_last_ns", (boxesPerStep(BoxModelKind.LAST_OUTCOME, 50) - boxesStep) / 50,
                Rates.BOXES_PLANNING_NS);
        out.flush();

        for (int n : new int[] {150, 500, 1500}) {
            line(out, "gp_likelihood_" + n + "_ns_per_n3", likelihood(n) / ((double) n * n * n),
                    Rates.GP_LIKELIHOOD_NS_PER_N3);
        }
        for (int n : new int[] {400, 2000}) {
            line(out, "gp_predict_" + n + "_ns_per_n2", gpPredict(n) / ((double) n * n), Rates.GP_PREDICT_NS_PER_N2);
        }
        out.flush();
        for (int n : new int[] {400, 1200}) {
            line(out, "moment_matching_step_" + n + "_ns_per_n2", momentMatching(n) / ((double) n * n),
                    Rates.MOMENT_MATCHING_NS_PER_N2);
        }
        out.flush();
        line(out, "ensemble_train_64x64_ns_per_weight_sample", ensembleTrain(List.of(64, 64)),
                Rates.ENSEMBLE_TRAIN_NS_PER_WEIGHT);
        line(out, "ensemble_train_512x512_ns_per_weight_sample", ensembleTrain(List.of(512, 512)),
                Rates.ENSEMBLE_TRAIN_NS_PER_WEIGHT);
        line(out, "ensemble_particle_64x64_ns_per_weight", ensembleParticle(), Rates.ENSEMBLE_PREDICT_NS_PER_WEIGHT);
        out.flush();
    }

    /**
     * The acceleration experiment's rates as {@code AccelerationSpec.cost} counts them: real-only DQN's CPU time per
     * Q update, minibatch sample and Q-network weight, from whole runs of 10,000 real steps with the defaults (the
     * real steps' own work inside it); a learned model's refit per member, Adam step, sample and model weight (the
     * default ensemble on 10,000 transitions); a rollout transition per model and Q-network weight (runs with n = 10
     * and k = 20 minus k = 1, over the extra transitions).
     */
    private static void accelerationRates(PrintWriter out) {
        AccelerationParams params = AccelerationParams.defaults();
        double qWeights = Rates.mlpWeights(4, params.dqn().hidden(), 1);
        LearnedModelParams m = params.model();
        double modelWeights = Rates.mlpWeights(TransitionData.INPUT_DIM, m.hidden(), TransitionData.OUTPUT_DIM);
        AccelerationTiming real = accelerationRun(AccelerationSetting.realOnly());
        double dqn = real.cpuNs() / (real.counters().qUpdates() * (double) params.dqn().batchSize() * qWeights);
        line(out, "accelerate_dqn_update_ns_per_weight_sample", dqn, Rates.DQN_UPDATE_NS_PER_WEIGHT);
        out.flush();
        IncrementalEnsemble ensemble = new IncrementalEnsemble(new EnsembleSpec(m.members(), m.hidden(), 1, 0,
                m.batchSize(), m.learningRate(), m.weightDecay(), 0.01), TransitionData.INPUT_DIM,
                TransitionData.OUTPUT_DIM);
        Dataset data = new Dataset(points(10_000, TransitionData.INPUT_DIM, 11).inputs(),
                points(10_000, TransitionData.OUTPUT_DIM, 12).inputs(), TransitionData.INPUT_DIM,
                TransitionData.OUTPUT_DIM);
        SplitMix64 rng = new SplitMix64(13);
        double refit = best(() -> {
            ensemble.train(data, params.refitSteps(), rng);
            return (long) (m.members() * (double) params.refitSteps() * m.batchSize() * modelWeights);
        });
        line(out, "accelerate_refit_ns_per_weight_sample", refit, Rates.ENSEMBLE_TRAIN_NS_PER_WEIGHT);
        out.flush();
        AccelerationTiming k1 = accelerationRun(AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 10, 1, 0.5));
        AccelerationTiming k20 = accelerationRun(AccelerationSetting.withModel(ModelChoice.ENSEMBLE, 10, 20, 0.5));
        double rollout = (k20.cpuNs() - k1.cpuNs())
                / ((k20.counters().modelTransitions() - k1.counters().modelTransitions()) * (modelWeights + qWeights));
        line(out, "accelerate_rollout_ns_per_weight", rollout, Rates.ROLLOUT_NS_PER_WEIGHT);
        out.flush();
    }

    /** CPU time of one run and what it did. */
    private record AccelerationTiming(double cpuNs, ProcessCounters counters) {
    }

    /** The smallest CPU time of two runs of 10,000 real steps after a warm-up run; every run is the same run. */
    private static AccelerationTiming accelerationRun(AccelerationSetting setting) {
        AccelerationSpec spec = new AccelerationSpec(BalanceTask.cartPoleV1(), AccelerationParams.defaults(),
                List.of(setting), 1, 100_000, 10_000, 200, 20, 1);
        double best = Double.POSITIVE_INFINITY;
        ProcessCounters counters = null;
        for (int r = 0; r < 3; r++) {
            long t0 = cpu();
            counters = AccelerationExperiment.runOne(spec, 0, 0, AccelerationObserver.NONE).counters();
            if (r > 0) {
                best = Math.min(best, cpu() - t0);
            }
        }
        return new AccelerationTiming(best, counters);
    }

    private static void line(PrintWriter out, String name, double measured, double held) {
        out.printf(Locale.ROOT, "%s %.3g ns (Rates: %.3g)%n", name, measured, held);
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** The smallest of a warm-up and three timings of {@code work}, which returns the units it did: ns per unit. */
    private static double best(java.util.function.LongSupplier work) {
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < 4; r++) {
            long t0 = cpu();
            long units = work.getAsLong();
            double perUnit = (cpu() - t0) / (double) units;
            if (r > 0) {
                best = Math.min(best, perUnit);
            }
        }
        return best;
    }

    /** An open side x side maze, S top left, G bottom right. */
    static Maze openMaze(int side) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                sb.append(r == 0 && c == 0 ? 'S' : r == side - 1 && c == side - 1 ? 'G' : '.');
            }
            sb.append('\n');
        }
        try {
            return MazeParser.parse("open-" + side, sb.toString());
        } catch (MazeFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ns per real step (with its n planning updates) of fresh agents taking {@code steps} steps. */
    private static double mazeStep(AgentSpec agent, Maze maze, int steps) {
        MazeDynamics dynamics = new MazeDynamics(maze.layout());
        long[] seed = {1};
        return best(() -> {
            MazeAgent a = agent.create(dynamics, seed[0], seed[0] + 1);
            seed[0] += 2;
            for (int i = 0; i < steps; i++) {
                a.step();
            }
            return steps;
        });
    }

    /** ns per planning update: (time at n = 50 - time at n = 0) / 50 per real step, after the model has filled. */
    private static double planningUpdate(AgentSpec agent, Maze maze) {
        int steps = 200_000;
        double with = mazeStep(agent.withParams(agent.params().withN(50)), maze, steps);
        double without = mazeStep(agent.withParams(agent.params().withN(0)), maze, steps);
        return Math.max(0, with - without) / 50;
    }

    /** ns per real step of BOXES Dyna-Q with {@code n} planning updates, 10 runs of 50 episodes. */
    private static double boxesPerStep(BoxModelKind model, int n) {
        long[] seed = {1};
        return best(() -> {
            BoxesLearningSpec spec = BoxesLearningSpec.dynaQ(model, new BoxesDynaParams(0.1, 0.99, 0.1, 0),
                    List.of(n), 10, 50, seed[0]++);
            long steps = 0;
            for (int run = 0; run < spec.runs(); run++) {
                for (int[] curve : BoxesLearningExperiment.runOne(spec, run, ExperimentObserver.NONE)) {
                    for (int s : curve) {
                        steps += s;
                    }
                }
            }
            return steps;
        });
    }

    private static Dataset points(int n, int d, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
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
        return new Dataset(x, y, d, 1);
    }

    /** ns per evaluation of the log marginal likelihood and its gradient on n points in 5 dimensions. */
    private static double likelihood(int n) {
        Dataset data = points(n, 5, n);
        MarginalLikelihood ml = new MarginalLikelihood(data.inputs(), 5, data.targets());
        double[] theta = {0, 0, 0, 0, 0, 0, Math.log(0.1)};
        double[] gradient = new double[theta.length];
        int repeats = Math.max(1, 20_000_000 / (n * n));
        return best(() -> {
            for (int r = 0; r < repeats; r++) {
                ml.logLikelihood(theta, gradient);
            }
            return repeats;
        });
    }

    /** ns per query point of a GP's mean and variance, n training points in 5 dimensions. */
    private static double gpPredict(int n) {
        Dataset data = points(n, 5, n);
        GaussianProcess gp = GaussianProcess.condition(new SeHyperparameters(new double[] {1, 1, 1, 1, 1}, 1, 0.1),
                data.inputs(), data.targets());
        int m = Math.max(10, 100_000_000 / (n * n));
        double[] q = points(m, 5, 7).inputs();
        double[] mean = new double[m];
        double[] var = new double[m];
        return best(() -> {
            gp.predict(q, mean, var);
            return m;
        });
    }

    /** ns per step of moment matching through 4 GPs on n swing-up transitions. */
    private static double momentMatching(int n) {
        List<Trajectory> episodes = RandomEpisodes.collect(SwingUpSystem.pilco(), n / 40, 40, 0.1, new SplitMix64(1));
        Dataset data = Transitions.of(episodes);
        GaussianProcess[] outputs = new GaussianProcess[4];
        for (int a = 0; a < 4; a++) {
            outputs[a] = GaussianProcess.condition(new SeHyperparameters(new double[] {300, 15, 1, 10, 50}, 1, 0.01),
                    data.inputs(), data.target(a));
        }
        MultiStepPredictor mm = MultiStepPredictor.of(new GpModel(outputs), PredictionMethod.MOMENT_MATCHING,
                RolloutSettings.defaults());
        Trajectory w = episodes.get(0).window(0, 10);
        return best(() -> {
            mm.predict(w.state(0), w.actions(), null);
            return 10;
        });
    }

    /** ns per weight and training sample of one ensemble member (5 inputs, 4 outputs, 2,000 points). */
    private static double ensembleTrain(List<Integer> hidden) {
        Dataset data = BenchCommand.transitions(2000, 7);
        int epochs = hidden.get(0) > 100 ? 1 : 5;
        EnsembleSpec spec = EnsembleSpec.dynamics().withMembers(1).withHidden(hidden).withEpochs(epochs)
                .withMinSteps(0);
        double weights = Rates.mlpWeights(5, hidden, 4);
        return best(() -> {
            spec.fit(data, new SplitMix64(3));
            return (long) (weights * epochs * 2000);
        });
    }

    /** ns per weight of one particle step through an ensemble (TS1, 5 members of 64 x 64). */
    private static double ensembleParticle() {
        List<Trajectory> episodes = RandomEpisodes.collect(SwingUpSystem.pilco(), 10, 40, 0.1, new SplitMix64(1));
        RegressionModel model = EnsembleSpec.dynamics().withEpochs(2).withMinSteps(0).fit(Transitions.of(episodes),
                new SplitMix64(2));
        MultiStepPredictor ts1 = MultiStepPredictor.of(model, PredictionMethod.TS1, new RolloutSettings(500, true));
        Trajectory w = episodes.get(0).window(0, 20);
        double weights = Rates.mlpWeights(5, List.of(64, 64), 4);
        return best(() -> {
            ts1.predict(w.state(0), w.actions(), new SplitMix64(5));
            return (long) (500 * 20 * weights);
        });
    }
}
