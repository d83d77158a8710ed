package mbrllab.app.pilco;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import mbrllab.app.lab.Dispatcher;
import mbrllab.app.lab.LiveExperiment;
import mbrllab.app.lab.LockStepRunner;
import mbrllab.app.lab.Playback;
import mbrllab.app.lab.Publication;
import mbrllab.app.lab.Ticker;
import mbrllab.core.control.SwingUpTask;
import mbrllab.core.dyna.ExperimentObserver;
import mbrllab.core.models.dynamics.Trajectory;
import mbrllab.core.models.gp.SeHyperparameters;
import mbrllab.core.pilco.GpDynamics;
import mbrllab.core.pilco.PilcoLearner;
import mbrllab.core.pilco.PilcoObserver;
import mbrllab.core.pilco.PilcoSettings;
import mbrllab.core.pilco.PolicyEvaluation;
import mbrllab.core.pilco.RbfPolicy;
import mbrllab.core.pilco.TrialResult;
import mbrllab.core.random.SplitMix64;
import mbrllab.io.PilcoRecording;
import mbrllab.io.PilcoRecording.Trial;

/**
 * The PILCO lab's state: the run on show (a recorded one, read at once, or one computed live in the background by
 * {@link PilcoLearner}, trial by trial, with the policy search's progress and Cancel), the trial selected, the
 * trajectory on show (the trial's real rollout with its prediction, or the learned policy replayed from another
 * start), and the replay's playback. FX thread only; the run computes on the app's background threads and reaches
 * the properties through the {@link Dispatcher}.
 */
final class PilcoViewModel {

    /** The shipped recording of PILCO (moment matching), seed 1, 8 trials: made by {@code pilco --record}. */
    static final String RECORDED_MOMENT = "/pilco/pilco-moment.json";
    /** The shipped recording of the same loop with the GP mean only, seed 1, 8 trials. */
    static final String RECORDED_MEAN = "/pilco/pilco-mean.json";
    /** Real time: one control step of 0.1 s per tenth of a second. */
    static final double REAL_TIME = 10;

    /**
     * A run so far.
     *
     * @param trials   the finished trials, in order
     * @param planned  the trials the run will have
     * @param source   recorded or live
     * @param loop     moment matching or the GP mean
     * @param seed     the run's seed
     * @param horizon  H
     * @param centres  K
     * @param evaluations the policy search's budget per trial
     */
    record Run(List<Trial> trials, int planned, PilcoLabSettings.Source source, PilcoLabSettings.Loop loop, long seed,
               int horizon, int centres, int evaluations) {

        Run {
            trials = List.copyOf(trials);
        }

        /** The total experience on the real system [s]. */
        double experience() {
            return trials.isEmpty() ? 0 : trials.get(trials.size() - 1).experience();
        }

        /** The first successful trial, or 0. */
        int firstSuccess() {
            for (Trial t : trials) {
                if (t.success()) {
                    return t.trial();
                }
            }
            return 0;
        }
    }

    /** Identifies a run's settings (equal keys give equal runs, so a finished run is shown again at once). */
    record RunKey(PilcoLabSettings.Source source, PilcoLabSettings.Loop loop, long seed, int trials) {
    }

    /**
     * The trajectory on show.
     *
     * @param trial      the trial it belongs to (its policy was replayed when {@code start} is not null)
     * @param states     (H+1) x 4 true states
     * @param forces     H forces
     * @param prediction the predicted distribution from the start distribution (for another start: the start
     *                   distribution moved there, once computed in the background), or null (random trial; another
     *                   start while it computes or when the recording holds no model)
     * @param start      the start the policy was replayed from, or null for the trial's own rollout
     * @param cost       the cost summed over s_1 .. s_H
     * @param success    the task's success
     * @param predicting true while the prediction from another start is being computed
     */
    record Shown(Trial trial, double[] states, double[] forces, PolicyEvaluation.Prediction prediction,
                 double[] start, double cost, boolean success, boolean predicting) {

        int steps() {
            return forces.length;
        }

        double state(int t, int i) {
            return states[t * 4 + i];
        }
    }

