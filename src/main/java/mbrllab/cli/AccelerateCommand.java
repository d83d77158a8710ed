package mbrllab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import mbrllab.core.acceleration.AccelerationExperiment;
import mbrllab.core.acceleration.AccelerationObserver;
import mbrllab.core.acceleration.AccelerationParams;
import mbrllab.core.acceleration.AccelerationResult;
import mbrllab.core.acceleration.AccelerationSetting;
import mbrllab.core.acceleration.AccelerationSpec;
import mbrllab.core.acceleration.LearnedModelParams;
import mbrllab.core.acceleration.ModelChoice;
import mbrllab.core.acceleration.RunRecord;
import mbrllab.core.control.BalanceTask;
import mbrllab.core.dqn.DqnParams;
import mbrllab.core.dqn.EpsilonSchedule;
import mbrllab.core.dqn.TargetUpdate;
import mbrllab.core.dqn.TdLoss;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accelerate ...}: Dyna-style acceleration of DQN with a learned model on the balance task, headless. */
@Command(name = "accelerate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Dyna-style acceleration of DQN on the balance task (CartPole-v1 physics, pushes of -10 and "
                + "+10 N, reward +1 per step, 500 steps at most): real-only DQN against DQN that also learns from "
                + "model rollouts (after each real step, n rollouts of k model steps from states drawn out of the real "
                + "buffer, epsilon-greedy actions of the current Q-network with --rollout-epsilon, written into a "
                + "model buffer; each Q update's "
                + "minibatch mixes real and model transitions). The learner knows the reward (+1) and the termination "
                + "rule (|theta| > 12 degrees or |x| > 2.4 m); the model predicts the next state.",
            "SETTINGS: comma-separated; 'real', or KIND[:n=N][:k=K][:ratio=R][:push=P] with KIND model (learned "
                + "ensemble), single (one learned net) or true (the true physics); n rollouts per real step (1..1000, "
                + "default 10), k steps per rollout (1..500, default 1), ratio = fraction of real transitions in each "
                + "minibatch (0..1, default --ratio), push = the push of each rollout's first step: epsilon (default, "
                + "as every later step: --rollout-epsilon), dataset (the push the start state's real transition took: "
                + "with the true physics the first step repeats that real transition) or other (the push it did not "
                + "take); true also takes noise=S (0..1, default 0): Gaussian noise added "
                + "to every model step, its standard deviation S times each component's scale (2.4 m, 2 m/s, 0.21 rad, "
                + "2 rad/s), a model with a known one-step error S. "
                + "Example: real,model:n=10:k=1,model:n=10:k=20,true:n=10:k=1.",
            "A setting's column name is its text with ':' and '=' dropped and the parts joined by '_' (real, "
                + "model_n10_k1, true_n10_k1).",
            "All settings share the seeds of their runs and the Q updates per real step, so only the data they learn "
                + "from differs. A run ends after E episodes or --max-steps real steps, whichever comes first.",
            "Writes DIR/accelerate.csv (episode, then per setting NAME_mean,NAME_se: return of that episode over the "
                + "runs that finished it, se = standard error over those runs; NAME_real_steps_mean: real steps taken "
                + "by the end of it), DIR/accelerate.png (mean return of the last 10 episodes against real steps, 95%% "
                + "bands), DIR/accelerate-summary.csv (setting,steps_to_195_mean,steps_to_195_se,reached,runs: per "
                + "run, the real steps by the end of the first episode at which the mean return of its last 10 "
                + "episodes reaches 195; a run that never does counts at the step cap and not in reached), and, when a "
                + "setting uses a model, DIR/accelerate-model-error.csv and .png (setting,k,error_mean,error_se,x_rmse,"
                + "x_dot_rmse,theta_rmse,theta_dot_rmse,step_error_mean,step_error_se for k = 1..20: at the end of "
                + "each run, 200 states drawn from its real buffer are rolled out k steps by its model with its greedy "
                + "actions and by the true physics with the same forces; error = root mean square of the state "
                + "difference scaled by 2.4 m, 2 m/s, 0.21 rad, 2 rad/s; rmse per component in m, m/s, rad, rad/s; "
                + "step_error: the same scaled error of the k-th model step alone, against one step of the true "
                + "physics from the model's own state after k - 1 steps; means over runs; a run that ends before "
                + "Q learning starts never fits a learned model and measures nothing).",
            "Long model rollouts: errors compound with k (the lecture: avoid long model rollouts; yet short rollouts "
                + "from buffer states do not reach later time steps)."})
