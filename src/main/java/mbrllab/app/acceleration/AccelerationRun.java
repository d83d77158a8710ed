package mbrllab.app.acceleration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import mbrllab.app.lab.LockStepRunner;
import mbrllab.app.lab.Ticker;
import mbrllab.core.acceleration.AccelerationSpec;
import mbrllab.core.acceleration.DynaDqn;
import mbrllab.core.acceleration.ModelChoice;
import mbrllab.core.acceleration.ModelRollout;
import mbrllab.core.random.SplitMix64;

/**
 * The lab's lock-step run: three Dyna-style DQN learners on one real-step clock, each taking one real step (and the
 * learning after it) per tick. They are run 1 of the background experiment: the same spec, so the same seeds, the
 * same start states, the same initial Q-network. Only the runner's thread touches the learners.
 */
final class AccelerationRun implements Ticker<AccelerationFrame> {

    /** Name of the runner's thread. */
    static final String THREAD_NAME = "acceleration-runner";
    /** The rollout view starts from another real state this often [real steps]. */
    static final int ROLLOUT_EVERY = 50;

    private final AccelerationSpec spec;
    private final List<DynaDqn> learners = new ArrayList<>();
    private final int[][] returns;
    private final int[][] stepsAt;
    private final int[] finished;
    private final double[] forces;
    private int rolloutPane;
    private final SplitMix64 rolloutRng;
    private long realSteps;
    private long rolloutAt = -1;
    private ModelRollout rollout;

    /**
     * @param spec        the background experiment's spec (its settings are the panes)
     * @param rolloutPane the pane whose model the rollout view shows
     */
    AccelerationRun(AccelerationSpec spec, int rolloutPane) {
        this.spec = spec;
        int panes = spec.settings().size();
        for (int i = 0; i < panes; i++) {
            learners.add(new DynaDqn(spec.task(), spec.params(), spec.settings().get(i), spec.runSeed(0)));
        }
        returns = new int[panes][64];
        stepsAt = new int[panes][64];
        finished = new int[panes];
        forces = new double[panes];
        this.rolloutPane = rolloutPane;
        this.rolloutRng = new SplitMix64(SplitMix64.streamSeed(spec.seed(), 99));
    }

    /** The rollout view follows this pane's model from now on (a fresh rollout at once). */
    void setRolloutPane(int pane) {
        if (pane != rolloutPane) {
            rolloutPane = pane;
            rollout = null;
        }
    }

    /** Pacing: no hold after an episode (three panes end theirs at different times). */
    LockStepRunner.Pacing pacing() {
        return LockStepRunner.Pacing.NONE;
    }

    /**
     * One real step of every pane whose run is not over; the run pauses by itself when it is over: at the experiment's
     * step cap, or once every pane has finished the experiment's episodes (a pane that has stops, as its background
     * run does, while the others go on).
     */
    @Override
    public After tick() {
        if (over()) {
            return After.PAUSE;
        }
        realSteps++;
        for (int i = 0; i < learners.size(); i++) {
            if (ended(i)) {
                continue;
            }
            DynaDqn learner = learners.get(i);
            int r = learner.step();
            forces[i] = learner.lastForce();
            if (r >= 0) {
                if (finished[i] == returns[i].length) {
                    returns[i] = Arrays.copyOf(returns[i], finished[i] * 2);
                    stepsAt[i] = Arrays.copyOf(stepsAt[i], finished[i] * 2);
                }
                returns[i][finished[i]] = r;
                stepsAt[i][finished[i]] = (int) realSteps;
                finished[i]++;
            }
        }
        return over() ? After.PAUSE : After.CONTINUE;
    }

    private boolean ended(int pane) {
        return finished[pane] >= spec.episodes();
    }

    private boolean over() {
        if (realSteps >= spec.maxRealSteps()) {
            return true;
        }
        for (int i = 0; i < learners.size(); i++) {
            if (!ended(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public AccelerationFrame frame() {
        List<AccelerationFrame.Pane> panes = new ArrayList<>();
        for (int i = 0; i < learners.size(); i++) {
            DynaDqn l = learners.get(i);
            panes.add(new AccelerationFrame.Pane(l.setting(), l.state(), forces[i], finished[i] + 1, l.episodeSteps(),
                    Arrays.copyOf(returns[i], finished[i]), Arrays.copyOf(stepsAt[i], finished[i]), l.counters(),
                    l.epsilon(), ended(i)));
        }
        return new AccelerationFrame(List.copyOf(panes), rollout(), rolloutPane, realSteps, over());
    }

    /** The rollout view's rollout: a fresh one every {@value #ROLLOUT_EVERY} real steps once the model is fitted. */
    private ModelRollout rollout() {
        DynaDqn l = learners.get(rolloutPane);
        boolean ready = l.setting().usesModel() && l.realBuffer().size() > 0
                && (l.setting().model() == ModelChoice.TRUE || l.counters().modelRefits() > 0);
        if (!ready) {
            return null;
        }
        if (rollout == null || realSteps - rolloutAt >= ROLLOUT_EVERY) {
            double[] start = new double[4];
            int at = l.realBuffer().sampleRecentIndex(rolloutRng, l.params().rolloutStartWindow());
            l.realBuffer().state(at, start, 0);
            rollout = l.imagine(start, l.realBuffer().action(at), l.setting().k(), rolloutRng);
            rolloutAt = realSteps;
        }
        return rollout;
    }
}