    /** One picture of the replay: the trajectory and the step on show. */
    record ReplayFrame(Shown shown, int t) {
    }

    /**
     * The policy search's progress.
     *
     * @param trial       the trial being prepared
     * @param planned     the trials planned
     * @param phase       what it does
     * @param evaluation  evaluations of J so far in this trial
     * @param budget      the most it makes
     * @param cost        J at the latest evaluation
     * @param best        the lowest J so far
     */
    record Search(int trial, int planned, PilcoObserver.Phase phase, int evaluation, int budget, double cost,
                  double best) {

        /** "Trial 3 of 8: optimising the policy, evaluation 57 of 150, expected cost 23.41 (best 22.90)". */
        String text() {
            String what = switch (phase) {
                case TRAINING_DYNAMICS -> "training the GP dynamics";
                case OPTIMISING_POLICY -> evaluation == 0 ? "optimising the policy"
                        : String.format(Locale.ROOT, "optimising the policy, evaluation %d of %d, expected cost %.2f "
                        + "(best %.2f)", evaluation, budget, cost, best);
                case APPLYING_POLICY -> "applying the policy";
            };
            return "Trial " + trial + " of " + planned + ": " + what;
        }

        /** The fraction of the run done. */
        double fraction(int trialsDone) {
            double within = phase == PilcoObserver.Phase.OPTIMISING_POLICY ? evaluation / (double) budget
                    : phase == PilcoObserver.Phase.APPLYING_POLICY ? 1 : 0;
            return Math.min(1, (trialsDone + within) / planned);
        }
    }

    private final Dispatcher dispatcher;
    private final Playback playback;
    private final LiveExperiment<Run> experiment;
    private final ObjectProperty<PilcoLabSettings.Source> source = new SimpleObjectProperty<>(this, "source",
            PilcoLabSettings.Source.RECORDED);
    private final ObjectProperty<PilcoLabSettings.Loop> loop = new SimpleObjectProperty<>(this, "loop",
            PilcoLabSettings.Loop.MOMENT);
    private final IntegerProperty trials = new SimpleIntegerProperty(this, "trials", 8);
    private final BooleanProperty velocities = new SimpleBooleanProperty(this, "velocities", false);
    /** The trial selected, 1-based; 0 while there is none. */
    private final ReadOnlyObjectWrapper<Integer> selected = new ReadOnlyObjectWrapper<>(this, "selected", 0);
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyObjectWrapper<Search> search = new ReadOnlyObjectWrapper<>(this, "search");
    private final ReadOnlyObjectWrapper<Publication<ReplayFrame>> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final Object searchKey = new Object();
    private final Object predictionKey = new Object();
    private final Executor workers;
    /** The prediction from another start that may still change what is on show (its token), or null. */
    private Object predictionToken;
    private ReplayTicker ticker;
    /** The live run whose progress is on show (its token), or null. */
    private Object searchToken;
    /** Settings whose trial and start apply once the run on its way has finished. */
    private PilcoLabSettings pending;
    /** True while the selection follows the newest trial of a live run. */
    private boolean followLast = true;
    private LockStepRunner<ReplayFrame> runner;

    /**
     * @param workers      the threads the learner's parallel pieces run on
     * @param coordinators the thread that drives the learner
     */
    PilcoViewModel(Dispatcher dispatcher, ExecutorService coordinators, Executor workers) {
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.playback = new Playback(dispatcher, Playback.position(REAL_TIME), s -> Playback.stepsText(s)
                + (Math.abs(s - REAL_TIME) < 0.05 ? " (real time)" : ""));
        this.experiment = new LiveExperiment<>(dispatcher, coordinators, workers, true);
        experiment.snapshotProperty().addListener((o, a, b) -> onRun(b));
        experiment.runningProperty().addListener((o, a, b) -> {
            if (!b) {
                searchToken = null;
                search.set(null);
            }
        });
    }

