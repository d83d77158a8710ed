package mbrllab.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import mbrllab.core.models.dynamics.Trajectory;
import mbrllab.core.models.gp.SeHyperparameters;
import mbrllab.core.pilco.GpDynamics;
import mbrllab.core.pilco.PolicyEvaluation;
import mbrllab.core.pilco.TrialResult;

/**
 * A recorded PILCO run: what the PILCO lab shows of every trial, written by {@code pilco --record FILE} and read by
 * the lab (its recorded preset replays at once). One JSON object, numbers as {@link Double#toString} (exact):
 * <pre>
 * {"format": "mbrl-lab-pilco-run", "version": 2,
 *  "seed": 1, "horizon": 40, "centres": 10, "evaluations": 150, "propagation": "moment", "dt": 0.1,
 *  "trials": [
 *    {"trial": 1, "actualCost": 39.4, "success": false, "experience": 4.0, "evaluations": 0,
 *     "states": [x, x', theta, theta', ...],      (H+1) x 4 true states, row-major, s_0 first
 *     "forces": [u_0, ..., u_{H-1}],              the forces applied [N]
 *     "policy": null,                             or the RBF policy's parameters (6 K + 5 numbers, as RbfPolicy)
 *     "observed": [o_0, ...],                     (H+1) x 4 observations (the true states with the observation
 *                                                 noise): the learner's data, with the same forces
 *     "hyperparameters": null,                    or the GPs' hyperparameters the policy was optimised on, 4 x 8:
 *                                                 per output (x, x', theta, theta') 6 length-scales, sigma_f, sigma_n
 *     "prediction": null},                        or, for a learning trial, the predicted distribution:
 *    {"trial": 2, ..., "prediction": {
 *       "mean": [...],      (H+1) x 4, m_t
 *       "cov": [...],       (H+1) x 16, S_t row-major
 *       "costMean": [...],  H, E[c(s_t)] for t = 1..H
 *       "costVar": [...],   H, Var[c(s_t)]
 *       "forceMean": [...], "forceVar": [...]}}]}   H each, the predicted force
 * </pre>
 * The true states are the real rollout: re-simulating a row's state with its force gives the next row. With the
 * observations of trials 1 .. k-1 and trial k's hyperparameters the lab rebuilds trial k's GP model (no training) and
 * predicts the learned policy from other starts. Version 1 (without observed and hyperparameters) is still read; its
 * trials have no model. Eight trials of 40 steps take about 0.2 MB.
 *
 * @param seed        the run's master seed
 * @param horizon     H, steps per trial
 * @param centres     K, the policy's centres
 * @param evaluations the policy search's budget per trial
 * @param propagation "moment" or "mean"
 * @param dt          the control period [s]
 * @param trials      the trials in order
 */