final class AccelerateCommand implements Callable<Integer> {

    /** The four settings compared by default. */
    static final String DEFAULT_SETTINGS = "real,model:n=10:k=1,model:n=10:k=20,true:n=10:k=1";

    @Option(names = "--settings", paramLabel = "LIST", defaultValue = DEFAULT_SETTINGS,
            description = "settings to compare (default: ${DEFAULT-VALUE})")
    String settings;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "10",
            description = "independent runs per setting, 1..10000 (default: ${DEFAULT-VALUE})")
    int runs;

    @Option(names = "--episodes", paramLabel = "E", defaultValue = "300",
            description = "most episodes per run, 1..100000 (default: ${DEFAULT-VALUE})")
    int episodes;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "master seed; the same seed gives the same files bit for bit (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
            description = "output folder, created if missing (default: the current folder)")
    Path out;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "30000",
            description = "most real steps per run, 1..10000000 (default: ${DEFAULT-VALUE}); runs that never reach 195 "
                    + "count at this cap")
    int maxSteps;

    @Option(names = "--updates", paramLabel = "U", defaultValue = "2",
            description = "Q updates after each real step, the same for every setting, 1..1000 (default: "
                    + "${DEFAULT-VALUE})")
    int updates;

    @Option(names = "--ratio", paramLabel = "R", defaultValue = "0.5",
            description = "fraction of real transitions in each minibatch of a setting with a model, 0..1 (default: "
                    + "${DEFAULT-VALUE}); a setting's own ratio=R overrides it")
    double ratio;

    @Option(names = "--refit-every", paramLabel = "M", defaultValue = "500",
            description = "learned models: refit every M real steps, 1..1000000 (default: ${DEFAULT-VALUE})")
    int refitEvery;

    @Option(names = "--refit-steps", paramLabel = "N", defaultValue = "200",
            description = "learned models: Adam steps per member and refit, warm-started from the previous fit, so a "
                    + "refit costs the same however much data there is, 1..1000000 (default: ${DEFAULT-VALUE})")
    int refitSteps;

    @Option(names = "--members", paramLabel = "M", defaultValue = "5",
            description = "learned ensemble: members, 1..100 (default: ${DEFAULT-VALUE})")
    int members;

    @Option(names = "--model-buffer", paramLabel = "N", defaultValue = "20000",
            description = "model transitions kept, the oldest replaced first, 1..10000000 (default: ${DEFAULT-VALUE})")
    int modelBuffer;

    @Option(names = "--rollout-epsilon", paramLabel = "E", defaultValue = "1",
            description = "epsilon of the epsilon-greedy pushes in model rollouts, 0..1 (default: ${DEFAULT-VALUE}; 1: "
                    + "uniformly random pushes, so that both pushes' values learn from the model data)")
    double rolloutEpsilon;

    @Option(names = "--rollout-window", paramLabel = "N", defaultValue = "100000",
            description = "model rollouts start from states drawn out of the latest N real transitions, "
                    + "1..10000000 (default: ${DEFAULT-VALUE}, the whole real buffer)")
    int rolloutWindow;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "64",
            description = "transitions per Q update, 1..4096 (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--lr", paramLabel = "A", defaultValue = "0.001",
            description = "Adam step size of the Q-network, in (0, 1] (default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--gamma", paramLabel = "G", defaultValue = "0.95",
            description = "discount, 0..1 (default: ${DEFAULT-VALUE})")
    double gamma;

    @Option(names = "--hidden", paramLabel = "H1,H2", split = ",", defaultValue = "32,32",
            description = "hidden layer sizes of the Q-network, 1 to 4 layers of 1..1024 (default: ${DEFAULT-VALUE})")
    List<Integer> hidden;

    @Option(names = "--target-every", paramLabel = "C", defaultValue = "200",
            description = "copy the online network into the target network every C Q updates, 1..100000000 "
                    + "(default: ${DEFAULT-VALUE})")
    int targetEvery;

    @Option(names = "--polyak", paramLabel = "TAU",
            description = "instead of copies, move the target network by TAU towards the online one after every Q "
                    + "update, in (0, 1]")
    Double polyak;

    @Option(names = "--epsilon", paramLabel = "E0,E1,N", defaultValue = "1,0.05,300",
            description = "epsilon-greedy schedule: linear from E0 to E1 (each 0..1) over the first N real steps "
                    + "(0..100000000) (default: ${DEFAULT-VALUE})")
    String epsilon;

    @Option(names = "--double", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Double DQN: the online network picks the next action and the target network values it; "
                    + "--no-double for plain DQN "
                    + "(default: ${DEFAULT-VALUE})")
    boolean doubleQ;

    @Option(names = "--loss", paramLabel = "LOSS", defaultValue = "huber",
            description = "loss of the TD error: huber (squared within 1, linear beyond: the error clipping of Mnih et "
                    + "al. 2015) or squared (the lecture's TD update) (default: ${DEFAULT-VALUE})")
    String loss;

    @Option(names = "--learning-starts", paramLabel = "N", defaultValue = "200",
            description = "real steps before the first Q update (and the first model fit), 1..1000000 (default: "
                    + "${DEFAULT-VALUE})")
    int learningStarts;

    @Option(names = "--threads", paramLabel = "T",
            description = "worker threads (default: one per core); the result does not depend on it")
    Integer threads;

    @CommandLine.Mixin
    CommandSupport.Budgeted budget;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A setting with its column name. */
    record Named(String name, AccelerationSetting setting) {
    }

    @Override
    public Integer call() {
        Outputs.inFolder("accelerate", "--out", out); // the target checked before the work
        List<Named> named = parseSettings(settings, ratio);
        AccelerationSpec experiment = experiment(named);
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 1024) {
            throw new UserInputException("accelerate: --threads must be in 1..1024, got " + t);
        }
        budget.check(experiment.cost(t), "lower --runs, --max-steps, --episodes, --updates or a setting's n and k");
        ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
            Thread thread = new Thread(r, "accelerate-worker");
            thread.setDaemon(true);
            return thread;
        });
        long t0 = System.nanoTime();
        AccelerationResult result;
        try (Progress progress = Progress.start(spec, (long) named.size() * runs, "runs")) {
            result = AccelerationExperiment.run(experiment, pool, new AccelerationObserver() {
                @Override
                public void runFinished(int setting, int run, RunRecord record) {
                    progress.advance();
                }
            });
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        PrintWriter stdout = spec.commandLine().getOut();
        List<Path> written = AccelerateOutput.write(out, result, names(named));
        stdout.print(AccelerateOutput.summary(result, names(named)));
        stdout.printf(Locale.ROOT, "%d settings x %d runs in %.1f s on %d threads%n", named.size(), runs, seconds, t);
        stdout.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
        stdout.flush();
        return 0;
    }

    private static List<String> names(List<Named> named) {
        return named.stream().map(Named::name).toList();
    }

    /** The spec from the options; a bad value is one line and exit code 2. */
    AccelerationSpec experiment(List<Named> named) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        boolean anyModel = named.stream().anyMatch(n -> n.setting().usesModel());
        boolean anyLearned = named.stream().anyMatch(n -> n.setting().model().learned());
        if (!anyModel && parsed != null && parsed.hasMatchedOption("--ratio")) {
            throw new UserInputException("accelerate: --ratio applies to settings with a model, and --settings has "
                    + "none");
        }
        for (String option : new String[] {"--model-buffer", "--rollout-epsilon", "--rollout-window"}) {
            if (!anyModel && parsed != null && parsed.hasMatchedOption(option)) {
                throw new UserInputException("accelerate: " + option + " applies to settings with a model, and "
                        + "--settings has none");
            }
        }
        boolean anyEnsemble = named.stream().anyMatch(n -> n.setting().model() == ModelChoice.ENSEMBLE);
        if (!anyEnsemble && parsed != null && parsed.hasMatchedOption("--members")) {
            throw new UserInputException("accelerate: --members applies to the learned ensemble (model:...), and "
                    + "--settings has none");
        }
        for (String option : new String[] {"--refit-every", "--refit-steps"}) {
            if (!anyLearned && parsed != null && parsed.hasMatchedOption(option)) {
                throw new UserInputException("accelerate: " + option + " applies to learned models (model:... or "
                        + "single:...), and --settings has none");
            }
        }
        if (polyak != null && parsed != null && parsed.hasMatchedOption("--target-every")) {
            throw new UserInputException("accelerate: give --target-every or --polyak, not both");
        }
        try {
            TargetUpdate target = polyak != null ? TargetUpdate.polyak(polyak) : TargetUpdate.hard(targetEvery);
            DqnParams dqn = new DqnParams(hidden, learningRate, gamma, batch, parseLoss(loss), target, parseEpsilon(epsilon), learningStarts,
                    AccelerationParams.defaultDqn().bufferCapacity(), doubleQ);
            LearnedModelParams defaults = LearnedModelParams.defaults();
            LearnedModelParams model = new LearnedModelParams(members, defaults.hidden(), defaults.learningRate(),
                    defaults.batchSize(), defaults.weightDecay());
            AccelerationParams params = new AccelerationParams(dqn, updates, refitEvery, refitSteps, model, modelBuffer,
                    rolloutEpsilon, rolloutWindow);
            return new AccelerationSpec(BalanceTask.cartPoleV1(), params,
                    named.stream().map(Named::setting).toList(), runs, episodes, maxSteps, 200, 20, seed);
        } catch (IllegalArgumentException e) {
            throw new UserInputException("accelerate: " + optionMessage(e.getMessage()));
        }
    }

    /** Names a record's field in a message by its option. */
    private static String optionMessage(String message) {
        String[][] fields = {{"updatesPerStep", "--updates"}, {"refitPeriod", "--refit-every"},
            {"refitSteps", "--refit-steps"}, {"members", "--members"}, {"modelBufferCapacity", "--model-buffer"},
            {"batchSize", "--batch"}, {"learningRate", "--lr"}, {"gamma", "--gamma"},
            {"each hidden layer size", "--hidden: each layer size"}, {"hidden", "--hidden"},
            {"period", "--target-every"}, {"tau", "--polyak"}, {"learningStarts", "--learning-starts"},
            {"runs", "--runs"}, {"episodes", "--episodes"}, {"maxRealSteps", "--max-steps"},
            {"rolloutEpsilon", "--rollout-epsilon"}, {"rolloutStartWindow", "--rollout-window"}};
        for (String[] f : fields) {
            if (message.startsWith(f[0] + " ")) {
                return f[1] + message.substring(f[0].length());
            }
        }
        return message;
    }

    /** E0,E1,N. */
    static EpsilonSchedule parseEpsilon(String text) {
        String[] parts = text.split(",", -1);
        String usage = "accelerate: --epsilon needs E0,E1,N (E0 and E1 in 0..1, N a whole number of real steps in "
                + "0..100000000), got '" + text + "'";
        if (parts.length != 3) {
            throw new UserInputException(usage);
        }
        try {
            double start = Double.parseDouble(parts[0].trim());
            double end = Double.parseDouble(parts[1].trim());
            long steps = Long.parseLong(parts[2].trim());
            return new EpsilonSchedule(start, end, steps);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(usage);
        }
    }

    /**
     * Parses the setting list: {@code real} or {@code KIND[:n=N][:k=K][:ratio=R]}, for {@code true} also
     * {@code [:noise=S]}. The name of a setting is its text with ':' and '=' dropped and the parts joined by '_'.
     */
    /** The --loss text: huber or squared (case ignored). */
    static TdLoss parseLoss(String text) {
        for (TdLoss l : TdLoss.values()) {
            if (l.name().equalsIgnoreCase(text.strip())) {
                return l;
            }
        }
        throw new UserInputException("accelerate: --loss must be huber or squared, got '" + text + "'");
    }

    static List<Named> parseSettings(String list, double defaultRatio) {
        if (!(defaultRatio >= 0 && defaultRatio <= 1)) {
            throw new UserInputException("accelerate: --ratio must be in 0..1, got " + defaultRatio);
        }
        List<Named> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<AccelerationSetting> seen = new HashSet<>();
        String[] items = list.split(",", -1);
        for (String raw : items) {
            String item = raw.trim();
            if (item.isEmpty()) {
                throw new UserInputException("accelerate: --settings has an empty setting in '" + list + "'");
            }
            AccelerationSetting setting;
            try {
                setting = AccelerationSetting.parse(item, defaultRatio);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("accelerate: --settings: " + e.getMessage());
            }
            String name = AccelerationSetting.nameOf(item);
            if (!seen.add(setting) || !names.add(name)) {
                throw new UserInputException("accelerate: --settings lists '" + item + "' twice");
            }
            result.add(new Named(name, setting));
        }
        return result;
    }
}
