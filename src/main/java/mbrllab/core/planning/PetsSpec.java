package mbrllab.core.planning;

import mbrllab.core.budget.Cost;
import mbrllab.core.budget.Rates;
import mbrllab.core.control.CartPoleTask;
import mbrllab.core.models.transition.EnsembleTransitionSpec;
import mbrllab.core.models.transition.SingleNetSpec;
import mbrllab.core.models.transition.TransitionModelSpec;

/**
 * A PETS run (Chua et al. 2018; the lecture's "learn a model and use it to plan"): episode 1 with uniformly
 * random forces, then per episode: fit the model to all the data so far, act one episode by MPC (plan at every
 * control step, execute the first force), add the episode to the data.
 *
 * @param task     the task (its physics, reward, termination and observation noise)
 * @param model    how the model is fitted
 * @param planner  the planner's settings; its propagation must apply to the model's kind
 * @param episodes episodes in all, the random one included, in [1, 10,000]
 * @param seed     the seed of all randomness: the same spec gives the same episodes bit for bit
 */
public record PetsSpec(CartPoleTask task, TransitionModelSpec model, PlannerSettings planner, int episodes,
                       long seed) {

    public PetsSpec {
        if (task == null || model == null || planner == null) {
            throw new IllegalArgumentException("task, model and planner must not be null");
        }
        if (episodes < 1 || episodes > 10_000) {
            throw new IllegalArgumentException("episodes must be in [1, 10000], got " + episodes);
        }
        if (!planner.propagation().supports(model.kind())) {
            throw new IllegalArgumentException("propagation " + planner.propagation().id() + " needs an ensemble; the "
                    + model.kind().label() + " has one deterministic member (use the mean propagation)");
        }
    }

    /** The task's default planner (see {@link PlannerSettings#defaults}) with the probabilistic ensemble. */
    public static PetsSpec defaults(CartPoleTask task, int episodes, long seed) {
        return new PetsSpec(task, TransitionModelSpec.ensemble(), PlannerSettings.defaults(task), episodes, seed);
    }

    /**
     * What the run costs at most on this machine: every episode is taken to last the task's full length. Per planned
     * action, iterations x population x particles x horizon particle steps through the model (one member's net per
     * particle step, every member's for the ensemble's mean; the physics for the true model: {@link
     * Rates#PHYSICS_STEP_NS}); per planned episode the model's fit on all transitions so far ({@link
     * mbrllab.core.models.ensemble.EnsembleSpec#fitCost}, the single net as one member). The planner's sequences
     * are shared by the workers, the fit by member.
     *
     * <p>Checked on this machine (one thread, swing-up, defaults): 71 ms per planned action measured against 102 ms
     * estimated (75,000 particle steps of 1,512 weights at {@link Rates#ENSEMBLE_PREDICT_NS_PER_WEIGHT}), and the
     * fit on 80 transitions 1.4 s measured against 1.2 s estimated.
     */
    public Cost cost(int workers) {
        PlannerSettings s = planner;
        int steps = task.steps();
        int planned = episodes - 1;
        double particleStepNs;
        int inputs;
        java.util.List<Integer> hidden;
        int members;
        if (model instanceof EnsembleTransitionSpec e) {
            inputs = e.features().inputDim();
            hidden = e.ensemble().hidden();
            members = e.ensemble().members();
            double net = Rates.mlpWeights(inputs, hidden, 4) * Rates.ENSEMBLE_PREDICT_NS_PER_WEIGHT;
            particleStepNs = s.propagation() == Propagation.MEAN ? members * net : net;
        } else if (model instanceof SingleNetSpec n) {
            inputs = n.features().inputDim();
            hidden = n.hidden();
            members = 1;
            particleStepNs = Rates.mlpWeights(inputs, hidden, 4) * Rates.ENSEMBLE_PREDICT_NS_PER_WEIGHT;
        } else {
            inputs = 0;
            hidden = null;
            members = 0;
            particleStepNs = Rates.PHYSICS_STEP_NS;
        }
        double particleSteps = (double) planned * steps * s.iterations() * s.population() * s.particles()
                * s.horizon();
        double planBytes = (double) s.population() * (s.horizon() + s.particles() * 6.0) * Rates.DOUBLE * 2;
        double dataBytes = (double) episodes * steps * (10 * Rates.DOUBLE + 120 * Rates.CHAR);
        Cost plan = Cost.of(particleSteps * particleStepNs / 1e9, s.population(), workers, planBytes + dataBytes,
                episodes + " episodes x " + steps + " steps x " + s.iterations() + " iterations x "
                        + s.population() + " sequences x " + s.particles() + " particles x horizon " + s.horizon());
        if (hidden == null || planned == 0) {
            return plan;
        }
        mbrllab.core.models.ensemble.EnsembleSpec fitter = model instanceof EnsembleTransitionSpec e ? e.ensemble()
                : new mbrllab.core.models.ensemble.EnsembleSpec(1, hidden, ((SingleNetSpec) model).epochs(),
                        ((SingleNetSpec) model).minSteps(), ((SingleNetSpec) model).batchSize(), 1e-3, 0, 0.01);
        double fitSeconds = 0;
        double fitBytes = 0;
        for (int e = 1; e <= planned; e++) {
            Cost fit = fitter.fitCost(e * steps, inputs, 4, workers);
            fitSeconds += fit.seconds();
            fitBytes = Math.max(fitBytes, fit.bytes());
        }
        return plan.then(new Cost(fitSeconds, fitBytes, planned + " fits of " + members + " net"
                + (members == 1 ? "" : "s") + " on up to " + Cost.count((double) planned * steps) + " transitions"));
    }
}
