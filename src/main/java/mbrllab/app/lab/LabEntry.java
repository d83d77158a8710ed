package mbrllab.app.lab;

import java.util.function.Function;

/**
 * A lab in the navigation: its name, a one-line description, and how to open it. Each lab class offers its entry
 * ({@code DynaMazeLab.ENTRY}); the app lists the entries, one line per lab.
 *
 * @param id          stable identifier used in sessions, presets and on the command line ("dyna-maze")
 * @param name        shown in the navigation
 * @param description tooltip and status line
 * @param open        builds the lab (on the FX thread)
 */
public record LabEntry(String id, String name, String description, Function<LabContext, Lab> open) {

    @Override
    public String toString() {
        return name;
    }
}
