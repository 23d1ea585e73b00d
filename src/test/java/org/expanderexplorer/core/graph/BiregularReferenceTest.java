package org.expanderexplorer.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.expanderexplorer.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BiregularReferenceTest {

    @ParameterizedTest
    @CsvSource({
        // left, right, dL, dR, expected reference left x right, dl, dr
        "7, 7, 3.0, 3.0, 7, 7, 3, 3",
        "8, 12, 12.0, 8.0, 8, 12, 12, 8",
        "20, 12, 2.6, 4.33, 20, 15, 3, 4",
        "1, 5, 5.0, 1.0, 1, 5, 5, 1",
        "6, 6, 2.4, 2.4, 6, 6, 2, 2",
        "3, 10, 2.0, 0.6, 3, 6, 2, 1"})
    void sizesAndDegreesFollowTheRoundedDegrees(int left, int right, double dL, double dR, int el, int er, int dl,
                                                int dr) {
        BiregularReference r = BiregularReference.like(left, right, dL, dR, 5);
        assertThat(r.left()).isEqualTo(el);
        assertThat(r.right()).isEqualTo(er);
        assertThat(r.dl()).isEqualTo(dl);
        assertThat(r.dr()).isEqualTo(dr);
        WeightMatrix m = r.matrix();
        assertThat(m.rows()).isEqualTo(el);
        assertThat(m.cols()).isEqualTo(er);
        for (int i = 0; i < el; i++) {
            int deg = 0;
            for (int j = 0; j < er; j++) {
                assertThat(m.get(i, j)).isIn(0.0, 1.0);
                deg += m.get(i, j) != 0 ? 1 : 0;
            }
            assertThat(deg).isEqualTo(dl);
        }
        for (int j = 0; j < er; j++) {
            int deg = 0;
            for (int i = 0; i < el; i++) {
                deg += m.get(i, j) != 0 ? 1 : 0;
            }
            assertThat(deg).isEqualTo(dr);
        }
        assertThat(r.describe()).isEqualTo("random (" + dl + ", " + dr + ")-biregular " + el + " x " + er
                + ", seed 5");
    }

    @Test
    void theSeedFixesTheGraph() {
        assertThat(BiregularReference.like(30, 30, 4, 4, 3).matrix())
                .isEqualTo(BiregularReference.like(30, 30, 4, 4, 3).matrix());
    }

    @Test
    void aGraphWithoutEdgesHasNoReference() {
        assertThatThrownBy(() -> BiregularReference.like(0, 4, 1, 1, 1)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> BiregularReference.like(3, 4, Double.NaN, 1, 1))
                .isInstanceOf(BadInputException.class);
    }
}
