package mbrllab;

import mbrllab.cli.Cli;

/**
 * Entry point of the jar. Without arguments it opens the app; with arguments it runs a command of the
 * command line headless (see {@code --help}). A plain class, not an Application, so that the jar starts
 * with JavaFX on the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            javafx.application.Application.launch(mbrllab.app.MbrlLabApp.class, args);
            return;
        }
        System.exit(Cli.run(args));
    }
}
