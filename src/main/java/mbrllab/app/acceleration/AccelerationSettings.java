package mbrllab.app.acceleration;

import java.util.EnumSet;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mbrllab.app.shell.PresetAction;
import mbrllab.app.shell.SessionFields;
import mbrllab.app.shell.Sessions;
import mbrllab.core.acceleration.AccelerationParams;
import mbrllab.core.acceleration.AccelerationSetting;
import mbrllab.core.acceleration.ModelChoice;

/**
 * The acceleration lab's settings and its part of a session file: the three panes (real-only DQN; model-augmented DQN
 * with the n and k of the sliders; a third setting of the user's choice), which pane the five processes and the model
 * rollout follow, the size of the background experiment, the seed and the speed. Settings are written as
 * {@code accelerate --settings} writes them:
 * <pre>
 * {"model": "model", "n": 10, "k": 1, "third": "true:n=10:k=1", "processes": 1, "runs": 10, "episodes": 300,
 *  "seed": 1, "stepsPerSecond": 200, "action": "play"}
 * </pre>
 *
 * @param model          the model of pane 2: model (learned ensemble), single or true
 * @param n              rollouts per real step of pane 2, in [1, {@value #MAX_N}]
 * @param k              steps per rollout of pane 2, in [1, {@value #MAX_K}]
 * @param third          pane 3's setting; differs from the other two
 * @param processes      the pane (0, 1, 2) whose processes and model rollout are drawn
 * @param runs           background runs per setting, in [1, {@value #MAX_RUNS}]
 * @param episodes       episodes per background run, in [1, {@value #MAX_EPISODES}]
 * @param seed           seed of the panes and of the background runs
 * @param stepsPerSecond speed of the live run, in [1, 100000), or infinity
 * @param play           start playing once applied (a preset's {@code "action": "play"}); never saved
 */
