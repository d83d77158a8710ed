package mbrllab.app.lab;

import java.util.List;

import javafx.scene.Node;

/**
 * The parts every lab hands the shell once it has built them: its view, its main picture and its toolbar. A lab
 * extends this, builds its nodes in its constructor and ends with {@link #install}.
 */
public abstract class BaseLab implements Lab {

    private Node view;
    private Node picture;
    private List<Node> toolbar = List.of();

    /**
     * Names the lab's parts; call once, at the end of the constructor.
     *
     * @param view    the whole view
     * @param picture the main picture for presenter mode
     * @param toolbar the run controls for the shell's toolbar
     */
    protected final void install(Node view, Node picture, List<Node> toolbar) {
        this.view = view;
        this.picture = picture;
        this.toolbar = List.copyOf(toolbar);
    }

    @Override
    public final Node view() {
        return view;
    }

    @Override
    public Node mainPicture() {
        return picture;
    }

    @Override
    public final List<Node> toolbarItems() {
        return toolbar;
    }
}
