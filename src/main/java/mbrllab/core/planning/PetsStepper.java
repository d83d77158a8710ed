package mbrllab.core.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;

import mbrllab.core.control.CartPoleTask;
import mbrllab.core.control.TaskEpisode;
import mbrllab.core.models.dynamics.Trajectory;
import mbrllab.core.models.transition.TransitionModel;
import mbrllab.core.random.SplitMix64;

/**
 * The PETS loop ({@link PetsLoop}) one control step at a time, for the planning lab: it can stop between steps,
 * and a step's search can be made round by round ({@link #search}, then {@link Planner.Search#iterate}) before the
 * step acts ({@link #step}). It draws the same random numbers in the same order as {@link PetsLoop}, so a seed gives
 * the same episodes bit for bit whichever of the two runs it, and however the steps' searches were split into rounds.
 *
 * <p>Not thread-safe: one thread drives it (the lab's runner). Fitting a model (at the start of every planned episode)
 * takes seconds; everything else takes one planning step.
 */
public final class PetsStepper {

    /** What one control step did. */
    public record Step(int episode, int step, double force, double[] stateBefore, double[] stateAfter, double reward,
                       Plan plan, double replayedReturn, PetsEpisode finished) {

        /** Whether this step ended its episode. */
        public boolean endedEpisode() {
            return finished != null;
        }
    }

    private static final int D = CartPoleTask.STATE_DIM;

    private final PetsSpec spec;
    private final Executor executor;
    private final CartPoleTask task;
    private final List<Trajectory> data = new ArrayList<>();
    private final List<PetsEpisode> episodes = new ArrayList<>();
    private int transitions;
    private TransitionModel model;
    private double lastFitMillis;

    // the episode in progress (number > 0)
    private int number;
    private SplitMix64 world;
    private SplitMix64 forces;
    private SplitMix64 planRng;
    private Planner planner;
    private Planner.Search search;
    private double[] states;
    private double[] observations;
    private double[] actions;
    private double[] rewards;
    private double[] predicted;
    private double[] replayed;
    private final double[] s = new double[D];
    private final double[] o = new double[D];
    private double[] work;
    private int t;
    private boolean terminated;
    private long planNanos;

    /** @param executor runs the model's fit and the planner's pieces */
    public PetsStepper(PetsSpec spec, Executor executor) {
        if (spec == null || executor == null) {
            throw new IllegalArgumentException("spec and executor must not be null");
        }
        this.spec = spec;
        this.executor = executor;
        this.task = spec.task();
        this.work = new double[task.workLength()];
    }

    public PetsSpec spec() {
        return spec;
    }

    /** Whether steps remain: an episode is in progress or episodes remain. */
    public boolean hasNext() {
        return number > 0 || episodes.size() < spec.episodes();
    }

    /** Whether an episode is in progress (started and not ended). */
    public boolean inEpisode() {
        return number > 0;
    }

    /** The episode in progress, or the next one to start (1 for the random one). */
    public int episodeNumber() {
        return number > 0 ? number : episodes.size() + 1;
    }

    /** Control steps taken in the episode in progress (0 between episodes). */
    public int stepInEpisode() {
        return number > 0 ? t : 0;
    }

    /** Whether the episode in progress plans (false for the random one and between episodes). */
    public boolean planning() {
        return number > 1;
    }

    /** The true state now (the start of the episode in progress, or of the last finished one's end); a copy. */
    public double[] trueState() {
        return s.clone();
    }

    /** The observation the next plan starts from; a copy. */
    public double[] observation() {
        return o.clone();
    }

    /** The return of the episode in progress so far. */
    public double returnSoFar() {
        double sum = 0;
        for (int k = 0; k < t && number > 0; k++) {
            sum += rewards[k];
        }
        return sum;
    }

    /** The model of the latest planned episode, or null before the first. */
    public TransitionModel model() {
        return model;
    }

    /** Wall time of the latest fit [ms] (not reproducible). */
    public double lastFitMillis() {
        return lastFitMillis;
    }

    /** Transitions in the data (the finished episodes). */
    public int transitions() {
        return transitions;
    }

    /** The finished episodes (read only). */
    public List<PetsEpisode> episodes() {
        return Collections.unmodifiableList(episodes);
    }

