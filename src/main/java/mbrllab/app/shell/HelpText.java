package mbrllab.app.shell;

/** The text of the Help dialog. */
final class HelpText {

    private HelpText() {
    }

    static final String TEXT = """
            KEYBOARD SHORTCUTS
              Space            play / pause
              Right arrow      one step (every pane: one real step and its n planning updates)
              Ctrl+R           reset (new agents, Q = 0, empty model, the seed in the toolbar)
              Ctrl+plus / Ctrl+minus / Ctrl+0   larger / smaller / normal text
              F11              presenter full screen
              F1               this help
              Ctrl+Q           quit

            THE DYNA-MAZE LAB
              Each pane runs Dyna-Q (the lecture's steps (a) to (f)) with its own number n of planning
              updates per real step: n = 0 is plain Q-learning. The panes run in lock step: one tick is one
              real step in every pane, followed by that pane's n planning updates.

              Each cell shows four triangles, one per action (up, down, left, right), coloured by Q(x,u) on
              one scale shared by all panes (legend below the panes: orange positive, purple negative, white 0).
              An arrow shows the greedy action where exactly one action has the largest Q; cells with tied
              maxima get no arrow. The blue dot marks cells the model knows (some action tried there). The
              orange disc is the agent, with its recent trail. With planning, the black outline is the (x,u)
              the last planning update sampled, and the dashed line points to the x' the model predicted.

              The chart below shows the steps each finished episode took, for each pane; the dashed line is
              the shortest path (14 steps on the Dyna-maze). With epsilon = 0.1 the curves settle a little
              above it, since the agent still explores one step in ten.

            COMMON RANDOM NUMBERS
              All panes use the same seed for their real steps, and every real step draws exactly two random
              numbers (one decides whether to explore, the other picks the action, whether exploring or
              breaking a tie between equally good actions). So as long as two panes would choose alike, they
              draw the same numbers and make the same choices: their first episodes are identical, because Q
              stays 0 everywhere until the goal is found, whatever n is. Differences between the panes come
              from planning, not from luck. Planning draws from a second random stream of its own.
            """;
}
