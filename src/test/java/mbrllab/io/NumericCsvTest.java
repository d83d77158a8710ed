package mbrllab.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class NumericCsvTest {

    @Test
    void readsNumbersWithTheUsualVariations() throws CsvFormatException {
        NumericCsv csv = NumericCsv.parse("t.csv", "\uFEFF\r\n x1 , y\r\n-1.5, 2e-3\r\n\r\n.5,+3.\r\n7,-0\r\n");
        assertEquals(List.of("x1", "y"), csv.header());
        assertEquals(2, csv.headerLine());
        assertEquals(3, csv.rows());
        assertEquals(-1.5, csv.value(0, 0));
        assertEquals(0.002, csv.value(0, 1));
        assertEquals(0.5, csv.value(1, 0));
        assertEquals(3.0, csv.value(1, 1));
        assertEquals(5, csv.line(1));
        assertEquals(1, csv.leadingInputColumns());
        assertEquals(List.of(-1.5, 0.5, 7.0),
                List.of(csv.columns(0, 1)[0], csv.columns(0, 1)[1], csv.columns(0, 1)[2]));
    }

    @Test
    void refusesWhatIsNotAFiniteDecimal() {
        for (String bad : new String[] {"Infinity", "NaN", "0x1p3", "1d", "1,5", "--1", "1e400"}) {
            CsvFormatException e = assertThrows(CsvFormatException.class,
                    () -> NumericCsv.parse("t.csv", "x1\n" + bad + "\n"), bad);
            assertEquals(2, e.line(), bad);
            assertEquals("t.csv", e.source());
        }
    }

    @Test
    void headerNeedsNames() {
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> NumericCsv.parse("t.csv", "x1,,y\n1,2,3\n"));
        assertEquals("t.csv:1: column 2 of the header has no name", e.getMessage());
    }

    @Test
    void leadingInputColumns() throws CsvFormatException {
        assertEquals(3, NumericCsv.parse("t", "x1,X2,x3,y\n1,2,3,4\n").leadingInputColumns());
        assertEquals(0, NumericCsv.parse("t", "x2,y\n1,2\n").leadingInputColumns());
        assertEquals("x1,x2,x3", NumericCsv.inputNames(3));
    }
}
