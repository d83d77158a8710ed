package mbrllab.app.pilco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.ShellFixture;
import mbrllab.app.export.ExportTarget;
import mbrllab.app.lab.Publication;
import mbrllab.app.export.Exports;
import mbrllab.app.shell.Sessions;
import mbrllab.io.PilcoRecording;

/** The PILCO lab through the window: the recorded preset, the trial selector, another start, Cancel. */
class PilcoLabTest extends ShellFixture {

    @Start
    void start(Stage stage) {
        startShell(stage);
        shell.select("pilco");
    }

    private static PilcoLab lab(FxRobot robot) {
        return (PilcoLab) robot.lookup("#pilcoLab").query().getProperties().get(PilcoLab.class);
    }

    private static JFreeChart chart(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ChartViewer.class).getChart();
    }

    private static ListView<?> trialList(FxRobot robot) {
        return robot.lookup("#pilcoTrialList").queryAs(ListView.class);
    }

    /** The real rollout's first and last x in the states chart (the x subplot's "real rollout" series). */
    private static double[] realX(JFreeChart chart) {
        XYPlot x = (XYPlot) ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots().get(0);
        XYDataset real = x.getDataset(1);
        int n = real.getItemCount(0);
        return new double[] {real.getYValue(0, 0), real.getYValue(0, n - 1), n};
    }

    /**
     * Clicks the title of the titled pane {@code title} and waits until it is open. Its opening is not animated here:
     * a click on a field inside it while it grows (slowly on a loaded machine) would land where the field was a
     * frame before, outside it.
     */
    private static void expandFx(FxRobot robot, String title) throws Exception {
        TitledPane pane = readOnFx(() -> robot.lookup((javafx.scene.Node n) -> n instanceof TitledPane t
                && title.equals(t.getText())).queryAs(TitledPane.class));
        readOnFx(() -> {
            pane.setAnimated(false);
            return null;
        });
        clickOnFx(robot, title);
        waitLong(() -> readOnFx(pane::isExpanded), 15, title + " opens");
        WaitForAsyncUtils.waitForFxEvents();
        ShellFixture.waitForLayoutPulse();
    }

    private static void waitLong(Callable<Boolean> condition, int seconds, String what) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    /** The recorded preset shows its 8 trials at once: the list, the cost per trial, the last trial's charts. */
    @Test
    void theRecordedPresetShowsItsTrials(FxRobot robot) throws Exception {
        clickMenuFx(robot, "Presets", "#preset-pilco-recorded");
        PilcoRecording rec = PilcoRecording.resource(PilcoViewModel.RECORDED_MOMENT);
        int n = rec.trials().size();
        waitLong(() -> trialList(robot).getItems().size() == n, 60, "the recorded trials are listed");
        // the cost per trial: the actual costs of all trials, the predicted ones of the learning trials
        double[] costs = readOnFx(() -> {
            XYPlot plot = chart(robot, "#pilcoCostTrialChart").getXYPlot();
            XYDataset actual = plot.getDataset(1);
            XYDataset predicted = plot.getDataset(0);
            return new double[] {actual.getItemCount(0) + actual.getItemCount(1), predicted.getItemCount(0),
                    predicted.getYValue(0, 0)};
        });
        assertEquals(n, (int) costs[0]);
        assertEquals(n - 1, (int) costs[1]);
        assertEquals(rec.trials().get(1).predictedCost(), costs[2], 1e-12);
        // the last trial is on show: its rollout in the states chart
        PilcoRecording.Trial last = rec.trials().get(n - 1);
        double[] x = readOnFx(() -> realX(chart(robot, "#pilcoStatesChart")));
        assertEquals(last.state(0, 0), x[0], 0.0);
        assertEquals(last.state(last.steps(), 0), x[1], 0.0);
        assertEquals(last.steps() + 1, (int) x[2]);
        String summary = readOnFx(() -> robot.lookup("#pilcoRunSummary").queryAs(Label.class).getText());
        assertTrue(summary.contains(Math.round(last.experience()) + " s of experience"), summary);
        assertEquals(n - 1, (int) readOnFx(() -> trialList(robot).getSelectionModel().getSelectedIndex()));
    }

    /**
     * Play pressed as the lab opens, before the recorded run has been read, plays its last trial once it arrives (it
     * was lost: the trial arrived a moment later and replaced the replay, paused at t = 0).
     */
    @Test
    void playPressedAsTheLabOpensPlaysTheRecordedRun(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            shell.select("dyna-maze");
            shell.select("pilco");
            shell.currentLab().controls().playPause().run();
        }).get(30, TimeUnit.SECONDS);
        waitLong(() -> readOnFx(() -> {
            Publication<PilcoViewModel.ReplayFrame> p = lab(robot).model().frameProperty().get();
            return p != null && p.frame() != null && p.frame().t() > 0;
        }), 30, "the recorded run's last trial plays");
    }

    /** Clicking a trial in the selector changes the states and cost-per-step charts to that trial. */
    @Test
    void theTrialSelectorChangesTheCharts(FxRobot robot) throws Exception {
        waitLong(() -> trialList(robot).getItems().size() == 8, 60, "the recorded trials are listed");
        PilcoRecording rec = PilcoRecording.resource(PilcoViewModel.RECORDED_MOMENT);
        double before = readOnFx(() -> chart(robot, "#pilcoCostStepChart").getXYPlot().getDataset(0).getYValue(0, 20));
        clickOnFx(robot, readOnFx(() -> (String) trialList(robot).getItems().get(2)));
        PilcoRecording.Trial three = rec.trials().get(2);
        waitLong(() -> readOnFx(() -> realX(chart(robot, "#pilcoStatesChart"))[1]) == three.state(three.steps(), 0), 15,
                "the states chart shows trial 3");
        double after = readOnFx(() -> chart(robot, "#pilcoCostStepChart").getXYPlot().getDataset(0).getYValue(0, 20));
        assertEquals(three.prediction().costMean(21), after, 1e-12);
        assertNotEquals(before, after);
        assertEquals(3, (int) lab(robot).model().selectedProperty().get());
        // the random trial has no prediction: no band, only the real rollout
        clickOnFx(robot, readOnFx(() -> (String) trialList(robot).getItems().get(0)));
        waitLong(() -> readOnFx(() -> chart(robot, "#pilcoCostStepChart").getXYPlot().getDataset(0)
                .getSeriesCount()) == 0, 15, "trial 1 shows no predicted band");
        // the learned policy of trial 8 from another start: typed, clicked, replayed
        clickOnFx(robot, readOnFx(() -> (String) trialList(robot).getItems().get(7)));
        expandFx(robot, "Another start");
        doubleClickOnFx(robot, "#pilcoStartX").write("0.4");
        clickOnFx(robot, "#pilcoReplayFromButton");
        waitLong(() -> readOnFx(() -> realX(chart(robot, "#pilcoStatesChart"))[0]) == 0.4, 15,
                "the replay starts at x = 0.4");
        // and, once computed in the background, its prediction from there: the band starts at the typed x
        waitLong(() -> readOnFx(() -> chart(robot, "#pilcoCostStepChart").getXYPlot().getDataset(0)
                .getSeriesCount()) > 0, 30, "the prediction from the typed start is drawn");
        double predictedX0 = readOnFx(() -> lab(robot).model().shownProperty().get().prediction().mean(0, 0));
        assertEquals(0.4, predictedX0, 0.0);
    }

    /** The four exports write PNG, SVG and CSV of what is on show; a saved session opens to the same trial. */
    @Test
    void exportsAndSessionsKeepTheTrialOnShow(FxRobot robot, @TempDir Path dir) throws Exception {
        waitLong(() -> trialList(robot).getItems().size() == 8, 60, "the recorded trials are listed");
        clickOnFx(robot, readOnFx(() -> (String) trialList(robot).getItems().get(4)));
        waitUntil(() -> lab(robot).model().selectedProperty().get() == 5, "trial 5 is selected");
        List<ExportTarget> targets = readOnFx(() -> lab(robot).exportTargets());
        assertEquals(List.of("pilco-replay", "pilco-states", "pilco-cost-per-step", "pilco-cost-per-trial"),
                targets.stream().map(ExportTarget::name).toList());
        List<Path> files = readOnFx(() -> Exports.writeAll(targets, dir));
        assertEquals(12, files.size());
        for (Path f : files) {
            assertTrue(Files.size(f) > 200, f.toString());
        }
        List<String> replay = Files.readAllLines(dir.resolve("pilco-replay.csv"));
        assertEquals(42, replay.size(), "the header and the 41 states of trial 5");
        assertTrue(replay.get(0).startsWith("t,x,x_dot,theta,theta_dot,force,cost,pred_x_mean,pred_x_sd"));
        PilcoRecording.Trial five = PilcoRecording.resource(PilcoViewModel.RECORDED_MOMENT).trials().get(4);
        assertEquals(five.state(40, 2), Double.parseDouble(replay.get(41).split(",", -1)[3]), 0.0);
        assertEquals(9, Files.readAllLines(dir.resolve("pilco-cost-per-trial.csv")).size());
        assertTrue(Files.readString(dir.resolve("pilco-states.svg")).contains("<svg"));
        Path session = dir.resolve("session.json");
        readOnFx(() -> {
            shell.saveSession(session);
            return null;
        });
        JsonNode saved = Sessions.mapper().readTree(Files.readString(session)).path("settings");
        assertEquals(5, saved.path("trial").asInt());
        assertEquals("recorded", saved.path("source").asText());
        clickOnFx(robot, readOnFx(() -> (String) trialList(robot).getItems().get(1)));
        waitUntil(() -> lab(robot).model().selectedProperty().get() == 2, "trial 2 is selected");
        readOnFx(() -> {
            shell.loadSession(session);
            return null;
        });
        waitLong(() -> lab(robot).model().selectedProperty().get() == 5, 60, "the session's trial 5 is back");
        Path again = dir.resolve("again.json");
        readOnFx(() -> {
            shell.saveSession(again);
            return null;
        });
        assertEquals(Files.readString(session), Files.readString(again));
    }

    /** A live run reports its policy search; Cancel stops it where it is and keeps the random trial. */
    @Test
    void cancelStopsTheOptimisation(FxRobot robot) throws Exception {
        waitLong(() -> trialList(robot).getItems().size() == 8, 60, "the recorded trials are listed");
        clickMenuFx(robot, "#pilcoSourceChoice", "Live run");
        clickOnFx(robot, "#pilcoStartButton");
        waitLong(() -> readOnFx(() -> robot.lookup("#pilcoSearchLabel").queryAs(Label.class).getText())
                .contains("evaluation"), 300, "the policy search reports evaluations");
        String progress = readOnFx(() -> robot.lookup("#pilcoSearchLabel").queryAs(Label.class).getText());
        assertTrue(progress.startsWith("Trial 2 of 8: optimising the policy, evaluation "), progress);
        assertEquals(1, (int) readOnFx(() -> trialList(robot).getItems().size()));
        clickOnFx(robot, "#pilcoCancelButton");
        waitUntil(() -> !lab(robot).model().experiment().runningProperty().get(), "the run stops");
        lab(robot).model().experiment().task().get(120, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(" ", readOnFx(() -> robot.lookup("#pilcoSearchLabel").queryAs(Label.class).getText()));
        assertEquals(1, (int) readOnFx(() -> trialList(robot).getItems().size()), "the random trial stays");
        assertFalse(readOnFx(() -> lab(robot).model().experiment().completeProperty().get()));
        assertTrue(readOnFx(() -> robot.lookup("#pilcoCancelButton").query().isDisabled()));
    }
}
