package mbrllab.app.cartpole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * @param stepsPerSecond speed of the live run, in [1, 99999], or infinity for as fast as possible
 * @param play          start playing once applied (a preset's {@code "action": "play"}); never saved
 */
public record CartPoleSettings(CartSystem system, AgentKind agent, BoxModelKind model, BoxesDynaParams params,
                               int runs, int episodes, long seed, double stepsPerSecond, boolean play) {

    /** Largest finite speed in a session [steps per second]. */
    public static final double MAX_STEPS_PER_SECOND = 99_999;

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
        if (!(stepsPerSecond >= 1 && stepsPerSecond <= MAX_STEPS_PER_SECOND) && stepsPerSecond != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("stepsPerSecond must be in [1, " + (int) MAX_STEPS_PER_SECOND
                    + "] or \"max\", got " + stepsPerSecond);
        }
    }

    /** The settings as a session's JSON object (without an action). */
    public ObjectNode toJson() {
        ObjectNode o = Sessions.mapper().createObjectNode();
        o.put("system", system == CartSystem.BALANCE ? "balance" : "swingup");
        o.put("agent", switch (agent) {
            case KEYBOARD -> "keyboard";
            case RANDOM -> "random";
            case DYNA_Q -> "dynaq-boxes";
        });
        o.put("model", model == BoxModelKind.SAMPLE ? "sample" : "last");
        o.put("alpha", params.alpha());
        o.put("epsilon", params.epsilon());
        o.put("gamma", params.gamma());
        o.put("runs", runs);
        o.put("episodes", episodes);
        o.put("seed", seed);
        if (Double.isInfinite(stepsPerSecond)) {
            o.put("stepsPerSecond", "max");
        } else {
            o.put("stepsPerSecond", Math.round(stepsPerSecond * 1000) / 1000.0);
        }
        return o;
    }

    /**
     * Reads settings from a session's JSON object. Every field is optional: a missing one takes the lab's default
     * (balance; Dyna-Q for balance and the keyboard for swing-up; the sample model; alpha 0.1, epsilon 0.1, gamma
     * 0.99; 30 runs of 100 episodes; seed 1; the system's real time). Fields it does not know are ignored.
     *
     * @throws IllegalArgumentException naming the first field that is not valid, and why
     */
    public static CartPoleSettings fromJson(JsonNode o) {
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("the settings must be a JSON object");
        }
        CartSystem system = switch (text(o, "system", "balance")) {
            case "balance" -> CartSystem.BALANCE;
            case "swingup" -> CartSystem.SWING_UP;
            default -> throw new IllegalArgumentException("\"system\" must be \"balance\" or \"swingup\", got "
                    + o.get("system"));
        };
        AgentKind agent = switch (text(o, "agent", system == CartSystem.BALANCE ? "dynaq-boxes" : "keyboard")) {
            case "keyboard" -> AgentKind.KEYBOARD;
            case "random" -> AgentKind.RANDOM;
            case "dynaq-boxes" -> AgentKind.DYNA_Q;
            default -> throw new IllegalArgumentException("\"agent\" must be \"keyboard\", \"random\" or "
                    + "\"dynaq-boxes\", got " + o.get("agent"));
        };
        BoxModelKind model = switch (text(o, "model", "sample")) {
            case "sample" -> BoxModelKind.SAMPLE;
            case "last" -> BoxModelKind.LAST_OUTCOME;
            default -> throw new IllegalArgumentException("\"model\" must be \"sample\" or \"last\", got "
                    + o.get("model"));
        };
        BoxesDynaParams d = BoxesDynaParams.defaults();
        BoxesDynaParams params = new BoxesDynaParams(number(o, "alpha", d.alpha()), number(o, "gamma", d.gamma()),
                number(o, "epsilon", d.epsilon()), 0);
        int runs = wholeInt(o, "runs", CartPoleViewModel.DEFAULT_RUNS);
        int episodes = wholeInt(o, "episodes", CartPoleViewModel.DEFAULT_EPISODES);
        long seed = wholeLong(o, "seed", 1);
        double speed = system.realTimeStepsPerSecond();
        if (o.has("stepsPerSecond")) {
            JsonNode sp = o.get("stepsPerSecond");
            if (sp.isTextual() && sp.asText().equals("max")) {
                speed = Double.POSITIVE_INFINITY;
            } else if (sp.isNumber() && sp.asDouble() >= 1 && sp.asDouble() <= MAX_STEPS_PER_SECOND) {
                speed = sp.asDouble();
            } else {
                throw new IllegalArgumentException("\"stepsPerSecond\" must be a number in 1.."
                        + (int) MAX_STEPS_PER_SECOND + " or \"max\", got " + sp);
            }
        }
        String action = text(o, "action", "");
        if (!action.isEmpty() && !action.equals("play")) {
            throw new IllegalArgumentException("\"action\" must be \"play\" (or left out), got " + o.get("action"));
        }
        return new CartPoleSettings(system, agent, model, params, runs, episodes, seed, speed, action.equals("play"));
    }

    private static String text(JsonNode o, String field, String fallback) {
        if (!o.has(field)) {
            return fallback;
        }
        JsonNode v = o.get(field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" must be text, got " + v);
        }
        return v.asText();
    }

    private static double number(JsonNode o, String field, double fallback) {
        if (!o.has(field)) {
            return fallback;
        }
        JsonNode v = o.get(field);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a number, got " + v);
        }
        return v.asDouble();
    }

    private static int wholeInt(JsonNode o, String field, int fallback) {
        if (!o.has(field)) {
            return fallback;
        }
        JsonNode v = o.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a whole number, got " + v);
        }
        return v.asInt();
    }

    private static long wholeLong(JsonNode o, String field, long fallback) {
        if (!o.has(field)) {
            return fallback;
        }
        JsonNode v = o.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a whole number, got " + v);
        }
        return v.asLong();
    }
}
