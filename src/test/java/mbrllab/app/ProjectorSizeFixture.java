package mbrllab.app;

/** A {@link ShellFixture} whose window is a projector's 1024x768 (the classroom size of the README). */
public abstract class ProjectorSizeFixture extends ShellFixture {

    @Override
    protected double sceneWidth() {
        return 1024;
    }

    @Override
    protected double sceneHeight() {
        return 768;
    }
}
