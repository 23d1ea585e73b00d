package org.expanderexplorer.core.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MatrixMarketFormatTest extends MatrixReaderTest {

    private static final String REAL = "%%MatrixMarket matrix coordinate real general\n";

    MatrixMarketFormatTest() {
        super(MatrixMarketFormat::read, "m.mtx");
    }

    private static WeightMatrix m(double[][] rows) {
        return WeightMatrix.of(rows);
    }

    @Test
    void realRoundTripIsExactAndSaysReal() throws IOException {
        Random rnd = new Random(3);
        double[] d = new double[7 * 11];
        for (int k = 0; k < d.length; k++) {
            d[k] = rnd.nextDouble() < 0.4 ? 0.0 : (k % 2 == 0 ? rnd.nextGaussian() : (float) rnd.nextGaussian());
        }
        WeightMatrix w = new WeightMatrix(7, 11, d);
        Path f = dir.resolve("r.mtx");
        MatrixMarketFormat.write(f, w, List.of("seed 3", "two\nlines"));
        assertThat(MatrixMarketFormat.read(f)).isEqualTo(w);
        List<String> lines = Files.readAllLines(f);
        assertThat(lines.get(0)).isEqualTo("%%MatrixMarket matrix coordinate real general");
        assertThat(lines.subList(1, 3)).containsExactly("% seed 3", "% two lines");
        assertThat(lines.get(3)).isEqualTo("7 11 " + w.nonZeros());
        assertThat(lines).hasSize(4 + w.nonZeros());
    }

    @Test
    void zeroOneMatricesAreWrittenAsPattern() throws IOException {
        WeightMatrix w = m(new double[][] {{1, 0, 1}, {0, 1, 0}});
        Path f = dir.resolve("p.mtx");
        MatrixMarketFormat.write(f, w, List.of());
        assertThat(Files.readString(f)).isEqualTo("%%MatrixMarket matrix coordinate pattern general\n2 3 3\n"
                + "1 1\n1 3\n2 2\n");
        assertThat(MatrixMarketFormat.read(f)).isEqualTo(w);
    }

    @Test
    void readsCoordinateWithCommentsBlankLinesAndAnyOrder() throws IOException {
        Path f = file("%%matrixmarket MATRIX Coordinate Real General\n% a comment\n\n2 3 3\n2 3 -1.5\n% mid\n"
                + "1 1 2\n\n1 2 0.25\n\n");
        assertThat(MatrixMarketFormat.read(f)).isEqualTo(m(new double[][] {{2, 0.25, 0}, {0, 0, -1.5}}));
    }

    @Test
    void readsIntegerAndPatternFields() throws IOException {
        Path f = file("%%MatrixMarket matrix coordinate integer general\n2 2 2\n1 2 7\n2 1 -3\n");
        assertThat(MatrixMarketFormat.read(f)).isEqualTo(m(new double[][] {{0, 7}, {-3, 0}}));
        Path g = file("%%MatrixMarket matrix coordinate pattern general\n2 2 2\n1 2\n2 2\n");
        assertThat(MatrixMarketFormat.read(g)).isEqualTo(m(new double[][] {{0, 1}, {0, 1}}));
    }

    @Test
    void readsArrayColumnMajor() throws IOException {
        Path f = file("%%MatrixMarket matrix array real general\n2 3\n1\n4\n2\n5\n3\n6\n");
        assertThat(MatrixMarketFormat.read(f)).isEqualTo(m(new double[][] {{1, 2, 3}, {4, 5, 6}}));
    }

    @Test
    void mirrorsSymmetricAndSkewSymmetricFiles() throws IOException {
        Path f = file("%%MatrixMarket matrix coordinate real symmetric\n3 3 3\n1 1 5\n3 1 2\n3 2 -1\n");
        assertThat(MatrixMarketFormat.read(f)).isEqualTo(m(new double[][] {{5, 0, 2}, {0, 0, -1}, {2, -1, 0}}));
        Path g = file("%%MatrixMarket matrix coordinate integer skew-symmetric\n3 3 2\n2 1 4\n3 2 1\n");
        assertThat(MatrixMarketFormat.read(g)).isEqualTo(m(new double[][] {{0, -4, 0}, {4, 0, -1}, {0, 1, 0}}));
        Path h = file("%%MatrixMarket matrix array real symmetric\n2 2\n1\n2\n3\n");
        assertThat(MatrixMarketFormat.read(h)).isEqualTo(m(new double[][] {{1, 2}, {2, 3}}));
        Path k = file("%%MatrixMarket matrix array real skew-symmetric\n2 2\n9\n");
        assertThat(MatrixMarketFormat.read(k)).isEqualTo(m(new double[][] {{0, -9}, {9, 0}}));
    }

    @Test
    void refusesEmptyAndForeignFiles() throws IOException {
        refuses("", ": file is empty");
        Path g = file("1,2\n3,4\n");
        readFails(g).hasMessageStartingWith(g + ", line 1: not a Matrix Market file");
        readFails(file("%%MatrixMarket matrix coordinate real\n1 1 0\n"))
                .hasMessageContaining("line 1: the banner must have 5 words");
    }

    @Test
    void refusesComplexHermitianAndVectorClearly() throws IOException {
        refuses("%%MatrixMarket matrix coordinate complex general\n1 1 1\n1 1 1 0\n",
                ", line 1: complex matrices are not supported: weights must be real");
        readFails(file("%%MatrixMarket matrix coordinate real hermitian\n1 1 0\n"))
                .hasMessageContaining("line 1: hermitian matrices are not supported");
        readFails(file("%%MatrixMarket vector coordinate real general\n1 0\n"))
                .hasMessageContaining("line 1: only 'matrix' objects are supported, not 'vector'");
        readFails(file("%%MatrixMarket matrix array pattern general\n1 1\n"))
                .hasMessageContaining("line 1: 'array pattern' is not a valid combination");
    }

    @Test
    void refusesHugeDeclaredSizesBeforeAllocating() throws IOException {
        // 10^10 doubles would need 80 GB: the message must come from the size check, not from the allocator.
        Path g = file(REAL + "% c\n100000 100000 1\n1 1 1\n");
        readFails(g).hasMessageStartingWith(g + ", line 3: matrix of 100000 x 100000 entries is too large");
    }

    @Test
    void refusesMoreEntriesDeclaredThanPositions() throws IOException {
        refuses(REAL + "2 2 5\n",
                ", line 2: 5 entries declared, but a 2 x 2 matrix has only 4 positions to fill");
    }

    @Test
    void refusesFewerEntriesThanDeclared() throws IOException {
        refuses(REAL + "3 3 4\n1 1 1\n2 2 1\n3 3 1\n\n",
                ", line 6: file ends after 3 of the 4 entries declared on line 2");
    }

    @Test
    void refusesMoreEntriesThanDeclared() throws IOException {
        refuses(REAL + "3 3 2\n1 1 1\n2 2 1\n3 3 1\n", ", line 5: more entries than the 2 declared on line 2");
        refuses("%%MatrixMarket matrix array real general\n1 2\n1\n2\n3\n",
                ", line 5: more entries than the 2 declared on line 2");
    }

    @Test
    void refusesIndicesOutOfRange() throws IOException {
        refuses(REAL + "3 4 2\n1 1 1\n2 5 1\n", ", line 4: column index 5 is out of range 1..4");
        refuses(REAL + "3 4 1\n0 1 1\n", ", line 3: row index 0 is out of range 1..3");
    }

    @Test
    void refusesDuplicateCoordinates() throws IOException {
        refuses(REAL + "3 3 3\n1 2 1\n2 2 1\n1 2 4\n", ", line 5: duplicate entry at row 1, column 2");
    }

    @Test
    void refusesUpperTriangleInSymmetricFilesAndNonSquareOnes() throws IOException {
        Path f = file("%%MatrixMarket matrix coordinate real symmetric\n3 3 1\n1 2 1\n");
        readFails(f).hasMessageStartingWith(f + ", line 3: entry (1, 2) is above the diagonal");
        refuses("%%MatrixMarket matrix coordinate real symmetric\n3 4 1\n1 1 1\n",
                ", line 2: a symmetric matrix must be square, but 3 x 4 is declared");
        Path h = file("%%MatrixMarket matrix coordinate real skew-symmetric\n3 3 1\n2 2 1\n");
        readFails(h).hasMessageStartingWith(h + ", line 3: entry (2, 2) is not below the diagonal");
    }

    @Test
    void refusesBadValuesWithTheirLine() throws IOException {
        refuses(REAL + "2 2 2\n1 1 1\n2 2 abc\n", ", line 4: 'abc' is not a number");
        refuses(REAL + "2 2 1\n1 1 NaN\n", ", line 3: 'NaN' is not a finite number");
        refuses("%%MatrixMarket matrix coordinate integer general\n2 2 1\n1 1 1.5\n",
                ", line 3: '1.5' is not an integer (the banner declares integer values)");
        refuses(REAL + "2 2 1\n1 1\n", ", line 3: expected 3 values (row, column, value), found 2");
    }

    @Test
    void refusesBadSizeLines() throws IOException {
        refuses(REAL + "2 x 1\n", ", line 2: the number of columns 'x' is not a whole number");
        refuses(REAL + "2 2\n", ", line 2: the size line must have 3 numbers (rows columns entries), found 2");
        refuses(REAL + "% only comments\n", ", line 2: file ends before the size line");
        refuses(REAL + "-2 2 0\n", ", line 2: the number of rows is negative: -2");
    }
}
