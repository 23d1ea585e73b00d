package org.expanderexplorer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory cases ({@link HostileFixtures}) in a separate JVM with a heap of 256 MB: each must end in exit code 2
 * with one line naming the file, never in an OutOfMemoryError. (Their times are in docs/robustness.md, not
 * asserted here.)
 */
class MemoryBoundsTest {

    @TempDir
    Path dir;

    @Test
    void everyMemoryCaseEndsInExit2UnderA256MbHeap() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                MemoryCases.class.getName(), dir.toString()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        List<String> rows = text.lines().filter(l -> l.split("\t").length == 5).toList();
        assertThat(rows).as(text).hasSizeGreaterThanOrEqualTo(8);
        for (String row : rows) {
            String[] f = row.split("\t");
            assertThat(f[1]).as(row).isEqualTo("2");
            assertThat(f[3]).as(row).isEqualTo("1");
            assertThat(f[4]).as(row).startsWith("error: ").doesNotContain("Exception", "OutOfMemory");
        }
        assertThat(text).contains("lstm7000.npz: entry 'rnn.weight_hh_l0.npy' of 747 MB inflated needs about",
                "lying-bomb.zip: inflates to more than", "run with -Xmx",
                "/dev/zero: is not a regular file", "huge.mtx, line 2: matrix of 4294967296 x 4294967296",
                "storage-bomb.pt: entry 'lstm/data/1' of 320 MB inflated needs about",
                "huge-header.safetensors: declares a safetensors header of 4611686018427387904 bytes",
                "keras-huge.h5: Keras weights of 324162002 values needs about");
    }
}
