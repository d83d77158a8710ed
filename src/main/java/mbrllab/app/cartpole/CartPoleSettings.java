package mbrllab.app.cartpole;

import java.util.EnumSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mbrllab.app.shell.PresetAction;
import mbrllab.app.shell.SessionFields;
import mbrllab.app.shell.Sessions;
import mbrllab.core.cartpole.BoxModelKind;
import mbrllab.core.cartpole.BoxesDynaParams;
import mbrllab.core.cartpole.BoxesLearningSpec;

/**
 * The cart-pole lab's part of a session file ({@link Sessions}): the system, the agent, the Dyna-Q model and
 * parameters, the size of the background experiment, the seed and the speed. In JSON the choices are written as the
 * command line writes them ({@code cartpole learn --agent random|dynaq-boxes --model sample|last}, {@code cartpole
 * rollout --system balance|swingup}), plus {@code "keyboard"} for the agent:
 * <pre>
 * {"system": "balance", "agent": "dynaq-boxes", "model": "sample", "alpha": 0.1, "epsilon": 0.1, "gamma": 0.99,
 *  "runs": 30, "episodes": 100, "seed": 1, "stepsPerSecond": 50, "action": "play"}
 * </pre>
 *
 * @param system        balance or swing-up
 * @param agent         who pushes; Dyna-Q needs balance
 * @param model         the Dyna-Q agents' tabular model
 * @param params        alpha, gamma, epsilon (n is the pane's)
 * @param runs          runs of the background experiment, in [1, {@value BoxesLearningSpec#MAX_RUNS}]
 * @param episodes      episodes per background run, in [1, {@value CartPoleViewModel#MAX_EPISODES}]
 * @param seed          seed of the carts and the experiment
 * @param stepsPerSecond speed of the live run, in [1, 100000), or infinity for as fast as possible
 * @param play          start playing once applied (a preset's {@code "action": "play"}); never saved
 */
public record CartPoleSettings(CartSystem system, AgentKind agent, BoxModelKind model, BoxesDynaParams params,
                               int runs, int episodes, long seed, double stepsPerSecond, boolean play) {

    /** Largest finite speed in a session [steps per second]. */
    public static final double MAX_STEPS_PER_SECOND = SessionFields.MAX_STEPS_PER_SECOND;

    public CartPoleSettings {
        if (system == null || agent == null || model == null || params == null) {
            throw new IllegalArgumentException("system, agent, model and params must not be null");
        }
        if (agent == AgentKind.DYNA_Q && system != CartSystem.BALANCE) {
            throw new IllegalArgumentException("\"agent\" \"dynaq-boxes\" needs \"system\" \"balance\": the boxes "
                    + "divide the balance task's states");
        }
        if (episodes < 1 || episodes > CartPoleViewModel.MAX_EPISODES) {
            throw new IllegalArgumentException("episodes must be in [1, " + CartPoleViewModel.MAX_EPISODES + "], got "
                    + episodes);
        }
        BoxesLearningSpec.dynaQ(model, params, CartPoleViewModel.N_VALUES, runs, episodes, seed);
        SessionFields.requireStepsPerSecond(stepsPerSecond);
    }

    /** The settings as a session's JSON object (without an action). */
    public ObjectNode toJson() {
        ObjectNode o = Sessions.mapper().createObjectNode();
        o.put("system", system.key());
        o.put("agent", agent.key());
        o.put("model", model.key());
        o.put("alpha", params.alpha());
        o.put("epsilon", params.epsilon());
        o.put("gamma", params.gamma());
        o.put("runs", runs);
        o.put("episodes", episodes);
        o.put("seed", seed);
        SessionFields.putStepsPerSecond(o, "stepsPerSecond", stepsPerSecond);
        return o;
    }

    /**
     * Reads settings from a session's JSON object. Every field is optional: a missing one takes the lab's default
     * (balance; Dyna-Q for balance and the keyboard for swing-up; the sample model; alpha 0.1, epsilon 0.1, gamma
     * 0.99; 30 runs of 100 episodes; seed 1; the system's real time). Fields it does not know are ignored.
     *
     * @throws IllegalArgumentException naming the first field that is not valid, and why
     */
    public static CartPoleSettings fromJson(JsonNode json) {
        SessionFields o = SessionFields.of(json);
        CartSystem system = o.choice("system", CartSystem.class, CartSystem.BALANCE);
        AgentKind agent = o.choice("agent", AgentKind.class, system == CartSystem.BALANCE ? AgentKind.DYNA_Q
                : AgentKind.KEYBOARD);
        BoxModelKind model = o.choice("model", BoxModelKind.class, BoxModelKind.SAMPLE);
        BoxesDynaParams d = BoxesDynaParams.defaults();
        BoxesDynaParams params = new BoxesDynaParams(o.number("alpha", d.alpha()), o.number("gamma", d.gamma()),
                o.number("epsilon", d.epsilon()), 0);
        int runs = o.wholeInt("runs", CartPoleViewModel.DEFAULT_RUNS);
        int episodes = o.wholeInt("episodes", CartPoleViewModel.DEFAULT_EPISODES);
        long seed = o.wholeLong("seed", 1);
        double speed = o.stepsPerSecond("stepsPerSecond", system.realTimeStepsPerSecond());
        boolean play = o.choiceOrNone("action", EnumSet.of(PresetAction.PLAY)) == PresetAction.PLAY;
        return new CartPoleSettings(system, agent, model, params, runs, episodes, seed, speed, play);
    }
}
