package org.expanderexplorer.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberTextTest {

    @Test
    void integersAreWrittenWithoutPoint() {
        assertThat(NumberText.format(1.0)).isEqualTo("1");
        assertThat(NumberText.format(0.0)).isEqualTo("0");
        assertThat(NumberText.format(-3.0)).isEqualTo("-3");
        assertThat(NumberText.format(123456789012345.0)).isEqualTo("123456789012345");
    }

    @Test
    void negativeZeroKeepsItsSign() {
        String s = NumberText.format(-0.0);
        assertThat(s).isEqualTo("-0");
        assertThat(Double.doubleToRawLongBits(NumberText.parse(s))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void shortDecimalsStayShort() {
        assertThat(NumberText.format(0.1)).isEqualTo("0.1");
        assertThat(NumberText.format(-2.5)).isEqualTo("-2.5");
        assertThat(NumberText.format(1e-5)).isEqualTo("1.0E-5");
    }

    @Test
    void javaSeventeensOverlongOutputsAreShortened() {
        // Double.toString(2e23) is "1.9999999999999998E23" before Java 19; "2.0E23" parses to the same double.
        assertThat(NumberText.format(2e23)).isEqualTo("2.0E23");
        assertThat(NumberText.format(8.41e21)).isEqualTo("8.41E21");
        assertThat(NumberText.format(4.8726570057E288)).isEqualTo("4.8726570057E288");
    }

    @Test
    void floatValuesKeepTheDigitsTheyNeed() {
        // (double) 0.1f = 0.100000001490116119384765625 needs 17 significant digits.
        assertThat(NumberText.format(0.1f)).isEqualTo("0.10000000149011612");
    }

    @Test
    void everyFormattedValueParsesBackExactlyAndIsNoLongerThanToString() {
        Random rnd = new Random(42);
        for (int k = 0; k < 20_000; k++) {
            double v = switch (k % 4) {
                case 0 -> rnd.nextGaussian();
                case 1 -> (float) rnd.nextGaussian();
                case 2 -> Double.longBitsToDouble(rnd.nextLong());
                default -> rnd.nextInt(1000) / 100.0;
            };
            if (!Double.isFinite(v)) {
                continue;
            }
            String s = NumberText.format(v);
            assertThat(Double.doubleToRawLongBits(NumberText.parse(s))).as(s).isEqualTo(Double.doubleToRawLongBits(v));
            assertThat(s.length()).as(s).isLessThanOrEqualTo(Double.toString(v).length());
        }
    }

    @Test
    void parsesPlainDecimals() {
        assertThat(NumberText.parse("+.5")).isEqualTo(0.5);
        assertThat(NumberText.parse("3e-4")).isEqualTo(3e-4);
        assertThat(NumberText.parse("-12")).isEqualTo(-12.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0x1p3", "1d", "1f", "1.2.3", "--1", "e5", "1,5", "-"})
    void refusesWhatIsNotADecimalNumber(String text) {
        assertThatThrownBy(() -> NumberText.parse(text)).isInstanceOf(NumberFormatException.class)
                .hasMessage("'" + text + "' is not a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "Infinity", "-Infinity", "inf", "+inf"})
    void refusesNonFiniteWords(String text) {
        assertThatThrownBy(() -> NumberText.parse(text)).hasMessage("'" + text + "' is not a finite number");
    }

    @Test
    void refusesOverflow() {
        assertThatThrownBy(() -> NumberText.parse("1e999")).hasMessage("'1e999' is too large for a double");
    }

    @Test
    void refusesToFormatNonFinite() {
        assertThatThrownBy(() -> NumberText.format(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
