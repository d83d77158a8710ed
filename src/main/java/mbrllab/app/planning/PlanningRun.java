package mbrllab.app.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import mbrllab.app.lab.Ticker;
import mbrllab.core.planning.Iteration;
import mbrllab.core.planning.OpenLoop;
import mbrllab.core.planning.PetsEpisode;
import mbrllab.core.planning.PetsStepper;
import mbrllab.core.planning.Planner;

/**
 * The animated PETS run of the planning lab, on the lab's {@link mbrllab.app.lab.LockStepRunner}: one tick is one
 * control step (plan, execute the first force), or the model's fit at the start of a planned episode; {@link #round}
 * makes one CEM round of the coming step (the step mode). Only the runner's thread calls it.
 */
final class PlanningRun implements Ticker<PlanningFrame> {

    private final PlanningSettings settings;
    private final PetsStepper stepper;
    private final List<Iteration> rounds = new ArrayList<>();
    private PlanningFrame.ShownPlan plan;
    private String phase = "ready: episode 1 acts with random forces";
    private double modelError = Double.NaN;

    /** @param executor runs the model's fits and the planner's pieces */
    PlanningRun(PlanningSettings settings, Executor executor) {
        this.settings = settings;
        this.stepper = new PetsStepper(settings.spec(0), executor);
    }

    PetsStepper stepper() {
        return stepper;
    }

    @Override
    public After tick() {
        if (!stepper.hasNext()) {
            phase = "finished: " + settings.episodes() + " episodes";
            return After.PAUSE;
        }
        if (!stepper.inEpisode() && stepper.episodeNumber() > 1) {
            stepper.startEpisode();
            rounds.clear();
            plan = null;
            phase = String.format(java.util.Locale.ROOT, "episode %d: model fitted to %d transitions in %.1f s",
                    stepper.episodeNumber(), stepper.transitions(), stepper.lastFitMillis() / 1000);
            return After.HOLD;
        }
        if (stepper.currentSearch() == null) {
            rounds.clear();
        }
        PetsStepper.Step step = stepper.step(true);
        if (step.plan() != null) {
            rounds.clear();
            rounds.addAll(step.plan().iterations());
            plan = new PlanningFrame.ShownPlan(step.plan().actions(), step.plan().states(),
                    OpenLoop.trueStates(settings.cartPoleTask(), step.stateBefore(), step.plan().actions()),
                    step.plan().predictedReturn(), step.replayedReturn());
            phase = "planning by " + settings.planner().planner().label() + " at every step";
        } else {
            phase = "episode 1: random forces (the data to learn from)";
        }
        if (step.endedEpisode()) {
            if (!step.finished().random()) {
                modelError = heldOutError(stepper.model(), step.finished().episode().observed());
            }
            phase = String.format(java.util.Locale.ROOT, "episode %d ended: return %.2f in %d steps%s.%s",
                    step.finished().number(), step.finished().totalReturn(), step.finished().steps(),
                    step.finished().success() ? ", success" : "", stepper.hasNext()
                            ? " Next: fit the model to all " + stepper.transitions() + " transitions (takes seconds)"
                            : "");
            return stepper.hasNext() ? After.HOLD : After.PAUSE;
        }
        return After.CONTINUE;
    }

    /**
     * The step mode: one round of the coming step's search (CEM: one iteration, the population refitted to its
     * elites), or, when its rounds are all made, the step itself; outside planned episodes one tick.
     */
    void round() {
        if (!stepper.hasNext() || !stepper.inEpisode() || !stepper.planning()) {
            tick();
            return;
        }
        Planner.Search search = stepper.search(true);
        if (search.completed() == 0) {
            rounds.clear();
        }
        if (search.isComplete()) {
            tick();
            return;
        }
        rounds.add(search.iterate());
        plan = null;
        phase = "step mode: round " + search.completed() + " of " + search.iterations()
                + (search.isComplete() ? "; the next round acts" : "");
    }

    @Override
    public PlanningFrame frame() {
        Planner.Search search = stepper.currentSearch();
        int total = search != null ? search.iterations()
                : settings.planner().planner() == mbrllab.core.planning.PlannerKind.CEM
                ? settings.planner().iterations() : 1;
        Iteration shown = rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
        // between episodes and after the last: the episode that ended, with its steps and return (the header said
        // "step 0/40, return 0.00" under "episode 8 ended: return 32.11 in 40 steps")
        List<PetsEpisode> done = stepper.episodes();
        PetsEpisode ended = !stepper.inEpisode() && !done.isEmpty() ? done.get(done.size() - 1) : null;
        int episode = ended != null ? ended.number() : Math.min(stepper.episodeNumber(), settings.episodes());
        int step = ended != null ? ended.steps() : stepper.stepInEpisode();
        double returnSoFar = ended != null ? ended.totalReturn() : stepper.returnSoFar();
        return new PlanningFrame(settings, stepper.trueState(), episode, step,
                returnSoFar, stepper.transitions(), phase, stepper.lastFitMillis(), shown,
                List.copyOf(rounds), total, plan, List.copyOf(done), modelError);
    }

    /**
     * The root mean square one-step error of theta' [rad/s] of {@code model} (the mean of its members' mean
     * predictions) on the transitions of {@code data}: the angular velocity, since the balance task's Euler step
     * makes the next theta independent of the forces and the physics.
     */
    static double heldOutError(mbrllab.core.models.transition.TransitionModel model,
                                    mbrllab.core.models.dynamics.Trajectory data) {
        int n = data.length();
        double[] states = java.util.Arrays.copyOf(data.states(), n * 4);
        double[] forces = data.actions();
        double[] next = new double[n * 4];
        double[] mean = new double[n * 4];
        for (int m = 0; m < model.members(); m++) {
            model.predict(m, states, forces, n, next);
            for (int i = 0; i < next.length; i++) {
                mean[i] += next[i] / model.members();
            }
        }
        double sum = 0;
        for (int t = 0; t < n; t++) {
            double d = mean[t * 4 + 3] - data.state(t + 1, 3);
            sum += d * d;
        }
        return Math.sqrt(sum / n);
    }
}
