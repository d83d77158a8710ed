package mbrllab.app.planning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mbrllab.app.lab.RunBudget;
import mbrllab.app.shell.SessionFields;
import mbrllab.app.shell.Sessions;
import mbrllab.core.budget.Cost;
import mbrllab.core.control.CartPoleTask;
import mbrllab.core.models.transition.TransitionModelKind;
import mbrllab.core.models.transition.TransitionModelSpec;
import mbrllab.core.planning.PetsSpec;
import mbrllab.core.planning.PlannerKind;
import mbrllab.core.planning.PlannerSettings;
import mbrllab.core.planning.Propagation;

/**
 * What the planning lab runs: the task, the planner's settings, the model, the episodes of the PETS loop, the
 * background runs R for the bands, and the seed. In a session file:
 * <pre>
 * {"seed": 1, "task": "swingup", "planner": "cem", "horizon": 15, "population": 200, "elites": 20,
 *  "iterations": 5, "particles": 5, "propagation": "tsinf", "model": "ensemble", "episodes": 8, "runs": 0}
 * </pre>
 * Validated as the command line validates them: elites at most the population, the deterministic mean with one
 * particle, TS1 and TS-infinity only with the ensemble.
 *
 * @param seed        seed of the animated run (background run r has seed + r)
 * @param task        the task
 * @param planner     the planner's settings (CEM's alpha is PETS' 0.1)
 * @param model       the model kind
 * @param episodes    episodes of the PETS loop, the random one included, in [2, 50]
 * @param runs        background runs R for the bands, in [0, 20] (0: none)
 */
record PlanningSettings(long seed, TaskChoice task, PlannerSettings planner, TransitionModelKind model, int episodes,
                        int runs) {

    static final int MAX_EPISODES = 50;
    static final int MAX_RUNS = 20;
    static final int MAX_HORIZON = 200;
    static final int MAX_POPULATION = 5000;
    static final int MAX_ITERATIONS = 50;
    static final int MAX_PARTICLES = 100;

    PlanningSettings {
        if (task == null || planner == null || model == null) {
            throw new IllegalArgumentException("task, planner and model must not be null");
        }
        if (episodes < 2 || episodes > MAX_EPISODES) {
            throw new IllegalArgumentException("episodes must be in 2.." + MAX_EPISODES + ", got " + episodes);
        }
        if (runs < 0 || runs > MAX_RUNS) {
            throw new IllegalArgumentException("runs must be in 0.." + MAX_RUNS + ", got " + runs);
        }
        if (!planner.propagation().supports(model)) {
            throw new IllegalArgumentException("propagation " + planner.propagation().label() + " needs the ensemble; "
                    + "the " + model.label() + " takes the deterministic mean");
        }
    }

    /** The defaults of {@code pets} for a task: CEM, the task's planner defaults, the ensemble. */
    static PlanningSettings defaults(TaskChoice task) {
        int episodes = task == TaskChoice.SWING_UP ? 8 : 4;
        return new PlanningSettings(1, task, PlannerSettings.defaults(task.task()), TransitionModelKind.ENSEMBLE,
                episodes, 0);
    }

    CartPoleTask cartPoleTask() {
        return task.task();
    }

    /** The PETS run of seed {@code seed + run}. */
    PetsSpec spec(int run) {
        return new PetsSpec(task.task(), TransitionModelSpec.of(model), planner, episodes, seed + run);
    }

    /**
     * What the lab computes with these settings, at most: the animated run played through at full speed and the R
     * background runs after one another, each PETS loop on the app's background workers ({@link PetsSpec#cost}).
     */
    Cost cost() {
        return spec(0).cost(RunBudget.workers()).repeated(runs + 1);
    }

    /**
     * Refuses settings whose runs are over the app's budget ({@link RunBudget}), with the estimate and what to lower.
     *
     * @return these settings
     * @throws IllegalArgumentException "the animated run and the background runs are estimated at ..."
     */
    PlanningSettings withinBudget() {
        RunBudget.require("the animated run and the background runs are", cost(), "lower the runs, the episodes, "
                + "the population, the iterations, the particles or the horizon");
        return this;
    }

    PlanningSettings withSeed(long s) {
        return new PlanningSettings(s, task, planner, model, episodes, runs);
    }

    PlanningSettings withRuns(int r) {
        return new PlanningSettings(seed, task, planner, model, episodes, r);
    }

    /** The settings as a session's JSON object. */
    ObjectNode toJson() {
        ObjectNode o = Sessions.mapper().createObjectNode();
        o.put("seed", seed);
        o.put("task", task.key());
        o.put("planner", planner.planner().key());
        o.put("horizon", planner.horizon());
        o.put("population", planner.population());
        o.put("elites", planner.elites());
        o.put("iterations", planner.iterations());
        o.put("particles", planner.particles());
        o.put("propagation", planner.propagation().key());
        o.put("model", model.key());
        o.put("episodes", episodes);
        o.put("runs", runs);
        return o;
    }

    /**
     * Reads a session's settings; a missing field takes the task's default.
     *
     * @throws IllegalArgumentException naming the field, for a bad one, or over the app's budget ({@link
     *                                  #withinBudget})
     */
    static PlanningSettings fromJson(JsonNode json) {
        SessionFields f = SessionFields.of(json);
        long seed = f.wholeLong("seed", 1);
        TaskChoice task = f.choice("task", TaskChoice.class, TaskChoice.SWING_UP);
        PlanningSettings d = defaults(task);
        PlannerSettings p = d.planner;
        PlannerKind kind = f.choice("planner", PlannerKind.class, p.planner());
        int horizon = f.wholeInt("horizon", p.horizon(), 1, MAX_HORIZON);
        int population = f.wholeInt("population", p.population(), 1, MAX_POPULATION);
        int elites = f.wholeInt("elites", Math.min(p.elites(), population), 1, population);
        int iterations = f.wholeInt("iterations", p.iterations(), 1, MAX_ITERATIONS);
        TransitionModelKind model = f.choice("model", TransitionModelKind.class, d.model);
        Propagation propagation = f.choice("propagation", Propagation.class,
                model == TransitionModelKind.ENSEMBLE ? p.propagation() : Propagation.MEAN);
        if (!propagation.supports(model)) {
            throw f.invalid("propagation", "\"mean\" with the model \"" + model.key() + "\"");
        }
        int particles = propagation == Propagation.MEAN ? f.wholeInt("particles", 1, 1, 1)
                : f.wholeInt("particles", p.particles(), 1, MAX_PARTICLES);
        int episodes = f.wholeInt("episodes", d.episodes, 2, MAX_EPISODES);
        int runs = f.wholeInt("runs", 0, 0, MAX_RUNS);
        return new PlanningSettings(seed, task, new PlannerSettings(kind, horizon, population, elites, iterations,
                PlannerSettings.PETS_ALPHA, particles, propagation), model, episodes, runs).withinBudget();
    }
}
