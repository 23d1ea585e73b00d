package org.expanderexplorer.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.expanderexplorer.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixFilesTest {

    @TempDir
    Path dir;

    private final WeightMatrix w = WeightMatrix.of(new double[][] {{0.5, 0, -2}, {0, 1e-7, 3}});

    @Test
    void choosesTheFormatByExtensionInAnyCase() throws IOException {
        Path csv = dir.resolve("A.CSV");
        Path mtx = dir.resolve("a.Mtx");
        MatrixFiles.write(csv, w, List.of("ignored in CSV"));
        MatrixFiles.write(mtx, w, List.of("kept"));
        assertThat(Files.readString(csv)).startsWith("0.5,0,-2\n");
        assertThat(Files.readString(mtx)).startsWith("%%MatrixMarket").contains("% kept");
        assertThat(MatrixFiles.read(csv)).isEqualTo(w);
        assertThat(MatrixFiles.read(mtx)).isEqualTo(w);
        assertThat(MatrixFiles.formatOf(csv)).isEqualTo(MatrixFiles.Format.CSV);
    }

    @Test
    void refusesUnknownExtensions() {
        Path txt = dir.resolve("m.txt");
        assertThatThrownBy(() -> MatrixFiles.read(txt)).isInstanceOf(BadInputException.class)
                .hasMessage(txt + ": unknown matrix file type (the extension '.txt'): use .csv (comma-separated) "
                        + "or .mtx (Matrix Market)");
        Path none = dir.resolve("matrix");
        assertThatThrownBy(() -> MatrixFiles.write(none, w)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("(no extension)");
        assertThat(none).doesNotExist();
    }
}