    /**
     * Starts the next episode unless one is in progress: draws its start state; for a planned episode, fits the model
     * to all the data so far first (seconds).
     *
     * @return true if an episode was started
     * @throws IllegalStateException if no episodes remain
     */
    public boolean startEpisode() {
        if (number > 0) {
            return false;
        }
        if (episodes.size() >= spec.episodes()) {
            throw new IllegalStateException("all " + spec.episodes() + " episodes are done");
        }
        int next = episodes.size() + 1;
        if (next == 1) {
            forces = new SplitMix64(SplitMix64.streamSeed(spec.seed(), PetsLoop.FORCES_STREAM));
            lastFitMillis = 0;
        } else {
            long fitStart = System.nanoTime();
            model = spec.model().fit(task, data, new SplitMix64(SplitMix64.streamSeed(spec.seed(),
                    PetsLoop.FIT_STREAM + next)), executor);
            lastFitMillis = (System.nanoTime() - fitStart) / 1e6;
            planner = Planner.create(task, model, spec.planner(), executor);
            planRng = new SplitMix64(SplitMix64.streamSeed(spec.seed(), PetsLoop.PLAN_STREAM + next));
        }
        world = new SplitMix64(SplitMix64.streamSeed(spec.seed(), next));
        int max = task.steps();
        states = new double[(max + 1) * D];
        observations = new double[(max + 1) * D];
        actions = new double[max];
        rewards = new double[max];
        predicted = new double[max];
        replayed = new double[max];
        t = 0;
        terminated = false;
        planNanos = 0;
        search = null;
        task.reset(s, world);
        System.arraycopy(s, 0, states, 0, D);
        task.observe(s, o, world);
        System.arraycopy(o, 0, observations, 0, D);
        number = next;
        return true;
    }

    /**
     * The search of the coming step, begun from the current observation if it was not yet (a planned episode in
     * progress only). Its rounds can be made one by one; {@link #step} finishes it.
     *
     * @param record whether its rounds keep every candidate's predicted states (only when it is begun here)
     * @throws IllegalStateException outside a planned episode
     */
    public Planner.Search search(boolean record) {
        if (!planning()) {
            throw new IllegalStateException("no planned episode is in progress");
        }
        if (search == null) {
            long t0 = System.nanoTime();
            search = planner.begin(o, planRng, record);
            planNanos += System.nanoTime() - t0;
        }
        return search;
    }

    /** The search begun for the coming step, or null. */
    public Planner.Search currentSearch() {
        return search;
    }

    /**
     * One control step: starts an episode if none is in progress ({@link #startEpisode}), then acts: a uniformly
     * random force in episode 1, otherwise the first force of the plan (the current search finished, or a new one
     * made whole), and ends the episode after a terminal state or its last step.
     *
     * @param record whether a search begun here keeps every candidate's predicted states
     */
    public Step step(boolean record) {
        startEpisode();
        double[] before = s.clone();
        double u;
        Plan plan = null;
        double replay = Double.NaN;
        if (number == 1) {
            double max = task.maxForce();
            u = max * (2 * forces.nextDouble() - 1);
        } else {
            Planner.Search current = search(record);
            long t0 = System.nanoTime();
            plan = current.finish();
            planNanos += System.nanoTime() - t0;
            search = null;
            predicted[t] = plan.predictedReturn();
            replay = OpenLoop.trueReturn(task, s, plan.actions());
            replayed[t] = replay;
            u = plan.firstAction();
        }
        if (!Double.isFinite(u)) {
            throw new IllegalStateException("the force is not finite at step " + t + ": " + u);
        }
        u = task.clip(u);
        task.step(s, u, work);
        actions[t] = u;
        rewards[t] = task.reward(s);
        int stepIndex = t;
        double reward = rewards[t];
        t++;
        System.arraycopy(s, 0, states, t * D, D);
        task.observe(s, o, world);
        System.arraycopy(o, 0, observations, t * D, D);
        terminated = task.isTerminal(s);
        PetsEpisode done = null;
        if (terminated || t >= task.steps()) {
            done = finishEpisode();
        }
        return new Step(done == null ? number : done.number(), stepIndex, u, before, s.clone(), reward, plan, replay,
                done);
    }

    private PetsEpisode finishEpisode() {
        TaskEpisode e = new TaskEpisode(new Trajectory(Arrays.copyOf(states, (t + 1) * D), Arrays.copyOf(actions, t)),
                new Trajectory(Arrays.copyOf(observations, (t + 1) * D), Arrays.copyOf(actions, t)),
                Arrays.copyOf(rewards, t), terminated);
        PetsEpisode result;
        if (number == 1) {
            result = new PetsEpisode(1, true, e, transitions + t, 0, 0, Double.NaN, Double.NaN,
                    PetsLoop.success(task, e));
        } else {
            double predictedSum = 0;
            double replayedSum = 0;
            for (int k = 0; k < t; k++) {
                predictedSum += predicted[k];
                replayedSum += replayed[k];
            }
            result = new PetsEpisode(number, false, e, transitions + t, lastFitMillis, planNanos / 1e6 / t,
                    predictedSum / t, replayedSum / t, PetsLoop.success(task, e));
        }
        data.add(e.observed());
        transitions = result.transitions();
        episodes.add(result);
        number = 0;
        search = null;
        return result;
    }
}