public record AccelerationSettings(ModelChoice model, int n, int k, AccelerationSetting third, int processes, int runs,
                                   int episodes, long seed, double stepsPerSecond, boolean play) {

    /** Largest n of the slider. */
    public static final int MAX_N = 50;
    /** Largest k of the slider. */
    public static final int MAX_K = 50;
    /** Most background runs. */
    public static final int MAX_RUNS = 100;
    /** Most episodes per background run. */
    public static final int MAX_EPISODES = 2000;
    /** The real-data ratio of every model setting (the command's default). */
    public static final double RATIO = AccelerationParams.DEFAULT_REAL_RATIO;
    /** Default speed: ten times real time (50 steps per second). */
    public static final double DEFAULT_SPEED = 200;

    public AccelerationSettings {
        if (model == null || model == ModelChoice.NONE) {
            throw new IllegalArgumentException("\"model\" must be model, single or true");
        }
        if (n < 1 || n > MAX_N) {
            throw new IllegalArgumentException("\"n\" must be in [1, " + MAX_N + "], got " + n);
        }
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("\"k\" must be in [1, " + MAX_K + "], got " + k);
        }
        if (third == null) {
            throw new IllegalArgumentException("\"third\" must name a setting");
        }
        if (third.equals(AccelerationSetting.realOnly()) || third.equals(AccelerationSetting.withModel(model, n, k,
                RATIO))) {
            throw new IllegalArgumentException("\"third\" must differ from the other two panes, got "
                    + third.text(RATIO));
        }
        if (processes < 0 || processes > 2) {
            throw new IllegalArgumentException("\"processes\" must be 0, 1 or 2, got " + processes);
        }
        if (runs < 1 || runs > MAX_RUNS) {
            throw new IllegalArgumentException("\"runs\" must be in [1, " + MAX_RUNS + "], got " + runs);
        }
        if (episodes < 1 || episodes > MAX_EPISODES) {
            throw new IllegalArgumentException("\"episodes\" must be in [1, " + MAX_EPISODES + "], got " + episodes);
        }
        SessionFields.requireStepsPerSecond(stepsPerSecond);
    }

    /** The lab's defaults: the command line's comparison without k = 20 (real, model n=10 k=1, true n=10 k=1). */
    public static AccelerationSettings defaults() {
        return new AccelerationSettings(ModelChoice.ENSEMBLE, 10, 1, AccelerationSetting.withModel(ModelChoice.TRUE,
                10, 1, RATIO), 1, 10, 300, 1, DEFAULT_SPEED, false);
    }

    /** The three panes' settings, in order. */
    public List<AccelerationSetting> panes() {
        return List.of(AccelerationSetting.realOnly(), AccelerationSetting.withModel(model, n, k, RATIO), third);
    }

    public AccelerationSettings withNk(int newN, int newK) {
        return new AccelerationSettings(model, newN, newK, third, processes, runs, episodes, seed, stepsPerSecond,
                false);
    }

    public AccelerationSettings withModel(ModelChoice newModel) {
        return new AccelerationSettings(newModel, n, k, third, processes, runs, episodes, seed, stepsPerSecond, false);
    }

    public AccelerationSettings withThird(AccelerationSetting newThird) {
        return new AccelerationSettings(model, n, k, newThird, processes, runs, episodes, seed, stepsPerSecond, false);
    }

    public AccelerationSettings withProcesses(int pane) {
        return new AccelerationSettings(model, n, k, third, pane, runs, episodes, seed, stepsPerSecond, false);
    }

    public AccelerationSettings withExperiment(int newRuns, int newEpisodes) {
        return new AccelerationSettings(model, n, k, third, processes, newRuns, newEpisodes, seed, stepsPerSecond,
                false);
    }

    public AccelerationSettings withSeedAndSpeed(long newSeed, double newSpeed) {
        return new AccelerationSettings(model, n, k, third, processes, runs, episodes, newSeed, newSpeed, false);
    }

    /** The settings as a session's JSON object (without an action). */
    public ObjectNode toJson() {
        ObjectNode o = Sessions.mapper().createObjectNode();
        o.put("model", model.key());
        o.put("n", n);
        o.put("k", k);
        o.put("third", third.text(RATIO));
        o.put("processes", processes);
        o.put("runs", runs);
        o.put("episodes", episodes);
        o.put("seed", seed);
        SessionFields.putStepsPerSecond(o, "stepsPerSecond", stepsPerSecond);
        return o;
    }

    /**
     * Reads settings from a session's JSON object; every field optional (a missing one takes its default), a present
     * one valid. Fields it does not know are ignored.
     *
     * @throws IllegalArgumentException naming the first field that is not valid, and why
     */
    public static AccelerationSettings fromJson(JsonNode json) {
        SessionFields o = SessionFields.of(json);
        AccelerationSettings d = defaults();
        String modelKey = o.text("model", d.model().key());
        ModelChoice model = ModelChoice.ofKey(modelKey);
        if (model == null || model == ModelChoice.NONE) {
            throw o.invalid("model", "model, single or true", modelKey);
        }
        int n = o.wholeInt("n", d.n(), 1, MAX_N);
        int k = o.wholeInt("k", d.k(), 1, MAX_K);
        String thirdText = o.text("third", d.third().text(RATIO));
        AccelerationSetting third;
        try {
            third = parseSetting(thirdText);
        } catch (IllegalArgumentException e) {
            throw o.refused("third", e.getMessage());
        }
        int processes = o.wholeInt("processes", d.processes(), 0, 2);
        int runs = o.wholeInt("runs", d.runs(), 1, MAX_RUNS);
        int episodes = o.wholeInt("episodes", d.episodes(), 1, MAX_EPISODES);
        long seed = o.wholeLong("seed", d.seed());
        double speed = o.stepsPerSecond("stepsPerSecond", DEFAULT_SPEED);
        boolean play = o.choiceOrNone("action", EnumSet.of(PresetAction.PLAY)) == PresetAction.PLAY;
        return new AccelerationSettings(model, n, k, third, processes, runs, episodes, seed, speed, play);
    }

    /**
     * One setting in the command's syntax ({@link AccelerationSetting#parse}, the ratio {@link #RATIO} when not
     * given): {@code real}, or {@code KIND[:n=N][:k=K][:ratio=R][:push=P]} with KIND model, single or true, for
     * true also {@code [:noise=S]}; n and k within the lab's ranges, 1 to {@value #MAX_N} and 1 to {@value #MAX_K}.
     *
     * @throws IllegalArgumentException saying what is wrong with the setting
     */
    public static AccelerationSetting parseSetting(String text) {
        return AccelerationSetting.parse(text, RATIO, MAX_N, MAX_K);
    }
}
