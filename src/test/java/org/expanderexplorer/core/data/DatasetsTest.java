package org.expanderexplorer.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.expanderexplorer.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @TempDir
    Path dir;

    @Test
    void parsesEveryForm() {
        assertThat(Datasets.parse("mnist")).isEqualTo(new Datasets.Spec(Datasets.Kind.MNIST, Optional.empty()));
        assertThat(Datasets.parse(" MNIST ").kind()).isEqualTo(Datasets.Kind.MNIST);
        assertThat(Datasets.parse("fashion").dir()).isEmpty();
        assertThat(Datasets.parse("fashion:/data/f").dir()).contains(Path.of("/data/f"));
        assertThat(Datasets.parse("digits8").kind()).isEqualTo(Datasets.Kind.DIGITS8);
        assertThat(Datasets.parse("cifar10:C:/x/y").dir()).contains(Path.of("C:/x/y"));
        assertThat(Datasets.parse("speech:/s").toString()).isEqualTo("speech:/s");
    }

    @Test
    void refusesBadSpecs() {
        assertThatThrownBy(() -> Datasets.parse("imagenet"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("unknown data set 'imagenet': expected " + Datasets.SPEC_HELP);
        assertThatThrownBy(() -> Datasets.parse("cifar10")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("needs a folder: cifar10:DIR");
        assertThatThrownBy(() -> Datasets.parse("speech:")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("speech:DIR");
        assertThatThrownBy(() -> Datasets.parse("mnist:/x")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("takes no folder");
    }

    @Test
    void loadsThroughTheSpec() {
        SequenceDataset digits = Datasets.load("digits8", Split.TEST);
        assertThat(digits.info().name()).isEqualTo("digits8-test");
        assertThat(digits.size()).isEqualTo(359);
        Path missing = dir.resolve("none");
        assertThatThrownBy(() -> Datasets.load("cifar10:" + missing, Split.TRAIN))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith(missing.toString());
    }

    @Test
    void fashionMissingSaysHowToGetIt() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> Datasets.load("fashion:" + dir.resolve("empty"), Split.TRAIN))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(dir.resolve("empty").toString())
                .hasMessageContaining("apt-get install dataset-fashion-mnist")
                .hasMessageContaining("train-images-idx3-ubyte.gz");
    }

    @Test
    void fashionFromTheDebianPackageWhenInstalled() {
        assumeTrue(Files.isDirectory(Path.of(MnistDatasets.FASHION_SYSTEM_DIR)), "dataset-fashion-mnist not installed");
        SequenceDataset test = Datasets.load("fashion", Split.TEST);
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(test.classNames()).hasSize(10).startsWith("T-shirt/top");
        int[] counts = new int[10];
        for (int i = 0; i < test.size(); i++) {
            counts[test.label(i)]++;
        }
        assertThat(counts).containsOnly(1_000); // Fashion-MNIST is balanced: 1,000 test images per class
    }
}
