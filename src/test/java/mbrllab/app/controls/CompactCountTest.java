package mbrllab.app.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompactCountTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"0;0", "7;7", "99999;99,999", "100000;100k", "123456;123k", "999499;999k",
        "999500;1.00M", "6588464;6.59M", "10049999;10.0M", "537000000;537M", "999999999;1.00B",
        "4564093632;4.56B", "-250000;-250k"})
    void threeSignificantDigitsFromAHundredThousand(long n, String expected) {
        assertEquals(expected, CompactCount.of(n));
    }
}
