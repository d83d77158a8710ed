package mbrllab.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.util.List;

import org.junit.jupiter.api.Test;

import mbrllab.core.maze.Layout;
import mbrllab.core.maze.MazeParser;

/** The policy pictures of {@code figure 8.3}. */
class PolicyPictureTest {

    /**
     * A maze narrower than its panel's title gets a slot as wide as the title, so that the two titles do not overlap:
     * the gap between them is white (on a three-cell maze they ran into each other and off the picture).
     */
    @Test
    void narrowMazesLeaveRoomForTheirTitles() throws Exception {
        Layout layout = MazeParser.parse("narrow", "S.G\n").layout();
        int[] actions = new int[layout.rows() * layout.cols()];
        java.util.Arrays.fill(actions, -1);
        String left = "Without planning (n = 0)";
        String right = "With planning (n = 50)";
        int cell = 56;
        BufferedImage image = PolicyPicture.render(List.of(new PolicyPicture.Panel(left, layout, actions, 0),
                new PolicyPicture.Panel(right, layout, actions, 0)), "caption", cell);
        java.awt.Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        int titleWidth = g.getFontMetrics(new Font(Font.SANS_SERIF, Font.BOLD, cell * 2 / 5)).stringWidth(left);
        g.dispose();
        assertTrue(titleWidth > 3 * cell, "the title is wider than the maze: " + titleWidth);
        int margin = cell / 2;
        assertEquals(margin + 2 * (titleWidth + margin), image.getWidth(), "two slots as wide as the wider title");
        // the title row: a white column between the two titles (the left slot's end plus the margin)
        int gapX = margin + titleWidth + margin / 2;
        for (int y = margin; y < margin + cell; y++) {
            assertEquals(0xFFFFFF, image.getRGB(gapX, y) & 0xFFFFFF, "white between the titles at y " + y);
        }
    }
}
