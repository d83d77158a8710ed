package mbrllab.app;

import java.util.logging.Filter;
import java.util.logging.Logger;

/**
 * JavaFX's own log, "javafx" in java.util.logging. JavaFX warns at every start that it was "loaded from 'unnamed
 * module'" when it is on the class path rather than the module path; the jar (one runnable file) and the tests
 * run it that way on purpose. That warning, and only that one, is dropped at its source: a filter on the logger
 * that emits it. Every other JavaFX message still shows.
 */
public final class JavaFxLogging {

    /** The warning JavaFX gives when it runs from the class path. */
    static final String UNNAMED_MODULE_WARNING = "Unsupported JavaFX configuration: classes were loaded from";

    /** Held so that the logger, and with it the filter, lives as long as the program (loggers are weakly held). */
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    private static final Filter WITHOUT_UNNAMED_MODULE_WARNING = r -> r.getMessage() == null
            || !r.getMessage().startsWith(UNNAMED_MODULE_WARNING);

    private JavaFxLogging() {
    }

    /** Drops the class-path warning from now on; call before the JavaFX toolkit starts. Idempotent. */
    public static void dropClassPathWarning() {
        JAVAFX.setFilter(WITHOUT_UNNAMED_MODULE_WARNING);
    }
}
