package mbrllab.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.prefs.Preferences;

import org.junit.jupiter.api.Test;

/** The classroom settings kept across restarts, in a preferences node in memory (never the user's own). */
class ClassroomSettingsTest {

    @Test
    void defaultsWhenNothingIsSaved() {
        ClassroomSettings s = ClassroomSettings.inMemory();
        assertEquals(1.0, s.fontScale(), 0);
        assertFalse(s.highContrast());
        assertFalse(s.presenter());
    }

    @Test
    void whatOneSessionSavesTheNextReads() {
        Preferences node = new MemoryPreferences().node(ClassroomSettings.NODE);
        ClassroomSettings first = new ClassroomSettings(node);
        first.setFontScale(1.5);
        first.setHighContrast(true);
        first.setPresenter(true);
        ClassroomSettings next = new ClassroomSettings(node);
        assertEquals(1.5, next.fontScale(), 0);
        assertTrue(next.highContrast());
        assertTrue(next.presenter());
        assertEquals("1.5", node.get("fontScale", null));
    }

    @Test
    void unreadableOrOutOfRangeValuesGiveTheDefaultOrTheLimit() {
        Preferences node = new MemoryPreferences();
        ClassroomSettings s = new ClassroomSettings(node);
        node.put("fontScale", "huge");
        assertEquals(1.0, s.fontScale(), 0);
        node.put("fontScale", "NaN");
        assertEquals(1.0, s.fontScale(), 0);
        node.put("fontScale", "12");
        assertEquals(ClassroomSettings.MAX_SCALE, s.fontScale(), 0);
        node.put("fontScale", "0.1");
        assertEquals(ClassroomSettings.MIN_SCALE, s.fontScale(), 0);
        node.put("highContrast", "perhaps");
        assertFalse(s.highContrast());
        s.setFontScale(1.04);
        assertEquals(1.0, s.fontScale(), 0, "kept in tenths");
    }

    @Test
    void theUsersNodeIsNamedButTestsNeverTouchIt() {
        // The UI tests build their shells with inMemory(); here only the path is checked, nothing is read or written.
        assertEquals("/mbrllab/classroom", ClassroomSettings.NODE);
        assertTrue(ClassroomSettings.inMemory().node() instanceof MemoryPreferences);
    }
}
