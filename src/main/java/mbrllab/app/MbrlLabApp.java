package mbrllab.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The MBRL Lab window (the shell and the labs arrive in the following commits). */
public final class MbrlLabApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("MBRL Lab");
        stage.setScene(new Scene(new Label("MBRL Lab"), 800, 600));
        stage.show();
    }
}
