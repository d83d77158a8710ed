package mbrllab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;

import mbrllab.charts.PetsChart;
import mbrllab.core.control.BalanceTask;
import mbrllab.core.control.CartPoleTask;
import mbrllab.core.control.SwingUpTask;
import mbrllab.core.models.dynamics.Trajectory;
import mbrllab.core.models.transition.TransitionModelKind;
import mbrllab.core.models.transition.TransitionModelSpec;
import mbrllab.core.planning.PetsEpisode;
import mbrllab.core.planning.PetsLoop;
import mbrllab.core.planning.PetsObserver;
import mbrllab.core.planning.PetsSpec;
import mbrllab.core.planning.PlannerKind;
import mbrllab.core.planning.PlannerSettings;
import mbrllab.core.planning.Propagation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pets ...}: the PETS loop on a cart-pole task, headless (SPEC section 8, issue 12). */
@Command(name = "pets", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"PETS on the cart-pole: episode 1 with uniformly random forces, then per episode: fit the model "
                + "to all data so far, act one episode by model-predictive control (plan H forces at every control "
                + "step with CEM or random shooting, execute the first), add the episode to the data.",
            "A plan is scored by J(u_1..u_H) = 1/N sum_i sum_t r(x_t,i, u_t) over N particles: ts1 (a particle picks "
                + "a random ensemble member at every step), tsinf (it keeps its member), mean (one deterministic "
                + "particle; the only choice for --model single and --model true).",
            "swingup: PILCO's cart-pole, 40 steps of 0.1 s from N(0, 0.1^2 I) near hanging, observation noise 0.01, "
                + "reward 1 - c(x_t+1) with c = 1 - exp(-d^2 / (2 * 0.25^2)), d = pole tip to upright above x = 0; "
                + "success = d < 0.1 m at the 11 states of the last second.",
            "balance: CartPole-v1 physics, force in [-10, 10] N, +1 per step, Gymnasium's termination, 500 steps.",
            "Defaults: swingup --horizon 15 --population 200 --elites 20 --iterations 5 --particles 5 --propagation "
                + "tsinf; balance --horizon 50 --population 100 --elites 10 --iterations 4 --particles 5 "
                + "--propagation tsinf; CEM smoothing alpha 0.1; --model ensemble. With --model single or true the "
                + "propagation is mean with one particle.",
            "Models: ensemble = 5 bootstrapped nets (2 x 32 swish units) each predicting a Gaussian over the state "
                + "change (NLL); single = one such net by mean squared error; both from (x', theta', sin theta, "
                + "cos theta, u), refitted from scratch to all data before every planned episode; true = the physics.",
            "Writes DIR/pets.csv (episode,return,steps,transitions,plan_ms, then success,plan_predicted,plan_true: "
                + "the return over H of the executed plans as the model predicted it and as the same plans earn "
                + "when replayed open-loop in the true physics from the true state, mean per control step; empty "
                + "for the random episode), DIR/pets.png, and DIR/pets-episode-K.csv for every episode K: the true "
                + "states and forces as 'cartpole rollout' writes them (t,x,x_dot,theta,theta_dot,force; force "
                + "empty on the last row). Everything but plan_ms is the same bit for bit for a seed."})
