package mbrllab.app.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mbrllab.app.shell.SessionFields;
import mbrllab.app.shell.Sessions;
import mbrllab.core.Keyed;
import mbrllab.core.models.Dataset;
import mbrllab.core.models.NoiseKind;
import mbrllab.core.models.PlaygroundData;
import mbrllab.core.models.TargetFunction;

/**
 * The Models lab's part of a session file ({@link Sessions}): the seed, the tab shown, the playground's settings and
 * the cart-pole tab's. In JSON the choices are written by their keys:
 * <pre>
 * {"seed": 1, "tab": "playground",
 *  "playground": {"function": "sine", "noise": "homoscedastic", "noiseLevel": 0.2, "gap": false, "points": 100,
 *                 "model": "both", "priorSamples": false, "posteriorSamples": true, "memberCurves": true,
 *                 "data": [[x, y], ...]},
 *  "cartpole": {"model": "both", "episodes": 8, "horizon": 25, "windows": 6, "particles": 50, "start": 0,
 *               "shown": ["moment-matching", "ts1", "tsinf"]}}
 * </pre>
 *
 * @param seed       seed of the points, the fits and the rollouts
 * @param tab        the tab shown
 * @param playground the playground's settings
 * @param cartpole   the cart-pole tab's settings
 */
record ModelsSession(long seed, Tab tab, PlaygroundSettings playground, DynamicsViewModel.Settings cartpole) {

    /** The lab's two tabs. */
    enum Tab implements Keyed {
        PLAYGROUND("playground"),
        CARTPOLE("cartpole");

        private final String key;

        Tab(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }

    ModelsSession {
        if (tab == null || playground == null || cartpole == null) {
            throw new IllegalArgumentException("tab, playground and cartpole must not be null");
        }
    }

    /** The settings as a session's JSON object. */
    ObjectNode toJson() {
        ObjectNode o = Sessions.mapper().createObjectNode();
        o.put("seed", seed);
        o.put("tab", tab.key());
        ObjectNode p = o.putObject("playground");
        PlaygroundData g = playground.generator();
        p.put("function", g.target().key());
        p.put("noise", g.noise().key());
        p.put("noiseLevel", g.noiseLevel());
        p.put("gap", g.gap());
        p.put("points", g.points());
        p.put("model", playground.choice().key());
        p.put("priorSamples", playground.prior());
        p.put("posteriorSamples", playground.posterior());
        p.put("memberCurves", playground.members());
        ArrayNode data = p.putArray("data");
        Dataset d = playground.data();
        if (d != null) {
            for (int i = 0; i < d.size(); i++) {
                ArrayNode point = data.addArray();
                point.add(d.x(i, 0));
                point.add(d.y(i, 0));
            }
        }
        ObjectNode c = o.putObject("cartpole");
        c.put("model", cartpole.model().key());
        c.put("episodes", cartpole.episodes());
        c.put("horizon", cartpole.horizon());
        c.put("windows", cartpole.windows());
        c.put("particles", cartpole.particles());
        c.put("start", cartpole.start());
        ArrayNode shown = c.putArray("shown");
        cartpole.shown().forEach(r -> shown.add(r.key()));
        return o;
    }

    /**
     * Reads settings from a session's JSON object. Every field is optional: a missing one takes the lab's default
     * (seed 1, the playground tab, {@link PlaygroundSettings#defaults} with fresh points, and
     * {@link DynamicsViewModel.Settings#defaults}). Fields it does not know are ignored.
     *
     * @throws IllegalArgumentException naming the first field that is not valid (e.g. "playground.points"), and why
     */
    static ModelsSession fromJson(JsonNode json) {
        SessionFields o = SessionFields.of(json);
        long seed = o.wholeLong("seed", 1);
        Tab tab = o.choice("tab", Tab.class, Tab.PLAYGROUND);
        return new ModelsSession(seed, tab, playground(o.object("playground")), cartpole(o.object("cartpole")));
    }

    private static PlaygroundSettings playground(SessionFields o) {
        PlaygroundSettings def = PlaygroundSettings.defaults();
        PlaygroundData d = def.generator();
        TargetFunction f = o.choice("function", TargetFunction.class, d.target());
        NoiseKind noise = o.choice("noise", NoiseKind.class, d.noise());
        double level = o.number("noiseLevel", d.noiseLevel(), 0, 2);
        boolean gap = o.bool("gap", d.gap());
        int count = o.wholeInt("points", d.points(), 1, PlaygroundViewModel.MAX_POINTS);
        ModelChoice choice = o.choice("model", ModelChoice.class, def.choice());
        Dataset data = null;
        boolean hasData = o.has("data");
        if (hasData) {
            data = points(o);
        }
        return new PlaygroundSettings(new PlaygroundData(f, noise, level, gap, count), choice,
                o.bool("priorSamples", def.prior()), o.bool("posteriorSamples", def.posterior()),
                o.bool("memberCurves", def.members()), data, hasData);
    }

    /**
     * Largest |y| of a playground point in a session file: far beyond the chart's axes (clicks give at most 12), and
     * far below where the fits' variances overflow (y = 1e154 made the ensemble's epistemic variance infinite).
     */
    static final int MAX_ABS_Y = 1000;

    /** The "data" list of [x, y] pairs, or null when it is empty. */
    private static Dataset points(SessionFields o) {
        String what = "a list of at most " + PlaygroundViewModel.MAX_POINTS + " [x, y] pairs of numbers with x in "
                + (int) PlaygroundFitter.GRID_MIN + ".." + (int) PlaygroundFitter.GRID_MAX + " and y in -" + MAX_ABS_Y
                + ".." + MAX_ABS_Y;
        JsonNode arr = o.get("data");
        if (!arr.isArray()) {
            throw o.invalid("data", what);
        }
        if (arr.size() > PlaygroundViewModel.MAX_POINTS) {
            throw o.invalid("data", what, arr.size() + " pairs");
        }
        List<double[]> pairs = new ArrayList<>();
        for (JsonNode p : arr) {
            if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()
                    || !Double.isFinite(p.get(0).asDouble()) || !Double.isFinite(p.get(1).asDouble())
                    || p.get(0).asDouble() < PlaygroundFitter.GRID_MIN
                    || p.get(0).asDouble() > PlaygroundFitter.GRID_MAX
                    || Math.abs(p.get(1).asDouble()) > MAX_ABS_Y) {
                throw o.invalid("data", what, "entry " + pairs.size() + " " + p);
            }
            pairs.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()});
        }
        if (pairs.isEmpty()) {
            return null;
        }
        double[] xs = new double[pairs.size()];
        double[] ys = new double[pairs.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = pairs.get(i)[0];
            ys[i] = pairs.get(i)[1];
        }
        return Dataset.of1d(xs, ys);
    }

    private static DynamicsViewModel.Settings cartpole(SessionFields o) {
        DynamicsViewModel.Settings d = DynamicsViewModel.Settings.defaults();
        ModelChoice model = o.choice("model", ModelChoice.class, d.model());
        Set<Rollout> shown = o.choices("shown", Rollout.class, d.shown());
        return new DynamicsViewModel.Settings(model, o.wholeInt("episodes", d.episodes()),
                o.wholeInt("horizon", d.horizon()), o.wholeInt("windows", d.windows()),
                o.wholeInt("particles", d.particles()), o.wholeInt("start", d.start()), shown);
    }
}
