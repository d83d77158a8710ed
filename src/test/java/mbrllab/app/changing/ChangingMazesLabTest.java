package mbrllab.app.changing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

import java.util.concurrent.TimeUnit;

import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.jfree.chart.fx.ChartViewer;

import mbrllab.app.ShellFixture;
import mbrllab.app.debugger.DebugFrame;
import mbrllab.app.maze.MazeCanvas;
import mbrllab.cli.Cli;
import mbrllab.core.dyna.DynaUpdate;
import mbrllab.core.dyna.debug.ModelEntry;
import mbrllab.core.maze.Maze;
import mbrllab.io.BundledMazes;
import mbrllab.app.maze.TauLegend;
import mbrllab.app.lab.Playback;

/** Real clicks on the Changing mazes lab, headless on Monocle. */
class ChangingMazesLabTest extends ShellFixture {

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        startShell(stage);
        shell.select("changing-mazes");
    }

    static MazeCanvas canvas(FxRobot robot, int pane) {
        return robot.lookup("#changingCanvas" + pane).queryAs(MazeCanvas.class);
    }

    static long realSteps(FxRobot robot, int pane) {
        MazeCanvas c = canvas(robot, pane);
        return c == null || c.frame() == null ? -1 : c.frame().realSteps();
    }

    private ChangingMazeViewModel model() {
        return ((ChangingMazesLab) shell.currentLab().view().getProperties().get(ChangingMazesLab.class)).model();
    }

    /** Runs the CLI in this JVM; returns its exit code, failing with its output when it is not 0. */
    static void cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Cli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        assertEquals(0, code, out + "\n" + err);
    }

    @Test
    void thePanesAnimateInLockStepAndTheMazeChangesAtItsStep(FxRobot robot) {
        waitUntil(() -> realSteps(robot, 1) == 0, "two panes at step 0");
        // the maze file's description is a sentence of its own before the change (it ran on: "... on the left Changes
        // after step 1,000.")
        assertEquals("Sutton and Barto, Figure 8.4: after 1,000 steps the short way on the right closes and a "
                + "longer one opens on the left. Changes after step 1,000. 6 x 9, shortest path 10 steps, 16 after the change.",
                robot.lookup("#mazeDescription").queryAs(Label.class).getText());
        Maze blocking = BundledMazes.load(BundledMazes.BLOCKING_MAZE);
        assertEquals(blocking.layout(), canvas(robot, 0).frame().layout(), "the first layout");
        assertTrue(robot.lookup("#changingCanvas2").tryQuery().isEmpty(), "Dyna-Q and Dyna-Q+ only by default");
        clickOnFx(robot, "#stepButton");
        clickOnFx(robot, "#stepButton");
        clickOnFx(robot, "#stepButton");
        waitUntil(() -> realSteps(robot, 0) == 3 && realSteps(robot, 1) == 3, "three steps in both panes");
        assertEquals(3 * 11, canvas(robot, 0).frame().updates(), "Dyna-Q, n = 10: 11 updates per real step");
        assertTrue(robot.lookup("#changeNotice").queryAs(Label.class).getText()
                .startsWith("Blocking maze changes after real step 1,000"));

        clickOnFx(robot, "#playButton");
        waitUntil(() -> realSteps(robot, 0) > 3, "playing moves the agents");
        robot.interact(() -> model().playback().speedProperty().set(Playback.MAX_POSITION));
        // At full speed the run goes on to the experiment's last step (3000) and pauses there by itself.
        waitUntil(() -> realSteps(robot, 0) == 3000 && realSteps(robot, 1) == 3000
                && !model().playback().playingProperty().get(), "the run pauses at step 3000");
        assertEquals("Play", robot.lookup("#playButton").queryButton().getText());
        for (int pane = 0; pane < 2; pane++) {
            assertEquals(blocking.change().orElseThrow().layout(), canvas(robot, pane).frame().layout(),
                    "after step 1000 pane " + pane + " shows the changed layout");
            assertArrayEquals(new int[] {3 * 9, 3 * 9 + 8}, canvas(robot, pane).extras().outlined(),
                    "the two cells the change touched are outlined");
        }
        Label notice = robot.lookup("#changeNotice").queryAs(Label.class);
        assertTrue(notice.getText().startsWith("Step 1,000: the maze changed. 1 cell became a wall, 1 cell opened"),
                notice.getText());
        assertTrue(notice.getStyleClass().contains("change-notice-done"));
        assertTrue(robot.lookup("#runSummary").queryAs(Label.class).getText().contains("paused at the experiment's "
                + "last step"));
    }

    @Test
    void theFinalChartNumbersAndTheExportedFilesEqualTheCommandLine(FxRobot robot) throws Exception {
        waitUntil(() -> model().rewards().completeProperty().get(), "the 30 background runs finish");
        String summary = robot.lookup("#rewardSummary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("Cumulative reward, mean +- standard error over 30 runs: at the change (step "
                + "1,000) Dyna-Q "), summary);
        assertTrue(summary.contains("at step 3,000 Dyna-Q 68.47 +- 6.70, Dyna-Q+ 133.43 +- 2.99."), summary);
        clickOnFx(robot, "#stepButton");
        waitUntil(() -> realSteps(robot, 1) == 1, "one step");

        answer = dir.resolve("export");
        clickMenuFx(robot, "File", "#exportAllItem");
        waitUntil(() -> Files.exists(answer.resolve("cumulative-reward.svg")), "files written");
        cli("figure", "8.4", "--runs", "30", "--seed", "1", "--out", dir.resolve("cli").toString());
        assertEquals(Files.readString(dir.resolve("cli/figure-8.4.csv")),
                Files.readString(answer.resolve("cumulative-reward.csv")),
                "the lab's curves are the CLI's, to the bit");

        for (String name : List.of("maze-dynaq", "maze-dynaqplus", "cumulative-reward")) {
            BufferedImage png = ImageIO.read(answer.resolve(name + ".png").toFile());
            assertNotNull(png, name + ".png is a PNG");
            assertTrue(png.getWidth() > 200 && png.getHeight() > 200, name + ".png has a size");
            String svg = Files.readString(answer.resolve(name + ".svg"));
            assertTrue(svg.contains("</svg>"), name + ".svg is complete");
        }
        List<String> pane = Files.readAllLines(answer.resolve("maze-dynaqplus.csv"));
        assertEquals("agent,row,col,action,q,strictly_greedy,tau,model_knows_state,visits", pane.get(0));
        assertEquals(1 + 46 * 4, pane.size(), "46 free cells of the blocking maze x 4 actions");
        assertTrue(pane.stream().anyMatch(l -> l.startsWith("dynaqplus,5,3,") && l.contains(",0,true,")),
                "the pair tried from S in step 1 has tau 0");
    }

    @Test
    void theTauToggleColoursThePanesByStaleness(FxRobot robot) {
        waitUntil(() -> realSteps(robot, 1) == 0, "panes drawn");
        clickOnFx(robot, "#stepButton");
        clickOnFx(robot, "#stepButton");
        waitUntil(() -> realSteps(robot, 1) == 2, "two steps");
        assertNull(canvas(robot, 0).extras().heat(), "Q by default");
        clickOnFx(robot, "#tauToggle");
        waitUntil(() -> canvas(robot, 1).extras().heat() != null, "the tau map is on");
        double[] tau = canvas(robot, 1).extras().heat();
        double[] expected = model().frames().get(1).tau();
        assertArrayEquals(expected, tau);
        long zeros = java.util.Arrays.stream(tau).filter(t -> t == 0).count();
        assertTrue(zeros >= 1, "the pair just tried has tau 0");
        assertEquals(2.0, java.util.Arrays.stream(tau).max().orElseThrow(), "never tried: tau = all the steps");
        assertTrue(robot.lookup(n -> n instanceof TauLegend).tryQuery().isPresent(), "the tau legend is shown");
        clickOnFx(robot, "#tauToggle");
        waitUntil(() -> canvas(robot, 1).extras().heat() == null, "back to Q");

        // Any maze file opens in the lab (File > Open maze file), with the book's parameters for it.
        robot.interact(() -> shell.openMaze(Path.of("mazes", "dyna-maze-2x.maze")));
        waitUntil(() -> canvas(robot, 0).frame() != null && canvas(robot, 0).frame().layout().rows() == 12,
                "the 2x Dyna-maze in the panes");
        assertTrue(robot.lookup("#changeNotice").queryAs(Label.class).getText().contains("does not change"));
        assertEquals("3000", robot.lookup("#stepsField").queryAs(TextField.class).getText());

        robot.type(javafx.scene.input.KeyCode.F1);
        waitUntil(() -> readOnFx(() -> robot.lookup("#helpContent").tryQuery().isPresent()), "the Help opens");
        String help = String.join("\n", helpTexts(robot));
        assertEquals("The changing mazes lab (Sutton and Barto, Sections 8.3 and 8.4)",
                ShellFixture.helpSection(robot), "the Help opens at the lab's section");
        assertTrue(help.contains("kappa * sqrt(tau)"));
        assertTrue(help.contains("With a slip probability p, the maze no longer does what the agent asks"),
                "the slip explanation of the core");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }

    @Test
    void aBadFieldIsRefusedAtTheFieldAndABadSessionNamesItsField(FxRobot robot) throws Exception {
        waitUntil(() -> realSteps(robot, 1) == 0, "panes drawn");
        doubleClickOnFx(robot, "#kappaField").eraseText(8).write("2");
        assertEquals("kappa must be in [0, 1], got 2", robot.lookup("#kappaFieldError").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#applyButton").queryButton().isDisabled(), "Apply is disabled");
        robot.eraseText(1).write("0.01");
        assertFalse(robot.lookup("#applyButton").queryButton().isDisabled());
        // The fields further down sit below the fold of the side panel: set their text without clicking.
        TextField slip = robot.lookup("#slipField").queryAs(TextField.class);
        robot.interact(() -> slip.setText("1.5"));
        assertEquals("slip must be in [0, 1], got 1.5", robot.lookup("#slipFieldError").queryAs(Label.class).getText());
        robot.interact(() -> slip.setText("0.1"));
        TextField runs = robot.lookup("#runsField").queryAs(TextField.class);
        robot.interact(() -> runs.setText("x"));
        assertEquals("'x' is not a whole number; runs must be in 1..10000",
                robot.lookup("#runsFieldError").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#applyButton").queryButton().isDisabled(), "Apply is disabled");
        robot.interact(() -> runs.setText("4"));
        clickOnFx(robot, "#applyButton");
        waitUntil(() -> model().settings().kappa() == 0.01 && model().settings().slip() == 0.1, "applied");

        answer = dir.resolve("bad.json");
        Files.writeString(answer, "{\"format\": \"mbrl-lab-session\", \"version\": 1, \"lab\": \"changing-mazes\","
                + " \"settings\": {\"theta\": -1, \"n\": 5}}");
        clickMenuFx(robot, "File", "#openSessionItem");
        waitUntil(() -> shell.lastError() != null, "an error is shown");
        assertEquals(answer + ": theta must be in [0, 1.0], got -1.0", shell.lastError());
        assertEquals(0.01, model().settings().kappa(), "nothing changed");
        robot.type(javafx.scene.input.KeyCode.ESCAPE);

        answer = dir.resolve("good.json");
        clickMenuFx(robot, "File", "#saveSessionItem");
        waitUntil(() -> Files.exists(answer), "session written");
        clickOnFx(robot, "#defaultsButton");
        clickOnFx(robot, "#applyButton");
        waitUntil(() -> model().settings().kappa() == 1e-4, "book defaults");
        clickMenuFx(robot, "File", "#openSessionItem");
        waitUntil(() -> model().settings().kappa() == 0.01, "the session is back");
        assertEquals(0.1, model().settings().slip());
        assertEquals("0.01", robot.lookup("#kappaField").queryAs(TextField.class).getText());
    }

    @Test
    void theDebuggerStepsDynaQPlusWithItsBonus(FxRobot robot) {
        waitUntil(() -> realSteps(robot, 1) == 0, "panes drawn");
        clickMenuFx(robot, "Presets", "#preset-debug-dyna-q-plus");
        waitUntil(() -> model().debugger().frameProperty().get() != null, "the debugger starts");
        assertEquals("10", String.valueOf(robot.lookup("#debugN").queryComboBox().getValue()), "the lab's n");
        for (int i = 0; i < 16; i++) {
            clickOnFx(robot, "#dbgStepUpdate");
        }
        waitUntil(() -> model().debugger().frameProperty().get().position() == 16, "16 updates");
        DebugFrame at16 = model().debugger().frameProperty().get();
        var last = at16.last().orElseThrow();
        assertFalse(last.isReal(), "update 16 is a planning update (n = 10)");
        // The bonus is kappa sqrt(tau), tau = the real steps since (x,u) was last tried (all of them if never),
        // here taken from the model table and the real-step count, not from the agent's own bookkeeping.
        DynaUpdate u = last.update();
        long tau = at16.pane().realSteps();
        for (ModelEntry m : at16.model()) {
            if (m.x() == u.x() && m.u() == u.u()) {
                tau = at16.pane().realSteps() - m.setAtRealStep();
            }
        }
        double kappa = model().settings().kappa();
        assertEquals(kappa * Math.sqrt(tau), u.bonus(), 1e-15, "the bonus of update 16, tau = " + tau);
        String shown = String.format(Locale.ROOT, "r + kappa sqrt(tau) + gamma max = %.6f + %.6f + ", u.reward(),
                kappa * Math.sqrt(tau));
        Label target = robot.lookup("#insp7").queryAs(Label.class);
        waitUntil(() -> target.getText().startsWith(shown), "the inspector shows that bonus: " + shown);
        // The debugged agent is the animated Dyna-Q+ pane's: after three whole steps both have the same Q.
        clickOnFx(robot, "#dbgStepReal");
        waitUntil(() -> model().debugger().frameProperty().get().pane().realSteps() == 3
                && model().debugger().frameProperty().get().pending() == 10, "the third real step");
        for (int i = 0; i < 10; i++) {
            clickOnFx(robot, "#dbgStepUpdate");
        }
        waitUntil(() -> model().debugger().frameProperty().get().position() == 33, "its ten planning updates");
        clickOnFx(robot, "#changingTab");
        clickOnFx(robot, "#stepButton");
        clickOnFx(robot, "#stepButton");
        clickOnFx(robot, "#stepButton");
        waitUntil(() -> realSteps(robot, 1) == 3, "the panes at step 3");
        assertArrayEquals(canvas(robot, 1).frame().q(), model().debugger().frameProperty().get().pane().q(),
                "the debugger's Dyna-Q+ is the pane's");
    }

    /** While Example 8.4 computes, its chart says so; it used to ask to "press Compute" (already pressed). */
    @Test
    void theExample84ChartSaysItComputesWhileItComputes(FxRobot robot) throws Exception {
        waitUntil(() -> realSteps(robot, 1) == 0, "panes drawn");
        String[] title = WaitForAsyncUtils.asyncFx(() -> {
            TabPane tabs = robot.lookup("#changingTabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> "example84Tab".equals(t.getId()))
                    .findFirst().orElseThrow()); // the first visit computes
            ChartViewer chart = robot.lookup("#example84Chart").queryAs(ChartViewer.class);
            return new String[] {Boolean.toString(model().example84().runningProperty().get()),
                chart.getChart().getTitle().getText()};
        }).get(15, TimeUnit.SECONDS);
        assertEquals("true", title[0], "computing");
        assertFalse(title[1].contains("press Compute"), title[1]);
        assertTrue(title[1].contains("computing"), title[1]);
        clickOnFx(robot, "#cancelButton");
        waitUntil(() -> !model().example84().runningProperty().get(), "cancelled");
        String cancelled = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#example84Chart").queryAs(ChartViewer.class)
                .getChart().getTitle().getText()).get(15, TimeUnit.SECONDS);
        assertTrue(cancelled.contains("press Compute"), "cancelled before a result: " + cancelled);
    }

    /** The Example 8.4 preset opens its tab and leaves the first tab's panes as they were (no third pane). */
    @Test
    void theExample84PresetAddsNoPaneToTheFirstTab(FxRobot robot) {
        waitUntil(() -> realSteps(robot, 1) == 0, "panes drawn");
        clickMenuFx(robot, "Presets", "#preset-example-8-4");
        waitUntil(() -> model().example84().runningProperty().get(), "Example 8.4 computes");
        assertFalse(model().settings().sweeping(), "no prioritized-sweeping pane in the first tab");
        assertTrue(robot.lookup("#changingCanvas2").tryQuery().isEmpty(), "two panes: Dyna-Q and Dyna-Q+");
        clickOnFx(robot, "#cancelButton");
        waitUntil(() -> !model().example84().runningProperty().get(), "cancelled");
    }

    /** Prioritized sweeping's few updates (170 against Dyna-Q's 306,000) come with their reason. */
    @Test
    void prioritizedSweepingsUpdateCountHasItsReasonBesideIt(FxRobot robot) {
        waitUntil(() -> realSteps(robot, 1) == 0, "panes drawn");
        clickOnFx(robot, "#sweepingCheck");
        waitUntil(() -> robot.lookup("#changingStats2").tryQuery().isPresent()
                // "updates" or, where a pane is narrow, the header's shorter "upd." (HeaderLabel)
                && robot.lookup("#changingStats2").queryAs(Label.class).getText().contains("upd"),
                "a third pane for prioritized sweeping");
        String stats = robot.lookup("#changingStats2").queryAs(Label.class).getText();
        // On one line, or in a narrow pane "only where" over the formula.
        assertTrue(stats.replace('\u00a0', ' ').replace('\n', ' ').contains("only where |TD error| > theta"), stats);
        assertFalse(robot.lookup("#changingStats0").queryAs(Label.class).getText().contains("only where"),
                "Dyna-Q's count needs no reason");
    }

    @Test
    void theShortcutPresetAppliesAndSwitchingLabsStopsTheThreads(FxRobot robot) throws Exception {
        waitUntil(() -> realSteps(robot, 1) == 0, "panes drawn");
        clickMenuFx(robot, "Presets", "#preset-shortcut-maze-figure-8-5");
        Maze shortcut = BundledMazes.load(BundledMazes.SHORTCUT_MAZE);
        waitUntil(() -> canvas(robot, 1).frame() != null && canvas(robot, 1).frame().layout().equals(shortcut.layout())
                && realSteps(robot, 1) > 0, "the shortcut maze plays");
        assertEquals("50", robot.lookup("#nField").queryAs(TextField.class).getText());
        assertEquals("0.001", robot.lookup("#kappaField").queryAs(TextField.class).getText());
        assertEquals("6000", robot.lookup("#stepsField").queryAs(TextField.class).getText());
        assertTrue(model().playback().playingProperty().get());

        clickOnFx(robot, "#sweepingCheck");
        waitUntil(() -> robot.lookup("#changingCanvas2").tryQuery().isPresent() && realSteps(robot, 2) >= 0,
                "a third pane for prioritized sweeping");
        clickOnFx(robot, "#example84Tab");
        waitUntil(() -> model().example84().runningProperty().get(), "Example 8.4 computes on the first visit");
        clickOnFx(robot, "#cancelButton");
        waitUntil(() -> !model().example84().runningProperty().get(), "Cancel in the status bar stops it");
        assertEquals("Example 8.4 cancelled", shell.statusBar().message());
        clickOnFx(robot, "#computeExample84Button");
        waitUntil(() -> model().example84().runningProperty().get(), "Compute starts it again");
        ChangingMazeViewModel lab = model();
        robot.interact(() -> shell.select("dyna-maze"));
        waitUntil(() -> !lab.example84().runningProperty().get(), "Example 8.4 cancelled");
        waitUntilNoThread(ChangingRun.THREAD_NAME, "the runner thread has stopped");
    }
}
