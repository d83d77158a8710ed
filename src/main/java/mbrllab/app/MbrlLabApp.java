package mbrllab.app;

import java.util.List;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import mbrllab.app.cartpole.CartPoleLab;
import mbrllab.app.cartpole.CartPoleViewModel;
import mbrllab.app.changing.ChangingMazeViewModel;
import mbrllab.app.changing.ChangingMazesLab;
import mbrllab.app.dynamaze.DynaMazeLab;
import mbrllab.app.debugger.DebuggerViewModel;
import mbrllab.app.dynamaze.DynaMazeViewModel;
import mbrllab.app.shell.LabEntry;
import mbrllab.app.shell.LabExtras;
import mbrllab.app.shell.LabView;
import mbrllab.app.shell.Shell;
import mbrllab.io.BundledMazes;

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
        shell = createShell(stage, dispatcher, background);
        int width = screenshot != null ? screenshot.width() : 1280;
        int height = screenshot != null ? screenshot.height() : 800;
        Scene scene = new Scene(shell.view(), width, height);
        scene.getStylesheets().add(stylesheet());
        shell.installShortcuts(scene);
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(480);
        stage.setOnHidden(e -> shutdown());
        stage.show();
        if (screenshot != null) {
            Screenshots.schedule(stage, shell, screenshot, screenshot.frameStats() ? dispatcher : null);
        }
    }

    /** The shell with every lab that works today. Used by the app and by the UI tests. */
    public static Shell createShell(Stage stage, FxDispatcher dispatcher, Background background) {
        LabEntry dynaMaze = new LabEntry("dyna-maze", "Dyna-maze",
                "Dyna-maze: Dyna-Q with n = 0, 5 and 50 planning steps side by side (Sutton and Barto, Figure 8.2)",
                status -> {
                    DynaMazeViewModel model = new DynaMazeViewModel(dispatcher, background, BundledMazes.dynaMaze());
                    DebuggerViewModel debugger = new DebuggerViewModel(dispatcher);
                    DynaMazeLab lab = new DynaMazeLab(model, debugger, status);
                    return new LabView(lab.view(), lab.toolbarItems(), lab.runControls(), lab::setFontScale,
                            lab::setHighContrast, () -> {
                                model.shutdown();
                                debugger.shutdown();
                            }, new LabExtras(lab::exportTargets,
                            model::toSettings, model::applySettings, () -> model.mazeProperty().get(),
                            model::useMaze));
                });
        LabEntry changingMazes = new LabEntry("changing-mazes", "Changing mazes",
                "Changing mazes: Dyna-Q against Dyna-Q+ when the maze changes (Figures 8.4 and 8.5), prioritized sweeping "
                        + "(Example 8.4)",
                status -> {
                    ChangingMazeViewModel model = new ChangingMazeViewModel(dispatcher, background);
                    ChangingMazesLab lab = new ChangingMazesLab(model, status);
                    return new LabView(lab.view(), lab.toolbarItems(), lab.runControls(), lab::setFontScale,
                            lab::setHighContrast, lab::dispose, new LabExtras(lab::exportTargets, model::toSettings,
                            model::applySettings, () -> model.mazeProperty().get(), model::useMaze));
                });
        LabEntry cartPole = new LabEntry("cart-pole", "Cart-pole",
                "Cart-pole: balance or swing up by keyboard, replay any episode, Dyna-Q on BOXES with n = 0, 5 and 50",
                status -> {
                    CartPoleViewModel model = new CartPoleViewModel(dispatcher, background);
                    CartPoleLab lab = new CartPoleLab(model, status);
                    return new LabView(lab.view(), lab.toolbarItems(), lab.runControls(), lab::setFontScale,
                            lab::setHighContrast, lab::dispose, new LabExtras(lab::exportTargets, model::toSettings,
                            model::applySettings));
                });
        LabEntry models = new LabEntry("models", "Models (GP vs ensemble)",
                "Models: a Gaussian process and a probabilistic ensemble, epistemic and aleatoric uncertainty, "
                        + "one-step and multi-step predictions of the cart-pole",
                status -> mbrllab.app.models.ModelsLab.labView(dispatcher, background, status));
        return new Shell(stage, List.of(dynaMaze, changingMazes, cartPole, models));
    }

    /** The application style sheet on the class path. */
    public static String stylesheet() {
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
