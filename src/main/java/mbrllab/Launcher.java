package mbrllab;

import mbrllab.app.JavaFxLogging;
import mbrllab.cli.Cli;

/**
 * Entry point of the jar. Without arguments it opens the app; with arguments it runs a command of the
 * command line headless (see {@code --help}). A plain class, not an Application, so that the jar starts
 * with JavaFX on the class path.
 */
public final class Launcher {

    /** Printed, on one line, when the window cannot be opened for want of a display. */
    static final String NO_DISPLAY = "mbrl-lab: the window needs a display%s. Run it on a desktop, or under a virtual "
            + "display: xvfb-run -a java -jar mbrl-lab.jar. The commands need none: java -jar mbrl-lab.jar --help";

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.exit(openApp());
        }
        System.exit(Cli.run(args));
    }

    /**
     * Opens the window and waits until it is closed.
     *
     * @return 0, or 2 (with one line on stderr) when there is no display to open it on
     */
    static int openApp() {
        String problem = displayProblem(System.getenv("DISPLAY"), System.getProperty("glass.platform"));
        if (problem != null) {
            System.err.println(String.format(NO_DISPLAY, problem));
            return Cli.USAGE;
        }
        JavaFxLogging.dropClassPathWarning();
        try {
            javafx.application.Application.launch(mbrllab.app.MbrlLabApp.class);
        } catch (UnsupportedOperationException e) { // "Unable to open DISPLAY", "Unable to load glass GTK library."
            System.err.println(String.format(NO_DISPLAY, " (" + e.getMessage() + ")"));
            return Cli.USAGE;
        }
        return Cli.OK;
    }

    /**
     * Why the window cannot open, or null when it may: the desktop window of JavaFX (GTK) needs an X display named by
     * {@code DISPLAY}, unless another glass platform (Monocle) was chosen.
     */
    static String displayProblem(String display, String glassPlatform) {
        if (glassPlatform != null && !glassPlatform.isBlank()) {
            return null;
        }
        return display == null || display.isBlank() ? ", and DISPLAY is not set" : null;
    }
}
