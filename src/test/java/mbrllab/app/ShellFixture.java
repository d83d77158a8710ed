package mbrllab.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.robot.Motion;
import org.testfx.service.query.PointQuery;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import mbrllab.app.shell.FileDialogs;
import mbrllab.app.shell.Shell;

/**
 * The whole window for a TestFX test, headless on Monocle: the shell with every lab, its style sheet and
 * shortcuts, and file dialogs that answer {@link #answer} instead of opening a native dialog. The learning
 * threads and the pool are stopped after each test. TestFX only calls {@code @Start} methods declared on the
 * test class itself, so each subclass has a one-line one that calls {@link #startShell}.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class ShellFixture {

    protected Shell shell;
    protected Background background;
    protected FxDispatcher dispatcher;
    /** What the next file dialog answers. */
    protected Path answer;
    private Stage primary;
    /** The threads alive before this test's shell was built (other tests' lingering threads are not its own). */
    private volatile java.util.Set<Thread> threadsAtStart = java.util.Set.of();

    /** Builds and shows the window; each test class calls it from its own {@code @Start} method. */
    protected void startShell(Stage stage) {
        threadsAtStart = java.util.Set.copyOf(Thread.getAllStackTraces().keySet());
        primary = stage;
        dispatcher = new FxDispatcher();
        dispatcher.start();
        background = new Background();
        shell = MbrlLabApp.createShell(stage, dispatcher, background);
        shell.setFileDialogs(new FileDialogs() {
            @Override
            public Optional<Path> save(Window owner, String title, String initialName, String extension) {
                return Optional.ofNullable(answer);
            }

            @Override
            public Optional<Path> open(Window owner, String title, String extension) {
                return Optional.ofNullable(answer);
            }

            @Override
            public Optional<Path> folder(Window owner, String title) {
                return Optional.ofNullable(answer);
            }
        });
        Scene scene = new Scene(shell.view(), sceneWidth(), sceneHeight());
        scene.getStylesheets().add(MbrlLabApp.stylesheet());
        shell.installShortcuts(scene);
        scene.addPostLayoutPulseListener(() -> scenePulses++);
        // TestFX keeps one primary stage for all test classes: without this it keeps the previous class's size
        // (a 1024x768 class before a 1280x800 one laid the next lab out at 1024x768) or its full screen
        stage.setFullScreen(false);
        stage.setMaximized(false);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    /** The window's width; a test class may ask for another. */
    protected double sceneWidth() {
        return 1280;
    }

    /** The window's height. */
    protected double sceneHeight() {
        return 800;
    }

    /**
     * Closes what the test left open and stops the lab's threads, in one task on the FX thread. Queued there, it
     * runs after the start even when the start was so slow that TestFX gave up waiting for it (its setup timeout
     * on a very busy machine): then the wait below times out, but the clean-up still happens once the start is
     * done, instead of leaving that late shell's runner and background runs going for the rest of the JVM.
     */
    @AfterEach
    void stopShell() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            // Dialogs and editor windows a test left open would catch the next test's clicks.
            new java.util.ArrayList<>(Window.getWindows()).stream()
                    .filter(w -> w != primary && w instanceof Stage).forEach(w -> ((Stage) w).close());
            if (shell != null) {
                shell.dispose();
            }
            if (dispatcher != null) {
                dispatcher.stop();
            }
            if (background != null) {
                background.shutdown();
            }
        }).get(15, TimeUnit.SECONDS);
    }

    /**
     * Waits until no thread of this test's shell named {@code name} is alive. Closing a lab stops its threads, but
     * stop() waits for a thread only a bounded time (it runs on the FX thread), so on a busy machine the thread may
     * end just after the switch: the test waits for the end rather than assuming the bounded wait sufficed.
     */
    protected void waitUntilNoThread(String name, String what) {
        waitUntil(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals(name) && t.isAlive() && !threadsAtStart.contains(t)), what);
    }

    /**
     * Waits until {@code sample}, read on the FX thread, has stayed the same for at least {@code windowMillis} and
     * at least {@value #REST_PULSES} screen pulses, at most 15 s, and returns it. This is how a test sees that
     * nothing moves after a Pause: the runners do not answer a pause, so there is no answer to wait for, and a
     * single look after a fixed sleep fails whenever the pause or its last frame arrives after the sleep. Panes
     * that keep moving never come to rest and fail; the pulses (the window's own, asked for while waiting) make sure
     * frames waiting in the dispatcher and the layout after them had their turn, so a busy FX thread is not taken
     * for rest.
     */
    protected <T> T waitUntilAtRest(Callable<T> sample, long windowMillis, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        Object[] seen = WaitForAsyncUtils.asyncFx(() -> new Object[] {sample.call(), nextPulse()})
                .get(15, TimeUnit.SECONDS);
        long since = System.nanoTime();
        while (true) {
            Thread.sleep(10); // the polling interval, as in WaitForAsyncUtils.waitFor
            Object[] now = WaitForAsyncUtils.asyncFx(() -> new Object[] {sample.call(), nextPulse()})
                    .get(15, TimeUnit.SECONDS);
            if (!java.util.Objects.equals(now[0], seen[0])) {
                seen = now;
                since = System.nanoTime();
            } else if (System.nanoTime() - since >= TimeUnit.MILLISECONDS.toNanos(windowMillis)
                    && (long) now[1] - (long) seen[1] >= REST_PULSES) {
                @SuppressWarnings("unchecked")
                T rest = (T) now[0];
                return rest;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what + "; last seen " + now[0]);
            }
        }
    }

    /** The texts of the open Help window (titles, paragraphs, list items, shortcut rows), read on the FX thread. */
    public static List<String> helpTexts(FxRobot robot) {
        return readOnFx(() -> {
            List<String> texts = new ArrayList<>();
            collectLabels(robot.lookup("#helpContent").query(), texts);
            return texts;
        });
    }

    /** The section selected in the Help window's list of sections (its full title), or null. */
    public static String helpSection(FxRobot robot) {
        return readOnFx(() -> robot.lookup(".help-section").queryAllAs(javafx.scene.control.ToggleButton.class)
                .stream().filter(javafx.scene.control.ToggleButton::isSelected)
                .map(b -> (String) b.getUserData()).findFirst().orElse(null));
    }

    private static void collectLabels(Node node, List<String> texts) {
        if (node instanceof javafx.scene.control.Label label) {
            texts.add(label.getText());
        } else if (node instanceof javafx.scene.text.TextFlow flow) {
            // a Help text: its words, split where a search marks them
            StringBuilder words = new StringBuilder();
            for (Node part : flow.getChildren()) {
                words.append(((javafx.scene.text.Text) part).getText());
            }
            texts.add(words.toString());
        } else if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectLabels(child, texts);
            }
        }
    }

    /**
     * The screen pulses of the window so far, asking for one more (FX thread): the dispatcher's timer stops when
     * nothing is posted, and JavaFX pulses only when something asks it to, so the count must not wait for either.
     */
    private long nextPulse() {
        javafx.application.Platform.requestNextPulse();
        return scenePulses;
    }

    /**
     * The parents of the window that each of {@code passes} layout passes in a row laid out and left marked for
     * layout again, as "class#id", or an empty list. A layout that marks a node for layout again (whatever the node's
     * state) makes JavaFX lay the window out at every pulse, 60 times a second for as long as it shows that node,
     * though nothing on screen moves: two such loops were found by hand (a chart column that had given up its chart's
     * height, a divider the split pane had clamped). Only passes after a pulse in which the dispatcher ran no update
     * count (what an update changes may take a pass or two to settle: the cart-pole lab's legend, rebuilt with each
     * curve snapshot, does); a node that marked itself once stays marked without being laid out again and is not in
     * the list. Asks for each pass; fails when {@value #MOST_PASSES} passes bring no {@code passes} such passes in a
     * row (in the edge tests 4 passes do, 35 at most).
     */
    protected List<String> markedAfterEveryLayout(int passes) throws Exception {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Scene scene = readOnFx(() -> shell.view().getScene());
        java.util.Set<javafx.scene.Parent> laidOut = identitySet();
        java.util.Set<javafx.scene.Parent> always = identitySet();
        java.util.Map<javafx.scene.Parent, javafx.beans.value.ChangeListener<Boolean>> watched =
                new java.util.IdentityHashMap<>();
        // passes in a row so far that followed a pulse with no posted update; all passes so far
        int[] quiet = {0};
        int[] all = {0};
        long[] busy = {-1};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            java.util.Set<javafx.scene.Parent> again = identitySet();
            for (javafx.scene.Parent p : laidOut) {
                if (p.isNeedsLayout()) {
                    again.add(p);
                }
            }
            laidOut.clear();
            all[0]++;
            long busyNow = dispatcher.busyPulses();
            if (busyNow != busy[0]) {
                // an update arrived: what it changed may take a pass or two to settle, start again
                busy[0] = busyNow;
                quiet[0] = 0;
                always.clear();
            } else if (quiet[0]++ == 0) {
                always.addAll(again);
            } else {
                always.retainAll(again);
            }
            if (quiet[0] < passes && all[0] < MOST_PASSES) {
                javafx.application.Platform.requestNextPulse();
            } else {
                scene.removePostLayoutPulseListener(listener[0]);
                watched.forEach((p, l) -> p.needsLayoutProperty().removeListener(l));
                done.countDown();
            }
        };
        WaitForAsyncUtils.asyncFx(() -> {
            java.util.ArrayDeque<javafx.scene.Parent> queue = new java.util.ArrayDeque<>(List.of(scene.getRoot()));
            while (!queue.isEmpty()) {
                javafx.scene.Parent parent = queue.poll();
                javafx.beans.value.ChangeListener<Boolean> l = (o, was, now) -> {
                    if (!now) {
                        laidOut.add(parent);
                    }
                };
                parent.needsLayoutProperty().addListener(l);
                watched.put(parent, l);
                for (Node child : parent.getChildrenUnmodifiable()) {
                    if (child instanceof javafx.scene.Parent p) {
                        queue.add(p);
                    }
                }
            }
            scene.addPostLayoutPulseListener(listener[0]);
            javafx.application.Platform.requestNextPulse();
        }).get(15, TimeUnit.SECONDS);
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("timed out waiting for " + passes + " layout passes");
        }
        if (quiet[0] < passes) {
            throw new AssertionError("no " + passes + " layout passes in a row without a posted update in "
                    + MOST_PASSES);
        }
        return readOnFx(() -> always.stream().map(ShellFixture::describe).toList());
    }

    /** The most layout passes {@link #markedAfterEveryLayout} waits through for its passes without updates. */
    private static final int MOST_PASSES = 600;

    private static java.util.Set<javafx.scene.Parent> identitySet() {
        return java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    }

    /** A node as "class#id" (an anonymous class by the class it extends), for messages. */
    private static String describe(Node node) {
        Class<?> type = node.getClass();
        while (type.isAnonymousClass()) {
            type = type.getSuperclass();
        }
        return type.getSimpleName() + (node.getId() == null ? "" : "#" + node.getId());
    }

    /** Pulses of the window's scene (FX thread). */
    private long scenePulses;

    /** Screen pulses a sample must survive to count as at rest. */
    private static final int REST_PULSES = 5;

    /**
     * Clicks the centre of the visible node {@code query} finds, the lookup and its position done on the FX thread.
     * TestFX's {@code clickOn(query)} looks the node up and reads its bounds on the test thread while the FX thread
     * may be laying out: the click can land where the node was before the last layout (a lab just opened may still
     * be choosing its layout), and a Parent's bounds include its children's, so when a label's text has just changed
     * that lays the text out on the test thread while the FX thread lays out other text, and JavaFX's shared glyph
     * layout then fails with a ConcurrentModificationException (PangoGlyphLayout.dispose, seen once in
     * AccelerationLabTest while the background runs updated the status bar).
     */
    public static FxRobot clickOnFx(FxRobot robot, String query) {
        robot.clickOn(centreOnScreen(robot, query));
        return robot;
    }

    /** As {@link #clickOnFx(FxRobot, String)}, for a node in hand. */
    public static FxRobot clickOnFx(FxRobot robot, Node node) {
        robot.clickOn(centreOnScreen(robot, node));
        return robot;
    }

    /** Double-clicks the centre of the node {@code query} finds (a text field: its word), read on the FX thread. */
    public static FxRobot doubleClickOnFx(FxRobot robot, String query) {
        robot.doubleClickOn(centreOnScreen(robot, query));
        return robot;
    }

    /**
     * Clicks with {@code buttons} (the primary one if none) at the screen point {@code screenPoint} computes on the
     * FX thread once the events queued so far are done: a point inside a node, such as a maze cell or a chart's data
     * point, read where the FX thread has it.
     */
    public static FxRobot clickAtFx(FxRobot robot, Callable<Point2D> screenPoint, MouseButton... buttons) {
        robot.clickOn(onFx(screenPoint, "the point to click"), buttons);
        return robot;
    }

    /**
     * Clicks {@code opener} (a menu, a choice box, a combo box), then the node {@code item} finds once the popup
     * shows it (a menu item's id or a choice's text). The popup's nodes exist only after the opener's click has been
     * handled on the FX thread, so this waits until the lookup, done on the FX thread, finds the item visible, and
     * clicks the centre read in that same look. The mouse goes there the way TestFX's {@code clickOn(query)} takes it:
     * to a menu item vertically first, since a diagonal path crosses the menu bar's other menus and opens one of them.
     */
    public static FxRobot clickMenuFx(FxRobot robot, String opener, String item) {
        clickOnFx(robot, opener);
        WaitForAsyncUtils.waitForFxEvents();
        waitForLayoutPulse();
        Aim[] found = new Aim[1];
        waitUntil(() -> {
            found[0] = WaitForAsyncUtils.asyncFx(() -> robot.lookup(item).match(NodeQueryUtils.isVisible())
                    .tryQuery().map(n -> {
                        PointQuery at = robot.point(n);
                        return new Aim(at.query(), at.queryMotion().orElse(Motion.DEFAULT));
                    }).orElse(null)).get(15, TimeUnit.SECONDS);
            return found[0] != null;
        }, item + " shows after a click on " + opener);
        robot.clickOn(found[0].point(), found[0].motion());
        return robot;
    }

    /** Where a click goes on the screen and how the mouse gets there. */
    private record Aim(Point2D point, Motion motion) {
    }

    /** The centre of the visible node {@code query} finds, looked up and read on the FX thread. */
    private static Point2D centreOnScreen(FxRobot robot, String query) {
        return onFx(() -> {
            Node node = robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery()
                    .orElseThrow(() -> new AssertionError("no visible node for " + query));
            return robot.point(node).query();
        }, "where " + query + " is on the screen");
    }

    /**
     * The centre of {@code node} on the screen, read on the FX thread: TestFX's own point (the centre of the part of
     * the node inside its scene), the same place its {@code clickOn(node)} aims at.
     */
    private static Point2D centreOnScreen(FxRobot robot, Node node) {
        return onFx(() -> robot.point(node).query(), "where " + node + " is on the screen");
    }

    /**
     * The labels, buttons and check boxes shown under {@code node} whose text node shows less than their text (an
     * ellipsis), as "text -> shown". Call on the FX thread.
     */
    public static List<String> cutTexts(Node node) {
        List<String> cut = new ArrayList<>();
        collectCut(node, cut);
        return cut;
    }

    private static void collectCut(Node node, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            // the label's own text node (a child its skin adds), not the first text of its content: a titled pane's
            // lookup(".text") finds its content's first label
            for (Node t : l.getChildrenUnmodifiable()) {
                if (t instanceof javafx.scene.text.Text text && t.getStyleClass().contains("text")
                        && !l.getText().equals(text.getText())) {
                    cut.add(l.getText() + " -> " + text.getText());
                }
            }
        }
        if (node instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectCut(child, cut);
            }
        }
    }

    /**
     * {@code read} on the FX thread, waited for up to 15 s: what the FX thread builds (a chart rebuilt in one update,
     * a node's state) is never seen half-done, as it can be from the test thread.
     */
    public static <T> T readOnFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted reading on the FX thread", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("reading on the FX thread failed", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the FX thread did not answer within 15 s", e);
        }
    }

    /**
     * {@code read} evaluated on the FX thread once the events and pulses queued so far are done (a lab just opened
     * may still be choosing its layout, which moves its nodes).
     */
    private static Point2D onFx(Callable<Point2D> read, String what) {
        WaitForAsyncUtils.waitForFxEvents();
        waitForLayoutPulse();
        try {
            return WaitForAsyncUtils.asyncFx(read).get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("cannot find " + what, e.getCause());
        } catch (Exception e) {
            throw new AssertionError("cannot find " + what, e);
        }
    }

    /**
     * Waits until every showing window has had a layout pass after the events queued so far. waitForFxEvents only
     * drains queued runnables, which can take less time than the next pulse: a node whose text or sibling changed
     * in the last event (a note that wraps to another line after a radio button) still has its old position until
     * that pulse lays it out, and a click read before it lands where the node was. TestFX's clickOn(query) read the
     * position while the mouse moved, usually after that pulse.
     */
    public static void waitForLayoutPulse() {
        java.util.concurrent.CountDownLatch laidOut;
        try {
            laidOut = WaitForAsyncUtils.asyncFx(() -> {
                java.util.List<Scene> scenes = Window.getWindows().stream().filter(Window::isShowing)
                        .map(Window::getScene).filter(java.util.Objects::nonNull).toList();
                java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(scenes.size());
                for (Scene scene : scenes) {
                    Runnable[] once = new Runnable[1];
                    once[0] = () -> {
                        scene.removePostLayoutPulseListener(once[0]);
                        latch.countDown();
                    };
                    scene.addPostLayoutPulseListener(once[0]);
                }
                javafx.application.Platform.requestNextPulse();
                return latch;
            }).get(15, TimeUnit.SECONDS);
            if (!laidOut.await(15, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out waiting for a layout pulse");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for a layout pulse", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError("cannot wait for a layout pulse", e);
        }
    }

    /** Types {@code text} over the spinner's text and presses Enter. */
    public static void typeInto(FxRobot robot, String id, String text) {
        javafx.scene.control.Spinner<?> spinner = robot.lookup(id).queryAs(javafx.scene.control.Spinner.class);
        clickOnFx(robot, spinner.getEditor());
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A)
                .release(javafx.scene.input.KeyCode.A, javafx.scene.input.KeyCode.CONTROL);
        robot.write(text).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Sets the text scale and presenter mode, opens the lab {@code id} and waits until it is the one shown. */
    protected void showLab(String id, double fontScale, boolean presenter) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            shell.fontScaleProperty().set(fontScale);
            shell.setPresenter(presenter);
            shell.select(id);
        }).get(15, TimeUnit.SECONDS);
        waitUntil(() -> id.equals(shell.currentLabId()), "the lab " + id + " is open");
    }

    /** Puts the open lab's speed slider at its top (as fast as it goes) and presses Play where the button says Play. */
    protected void playAtFullSpeed(FxRobot robot) {
        readOnFx(() -> {
            javafx.scene.control.Slider speed = (javafx.scene.control.Slider) shell.view().getScene()
                    .lookup("#speedSlider");
            speed.setValue(speed.getMax());
            return null;
        });
        if ("Play".equals(readOnFx(() -> ((javafx.scene.control.Button) shell.view().getScene()
                .lookup("#playButton")).getText()))) {
            clickOnFx(robot, "#playButton");
        }
    }

    /** Waits up to 15 s for {@code condition}, failing with {@code what}. */
    public static void waitUntil(Callable<Boolean> condition, String what) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }
}
