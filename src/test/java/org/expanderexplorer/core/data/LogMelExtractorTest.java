package org.expanderexplorer.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogMelExtractorTest {

    private final LogMelExtractor extractor = LogMelExtractor.speechCommands();

    /** Band centres by the HTK formula, written out independently: 42 points equally spaced in mel, 20..8000 Hz. */
    private static double[] points() {
        double lo = 2595 * Math.log10(1 + 20 / 700.0);
        double hi = 2595 * Math.log10(1 + 8000 / 700.0);
        double[] p = new double[42];
        for (int i = 0; i < 42; i++) {
            p[i] = 700 * (Math.pow(10, (lo + (hi - lo) * i / 41) / 2595) - 1);
        }
        return p;
    }

    private static float[] tone(double hz, double amplitude) {
        short[] s = TestWav.sine(hz, amplitude, 16_000, 16_000);
        float[] f = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            f[i] = s[i] / 32768f;
        }
        return f;
    }

    @Test
    void oneSecondGives98FramesOf40Bands() {
        // 1 + (16000 - 400) / 160 = 98.5 -> 98 whole windows
        assertThat(extractor.frames(16_000)).isEqualTo(98);
        assertThat(extractor.frames(399)).isZero();
        assertThat(extractor.frames(400)).isEqualTo(1);
        assertThat(extractor.bands()).isEqualTo(40);
        assertThat(extractor.fftSize()).isEqualTo(512);
        assertThat(extractor.extract(new float[16_000])).hasSize(98 * 40);
    }

    @Test
    void centresFollowTheMelScale() {
        double[] p = points();
        double[] c = extractor.centerFrequencies();
        for (int m = 0; m < 40; m++) {
            assertThat(c[m]).isCloseTo(p[m + 1], within(1e-9));
        }
        assertThat(LogMelExtractor.mel(1000)).isCloseTo(1000, within(0.5)); // the scale's anchor: 1000 Hz ~ 1000 mel
        assertThat(LogMelExtractor.hz(LogMelExtractor.mel(3210))).isCloseTo(3210, within(1e-9));
    }

    @Test
    void pureTonePeaksInTheBandContainingIt() {
        double[] p = points();
        for (double hz : new double[] {1000, 3000, 250, 6000}) {
            float[] features = extractor.extract(tone(hz, 0.5));
            // expected: the band whose triangle is highest at hz, i.e. whose centre is nearest in Hz
            int expected = 0;
            for (int m = 1; m < 40; m++) {
                if (Math.abs(p[m + 1] - hz) < Math.abs(p[expected + 1] - hz)) {
                    expected = m;
                }
            }
            assertThat(hz).isBetween(p[expected], p[expected + 2]);
            for (int frame : new int[] {0, 49, 97}) {
                assertThat(DataChecks.argmax(features, frame * 40, 40)).as("%s Hz, frame %d", hz, frame)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void silenceGivesTheFloorAndLevelsScaleAsPower() {
        float[] silent = extractor.extract(new float[1_000]);
        for (float v : silent) {
            assertThat(v).isCloseTo((float) Math.log(LogMelExtractor.FLOOR), within(1e-6f));
        }
        // halving the amplitude divides the energy by 4: ln 4 lower in the peak band
        float[] loud = extractor.extract(tone(1000, 0.5));
        float[] quiet = extractor.extract(tone(1000, 0.25));
        int band = DataChecks.argmax(loud, 40 * 10, 40);
        assertThat(loud[400 + band] - quiet[400 + band]).isCloseTo((float) Math.log(4), within(1e-3f));
    }
}
