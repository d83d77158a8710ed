package mbrllab.app.shell;

import java.util.function.Function;

/**
 * A lab in the navigation: its name, a one-line description, and how to open it.
 *
 * @param id          stable identifier used on the command line ("dyna-maze")
 * @param name        shown in the navigation
 * @param description tooltip
 * @param open        builds the lab's view (on the FX thread); it may show progress in the status bar
 */
public record LabEntry(String id, String name, String description, Function<Shell.StatusBar, LabView> open) {

    @Override
    public String toString() {
        return name;
    }
}
