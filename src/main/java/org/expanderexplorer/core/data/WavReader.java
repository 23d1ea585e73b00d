package org.expanderexplorer.core.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.InputFiles;

/**
 * Reads mono 16-bit PCM WAV files at one required sample rate (16 kHz for Speech Commands) with the JDK's
 * {@code javax.sound.sampled}, and checks what that library leaves to the caller: the encoding, sample size,
 * channel count and rate, and that the data chunk really holds as many samples as its header declares.
 *
 * <p>Samples are returned as floats in [-1, 1): sample / 32768. Cost O(samples); at most {@link #MAX_SECONDS}
 * seconds are accepted, so the declared length is checked before allocating.
 */
public final class WavReader {

    /** Longest accepted clip, in seconds (Speech Commands clips last at most 1 s; background noises about 1 min). */
    public static final int MAX_SECONDS = 600;

    private final float sampleRate;

    /**
     * @param sampleRate the required sample rate in Hz, e.g. 16000
     */
    public WavReader(float sampleRate) {
        if (!(sampleRate > 0)) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        this.sampleRate = sampleRate;
    }

    /**
     * Reads a whole file.
     *
     * @param file a WAV file
     * @return its samples / 32768, a fresh array
     * @throws BadInputException naming the file if it is missing, not WAV, not mono 16-bit PCM at the required
     *                           rate, or truncated
     */
    public float[] read(Path file) {
        Objects.requireNonNull(file, "file");
        InputFiles.requireRegular(file, "a WAV file");
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
             AudioInputStream audio = AudioSystem.getAudioInputStream(raw)) {
            AudioFormat format = audio.getFormat();
            checkFormat(file, format);
            long frames = audio.getFrameLength();
            if (frames == AudioSystem.NOT_SPECIFIED || frames < 0) {
                throw BadInputException.inFile(file, "WAV header does not state the data length");
            }
            if (frames > (long) MAX_SECONDS * (long) sampleRate) {
                throw BadInputException.inFile(file, "declares " + frames + " samples, more than " + MAX_SECONDS
                        + " s; refused");
            }
            byte[] bytes = new byte[(int) frames * 2];
            int got = audio.readNBytes(bytes, 0, bytes.length);
            if (got < bytes.length) {
                throw BadInputException.inFile(file, "truncated WAV: header declares " + frames + " samples, the file"
                        + " holds " + got / 2);
            }
            return toFloats(bytes, format.isBigEndian());
        } catch (NoSuchFileException e) {
            throw BadInputException.inFile(file, "no such file");
        } catch (UnsupportedAudioFileException e) {
            throw BadInputException.inFile(file, "not a WAV file the reader understands (" + e.getMessage() + ")");
        } catch (EOFException e) {
            throw BadInputException.inFile(file, "truncated WAV header");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private void checkFormat(Path file, AudioFormat format) {
        if (!AudioFormat.Encoding.PCM_SIGNED.equals(format.getEncoding()) || format.getSampleSizeInBits() != 16) {
            throw BadInputException.inFile(file, "expected 16-bit signed PCM, found " + format.getSampleSizeInBits()
                    + "-bit " + format.getEncoding());
        }
        if (format.getChannels() != 1) {
            throw BadInputException.inFile(file, "expected mono, found " + format.getChannels() + " channels");
        }
        if (format.getSampleRate() != sampleRate) {
            throw BadInputException.inFile(file, "sample rate " + Math.round(format.getSampleRate()) + " Hz, expected "
                    + Math.round(sampleRate) + " Hz");
        }
    }

    private static float[] toFloats(byte[] bytes, boolean bigEndian) {
        float[] samples = new float[bytes.length / 2];
        for (int i = 0; i < samples.length; i++) {
            int lo = bytes[2 * i + (bigEndian ? 1 : 0)] & 0xff;
            int hi = bytes[2 * i + (bigEndian ? 0 : 1)];
            samples[i] = (short) ((hi << 8) | lo) / 32768f;
        }
        return samples;
    }
}
