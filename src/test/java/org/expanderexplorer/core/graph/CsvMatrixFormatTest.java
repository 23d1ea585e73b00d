package org.expanderexplorer.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.expanderexplorer.core.BadInputException;
import org.junit.jupiter.api.Test;

class CsvMatrixFormatTest extends MatrixReaderTest {

    CsvMatrixFormatTest() {
        super(CsvMatrixFormat::read, "m.csv");
    }

    @Test
    void roundTripIsExact() {
        Random rnd = new Random(7);
        double[] d = new double[13 * 9];
        for (int k = 0; k < d.length; k++) {
            d[k] = switch (k % 5) {
                case 0 -> rnd.nextGaussian();
                case 1 -> (float) rnd.nextGaussian();
                case 2 -> 0.0;
                case 3 -> rnd.nextGaussian() * 1e-300;
                default -> rnd.nextInt(5) - 2;
            };
        }
        d[3] = -0.0;
        WeightMatrix m = new WeightMatrix(13, 9, d);
        Path f = dir.resolve("r.csv");
        CsvMatrixFormat.write(f, m);
        assertThat(CsvMatrixFormat.read(f)).isEqualTo(m);
    }

    @Test
    void writesIntegersPlainlyOneRowPerLine() throws IOException {
        Path f = dir.resolve("w.csv");
        CsvMatrixFormat.write(f, WeightMatrix.of(new double[][] {{1, 0, 0.5}, {-2, 3, 0.1}}));
        assertThat(Files.readString(f)).isEqualTo("1,0,0.5\n-2,3,0.1\n");
    }

    @Test
    void toleratesSpacesCrlfBomAndBlankLinesAround() throws IOException {
        Path f = file("\uFEFF\r\n 1 , 2.5 ,-3\r\n4,\t5,6e0\r\n\r\n  \n");
        assertThat(CsvMatrixFormat.read(f)).isEqualTo(WeightMatrix.of(new double[][] {{1, 2.5, -3}, {4, 5, 6}}));
    }

    @Test
    void readsWithoutTrailingNewline() throws IOException {
        assertThat(CsvMatrixFormat.read(file("1,2\n3,4"))).isEqualTo(WeightMatrix.of(new double[][] {{1, 2}, {3, 4}}));
    }

    @Test
    void refusesRaggedRowsNamingTheLine() throws IOException {
        String ok = "1,2,3,4,5,6\n";
        refuses(ok.repeat(6) + "1,2,3,4,5\n" + ok, ", line 7: has 5 values, expected 6 (as on line 1)");
    }

    @Test
    void refusesNonNumbersNamingLineAndColumn() throws IOException {
        refuses("1,2\n3,4\n5,abc\n", ", line 3: column 2: 'abc' is not a number");
    }

    @Test
    void refusesNanAndInfinityWithTheirPosition() throws IOException {
        refuses("1,2\n3,NaN\n", ", line 2: column 2: 'NaN' is not a finite number");
        refuses("-Infinity,2\n", ", line 1: column 1: '-Infinity' is not a finite number");
    }

    @Test
    void refusesEmptyValues() throws IOException {
        refuses("1,2,3\n4,,6\n", ", line 2: column 2 is empty");
        refuses("1,2,\n", ", line 1: column 3 is empty");
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        refuses("", ": file is empty");
        refuses("\n  \n", ": file has no values (only blank lines)");
    }

    @Test
    void refusesABlankLineBetweenRows() throws IOException {
        readFails(file("1,2\n\n3,4\n")).hasMessageContaining("line 2: blank line inside the matrix");
    }

    @Test
    void refusesSemicolonSeparatedFilesWithAReadableMessage() throws IOException {
        refuses("1;2\n", ", line 1: column 1: '1;2' is not a number");
    }

    @Test
    void refusesBinaryFiles() throws IOException {
        Path f = Files.write(dir.resolve("b.csv"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3});
        readFails(f).hasMessageContaining("not UTF-8 text");
    }

    @Test
    void aMissingFileIsNamed() {
        Path f = dir.resolve("none.csv");
        readFails(f).hasMessage(f + ": cannot read: no such file or folder");
    }

    @Test
    void writingIntoAMissingFolderIsNamed() {
        Path f = dir.resolve("missing").resolve("x.csv");
        assertThatThrownBy(() -> CsvMatrixFormat.write(f, WeightMatrix.of(new double[][] {{1}})))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith(f + ": cannot write:");
    }

    @Test
    void readsWhatIsWrittenInUtf8() throws IOException {
        Path f = Files.write(dir.resolve("u.csv"), "0.25,1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(CsvMatrixFormat.read(f).get(0, 0)).isEqualTo(0.25);
    }
}
