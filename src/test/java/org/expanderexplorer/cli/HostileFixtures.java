package org.expanderexplorer.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.expanderexplorer.core.fuzz.ZipEntries;

/**
 * Small files that declare far more memory than a heap of 256 MB holds, and special files that are not files: the
 * memory cases of the robustness checks ({@link MemoryCases}, {@code docs/robustness.md}). Each case is a command
 * line that must end in exit code 2 with one line naming the file.
 */
final class HostileFixtures {

    /** One case: its name and the arguments of the command line. */
    record Case(String name, String... args) {
    }

    /** The size the next zip's last entry claims in its headers, or -1 for the true size. */
    private static long lie = -1;

    private HostileFixtures() {
    }

    /** Writes the fixtures into {@code dir} and returns the cases; FIFOs only where {@code mkfifo} exists. */
    static List<Case> write(Path dir) throws IOException, InterruptedException {
        List<Case> cases = new ArrayList<>();
        Path bomb = dir.resolve("npz-bomb.npz");
        zip(bomb, Map.of("w.npy", npyHeader("<f4", 16384, 5120)), "w.npy", 320L << 20);
        cases.add(new Case("NPZ zip bomb (320 MB of zeros in 1.5 MB)", "inspect", "--model", bomb.toString()));

        byte[] sample = Files.readAllBytes(Path.of("sample-models", "digits8-rnn12.zip"));
        Map<String, byte[]> entries = ZipEntries.read(sample);
        entries.remove("coefficients.bin");
        Path coefficients = dir.resolve("coefficients-bomb.zip");
        zip(coefficients, entries, "coefficients.bin", 320L << 20);
        cases.add(new Case("coefficients.bin bomb (320 MB)", "inspect", "--model", coefficients.toString()));
        Path lying = dir.resolve("lying-bomb.zip");
        lie = 1 << 20;
        zip(lying, entries, "coefficients.bin", 320L << 20);
        lie = -1;
        cases.add(new Case("coefficients.bin bomb whose header claims 1 MB", "inspect", "--model", lying.toString()));

        Path many = dir.resolve("many-entries.zip");
        try (ZipOutputStream z = new ZipOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(many)))) {
            for (int i = 0; i < 100_000; i++) {
                z.putNextEntry(new ZipEntry(Integer.toString(i, 36) + ".npy"));
                z.closeEntry();
            }
        }
        cases.add(new Case("100,000 zip entries", "inspect", "--model", many.toString()));

        Path lstm = dir.resolve("lstm7000.npz");
        int h = 7000;
        Map<String, byte[]> dict = new LinkedHashMap<>();
        dict.put("rnn.weight_ih_l0.npy", npy(4 * h, 28));
        dict.put("rnn.bias_ih_l0.npy", npy(4 * h));
        dict.put("rnn.bias_hh_l0.npy", npy(4 * h));
        dict.put("fc.weight.npy", npy(10, h));
        dict.put("fc.bias.npy", npy(10));
        dict.put("rnn.weight_hh_l0.npy", npyHeader("<f4", 4 * h, h));
        zip(lstm, dict, "rnn.weight_hh_l0.npy", 4L * 4 * h * h);
        cases.add(new Case("NPZ of an LSTM with 7,000 units (" + Files.size(lstm) / 1024 + " KB)", "inspect",
                "--model", lstm.toString()));

        // a torch.save archive whose largest storage inflates to 320 MB of zeros, and a safetensors file whose
        // header length is 2^62 bytes
        Map<String, byte[]> torch = new LinkedHashMap<>();
        // torch.save writes stored entries with data descriptors, which ZipInputStream refuses
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(Path.of("src", "test", "resources", "fixtures",
                "lstm.pt").toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                torch.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        Path torchBomb = dir.resolve("storage-bomb.pt");
        zip(torchBomb, torch, "lstm/data/1", 320L << 20);
        cases.add(new Case("torch.save storage bomb (320 MB)", "inspect", "--model", torchBomb.toString()));
        byte[] st = new byte[64];
        java.nio.ByteBuffer.wrap(st).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(1L << 62).put((byte) '{');
        Path stHuge = Files.write(dir.resolve("huge-header.safetensors"), st);
        cases.add(new Case("safetensors header of 2^62 bytes", "inspect", "--model", stHuge.toString()));

        // a Keras .h5 of 15 KB declaring an LSTM whose weights need 1.3 GB as float32 (made by h5py, never written)
        Path kerasHuge = Path.of("src", "test", "resources", "fixtures", "keras-huge.h5");
        cases.add(new Case("Keras .h5 declaring 1.3 GB of weights (" + Files.size(kerasHuge) / 1024 + " KB)", "inspect",
                "--model", kerasHuge.toString()));

        Path dense = Files.writeString(dir.resolve("dense-bomb.mtx"),
                "%%MatrixMarket matrix array real general\n14000 14000\n0\n");
        cases.add(new Case("Matrix Market array of 14000 x 14000 declared", "spectrum", "--matrix", dense.toString()));
        Path huge = Files.writeString(dir.resolve("huge.mtx"),
                "%%MatrixMarket matrix coordinate real general\n4294967296 4294967296 1\n1 1 1\n");
        cases.add(new Case("Matrix Market 4294967296 x 4294967296", "spectrum", "--matrix", huge.toString()));

        cases.add(new Case("/dev/zero as a model", "inspect", "--model", "/dev/zero"));
        cases.add(new Case("/dev/urandom as a model", "inspect", "--model", "/dev/urandom"));
        Path fifoModel = dir.resolve("fifo.zip");
        Path fifoMatrix = dir.resolve("fifo.mtx");
        if (mkfifo(fifoModel) && mkfifo(fifoMatrix)) {
            cases.add(new Case("a FIFO as a model", "inspect", "--model", fifoModel.toString()));
            cases.add(new Case("a FIFO as a matrix", "spectrum", "--matrix", fifoMatrix.toString()));
        }
        return cases;
    }

    private static boolean mkfifo(Path p) throws IOException, InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            return false; // no mkfifo on this system
        }
    }

    /**
     * A zip of {@code entries}, the one named {@code last} (written last) followed by {@code zeros} zero bytes.
     * Deflating hundreds of megabytes takes a while, so the zeros are one deflated megabyte repeated: a deflate
     * stream may be any sequence of byte-aligned blocks, and a block compressed by a fresh deflater refers to
     * nothing before it.
     */
    private static void zip(Path file, Map<String, byte[]> entries, String last, long zeros) throws IOException {
        byte[] mega = new byte[1 << 20];
        byte[] megaDeflated = rawDeflate(mega, mega.length);
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        int count = 0;
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            long offset = 0;
            List<String> names = new ArrayList<>(entries.keySet());
            names.remove(last);
            names.add(last);
            for (String name : names) {
                byte[] head = entries.getOrDefault(name, new byte[0]);
                long extra = name.equals(last) ? zeros : 0;
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(head);
                ByteArrayOutputStream data = new ByteArrayOutputStream();
                data.writeBytes(rawDeflate(head, head.length));
                long whole = extra >> 20;
                int rest = (int) (extra & ((1 << 20) - 1));
                for (long k = 0; k < whole; k++) {
                    crc.update(mega);
                }
                crc.update(mega, 0, rest);
                byte[] tail = rawDeflate(mega, rest);
                long compressed = data.size() + whole * megaDeflated.length + tail.length + 2;
                byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
                long size = name.equals(last) && lie >= 0 ? lie : head.length + extra;
                out.write(header(0x04034b50, crc.getValue(), compressed, size, nameBytes, -1));
                out.write(data.toByteArray());
                for (long k = 0; k < whole; k++) {
                    out.write(megaDeflated);
                }
                out.write(tail);
                out.write(new byte[] {3, 0}); // an empty final block
                central.writeBytes(header(0x02014b50, crc.getValue(), compressed, size, nameBytes, offset));
                offset += 30 + nameBytes.length + compressed;
                count++;
            }
            ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
            end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) count)
                    .putShort((short) count).putInt(central.size()).putInt((int) offset).putShort((short) 0);
            out.write(central.toByteArray());
            out.write(end.array());
        }
    }

    /** A local (offset -1) or central zip header of a deflated entry. */
    private static byte[] header(int signature, long crc, long compressed, long size, byte[] name, long offset) {
        boolean local = offset < 0;
        ByteBuffer b = ByteBuffer.allocate((local ? 30 : 46) + name.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(signature);
        if (!local) {
            b.putShort((short) 20);
        }
        b.putShort((short) 20).putShort((short) 0).putShort((short) 8).putShort((short) 0).putShort((short) 0x21)
                .putInt((int) crc).putInt((int) compressed).putInt((int) size).putShort((short) name.length)
                .putShort((short) 0);
        if (!local) {
            b.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset);
        }
        return b.put(name).array();
    }

    /** The first {@code n} bytes of {@code data} as non-final, byte-aligned deflate blocks. */
    private static byte[] rawDeflate(byte[] data, int n) {
        Deflater d = new Deflater(Deflater.BEST_SPEED, true);
        d.setInput(data, 0, n);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        int got;
        do {
            got = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
            out.write(buf, 0, got);
        } while (got == buf.length || !d.needsInput());
        d.end();
        return out.toByteArray();
    }

    private static byte[] npy(int... shape) {
        byte[] head = npyHeader("<f4", shape);
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return java.util.Arrays.copyOf(head, head.length + (int) (4 * n));
    }

    /** A version 1.0 .npy header for {@code shape}; the data follows it. */
    private static byte[] npyHeader(String descr, int... shape) {
        StringBuilder s = new StringBuilder("(");
        for (int d : shape) {
            s.append(d).append(", ");
        }
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + s.append(")") + ", }";
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        return b.array();
    }
}
