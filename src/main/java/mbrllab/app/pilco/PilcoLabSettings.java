package mbrllab.app.pilco;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mbrllab.app.lab.RunBudget;
import mbrllab.app.shell.SessionFields;
import mbrllab.app.shell.Sessions;
import mbrllab.core.Keyed;
import mbrllab.core.budget.Cost;
import mbrllab.core.pilco.PilcoSettings;
import mbrllab.core.pilco.Propagation;

/**
 * The PILCO lab's part of a session file: which run it shows and how it replays. In JSON:
 * <pre>
 * {"source": "recorded", "propagation": "moment", "seed": 1, "trials": 8, "trial": 0,
 *  "start": null, "velocities": false, "stepsPerSecond": 10, "action": "play"}
 * </pre>
 * "source" is "recorded" (the run shipped in resources/pilco, shown at once) or "live" (computed with the seed);
 * "trial" is the trial on show, 0 for the last one; "start" is null (the trial's own start) or the state
 * [x, x_dot, theta, theta_dot] the learned policy is replayed from; "action" "play" plays the replay.
 *
 * @param source         recorded or live
 * @param propagation    moment matching (PILCO) or the GP mean alone
 * @param seed           the live run's seed
 * @param trials         the live run's trials, the random one included, in [2, MAX_TRIALS]
 * @param trial          the trial on show, 0 for the last
 * @param start          the replay's start state, or null
 * @param velocities     whether the state chart shows x' and theta' too
 * @param stepsPerSecond the replay's speed
 * @param play           whether the replay plays
 */
record PilcoLabSettings(Source source, Loop propagation, long seed, int trials, int trial, double[] start,
                        boolean velocities, double stepsPerSecond, boolean play) {

    /** Most trials of a live run (the GPs' data grows by 40 points per trial). */
    static final int MAX_TRIALS = 15;

    /** Where the trials come from. */
    enum Source implements Keyed {
        RECORDED("recorded", "Recorded run"),
        LIVE("live", "Live run");

        private final String key;
        private final String label;

        Source(String key, String label) {
            this.key = key;
            this.label = label;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** How the policy search predicts: PILCO's moment matching or the GP mean only. */
    enum Loop implements Keyed {
        MOMENT("moment", "Moment matching", Propagation.MOMENT_MATCHING),
        MEAN("mean", "GP mean only", Propagation.MEAN);

        private final String key;
        private final String label;
        private final Propagation propagation;

        Loop(String key, String label, Propagation propagation) {
            this.key = key;
            this.label = label;
            this.propagation = propagation;
        }

        @Override
        public String key() {
            return key;
        }

        Propagation propagation() {
            return propagation;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    PilcoLabSettings {
        if (source == null || propagation == null) {
            throw new IllegalArgumentException("source and propagation must not be null");
        }
        if (trials < 2 || trials > MAX_TRIALS) {
            throw new IllegalArgumentException("trials must be in [2, " + MAX_TRIALS + "], got " + trials);
        }
        if (trial < 0 || trial > MAX_TRIALS) {
            throw new IllegalArgumentException("trial must be in [0, " + MAX_TRIALS + "], got " + trial);
        }
        if (start != null) {
            if (start.length != 4) {
                throw new IllegalArgumentException("start must have 4 numbers, got " + start.length);
            }
            start = start.clone();
        }
        SessionFields.requireStepsPerSecond(stepsPerSecond);
    }

    /** The recorded PILCO run, last trial, at real time (10 steps per second). */
    static PilcoLabSettings defaults() {
        return new PilcoLabSettings(Source.RECORDED, Loop.MOMENT, 1, 8, 0, null, false, 10, false);
    }

    @Override
    public double[] start() {
        return start == null ? null : start.clone();
    }

    ObjectNode toJson() {
        ObjectNode o = Sessions.mapper().createObjectNode();
        o.put("source", source.key());
        o.put("propagation", propagation.key());
        o.put("seed", seed);
        o.put("trials", trials);
        o.put("trial", trial);
        if (start == null) {
            o.putNull("start");
        } else {
            ArrayNode a = o.putArray("start");
            for (double v : start) {
                a.add(v);
            }
        }
        o.put("velocities", velocities);
        SessionFields.putStepsPerSecond(o, "stepsPerSecond", stepsPerSecond);
        o.put("action", play ? "play" : "pause");
        return o;
    }

    /**
     * Reads the settings; every field is optional (the defaults fill in).
     *
     * @throws IllegalArgumentException naming the first field that is not valid, or for a live run over the app's
     *                                  budget ({@link #budgetedTrials})
     */
    static PilcoLabSettings fromJson(JsonNode json) {
        PilcoLabSettings d = defaults();
        SessionFields o = SessionFields.of(json);
        Source source = o.choice("source", Source.class, d.source());
        Loop loop = o.choice("propagation", Loop.class, d.propagation());
        long seed = o.wholeLong("seed", d.seed());
        int trials = o.wholeInt("trials", d.trials(), 2, MAX_TRIALS);
        int trial = o.wholeInt("trial", d.trial(), 0, MAX_TRIALS);
        double[] start = null;
        JsonNode s = o.get("start");
        if (s != null && !s.isNull()) {
            if (!s.isArray() || s.size() != 4) {
                throw o.invalid("start", "null or [x, x_dot, theta, theta_dot]");
            }
            start = new double[4];
            double[] limits = {2, 10, 10, 30};
            for (int i = 0; i < 4; i++) {
                JsonNode v = s.get(i);
                if (!v.isNumber() || !(Math.abs(v.asDouble()) <= limits[i])) {
                    throw o.invalid("start", "[x, x_dot, theta, theta_dot] with |x| <= 2, |x_dot| <= 10, "
                            + "|theta| <= 10, |theta_dot| <= 30");
                }
                start[i] = v.asDouble();
            }
        }
        boolean velocities = o.bool("velocities", d.velocities());
        double speed = o.stepsPerSecond("stepsPerSecond", d.stepsPerSecond());
        String action = o.text("action", "pause");
        if (!action.equals("play") && !action.equals("pause")) {
            throw o.invalid("action", "\"play\" or \"pause\"", action);
        }
        if (source == Source.LIVE) {
            RunBudget.require("a live run of " + trials + " trials is", liveCost(loop, trials, RunBudget.workers()),
                    "lower the trials to at most " + budgetedTrials(loop, RunBudget.workers()));
        }
        return new PilcoLabSettings(source, loop, seed, trials, trial, start, velocities, speed,
                action.equals("play"));
    }

    /** What a live run of {@code trials} trials costs on {@code workers} threads ({@link PilcoSettings#cost}). */
    static Cost liveCost(Loop loop, int trials, int workers) {
        return PilcoSettings.defaults().withPropagation(loop.propagation()).cost(trials, workers);
    }

    /**
     * The most trials a live run on {@code workers} threads may have within the app's budget ({@link RunBudget}: the
     * policy search's cost grows with the square of the data), at most {@link #MAX_TRIALS}; the command line runs
     * more with --allow-long.
     */
    static int budgetedTrials(Loop loop, int workers) {
        int k = 2;
        while (k < MAX_TRIALS && RunBudget.fits(liveCost(loop, k + 1, workers))) {
            k++;
        }
        return k;
    }
}