    Playback playback() {
        return playback;
    }

    /** The run behind the charts: its snapshot is the run so far. */
    LiveExperiment<Run> experiment() {
        return experiment;
    }

    ObjectProperty<PilcoLabSettings.Source> sourceProperty() {
        return source;
    }

    ObjectProperty<PilcoLabSettings.Loop> loopProperty() {
        return loop;
    }

    /** Trials of a live run, the random one included. */
    IntegerProperty trialsProperty() {
        return trials;
    }

    BooleanProperty velocitiesProperty() {
        return velocities;
    }

    ReadOnlyObjectProperty<Integer> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Search> searchProperty() {
        return search.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Publication<ReplayFrame>> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** The run on show, or null. */
    Run run() {
        return experiment.snapshot();
    }

    /**
     * Shows the run the settings ask for: the recording at once, or a live run computed in the background (a finished
     * one with the same settings at once).
     */
    void start() {
        PilcoLabSettings.Source s = source.get();
        PilcoLabSettings.Loop l = loop.get();
        long seed = playback.seed();
        int count = trials.get();
        followLast = true;
        pending = null;
        selected.set(0);
        if (s == PilcoLabSettings.Source.RECORDED) {
            String file = l == PilcoLabSettings.Loop.MOMENT ? RECORDED_MOMENT : RECORDED_MEAN;
            experiment.start(new LiveExperiment.Job<>(new RunKey(s, l, 0, 0), 1, "Reading the recorded run",
                    (workers, observer) -> recorded(PilcoRecording.resource(file)), data -> null,
                    r -> r == null ? 0 : 1, PilcoViewModel::doneMessage));
            return;
        }
        PilcoSettings settings = PilcoSettings.defaults().withPropagation(l.propagation());
        List<Trial> done = Collections.synchronizedList(new ArrayList<>());
        Object token = new Object();
        experiment.start(new LiveExperiment.Job<>(new RunKey(s, l, seed, count), count,
                "PILCO from scratch: seed " + seed + ", " + count + " trials",
                (workers, observer) -> live(settings, seed, count, workers, observer, done, token),
                data -> runOf(done, count, l, seed, settings),
                r -> r == null ? 0 : r.trials().size(), PilcoViewModel::doneMessage));
        searchToken = token;
    }

    /**
     * Stops a live run; the trials finished so far stay, and a session's trial, start and play waiting for the run
     * apply to them.
     */
    void cancel() {
        experiment.cancel();
        searchToken = null;
        search.set(null);
        PilcoLabSettings p = pending;
        Run r = run();
        if (p != null && r != null && !r.trials().isEmpty()) {
            pending = null;
            applyTrial(p);
        }
    }

    private static Run recorded(PilcoRecording r) {
        return new Run(r.trials(), r.trials().size(), PilcoLabSettings.Source.RECORDED,
                "mean".equals(r.propagation()) ? PilcoLabSettings.Loop.MEAN : PilcoLabSettings.Loop.MOMENT, r.seed(),
                r.horizon(), r.centres(), r.evaluations());
    }

    private static Run runOf(List<Trial> done, int count, PilcoLabSettings.Loop l, long seed, PilcoSettings settings) {
        synchronized (done) {
            return new Run(new ArrayList<>(done), count, PilcoLabSettings.Source.LIVE, l, seed, settings.horizon(),
                    settings.centres(), settings.maxEvaluations());
        }
    }

    /** The live run on the coordinator: trial by trial, each posted as it finishes, the search's progress coalesced. */
    private Run live(PilcoSettings settings, long seed, int count, Executor workers, ExperimentObserver observer,
                     List<Trial> done, Object token) {
        PilcoLearner learner = new PilcoLearner(settings, seed);
        PilcoObserver progress = new PilcoObserver() {
            private volatile int trial;
            private volatile PilcoObserver.Phase phase = PilcoObserver.Phase.TRAINING_DYNAMICS;

            @Override
            public void phase(int k, PilcoObserver.Phase p) {
                trial = k;
                phase = p;
                post(new Search(k, count, p, 0, settings.maxEvaluations(), Double.NaN, Double.NaN));
            }

            @Override
            public void evaluation(int k, int evaluation, double cost, double best) {
                post(new Search(k, count, phase, evaluation, settings.maxEvaluations(), cost, best));
            }

            @Override
            public boolean isCancelled() {
                return observer.isCancelled();
            }

            private void post(Search s) {
                dispatcher.post(searchKey, () -> {
                    if (token == searchToken && experiment.runningProperty().get()) {
                        search.set(s);
                    }
                });
            }
        };
        for (int k = 1; k <= count; k++) {
            TrialResult r = learner.nextTrial(workers, progress);
            done.add(Trial.of(r));
            observer.runFinished(k - 1, null);
        }
        return runOf(done, count, loop(settings), seed, settings);
    }

    private static PilcoLabSettings.Loop loop(PilcoSettings settings) {
        return settings.propagation() == PilcoLabSettings.Loop.MEAN.propagation() ? PilcoLabSettings.Loop.MEAN
                : PilcoLabSettings.Loop.MOMENT;
    }

    static String doneMessage(Run r) {
        if (r == null) {
            return "";
        }
        int first = r.firstSuccess();
        return String.format(Locale.ROOT, "%s, %s, seed %d: %d trials, %.0f s of experience; %s",
                r.source() == PilcoLabSettings.Source.RECORDED ? "Recorded run" : "Live run",
                r.loop() == PilcoLabSettings.Loop.MOMENT ? "moment matching" : "GP mean only", r.seed(),
                r.trials().size(), r.experience(), first == 0 ? "no trial succeeded"
                        : "first success at trial " + first);
    }

    /** A new snapshot: the selection follows the newest trial unless the user chose one. */
    private void onRun(Run r) {
        if (pending != null && r != null && experiment.completeProperty().get()) {
            PilcoLabSettings p = pending;
            pending = null;
            applyTrial(p);
            return;
        }
        if (r == null || r.trials().isEmpty()) {
            if (r == null) {
                selected.set(0);
                showTrial(null, null, false);
            }
            return;
        }
        int k = selected.get();
        if (followLast || k < 1 || k > r.trials().size()) {
            select(r.trials().size(), false);
        }
    }

    /** Shows trial k (1-based) of the run, from its own start; the selection stays there as trials arrive. */
    void selectTrial(int k) {
        pending = null; // the user's choice wins over a session's trial still waiting for its run
        select(k, true);
    }

    private void select(int k, boolean byUser) {
        Run r = run();
        if (r == null || k < 1 || k > r.trials().size()) {
            return;
        }
        if (byUser) {
            followLast = k == r.trials().size() && experiment.runningProperty().get();
        }
        Trial t = r.trials().get(k - 1);
        Shown now = shown.get();
        if (selected.get() == k && now != null && now.trial() == t && now.start() == null) {
            return;
        }
        selected.set(k);
        // Following the newest trial (the recorded run once read, a live run's trials as they come) keeps Play: a
        // Space pressed as the lab opened was lost when the recording arrived a moment later.
        showTrial(t, null, !byUser);
    }

    /**
     * Replays the selected trial's learned policy on the real system from {@code start} (x, x', theta, theta'), with
     * the task's observation noise; false when the trial has no policy (the random one).
     */
    boolean replayFrom(double[] start) {
        Shown now = shown.get();
        if (now == null || now.trial().isRandom()) {
            return false;
        }
        showTrial(now.trial(), start.clone(), false);
        return true;
    }

    /** Back to the selected trial's own rollout. */
    void ownStart() {
        Shown now = shown.get();
        if (now != null && now.start() != null) {
            showTrial(now.trial(), null, false);
        }
    }

    /** Shows trial {@code t} from {@code start} (null: its own), at its start; playing on when asked and playing. */
    private void showTrial(Trial t, double[] start, boolean keepPlaying) {
        if (t == null) {
            shown.set(null);
            playback.stop();
            runner = null;
            frame.set(null);
            return;
        }
        Shown s;
        SwingUpTask task = task(t.steps());
        predictionToken = null;
        List<Trajectory> data = start == null ? null : modelData(run(), t);
        if (start == null) {
            s = new Shown(t, t.states(), t.forces(), t.prediction(), null, t.actualCost(), t.success(), false);
        } else {
            double[][] rollout = rollout(task, t, start, playback.seed());
            s = new Shown(t, rollout[0], rollout[1], null, start, task.totalCost(rollout[0]),
                    task.isSuccess(rollout[0]), data != null);
        }
        shown.set(s);
        boolean play = keepPlaying && playback.isPlaying();
        launch(s);
        if (play) {
            playback.setPlaying(true);
        }
        if (s.predicting()) {
            predictInBackground(s, data);
        }
    }

    /** The data trial t's model was trained on, or null when the run does not hold its model. */
    private static List<Trajectory> modelData(Run r, Trial t) {
        return r == null || t.gpHyperparameters() == null ? null : dataBefore(r, t);
    }

    /**
     * Computes the prediction from another start on a worker (a moment-matching rollout takes a few hundred
     * milliseconds) and puts it into what is on show, if that is still the same replay: charts, replay frames.
     */
    private void predictInBackground(Shown s, List<Trajectory> data) {
        Run r = run();
        SeHyperparameters[] hyperparameters = s.trial().gpHyperparameters();
        Object token = new Object();
        predictionToken = token;
        PilcoSettings settings = settingsOf(r);
        double[] policy = s.trial().policy();
        double[] start = s.start().clone();
        workers.execute(() -> {
            PolicyEvaluation.Prediction p = predictFrom(settings, data, hyperparameters, policy, start);
            dispatcher.post(predictionKey, () -> {
                if (token != predictionToken || shown.get() != s) {
                    return;
                }
                predictionToken = null;
                Shown better = new Shown(s.trial(), s.states(), s.forces(), p, s.start(), s.cost(), s.success(),
                        false);
                shown.set(better);
                ReplayTicker now = ticker;
                if (now != null && now.shown == s) {
                    now.shown = better;
                }
                Publication<ReplayFrame> f = frame.get();
                if (f != null && f.frame().shown() == s) {
                    frame.set(new Publication<>(new ReplayFrame(better, f.frame().t()), f.ticks(), f.stampNanos(),
                            f.periodNanos(), f.playing(), f.playCommand(), f.pausedByItself()));
                }
            });
        });
    }

    /**
     * The observed trajectories the model of trial {@code t} was trained on (those of the trials before it), or null
     * when the run does not hold them (a version 1 recording).
     */
    static List<Trajectory> dataBefore(Run r, Trial t) {
        List<Trajectory> data = new ArrayList<>();
        for (Trial before : r.trials()) {
            if (before.trial() >= t.trial()) {
                break;
            }
            Trajectory o = before.observedTrajectory();
            if (o == null) {
                return null;
            }
            data.add(o);
        }
        return data.isEmpty() ? null : data;
    }

    /** The settings a run's trials were learned with (the defaults with its loop, horizon and centres). */
    static PilcoSettings settingsOf(Run r) {
        return PilcoSettings.defaults().withPropagation(r.loop().propagation()).withHorizon(r.horizon())
                .withCentres(r.centres());
    }

    /**
     * The prediction of a trial's policy from N(start, startStd^2 I) on the trial's model: its GPs with their
     * hyperparameters conditioned on the data before it, as the learner had them (no training). From the start mean
     * 0 it is the trial's own prediction.
     */
    static PolicyEvaluation.Prediction predictFrom(PilcoSettings settings, List<Trajectory> data,
                                                   SeHyperparameters[] hyperparameters, double[] policy,
                                                   double[] start) {
        GpDynamics model = GpDynamics.condition(data, hyperparameters);
        return PilcoLearner.evaluation(settings, model, start).predict(policy, Runnable::run);
    }

    /** The task the trials ran on (PILCO's swing-up with their horizon). */
    static SwingUpTask task(int steps) {
        return SwingUpTask.pilco().withSteps(steps);
    }

    /**
     * The learned policy of {@code t} on the real system from {@code start}: the policy sees the state with the
     * task's observation noise (drawn from {@code seed}), the force is held for 0.1 s.
     *
     * @return {states (H+1) x 4, forces H}
     */
    static double[][] rollout(SwingUpTask task, Trial t, double[] start, long seed) {
        int h = t.steps();
        int centres = (t.policy().length - 5) / 6;
        RbfPolicy policy = new RbfPolicy(centres, task.maxForce(), t.policy());
        SplitMix64 rng = new SplitMix64(SplitMix64.streamSeed(seed, -100 - t.trial()));
        double[] states = new double[(h + 1) * 4];
        double[] forces = new double[h];
        double[] s = start.clone();
        double[] o = new double[4];
        double[] work = new double[task.workLength()];
        System.arraycopy(s, 0, states, 0, 4);
        for (int k = 0; k < h; k++) {
            task.observe(s, o, rng);
            double u = task.clip(policy.force(o, k));
            task.step(s, u, work);
            forces[k] = u;
            System.arraycopy(s, 0, states, (k + 1) * 4, 4);
        }
        return new double[][] {states, forces};
    }

    /** A new replay of the trajectory, at its start, paused. */
    private void launch(Shown s) {
        ticker = new ReplayTicker(s);
        runner = playback.launch("pilco-replay", ticker, LockStepRunner.Pacing.NONE, frame::set);
    }

    /** Back to the start of the replay (Reset). */
    void rewind() {
        Shown s = shown.get();
        if (s != null) {
            launch(s);
        }
    }

    /** Stops the replay and the run (lab switch, window close). */
    void shutdown() {
        playback.stop();
        experiment.stop();
    }

    /** The settings on show, for a session. */
    PilcoLabSettings settings() {
        Shown s = shown.get();
        int k = selected.get();
        Run r = run();
        int trialSetting = r != null && k == r.trials().size() && followLast ? 0 : k;
        return new PilcoLabSettings(source.get(), loop.get(), playback.seed(), trials.get(), trialSetting,
                s == null ? null : s.start(), velocities.get(), playback.stepsPerSecond(), playback.isPlaying());
    }

    /** Applies settings: the run (at once when recorded or already computed), the trial, the start, the speed. */
    void apply(PilcoLabSettings p) {
        source.set(p.source());
        loop.set(p.propagation());
        trials.set(p.trials());
        velocities.set(p.velocities());
        playback.seedProperty().set(p.seed());
        playback.setStepsPerSecond(p.stepsPerSecond());
        start();
        if (run() != null && experiment.completeProperty().get()) {
            applyTrial(p);
        } else {
            pending = p; // the run is on its way: the trial and start apply when it has finished
        }
    }

    private void applyTrial(PilcoLabSettings p) {
        Run r = run();
        if (r == null || r.trials().isEmpty()) {
            return;
        }
        int k = p.trial() == 0 ? r.trials().size() : Math.min(p.trial(), r.trials().size());
        selectTrial(k);
        if (p.start() != null) {
            replayFrom(p.start());
        }
        playback.setPlaying(p.play());
    }

    /** Steps through the trajectory, 0.1 s per tick; at the end it pauses, and Play starts it again. */
    static final class ReplayTicker implements Ticker<ReplayFrame> {
        /** What it steps through; the FX thread swaps in the same trajectory with its prediction once computed. */
        private volatile Shown shown;
        private int t;

        ReplayTicker(Shown shown) {
            this.shown = shown;
        }

        @Override
        public After tick() {
            t = t >= shown.steps() ? 0 : t + 1;
            return t == shown.steps() ? After.PAUSE : After.CONTINUE;
        }

        @Override
        public ReplayFrame frame() {
            return new ReplayFrame(shown, t);
        }
    }
}
