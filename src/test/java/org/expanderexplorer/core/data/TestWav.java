package org.expanderexplorer.core.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes canonical 44-byte-header PCM WAV files by hand, independently of the reader under test. */
final class TestWav {

    private TestWav() {
    }

    /** A sine of {@code hz} at amplitude {@code amplitude} (of full scale) lasting {@code samples} samples. */
    static short[] sine(double hz, double amplitude, int rate, int samples) {
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return s;
    }

    /** A mono 16-bit little-endian PCM WAV file. */
    static Path write16(Path file, int rate, short[] samples) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : samples) {
            data.putShort(s);
        }
        return write(file, rate, 1, 16, samples.length * 2, data.array());
    }

    /** A WAV file with the given header fields and data bytes (the declared data size may lie). */
    static Path write(Path file, int rate, int channels, int bits, int declaredDataBytes, byte[] data)
            throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + declaredDataBytes);
        b.put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16);
        int blockAlign = channels * bits / 8;
        b.putShort((short) 1).putShort((short) channels).putInt(rate).putInt(rate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bits);
        b.put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(declaredDataBytes);
        b.put(data);
        Files.createDirectories(file.getParent());
        return Files.write(file, b.array());
    }
}
