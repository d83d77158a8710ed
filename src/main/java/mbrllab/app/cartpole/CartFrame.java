package mbrllab.app.cartpole;

/**
 * What one cart pane shows at one moment: copies made on the runner thread, read on the FX thread.
 *
 * @param n                planning steps of the pane's Dyna-Q agent, or -1
 * @param system           the system
 * @param controller       who pushes ("keyboard", "random", "Dyna-Q n = 5", ...)
 * @param previous         the state before the last step (the start state right after an episode began)
 * @param state            the state now
 * @param force            the force of the last step [N]
 * @param episode          episode in progress (or just ended), from 1
 * @param step             steps taken in it
 * @param score            its return (balance) or cost (swing-up) so far
 * @param ending           how it ended, or null while it goes on
 * @param realSteps        steps in all episodes
 * @param episodesFinished episodes finished (recorded)
 * @param updates          Q updates of the Dyna-Q agent in all (real and planning), or 0
 * @param box              what the Dyna-Q agent knows of the current box, or null
 * @param soFar            the episode up to {@code state}: its start and pushes so far (its ending null while it goes
 *                         on), for exporting the trajectory on show
 * @param path             the states the last step passed through ({@link CartSystem#path}), drawn in between; null
 *                         for balance and when the cart did not move (then {@code previous} equals {@code state})
 */
public record CartFrame(int n, CartSystem system, String controller, double[] previous, double[] state, double force,
                        int episode, int step, double score, CartSystem.Ending ending, long realSteps,
                        int episodesFinished, long updates, Cart.BoxView box, EpisodeRecord soFar, double[] path) {

    static CartFrame of(Cart cart) {
        return new CartFrame(cart.n(), cart.system(), cartController(cart), cart.previous().clone(),
                cart.state().clone(), cart.force(), cart.episode(), cart.step(), cart.score(), cart.ending(),
                cart.realSteps(), cart.log().finished(), cart.dyna() == null ? 0 : cart.dyna().updates(),
                cart.boxView(), cart.soFar(), cart.moved() ? cart.system().path(cart.previous(), cart.force()) : null);
    }

    private static String cartController(Cart cart) {
        if (cart.dyna() != null) {
            return "Dyna-Q n = " + cart.n();
        }
        return cart.isKeyboard() ? "keyboard" : "random";
    }
}
