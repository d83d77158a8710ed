package mbrllab.app.debugger;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

import mbrllab.app.export.ExportTarget;
import mbrllab.app.export.Exports;
import mbrllab.app.lab.Layouts;
import mbrllab.app.lab.Playback;
import mbrllab.app.lab.RunControls;
import mbrllab.app.maze.MazeCanvas;
import mbrllab.app.maze.MazeRenderer;
import mbrllab.app.maze.PaneFrame;

/**
 * The step-through debugger as a tab of a maze lab: it starts a fresh session the first time it is shown (and when
 * the lab asks), takes over the run controls while it is shown (Play runs to the next breakpoint, Step one update,
 * Reset a fresh session), and offers its maze for export.
 */
public final class DebuggerTab {

    private final DebuggerView view;
    private final Tab tab;
    private final Runnable restart;
    private boolean started;

    /**
     * @param tabs    the lab's tabs; this tab is added last
     * @param id      the tab's id
     * @param restart starts a fresh session with the lab's settings (e.g. offers the lab's n, then
     *                {@link DebuggerView#reset()})
     */
    public DebuggerTab(DebuggerView view, TabPane tabs, String id, Runnable restart) {
        this.view = view;
        this.restart = restart;
        this.tab = new Tab("Step-through debugger", view.view());
        Layouts.tabTitles(tab, "Step-through debugger", "Debugger");
        tab.setId(id);
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b == tab && !started) {
                started = true;
                restart.run();
            }
        });
    }

    public Tab tab() {
        return tab;
    }

    public DebuggerView view() {
        return view;
    }

    /** True while the tab is on show. */
    public boolean isShown() {
        return tab.isSelected();
    }

    /** Shows the tab with a fresh session. */
    public void show() {
        started = true;
        tab.getTabPane().getSelectionModel().select(tab);
        restart.run();
    }

    /** A fresh session when the debugger has been used (the lab's settings changed). */
    public void restartIfStarted() {
        if (started) {
            restart.run();
        }
    }

    /** The lab's run controls, routed to the debugger while its tab is shown. */
    public RunControls around(RunControls panes) {
        return new RunControls(
                () -> (isShown() ? (Runnable) view.debugger()::runToBreakpoint : panes.playPause()).run(),
                () -> (isShown() ? (Runnable) view.debugger()::stepUpdate : panes.step()).run(),
                () -> (isShown() ? (Runnable) view::reset : panes.reset()).run(),
                panes.keys());
    }

    /**
     * Makes the lab's toolbar follow this tab, whose buttons {@link #around} routes to the debugger while it is shown:
     * the panes pause as the tab opens (the toolbar's Play then runs the debugger to its next breakpoint, and reads
     * "Play" rather than the hidden panes' "Pause"), and {@code realSteps} counts the debugged agent's real steps
     * while the tab is shown and the panes' ({@code panesRealSteps}) otherwise.
     *
     * @param realSteps      the toolbar's real-steps label; its text is bound from now on
     * @param panesRealSteps the label's text for the panes, which the lab keeps up to date
     */
    public void followInToolbar(Playback playback, Label realSteps, ObservableStringValue panesRealSteps) {
        StringProperty debuggerRealSteps = new SimpleStringProperty(realStepsText(0));
        view.debugger().frameProperty().addListener((o, a, f) -> {
            if (f != null) {
                debuggerRealSteps.set(realStepsText(f.pane().realSteps()));
            }
        });
        realSteps.textProperty().bind(Bindings.when(tab.selectedProperty()).then(debuggerRealSteps)
                .otherwise(panesRealSteps));
        tab.selectedProperty().addListener((o, a, shown) -> {
            if (shown && playback.isPlaying()) {
                playback.setPlaying(false);
            }
        });
    }

    /** The toolbar's text for {@code steps} real steps. */
    public static String realStepsText(long steps) {
        return String.format(Locale.ROOT, "real steps: %,d", steps);
    }

    /** The panes' play/pause and step of {@code playback} and {@code reset}, routed to the debugger while shown. */
    public RunControls around(Playback playback, Runnable reset) {
        return around(new RunControls(playback::togglePlay, playback::step, reset));
    }

    /**
     * The debugger's maze as a figure (PNG, SVG) and its table (CSV), once a session has started.
     *
     * @param title the figure's title for a frame
     * @param csv   the table of a frame
     */
    public Optional<ExportTarget> exportTarget(Function<PaneFrame, String> title, Function<PaneFrame, String> csv) {
        MazeCanvas canvas = view.canvas();
        if (!started || canvas.frame() == null || canvas.getWidth() <= 0) {
            return Optional.empty();
        }
        PaneFrame frame = canvas.frame();
        MazeRenderer.Style style = canvas.style();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        String text = title.apply(frame);
        double fh = h + 2 * MazeRenderer.FIGURE_BAND;
        return Optional.of(new ExportTarget("debugger-maze", "Debugger maze (n = " + frame.n() + ")",
                () -> Exports.png2x(w, fh, pen -> MazeRenderer.drawFigure(pen, frame, style, text, w, h)),
                () -> Exports.svg(w, fh, pen -> MazeRenderer.drawFigure(pen, frame, style, text, w, h)),
                () -> csv.apply(frame)));
    }

    public void setFontScale(double scale) {
        view.setFontScale(scale);
    }

    public void setHighContrast(boolean on) {
        view.setHighContrast(on);
    }

    /** Stops the debugger's work (lab switch, window close). */
    public void shutdown() {
        view.debugger().shutdown();
    }
}
