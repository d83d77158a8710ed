package mbrllab.app.lab;

import mbrllab.app.Background;
import mbrllab.app.FxDispatcher;

/**
 * What the shell gives a lab it opens.
 *
 * @param dispatcher the one road from background threads to the screen
 * @param background the app's threads for long work
 * @param status     the status bar
 */
public record LabContext(FxDispatcher dispatcher, Background background, Status status) {
}
