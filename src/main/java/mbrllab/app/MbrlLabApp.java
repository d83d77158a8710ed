package mbrllab.app;

import java.util.List;
import java.util.Optional;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import mbrllab.app.acceleration.AccelerationLab;
import mbrllab.app.cartpole.CartPoleLab;
import mbrllab.app.changing.ChangingMazesLab;
import mbrllab.app.dynamaze.DynaMazeLab;
import mbrllab.app.lab.LabEntry;
import mbrllab.app.models.ModelsLab;
import mbrllab.app.planning.PlanningLab;
import mbrllab.app.pilco.PilcoLab;
import mbrllab.app.shell.ClassroomSettings;
import mbrllab.app.shell.Shell;
import mbrllab.app.lab.Lab;


/**
 * The MBRL Lab window. Started by {@link mbrllab.Launcher} without arguments, by {@code mvn javafx:run}, or by
 * the {@code screenshot} command with the options of {@link ScreenshotOptions}.
 */
public final class MbrlLabApp extends Application {

    private Shell shell;
    private FxDispatcher dispatcher;
    private Background background;

    @Override
    public void start(Stage stage) {
        ScreenshotOptions screenshot = ScreenshotOptions.parse(getParameters().getRaw());
        dispatcher = new FxDispatcher();
        dispatcher.start();
        background = new Background();
        // The screenshot command neither reads nor changes the user's classroom settings, and keeps its window size.
        ClassroomSettings settings = screenshot != null ? ClassroomSettings.inMemory() : ClassroomSettings.user();
        shell = new Shell(stage, LABS, dispatcher, background, settings);
        shell.setFullScreenFollowsPresenter(screenshot == null);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double[] size = screenshot != null ? new double[] {screenshot.width(), screenshot.height()}
                : windowSize(screen.getWidth(), screen.getHeight());
        Scene scene = new Scene(shell.view(), size[0], size[1]);
        scene.getStylesheets().add(stylesheet());
        shell.installShortcuts(scene);
        stage.setScene(scene);
        stage.setMinWidth(ClassroomSettings.WindowBounds.MIN_WIDTH);
        stage.setMinHeight(ClassroomSettings.WindowBounds.MIN_HEIGHT);
        stage.setOnHidden(e -> shutdown());
        if (screenshot == null && shell.presenterProperty().get()) {
            stage.setFullScreen(true); // presenter mode was on when the app last closed
        }
        Optional<ClassroomSettings.WindowBounds> saved = screenshot != null ? Optional.empty()
                : settings.window().flatMap(b -> WindowMemory.restorable(b, Screen.getScreens().stream()
                        .map(Screen::getVisualBounds).toList()));
        if (saved.isPresent()) {
            WindowMemory.apply(stage, saved.get()); // where it was when the app last closed
        } else if (screenshot == null && fillsScreen(screen.getWidth(), screen.getHeight())) {
            // a projector of 1024 x 768 or a small laptop: the window takes the whole screen, not more
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setMaximized(true);
        }
        stage.show();
        if (screenshot == null) {
            WindowMemory.remember(stage, settings);
        }
        if (screenshot != null) {
            Screenshots.schedule(stage, shell, screenshot, screenshot.frameStats() ? dispatcher : null);
        }
    }

    /** The window's size on a screen with room for it. */
    static final double DEFAULT_WIDTH = 1280;
    static final double DEFAULT_HEIGHT = 800;

    /**
     * The window's first size on a screen whose usable area (without task bars) is {@code screenWidth} x
     * {@code screenHeight}: {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT}, or the usable area where that is
     * smaller (a 1024 x 768 projector), so that no part of the window opens off the screen.
     */
    static double[] windowSize(double screenWidth, double screenHeight) {
        return new double[] {Math.min(DEFAULT_WIDTH, screenWidth), Math.min(DEFAULT_HEIGHT, screenHeight)};
    }

    /** Whether the window takes the whole usable area (maximised): where its default size does not fit. */
    static boolean fillsScreen(double screenWidth, double screenHeight) {
        return screenWidth < DEFAULT_WIDTH || screenHeight < DEFAULT_HEIGHT;
    }

    /** The labs in the navigation, in order: one line per lab. */
    public static final List<LabEntry> LABS = List.of(
            DynaMazeLab.ENTRY,
            ChangingMazesLab.ENTRY,
            CartPoleLab.ENTRY,
            ModelsLab.ENTRY,
            PlanningLab.ENTRY,
            AccelerationLab.ENTRY,
            PilcoLab.ENTRY);

    /**
     * The shell with every lab and classroom settings in memory (the user's saved ones are neither read nor changed),
     * keeping its window size in presenter mode. Used by the UI tests.
     */
    public static Shell createShell(Stage stage, FxDispatcher dispatcher, Background background) {
        Shell shell = new Shell(stage, LABS, dispatcher, background, ClassroomSettings.inMemory());
        shell.setFullScreenFollowsPresenter(false);
        return shell;
    }

    /** The application style sheet on the class path, with the bundled fonts it names loaded. */
    public static String stylesheet() {
        mbrllab.app.render.Fonts.load();
        return MbrlLabApp.class.getResource("/css/mbrl-lab.css").toExternalForm();
    }

    private void shutdown() {
        if (shell != null) {
            shell.dispose();
        }
        if (dispatcher != null) {
            dispatcher.stop();
        }
        if (background != null) {
            background.shutdown();
        }
    }

    @Override
    public void stop() {
        shutdown();
    }
}
