package mbrllab.app.lab;

import java.util.Optional;

import mbrllab.core.maze.Maze;

/** A lab that runs on a maze: the maze editor and File &gt; Open maze hand it theirs. FX thread. */
public interface MazeHolder {

    /** The maze the lab uses now. */
    Maze currentMaze();

    /** Switches the lab to another maze; returns the reason when it cannot. */
    Optional<String> useMaze(Maze maze);

    /**
     * What the lab leaves out of {@code maze} when it uses it (a lab that runs on one layout and a changing maze), to
     * be said beside "now uses"; empty when it uses all of it.
     */
    default Optional<String> leftOut(Maze maze) {
        return Optional.empty();
    }
}
