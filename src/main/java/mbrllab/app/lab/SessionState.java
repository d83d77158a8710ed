package mbrllab.app.lab;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A lab's part of a saved session: its settings as a JSON object, and applying saved ones. FX thread. */
public interface SessionState {

    /** The lab's settings now (parameters, seeds, maze...). */
    ObjectNode toSettings();

    /** Applies saved settings; returns the reason, naming the field, when they are refused (nothing changes then). */
    Optional<String> applySettings(JsonNode settings);
}