final class PetsCommand implements Callable<Integer> {

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "balance or swingup")
    String task;

    @Option(names = "--planner", required = true, paramLabel = "PLANNER",
            description = "cem (cross-entropy method) or rs (random shooting)")
    String planner;

    @Option(names = "--episodes", required = true, paramLabel = "E",
            description = "episodes in all, the random one included, 1..10000")
    int episodes;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "seed of all randomness")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder, created if missing")
    Path out;

    @Option(names = "--model", paramLabel = "MODEL", defaultValue = "ensemble",
            description = "ensemble, single (one net by mean squared error, no uncertainty) or true (the physics) "
                    + "(default: ${DEFAULT-VALUE})")
    String model;

    @Option(names = "--horizon", paramLabel = "H", description = "planning horizon in control steps, 1..1000")
    Integer horizon;

    @Option(names = "--population", paramLabel = "P", description = "sequences per iteration, 1..100000")
    Integer population;

    @Option(names = "--elites", paramLabel = "K", description = "cem: elites, 1..P")
    Integer elites;

    @Option(names = "--iterations", paramLabel = "I", description = "cem: iterations, 1..1000")
    Integer iterations;

    @Option(names = "--particles", paramLabel = "N", description = "ts1/tsinf: particles per sequence, 1..10000")
    Integer particles;

    @Option(names = "--propagation", paramLabel = "PROP", description = "ts1, tsinf or mean")
    String propagation;

    @Option(names = "--threads", paramLabel = "T",
            description = "worker threads (default: one per core); the files do not depend on it")
    Integer threads;

    @picocli.CommandLine.Mixin
    CommandSupport.Budgeted budget;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Outputs.inFolder("pets", "--out", out); // the target checked before the work
        PetsSpec run = parse();
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 1024) {
            throw new UserInputException("pets: --threads must be in 1..1024, got " + t);
        }
        budget.check(run.cost(t), "lower --episodes, --population, --iterations, --particles or --horizon");
        PrintWriter console = spec.commandLine().getOut();
        console.println(describe(run));
        console.flush();
        ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
            Thread thread = new Thread(r, "pets-worker");
            thread.setDaemon(true);
            return thread;
        });
        long start = System.nanoTime();
        List<PetsEpisode> result;
        try (Progress progress = Progress.start(spec, run.episodes(), "episodes")) {
            result = PetsLoop.run(run, pool, new PetsObserver() {
                @Override
                public void episodeFinished(PetsEpisode e) {
                    progress.print(console, progressLine(e) + System.lineSeparator());
                    progress.advance();
                }
            });
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Path> written = PetsOutput.write(out, run, result);
        console.printf(Locale.ROOT, "wall time %.1f s%n", seconds);
        console.println(summary(run, result));
        console.println("wrote " + written.get(0) + ", " + written.get(1) + " and " + (written.size() - 2)
                + " episode files " + out.resolve("pets-episode-K.csv"));
        console.flush();
        return 0;
    }

    /** The run the options describe, or a one-line refusal (exit 2). */
    PetsSpec parse() {
        CartPoleTask cartPole = switch (task.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "swingup" -> SwingUpTask.pilco();
            case "balance" -> BalanceTask.cartPoleV1();
            default -> throw new UserInputException("pets: --task must be balance or swingup, got '" + task + "'");
        };
        PlannerKind kind = switch (planner.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "cem" -> PlannerKind.CEM;
            case "rs" -> PlannerKind.RANDOM_SHOOTING;
            default -> throw new UserInputException("pets: --planner must be cem or rs, got '" + planner + "'");
        };
        TransitionModelKind modelKind;
        try {
            modelKind = TransitionModelKind.fromId(model.strip().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("pets: --model must be ensemble, single or true, got '" + model + "'");
        }
        if (episodes < 1 || episodes > 10_000) {
            throw new UserInputException("pets: --episodes must be in 1..10000, got " + episodes);
        }
        if (kind == PlannerKind.RANDOM_SHOOTING && elites != null) {
            throw new UserInputException("pets: --elites applies to --planner cem only (random shooting keeps the "
                    + "best sequence)");
        }
        if (kind == PlannerKind.RANDOM_SHOOTING && iterations != null) {
            throw new UserInputException("pets: --iterations applies to --planner cem only (random shooting scores "
                    + "one population)");
        }
        Propagation prop;
        if (propagation == null) {
            prop = modelKind == TransitionModelKind.ENSEMBLE ? Propagation.TS_INF : Propagation.MEAN;
        } else {
            try {
                prop = Propagation.fromId(propagation.strip().toLowerCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("pets: --propagation must be ts1, tsinf or mean, got '" + propagation
                        + "'");
            }
        }
        if (!prop.supports(modelKind)) {
            throw new UserInputException("pets: --propagation " + prop.id() + " needs --model ensemble (the "
                    + modelKind.label() + " is one deterministic model); use --propagation mean");
        }
        if (prop == Propagation.MEAN && particles != null && particles != 1) {
            throw new UserInputException("pets: --particles applies to --propagation ts1 and tsinf only (mean follows "
                    + "one deterministic particle), got " + particles);
        }
        PlannerSettings defaults = PlannerSettings.defaults(cartPole);
        int h = horizon == null ? defaults.horizon() : horizon;
        int p = population == null ? defaults.population() : population;
        int n = prop == Propagation.MEAN ? 1 : particles == null ? defaults.particles() : particles;
        requireIn("--horizon", h, 1, 1000);
        requireIn("--population", p, 1, 100_000);
        requireIn("--particles", n, 1, 10_000);
        int k;
        int i;
        if (kind == PlannerKind.CEM) {
            k = elites == null ? Math.min(defaults.elites(), p) : elites;
            i = iterations == null ? defaults.iterations() : iterations;
            if (k < 1 || k > p) {
                throw new UserInputException("pets: --elites must be in 1.." + p + " (the population), got " + k);
            }
            requireIn("--iterations", i, 1, 1000);
        } else {
            k = 1;
            i = 1;
        }
        PlannerSettings settings = new PlannerSettings(kind, h, p, k, i, defaults.alpha(), n, prop);
        TransitionModelSpec modelSpec = TransitionModelSpec.of(modelKind);
        return new PetsSpec(cartPole, modelSpec, settings, episodes, seed);
    }

    private static void requireIn(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new UserInputException("pets: " + option + " must be in " + min + ".." + max + ", got " + value);
        }
    }

    static String taskName(CartPoleTask task) {
        return task instanceof SwingUpTask ? "swingup" : "balance";
    }

    static String describe(PetsSpec run) {
        PlannerSettings s = run.planner();
        String search = s.planner() == PlannerKind.CEM
                ? String.format(Locale.ROOT, "cem (population %d, elites %d, iterations %d, alpha %s)", s.population(),
                        s.elites(), s.iterations(), s.alpha())
                : String.format(Locale.ROOT, "rs (population %d)", s.population());
        return String.format(Locale.ROOT, "pets %s: %s, horizon %d, %s with %d particle%s, model %s, %d episodes, "
                        + "seed %d", taskName(run.task()), search, s.horizon(), s.propagation().id(), s.particles(),
                s.particles() == 1 ? "" : "s", run.model().kind().id(), run.episodes(), run.seed());
    }

    static String progressLine(PetsEpisode e) {
        if (e.random()) {
            return String.format(Locale.ROOT, "episode %d (random forces): return %.2f, %d steps, %d transitions",
                    e.number(), e.totalReturn(), e.steps(), e.transitions());
        }
        return String.format(Locale.ROOT, "episode %d: return %.2f, %d steps, %d transitions%s; fit %.1f s, "
                        + "plan %.1f ms per action; plan return predicted %.2f, true %.2f", e.number(), e.totalReturn(),
                e.steps(), e.transitions(), e.success() ? ", success" : "", e.fitMillis() / 1e3, e.planMillis(),
                e.predictedReturn(), e.replayedReturn());
    }

    static String summary(PetsSpec run, List<PetsEpisode> result) {
        int first = -1;
        double predicted = 0;
        double replayed = 0;
        int planned = 0;
        for (PetsEpisode e : result) {
            if (e.success() && first < 0) {
                first = e.number();
            }
            if (!e.random()) {
                predicted += e.predictedReturn();
                replayed += e.replayedReturn();
                planned++;
            }
        }
        String what = run.task() instanceof SwingUpTask ? "success (tip within 0.1 m for the last second)"
                : "a full episode (" + run.task().steps() + " steps)";
        String firstText = first > 0 ? "first " + what + " in episode " + first : "no " + what + " in "
                + result.size() + " episodes";
        if (planned == 0) {
            return firstText;
        }
        return String.format(Locale.ROOT, "%s; executed plans over the planned episodes: predicted return %.2f, "
                + "true %.2f (mean per control step)", firstText, predicted / planned, replayed / planned);
    }

    /** The files of a run, formatted and written in one place. */
    static final class PetsOutput {

        private PetsOutput() {
        }

        /** pets.csv, as described in the command's help. */
        static String csv(List<PetsEpisode> episodes) {
            StringBuilder sb = new StringBuilder("episode,return,steps,transitions,plan_ms,success,plan_predicted,"
                    + "plan_true\n");
            for (PetsEpisode e : episodes) {
                sb.append(e.number()).append(',').append(Double.toString(e.totalReturn())).append(',')
                        .append(e.steps()).append(',').append(e.transitions()).append(',')
                        .append(String.format(Locale.ROOT, "%.3f", e.planMillis())).append(',')
                        .append(e.success() ? 1 : 0).append(',');
                if (!e.random()) {
                    sb.append(Double.toString(e.predictedReturn())).append(',')
                            .append(Double.toString(e.replayedReturn()));
                } else {
                    sb.append(',');
                }
                sb.append('\n');
            }
            return sb.toString();
        }

        /**
         * One episode's true states and forces in the format of {@code cartpole rollout}: t,x,x_dot,theta,theta_dot,
         * force, one row per control step from the initial state, the force applied during the following step, empty
         * on the last row; numbers by {@link Double#toString} (they read back as the same doubles).
         */
        static String trajectoryCsv(Trajectory truth, double dt) {
            StringBuilder csv = new StringBuilder("t,x,x_dot,theta,theta_dot,force\n");
            int steps = truth.length();
            for (int k = 0; k <= steps; k++) {
                csv.append(CartPoleCommand.fmt(Math.round(k * dt * 1e9) / 1e9));
                for (int i = 0; i < Trajectory.STATE_DIM; i++) {
                    csv.append(',').append(CartPoleCommand.fmt(truth.state(k, i)));
                }
                csv.append(',');
                if (k < steps) {
                    csv.append(CartPoleCommand.fmt(truth.action(k)));
                }
                csv.append('\n');
            }
            return csv.toString();
        }

        static JFreeChart chart(PetsSpec run, List<PetsEpisode> episodes) {
            PlannerSettings s = run.planner();
            String title = (run.task() instanceof SwingUpTask ? "PETS on the swing-up" : "PETS on balancing") + ": "
                    + s.planner().label() + ", " + run.model().kind().label();
            JFreeChart chart = PetsChart.create(title, episodes, run.task().steps(), s.horizon(), 1.0);
            chart.addSubtitle(new TextTitle(describe(run)));
            return chart;
        }

        /**
         * Writes pets.csv, pets.png and pets-episode-K.csv as one unit ({@link Outputs}).
         *
         * @return the files written: the CSV, the PNG, then the episodes in order
         */
        static List<Path> write(Path dir, PetsSpec run, List<PetsEpisode> episodes) {
            Outputs files = Outputs.inFolder("pets", "--out", dir);
            files.csv("pets.csv", csv(episodes)).png("pets.png", chart(run, episodes), 900, 640);
            double dt = run.task().controlPeriod();
            for (PetsEpisode e : episodes) {
                files.csv("pets-episode-" + e.number() + ".csv", trajectoryCsv(e.episode().truth(), dt));
            }
            files.commit(); // one unit: a failure leaves every earlier file as it was
            return files.paths();
        }
    }
}