public record PilcoRecording(long seed, int horizon, int centres, int evaluations, String propagation, double dt,
                             List<Trial> trials) {

    /** The format's name in the file. */
    public static final String FORMAT = "mbrl-lab-pilco-run";
    /** Files larger than this are refused. */
    public static final long MAX_BYTES = 8_000_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public PilcoRecording {
        if (horizon < 1 || horizon > 1000) {
            throw new IllegalArgumentException("horizon must be in [1, 1000], got " + horizon);
        }
        if (centres < 1 || centres > 100) {
            throw new IllegalArgumentException("centres must be in [1, 100], got " + centres);
        }
        if (!(dt > 0 && dt <= 10)) {
            throw new IllegalArgumentException("dt must be in (0, 10], got " + dt);
        }
        if (!"moment".equals(propagation) && !"mean".equals(propagation)) {
            throw new IllegalArgumentException("propagation must be moment or mean, got '" + propagation + "'");
        }
        trials = List.copyOf(trials);
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            if (t.trial() != i + 1) {
                throw new IllegalArgumentException("trials[" + i + "].trial must be " + (i + 1) + ", got " + t.trial());
            }
            if (t.forces().length != horizon) {
                throw new IllegalArgumentException("trials[" + i + "].forces must have " + horizon + " entries, got "
                        + t.forces().length);
            }
            if (t.prediction() != null && t.prediction().horizon() != horizon) {
                throw new IllegalArgumentException("trials[" + i + "].prediction must have " + horizon + " steps");
            }
            if (t.policy() != null && t.policy().length != 6 * centres + 5) {
                throw new IllegalArgumentException("trials[" + i + "].policy must have " + (6 * centres + 5)
                        + " parameters, got " + t.policy().length);
            }
        }
    }

    /**
     * One trial.
     *
     * @param trial       1-based
     * @param states      (H+1) x 4 true states, row-major
     * @param forces      H forces
     * @param policy      the policy's parameters, or null for the random trial
     * @param prediction  the prediction from the start distribution, or null for the random trial
     * @param actualCost  the cost summed over s_1 .. s_H
     * @param success     the task's success
     * @param experience  real time on the system up to and including this trial [s]
     * @param evaluations the policy search's evaluations (0 for the random trial)
     * @param observed    (H+1) x 4 observations, the learner's data (version 1 recordings: null)
     * @param hyperparameters the GPs' hyperparameters the policy was optimised on, 4 x 8 (length-scales, sigma_f,
     *                    sigma_n per output); null for the random trial and in version 1 recordings
     */
    public record Trial(int trial, double[] states, double[] forces, double[] policy,
                        PolicyEvaluation.Prediction prediction, double actualCost, boolean success, double experience,
                        int evaluations, double[] observed, double[] hyperparameters) {

        /** Numbers per output in {@link #hyperparameters}: 6 length-scales, sigma_f, sigma_n. */
        public static final int HYPERPARAMETERS_PER_OUTPUT = GpDynamics.INPUTS + 2;

        public Trial {
            if (states == null || forces == null || states.length != (forces.length + 1) * 4) {
                throw new IllegalArgumentException("trial " + trial + ": states must hold (forces + 1) x 4 numbers");
            }
            if (observed != null && observed.length != states.length) {
                throw new IllegalArgumentException("trial " + trial + ": observed must hold (forces + 1) x 4 numbers");
            }
            if (hyperparameters != null) {
                if (hyperparameters.length != GpDynamics.OUTPUTS * HYPERPARAMETERS_PER_OUTPUT) {
                    throw new IllegalArgumentException("trial " + trial + ": hyperparameters must hold "
                            + GpDynamics.OUTPUTS * HYPERPARAMETERS_PER_OUTPUT + " numbers");
                }
                for (double v : hyperparameters) {
                    if (!(v > 0 && Double.isFinite(v))) {
                        throw new IllegalArgumentException("trial " + trial + ": hyperparameters must be positive");
                    }
                }
            }
            states = states.clone();
            forces = forces.clone();
            policy = policy == null ? null : policy.clone();
            observed = observed == null ? null : observed.clone();
            hyperparameters = hyperparameters == null ? null : hyperparameters.clone();
        }

        /** The trial as the learner finished it. */
        public static Trial of(TrialResult r) {
            return new Trial(r.trial(), r.episode().truth().states(), r.episode().truth().actions(),
                    r.policy() == null ? null : r.policy().parameters(), r.prediction(), r.actualCost(), r.success(),
                    r.experienceSeconds(), r.search() == null ? 0 : r.search().evaluations(),
                    r.episode().observed().states(), flatten(r.hyperparameters()));
        }

        private static double[] flatten(SeHyperparameters[] h) {
            if (h == null) {
                return null;
            }
            double[] out = new double[h.length * HYPERPARAMETERS_PER_OUTPUT];
            for (int a = 0; a < h.length; a++) {
                int at = a * HYPERPARAMETERS_PER_OUTPUT;
                System.arraycopy(h[a].lengthScales(), 0, out, at, GpDynamics.INPUTS);
                out[at + GpDynamics.INPUTS] = h[a].signalStd();
                out[at + GpDynamics.INPUTS + 1] = h[a].noiseStd();
            }
            return out;
        }

        /** The GPs' hyperparameters, one per output, or null (random trial, version 1). */
        public SeHyperparameters[] gpHyperparameters() {
            if (hyperparameters == null) {
                return null;
            }
            SeHyperparameters[] h = new SeHyperparameters[GpDynamics.OUTPUTS];
            for (int a = 0; a < h.length; a++) {
                int at = a * HYPERPARAMETERS_PER_OUTPUT;
                h[a] = new SeHyperparameters(java.util.Arrays.copyOfRange(hyperparameters, at, at + GpDynamics.INPUTS),
                        hyperparameters[at + GpDynamics.INPUTS], hyperparameters[at + GpDynamics.INPUTS + 1]);
            }
            return h;
        }

        /** What the learner saw of this trial (observations and forces), or null in a version 1 recording. */
        public Trajectory observedTrajectory() {
            return observed == null ? null : new Trajectory(observed, forces);
        }

        /** Whether the forces were random. */
        public boolean isRandom() {
            return policy == null;
        }

        /** Steps H. */
        public int steps() {
            return forces.length;
        }

        /** Component i of the true state s_t. */
        public double state(int t, int i) {
            return states[t * 4 + i];
        }

        /** The predicted expected total cost, or NaN. */
        public double predictedCost() {
            return prediction == null ? Double.NaN : prediction.totalCost();
        }

        /** The square root of the summed predicted per-step cost variances, or NaN. */
        public double predictedCostSd() {
            return prediction == null ? Double.NaN : prediction.totalCostSd();
        }

        @Override
        public double[] states() {
            return states.clone();
        }

        @Override
        public double[] forces() {
            return forces.clone();
        }

        @Override
        public double[] policy() {
            return policy == null ? null : policy.clone();
        }

        @Override
        public double[] observed() {
            return observed == null ? null : observed.clone();
        }

        @Override
        public double[] hyperparameters() {
            return hyperparameters == null ? null : hyperparameters.clone();
        }
    }

    /** The recording as its JSON text. */
    public String toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", FORMAT);
        o.put("version", 2);
        o.put("seed", seed);
        o.put("horizon", horizon);
        o.put("centres", centres);
        o.put("evaluations", evaluations);
        o.put("propagation", propagation);
        o.put("dt", dt);
        ArrayNode list = o.putArray("trials");
        for (Trial t : trials) {
            ObjectNode n = list.addObject();
            n.put("trial", t.trial());
            n.put("actualCost", t.actualCost());
            n.put("success", t.success());
            n.put("experience", t.experience());
            n.put("evaluations", t.evaluations());
            numbers(n.putArray("states"), t.states);
            numbers(n.putArray("forces"), t.forces);
            if (t.policy == null) {
                n.putNull("policy");
            } else {
                numbers(n.putArray("policy"), t.policy);
            }
            if (t.observed != null) {
                numbers(n.putArray("observed"), t.observed);
            }
            if (t.hyperparameters == null) {
                n.putNull("hyperparameters");
            } else {
                numbers(n.putArray("hyperparameters"), t.hyperparameters);
            }
            PolicyEvaluation.Prediction p = t.prediction();
            if (p == null) {
                n.putNull("prediction");
            } else {
                ObjectNode q = n.putObject("prediction");
                numbers(q.putArray("mean"), p.means());
                numbers(q.putArray("cov"), p.covs());
                numbers(q.putArray("costMean"), p.costMean());
                numbers(q.putArray("costVar"), p.costVar());
                numbers(q.putArray("forceMean"), p.forceMean());
                numbers(q.putArray("forceVar"), p.forceVar());
            }
        }
        try {
            return MAPPER.writeValueAsString(o) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the recording atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson());
    }

    /**
     * Reads a recording.
     *
     * @param where names the source in messages (a file name)
     * @throws IllegalArgumentException "WHERE: field: reason" when the text is not a valid recording
     */
    public static PilcoRecording parse(String text, String where) {
        JsonNode o;
        try {
            o = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not JSON (line " + e.getLocation().getLineNr() + ")");
        }
        try {
            return fromJson(o);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    /** Reads a recording from a file. */
    public static PilcoRecording read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IllegalArgumentException(file + ": larger than " + MAX_BYTES + " bytes");
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Reads a recording from the class path (the shipped ones under resources/pilco). */
    public static PilcoRecording resource(String name) {
        try (InputStream in = PilcoRecording.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException(name + ": not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
        } catch (IOException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    private static PilcoRecording fromJson(JsonNode o) {
        if (!o.isObject() || !FORMAT.equals(o.path("format").asText())) {
            throw new IllegalArgumentException("format must be \"" + FORMAT + "\"");
        }
        int version = o.path("version").asInt(-1);
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("version must be 1 or 2");
        }
        int horizon = whole(o, "horizon");
        List<Trial> trials = new ArrayList<>();
        JsonNode list = o.path("trials");
        if (!list.isArray()) {
            throw new IllegalArgumentException("trials must be an array");
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String at = "trials[" + i + "].";
            PolicyEvaluation.Prediction prediction = null;
            JsonNode q = n.path("prediction");
            if (q.isObject()) {
                prediction = new PolicyEvaluation.Prediction(array(q, "mean", at + "prediction.", (horizon + 1) * 4),
                        array(q, "cov", at + "prediction.", (horizon + 1) * 16),
                        array(q, "costMean", at + "prediction.", horizon),
                        array(q, "costVar", at + "prediction.", horizon),
                        array(q, "forceMean", at + "prediction.", horizon),
                        array(q, "forceVar", at + "prediction.", horizon));
            }
            double[] states = array(n, "states", at, (horizon + 1) * 4);
            double[] forces = array(n, "forces", at, horizon);
            double[] policy = n.path("policy").isArray() ? array(n, "policy", at, -1) : null;
            double[] observed = version >= 2 ? array(n, "observed", at, (horizon + 1) * 4) : null;
            double[] hyperparameters = version >= 2 && n.path("hyperparameters").isArray()
                    ? array(n, "hyperparameters", at, GpDynamics.OUTPUTS * Trial.HYPERPARAMETERS_PER_OUTPUT) : null;
            trials.add(new Trial(whole(n, "trial"), states, forces, policy, prediction, number(n, "actualCost", at),
                    n.path("success").asBoolean(), number(n, "experience", at), n.path("evaluations").asInt(),
                    observed, hyperparameters));
        }
        return new PilcoRecording(o.path("seed").asLong(), horizon, whole(o, "centres"), o.path("evaluations").asInt(),
                o.path("propagation").asText(), number(o, "dt", ""), trials);
    }

    private static int whole(JsonNode o, String field) {
        JsonNode v = o.path(field);
        if (!v.canConvertToInt()) {
            throw new IllegalArgumentException(field + " must be a whole number");
        }
        return v.asInt();
    }

    private static double number(JsonNode o, String field, String at) {
        JsonNode v = o.path(field);
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException(at + field + " must be a finite number");
        }
        return v.asDouble();
    }

    private static double[] array(JsonNode o, String field, String at, int length) {
        JsonNode v = o.path(field);
        if (!v.isArray() || (length >= 0 && v.size() != length)) {
            throw new IllegalArgumentException(at + field + " must be an array"
                    + (length >= 0 ? " of " + length + " numbers" : ""));
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isNumber()) {
                throw new IllegalArgumentException(at + field + "[" + i + "] must be a number");
            }
            out[i] = v.get(i).asDouble();
        }
        return out;
    }

    private static void numbers(ArrayNode a, double[] values) {
        for (double v : values) {
            a.add(v);
        }
    }
}
