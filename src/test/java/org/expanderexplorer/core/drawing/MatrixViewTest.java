package org.expanderexplorer.core.drawing;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.expanderexplorer.core.Shuffle;
import org.expanderexplorer.core.graph.LayerGraph;
import org.expanderexplorer.core.graph.Representation;
import org.expanderexplorer.core.graph.WeightMatrix;
import org.expanderexplorer.core.spectral.LayerAnalysis;
import org.junit.jupiter.api.Test;

class MatrixViewTest {

    @Test
    void classifiesEveryEntry() {
        WeightMatrix dense = WeightMatrix.of(new double[][] {{1, 2, 0}, {3, 0, 4}, {5, 6, 0}});
        // row 2 loses both of its entries: isolated; column 2 keeps its only entry
        WeightMatrix pruned = WeightMatrix.of(new double[][] {{1, 0, 0}, {0, 0, 4}, {0, 0, 0}});
        MatrixView.Result r = MatrixView.of(pruned, dense, null, 10, 10);
        assertThat(r.aggregated()).isFalse();
        assertThat(r.count(0, 0, MatrixView.KEPT)).isEqualTo(1);
        assertThat(r.count(0, 1, MatrixView.ISOLATED)).isEqualTo(1);
        assertThat(r.count(0, 2, MatrixView.EMPTY)).isEqualTo(1);
        assertThat(r.count(1, 0, MatrixView.PRUNED)).isEqualTo(1);
        assertThat(r.count(2, 0, MatrixView.ISOLATED)).isEqualTo(1);
        assertThat(r.count(2, 1, MatrixView.ISOLATED)).isEqualTo(1);
        assertThat(r.isolatedRows()).isEqualTo(1);
        // column 1 lost both of its entries too
        assertThat(r.isolatedCols()).isEqualTo(1);
        assertThat(r.count(0, 1, MatrixView.PRUNED) + r.count(0, 1, MatrixView.ISOLATED)).isEqualTo(1);
        assertThat(r.caption()).contains("3 x 3 entries", "one cell per entry", "1 row(s) and 1 column(s)");
    }

    @Test
    void aggregatedCellsSumTheirBlocks() {
        Random rnd = new Random(3);
        int rows = 203;
        int cols = 317;
        double[] d = new double[rows * cols];
        double[] p = new double[rows * cols];
        for (int k = 0; k < d.length; k++) {
            d[k] = rnd.nextDouble() < 0.7 ? rnd.nextGaussian() : 0;
            p[k] = rnd.nextDouble() < 0.3 ? d[k] : 0;
        }
        WeightMatrix dense = new WeightMatrix(rows, cols, d);
        WeightMatrix pruned = new WeightMatrix(rows, cols, p);
        MatrixView.Result r = MatrixView.of(pruned, dense, null, 64, 100);
        assertThat(r.rowFactor()).isEqualTo(4);
        assertThat(r.colFactor()).isEqualTo(4);
        assertThat(r.cellRows()).isEqualTo(51);
        assertThat(r.cellCols()).isEqualTo(80);
        assertThat(r.total(MatrixView.KEPT)).isEqualTo(pruned.nonZeros());
        assertThat(r.total(MatrixView.PRUNED) + r.total(MatrixView.ISOLATED))
                .isEqualTo(dense.nonZeros() - pruned.nonZeros());
        assertThat(r.total(MatrixView.EMPTY) + dense.nonZeros()).isEqualTo((long) rows * cols);
        for (int cr = 0; cr < r.cellRows(); cr++) {
            for (int cc = 0; cc < r.cellCols(); cc++) {
                int h = Math.min(4, rows - 4 * cr);
                int w = Math.min(4, cols - 4 * cc);
                int kept = 0;
                int sum = 0;
                for (int i = 4 * cr; i < 4 * cr + h; i++) {
                    for (int j = 4 * cc; j < 4 * cc + w; j++) {
                        kept += pruned.get(i, j) != 0 ? 1 : 0;
                    }
                }
                for (int k = 0; k < 4; k++) {
                    sum += r.count(cr, cc, k);
                }
                assertThat(sum).isEqualTo(h * w);
                assertThat(r.count(cr, cc, MatrixView.KEPT)).isEqualTo(kept);
            }
        }
        assertThat(r.caption()).contains("51 x 80 cells of 4 x 4 entries");
        BufferedImage img = MatrixRenderer.render(r, false);
        assertThat(img.getWidth()).isEqualTo(80);
        assertThat(img.getHeight()).isEqualTo(51);
    }

    @Test
    void fiedlerOrderPutsTheTwoHalvesOfACutIntoBlocks() {
        // two dense 6 x 8 blocks on shuffled rows and columns, joined by a single edge
        Random rnd = new Random(11);
        int[] rowPerm = Shuffle.permutation(12, rnd);
        int[] colPerm = Shuffle.permutation(16, rnd);
        double[] d = new double[12 * 16];
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 16; j++) {
                if (i / 6 == j / 8) {
                    d[rowPerm[i] * 16 + colPerm[j]] = 1;
                }
            }
        }
        d[rowPerm[0] * 16 + colPerm[15]] = 1;
        WeightMatrix m = new WeightMatrix(12, 16, d);
        var analysis = new LayerAnalysis(LayerGraph.of(m, Representation.UNWEIGHTED)).result();
        MatrixView.Result r = MatrixView.of(m, m, analysis.fiedlerVector(), 100, 100);
        assertThat(r.fiedlerOrdered()).isTrue();
        Set<Integer> firstRows = new HashSet<>();
        for (int pos = 0; pos < 6; pos++) {
            firstRows.add(r.rowOrder()[pos] == rowPerm[0] ? -1 : blockOfRow(r.rowOrder()[pos], rowPerm));
        }
        // the first six rows drawn all come from one block (the joining row may sit on either side)
        firstRows.remove(-1);
        assertThat(firstRows).hasSize(1);
        // and then the top-left 6 x 8 corner is (nearly) all kept
        int kept = 0;
        for (int pos = 0; pos < 6; pos++) {
            for (int c = 0; c < 8; c++) {
                kept += r.count(pos, c, MatrixView.KEPT);
            }
        }
        int otherCorner = 0;
        for (int pos = 0; pos < 6; pos++) {
            for (int c = 8; c < 16; c++) {
                otherCorner += r.count(pos, c, MatrixView.KEPT);
            }
        }
        assertThat(kept + otherCorner).isGreaterThanOrEqualTo(48);
        assertThat(Math.min(kept, otherCorner)).isLessThanOrEqualTo(1);
    }

    private static int blockOfRow(int row, int[] perm) {
        for (int i = 0; i < perm.length; i++) {
            if (perm[i] == row) {
                return i / 6;
            }
        }
        throw new AssertionError();
    }
}
