package org.expanderexplorer.core.data;

import java.util.Objects;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Log-mel filterbank features of a mono signal, frame by frame.
 *
 * <p>For frame j the window starts at sample {@code j * hop}; only whole windows are used, so a signal of n samples
 * gives {@code 1 + (n - window) / hop} frames (98 for 1 s at 16 kHz with 25 ms windows and a 10 ms hop). Each frame
 * is multiplied by a periodic Hann window {@code 0.5 - 0.5 cos(2 pi i / window)}, zero-padded to the next power of
 * two ({@code fftSize}), transformed with JTransforms' real FFT, and its power spectrum {@code |X_k|^2} (k = 0 ..
 * fftSize / 2, bin k at {@code k * rate / fftSize} Hz) is weighed by {@code bands} triangular filters. The filters
 * follow the HTK mel scale {@code mel(f) = 2595 log10(1 + f / 700)}: bands + 2 points equally spaced in mel from
 * {@code fMin} to {@code fMax}; filter m rises linearly (in Hz) from point m to point m + 1 (its centre, weight 1)
 * and falls to point m + 2. The feature is {@code ln(energy + }{@value #FLOOR}{@code )}: with samples in [-1, 1),
 * values run from about -13.8 (digital silence) to about +10 (a full-scale tone).
 *
 * <p>Cost: O(frames * fftSize log fftSize). Immutable and thread-safe (each call uses its own buffers and FFT).
 */
public final class LogMelExtractor {

    /** Added to every band energy before the logarithm so that silence gives a finite value. */
    public static final double FLOOR = 1e-6;

    private final int sampleRate;
    private final int window;
    private final int hop;
    private final int bands;
    private final int fftSize;
    private final double[] hann;
    private final double[] centers;
    /** For each band: its first FFT bin and the weights of the bins from there on. */
    private final int[] firstBin;
    private final double[][] weights;

    /**
     * @param sampleRate samples per second
     * @param window     window length in samples (e.g. 400 = 25 ms at 16 kHz)
     * @param hop        hop in samples (e.g. 160 = 10 ms)
     * @param bands      number of mel bands
     * @param fMin       lower edge of the first band, Hz
     * @param fMax       upper edge of the last band, Hz, at most sampleRate / 2
     * @throws IllegalArgumentException if a band would contain no FFT bin (too many bands for the resolution)
     */
    public LogMelExtractor(int sampleRate, int window, int hop, int bands, double fMin, double fMax) {
        if (sampleRate <= 0 || window <= 1 || hop <= 0 || bands <= 0) {
            throw new IllegalArgumentException("bad parameters: rate " + sampleRate + ", window " + window + ", hop "
                    + hop + ", bands " + bands);
        }
        if (!(fMin >= 0 && fMin < fMax && fMax <= sampleRate / 2.0)) {
            throw new IllegalArgumentException("need 0 <= fMin < fMax <= rate / 2: " + fMin + ", " + fMax);
        }
        this.sampleRate = sampleRate;
        this.window = window;
        this.hop = hop;
        this.bands = bands;
        this.fftSize = Integer.highestOneBit(window - 1) << 1;
        this.hann = new double[window];
        for (int i = 0; i < window; i++) {
            hann[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / window);
        }
        double[] points = new double[bands + 2];
        double melMin = mel(fMin);
        double melMax = mel(fMax);
        for (int p = 0; p < points.length; p++) {
            points[p] = hz(melMin + (melMax - melMin) * p / (bands + 1));
        }
        this.centers = new double[bands];
        this.firstBin = new int[bands];
        this.weights = new double[bands][];
        double binHz = (double) sampleRate / fftSize;
        for (int m = 0; m < bands; m++) {
            double lo = points[m];
            double mid = points[m + 1];
            double hi = points[m + 2];
            centers[m] = mid;
            int from = (int) Math.ceil(lo / binHz);
            int to = Math.min(fftSize / 2, (int) Math.floor(hi / binHz));
            double[] w = new double[Math.max(0, to - from + 1)];
            boolean any = false;
            for (int k = from; k <= to; k++) {
                double f = k * binHz;
                double v = f <= mid ? (f - lo) / (mid - lo) : (hi - f) / (hi - mid);
                w[k - from] = Math.max(0, v);
                any |= w[k - from] > 0;
            }
            if (!any) {
                throw new IllegalArgumentException("mel band " + m + " (" + Math.round(lo) + " .. " + Math.round(hi)
                        + " Hz) holds no FFT bin: use fewer bands or a longer window");
            }
            firstBin[m] = from;
            weights[m] = w;
        }
    }

    /** The settings used for Speech Commands: 16 kHz, 25 ms window, 10 ms hop, 40 bands from 20 Hz to 8 kHz. */
    public static LogMelExtractor speechCommands() {
        return new LogMelExtractor(16_000, 400, 160, 40, 20, 8_000);
    }

    /** HTK mel scale: 2595 log10(1 + f / 700). */
    public static double mel(double hz) {
        return 2595 * Math.log10(1 + hz / 700);
    }

    /** Inverse of {@link #mel}. */
    public static double hz(double mel) {
        return 700 * (Math.pow(10, mel / 2595) - 1);
    }

    /** Number of frames for a signal of {@code samples} samples (0 if shorter than one window). */
    public int frames(int samples) {
        return samples < window ? 0 : 1 + (samples - window) / hop;
    }

    /** Number of mel bands (features per frame). */
    public int bands() {
        return bands;
    }

    /** FFT length (the window zero-padded to a power of two). */
    public int fftSize() {
        return fftSize;
    }

    /** Centre frequency of each band in Hz, a fresh array. */
    public double[] centerFrequencies() {
        return centers.clone();
    }

    /**
     * Computes the features of a signal.
     *
     * @param signal samples (not modified), normally in [-1, 1)
     * @return frames(signal.length) x bands values, frame-major: value (j, m) at {@code j * bands + m}
     */
    public float[] extract(float[] signal) {
        Objects.requireNonNull(signal, "signal");
        int frames = frames(signal.length);
        float[] out = new float[frames * bands];
        DoubleFFT_1D fft = new DoubleFFT_1D(fftSize);
        double[] buffer = new double[fftSize];
        double[] power = new double[fftSize / 2 + 1];
        for (int j = 0; j < frames; j++) {
            int start = j * hop;
            for (int i = 0; i < window; i++) {
                buffer[i] = signal[start + i] * hann[i];
            }
            java.util.Arrays.fill(buffer, window, fftSize, 0);
            fft.realForward(buffer);
            // realForward packs Re[0] in [0], Re[n/2] in [1], then Re[k], Im[k] in [2k], [2k+1]
            power[0] = buffer[0] * buffer[0];
            power[fftSize / 2] = buffer[1] * buffer[1];
            for (int k = 1; k < fftSize / 2; k++) {
                power[k] = buffer[2 * k] * buffer[2 * k] + buffer[2 * k + 1] * buffer[2 * k + 1];
            }
            for (int m = 0; m < bands; m++) {
                double energy = 0;
                double[] w = weights[m];
                int from = firstBin[m];
                for (int k = 0; k < w.length; k++) {
                    energy += w[k] * power[from + k];
                }
                out[j * bands + m] = (float) Math.log(energy + FLOOR);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "log-mel(" + bands + " bands, window " + window + ", hop " + hop + ", FFT " + fftSize + ", "
                + sampleRate + " Hz)";
    }
}
