package mbrllab.core.dyna;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import mbrllab.core.maze.Maze;

/**
 * The result of an {@link UpdatesToOptimalSpec}: per maze, agent and run, the updates made until the greedy
 * policy was optimal. Means and standard errors are computed in run order, so they are the same bits whatever
 * threads produced the runs. Immutable.
 */
public final class UpdatesToOptimal {

    /**
     * One run of one agent on one maze.
     *
     * @param updates   Q updates made until the check found the greedy policy optimal (or the cap)
     * @param realSteps real steps taken by then
     * @param episodes  episodes completed by then
     * @param reached   false when the cap was hit first (the run is censored: updates is a lower bound)
     */
    public record Outcome(long updates, long realSteps, int episodes, boolean reached) {
    }

    private final List<String> mazeNames;
    private final List<Integer> states;
    private final List<String> labels;
    private final List<String> keys;
    private final Outcome[][][] outcomes;

    /**
     * @param outcomes outcomes[m][a][r] for maze m, agent a, run r; not copied, not to be changed later
     */
    UpdatesToOptimal(UpdatesToOptimalSpec spec, Outcome[][][] outcomes) {
        List<String> names = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (Maze maze : spec.mazes()) {
            names.add(maze.name());
            sizes.add(maze.layout().freeCellCount());
        }
        List<String> l = new ArrayList<>();
        List<String> k = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AgentSpec agent : spec.agents()) {
            l.add(agent.label());
            String key = agent.kind().key();
            for (int i = 2; !seen.add(key); i++) {
                key = agent.kind().key() + i;
            }
            k.add(key);
        }
        this.mazeNames = List.copyOf(names);
        this.states = List.copyOf(sizes);
        this.labels = List.copyOf(l);
        this.keys = List.copyOf(k);
        this.outcomes = outcomes;
    }

    /** The mazes' names, in order. */
    public List<String> mazeNames() {
        return mazeNames;
    }

    /** Free states of every maze, in order (47, 188, ...). */
    public List<Integer> states() {
        return states;
    }

    /** Legend labels of the agents. */
    public List<String> labels() {
        return labels;
    }

    /** CSV keys of the agents ("dynaq", "ps"). */
    public List<String> keys() {
        return keys;
    }

    /** Runs per maze and agent. */
    public int runs() {
        return outcomes[0][0].length;
    }

    /** The outcome of run {@code run} of agent {@code agent} on maze {@code maze} (all 0-based). */
    public Outcome outcome(int maze, int agent, int run) {
        return outcomes[maze][agent][run];
    }

    /**
     * Mean of the updates until optimal over the runs that found an optimal policy (censored runs, which hit the
     * cap first, are left out and counted by {@link #censored}); NaN when no run found one.
     */
    public double mean(int maze, int agent) {
        double sum = 0;
        int count = 0;
        for (Outcome o : outcomes[maze][agent]) {
            if (o.reached()) {
                sum += o.updates();
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * Standard error of {@link #mean} (sample standard deviation / sqrt(count) over the same runs); 0 with one
     * such run, NaN with none.
     */
    public double standardError(int maze, int agent) {
        int count = outcomes[maze][agent].length - censored(maze, agent);
        if (count < 2) {
            return count == 1 ? 0.0 : Double.NaN;
        }
        double mean = mean(maze, agent);
        double squares = 0;
        for (Outcome o : outcomes[maze][agent]) {
            if (o.reached()) {
                double d = o.updates() - mean;
                squares += d * d;
            }
        }
        return Math.sqrt(squares / (count - 1) / count);
    }

    /** Runs that hit the cap on real steps before their greedy policy was optimal. */
    public int censored(int maze, int agent) {
        int count = 0;
        for (Outcome o : outcomes[maze][agent]) {
            if (!o.reached()) {
                count++;
            }
        }
        return count;
    }

    /** Runs censored in all, over mazes and agents. */
    public int censoredTotal() {
        int count = 0;
        for (int m = 0; m < outcomes.length; m++) {
            for (int a = 0; a < outcomes[m].length; a++) {
                count += censored(m, a);
            }
        }
        return count;
    }

    /**
     * CSV: header {@code maze,states,KEY_updates_mean,KEY_updates_se,...} (e.g. {@code maze,states,
     * dynaq_updates_mean,dynaq_updates_se,ps_updates_mean,ps_updates_se}), one line per maze, with
     * {@link #mean} and {@link #standardError}; both cells are empty when no run found an optimal policy (every run
     * of that maze and agent was censored). Commas in maze names become semicolons.
     */
    public String toCsv() {
        StringBuilder sb = new StringBuilder("maze,states");
        for (String key : keys) {
            sb.append(',').append(key).append("_updates_mean,").append(key).append("_updates_se");
        }
        sb.append('\n');
        for (int m = 0; m < mazeNames.size(); m++) {
            sb.append(mazeNames.get(m).replace(',', ';')).append(',').append(states.get(m));
            for (int a = 0; a < keys.size(); a++) {
                double mean = mean(m, a);
                if (Double.isNaN(mean)) {
                    sb.append(",,");
                } else {
                    sb.append(',').append(String.format(Locale.ROOT, "%.1f", mean))
                            .append(',').append(String.format(Locale.ROOT, "%.1f", standardError(m, a)));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
