package mbrllab;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import mbrllab.app.JavaFxLogging;

/**
 * Registered for every test class (JUnit's extension autodetection, src/test/resources): drops JavaFX's class-path
 * warning before any test starts the toolkit, as the jar does ({@link JavaFxLogging}).
 */
public final class QuietJavaFx implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        JavaFxLogging.dropClassPathWarning();
    }
}
