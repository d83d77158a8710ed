package mbrllab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import mbrllab.core.budget.Cost;
import mbrllab.core.dyna.ExperimentObserver;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Progress of a long command on stderr, as the app's status bar shows it: nothing for the first two seconds (most
 * commands are done by then), then a bar redrawn in place when stderr is a terminal, or a line every ten seconds
 * when it is not (a log, a pipe). Counted work ({@code 12/30 runs}, with the time left) or a phase with the time
 * so far ({@code fitting the GP on 3000 points}). A daemon thread draws; the command only counts:
 * <pre>
 * try (Progress progress = Progress.start(spec, 30, "runs")) {
 *     curves = LearningCurveExperiment.run(experiment, pool, progress.observer());
 * }
 * </pre>
 * Closing clears the bar (or prints a last line when lines were printed) before the command prints its results.
 * The delays and the kind of stderr come from the command line's {@link Environment}.
 */
final class Progress implements AutoCloseable {

    private static final int BAR = 20;
    private static final long TICK_MILLIS = 200;

    private final String name;
    private final PrintWriter err;
    private final Environment environment;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final Thread drawer;
    private volatile long total;
    private volatile String unit;
    private volatile String phase = "";
    private volatile boolean closed;
    private boolean shown;
    private int drawnWidth;
    private double lastLineAt;
    private long lastLineDone = -1;
    private String lastLinePhase = "";

    Progress(String name, PrintWriter err, Environment environment, long total, String unit) {
        this.name = name;
        this.err = err;
        this.environment = environment;
        this.total = total;
        this.unit = unit;
        if (environment.progressAfter() <= 0) {
            synchronized (this) {
                draw(); // shown from the start, not from the first tick on (tests rely on it)
            }
        }
        drawer = new Thread(this::drawLoop, "progress");
        drawer.setDaemon(true);
        drawer.start();
    }

    /**
     * Starts following a command's work.
     *
     * @param spec  the command (its name prefixes the lines, its stderr gets them)
     * @param total how many {@code unit}s the work has, or 0 when it is not counted (then phases are shown)
     * @param unit  what is counted, plural ("runs", "tasks")
     */
    static Progress start(CommandSpec spec, long total, String unit) {
        return new Progress(CommandSupport.name(spec), spec.commandLine().getErr(), CommandSupport.environment(spec),
                total, unit);
    }

    /** Starts following uncounted work, shown by its phases. */
    static Progress start(CommandSpec spec, String phase) {
        Progress p = start(spec, 0, "");
        p.phase(phase);
        return p;
    }

    /** What is being done now, e.g. "fitting the GP on 3000 points"; shown with the counted work, if any. */
    void phase(String text) {
        phase = text;
    }

    /** Counts another {@code unit}s of work ({@code total} of them, 0 for none), starting again from 0. */
    void count(long newTotal, String newUnit) {
        unit = newUnit;
        total = newTotal;
        done.set(0);
    }

    /** One more unit done. */
    void advance() {
        done.incrementAndGet();
    }

    /** {@code count} units done in all. */
    void done(long count) {
        done.set(count);
    }

    /** An observer of an experiment that counts its finished runs (or tasks). */
    ExperimentObserver observer() {
        return new ExperimentObserver() {
            @Override
            public void runFinished(int run, int[][] stepsPerCurve) {
                advance();
            }

            @Override
            public void taskFinished(int finished, int all) {
                done(finished);
            }
        };
    }

    /** A listener of "done so far" counts, for the core's calls that report them. */
    IntConsumer doneListener() {
        return this::done;
    }

    private double elapsed() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void drawLoop() {
        try {
            while (!closed) {
                Thread.sleep(TICK_MILLIS);
                synchronized (this) {
                    if (!closed && elapsed() >= environment.progressAfter()) {
                        draw();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void draw() {
        String text = text(false);
        if (environment.terminal()) {
            String line = "\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length()));
            drawnWidth = text.length();
            err.print(line);
            err.flush();
            shown = true;
        } else {
            double now = elapsed();
            boolean changed = done.get() != lastLineDone || !phase.equals(lastLinePhase);
            if (!shown || changed && now - lastLineAt >= environment.progressEvery()) {
                err.println(text);
                err.flush();
                shown = true;
                lastLineAt = now;
                lastLineDone = done.get();
                lastLinePhase = phase;
            }
        }
    }

    /** e.g. "figure 8.2: [#####---------------] 8/30 runs, 27%, 1 min left" or "figure 8.2: 8/30 runs ...". */
    String text(boolean finished) {
        long n = done.get();
        long all = total;
        double seconds = elapsed();
        StringBuilder sb = new StringBuilder(name).append(": ");
        if (!phase.isEmpty()) {
            sb.append(phase).append(all > 0 ? ", " : "");
        }
        if (all > 0) {
            double fraction = Math.min(1, (double) n / all);
            if (environment.terminal() && !finished) {
                int filled = (int) Math.round(fraction * BAR);
                sb.append('[').append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("] ");
            }
            sb.append(n).append('/').append(all).append(' ').append(unit)
                    .append(String.format(Locale.ROOT, " (%.0f%%)", 100 * fraction));
        }
        if (finished) {
            sb.append(all > 0 || !phase.isEmpty() ? ", " : "").append("done in ").append(Cost.duration(seconds));
        } else if (all > 0 && n > 0 && n < all) {
            sb.append(", ").append(Cost.duration(seconds * (all - n) / n)).append(" left");
        } else {
            sb.append(all > 0 || !phase.isEmpty() ? ", " : "").append(Cost.duration(seconds)).append(" so far");
        }
        return sb.toString();
    }

    /**
     * Prints {@code text} (with its own line ends) to {@code out}, the command's stdout, without mixing it into the
     * bar: on a terminal the bar is cleared first and drawn again below the text.
     */
    synchronized void print(PrintWriter out, String text) {
        boolean bar = shown && !closed && environment.terminal();
        if (bar) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
        out.print(text);
        out.flush();
        if (bar) {
            draw();
        }
    }

    /** Stops drawing; clears the bar, or ends the lines with a last one. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (shown) {
                if (environment.terminal()) {
                    err.print("\r" + " ".repeat(drawnWidth) + "\r");
                } else {
                    err.println(text(true));
                }
                err.flush();
            }
        }
        drawer.interrupt();
    }
}
