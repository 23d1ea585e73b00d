package org.expanderexplorer.core.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded mutations of a valid input: bit flips, truncations, insertions, deletions, size fields set to huge or
 * negative values, and for text a replaced token or line; for zips, the same on one entry's bytes (re-zipped, so
 * that the parser behind the CRC check is reached), swapped, dropped or duplicated entries.
 */
public final class Mutator {

    /** A mutated input and what was done, for the failure report. */
    public record Mutant(byte[] bytes, String description) {
    }

    private static final int[] SPECIAL_INTS = {Integer.MAX_VALUE, -1, Integer.MIN_VALUE, 0, 1 << 30, 65_536,
        0x7fff_fff0};
    private static final String[] SPECIAL_TOKENS = {"NaN", "Infinity", "-Infinity", "1e400", "-1", "0",
        "2147483647", "99999999999", "", "x", "1,2", "%%", "\"", "-2147483648", "1e-400"};

    private Mutator() {
    }

    public static Mutant binary(byte[] valid, Random r) {
        byte[] b = valid.clone();
        switch (r.nextInt(6)) {
            case 0 -> {
                int flips = 1 + r.nextInt(8);
                for (int i = 0; i < flips && b.length > 0; i++) {
                    int at = r.nextInt(b.length);
                    b[at] ^= (byte) (1 << r.nextInt(8));
                }
                return new Mutant(b, flips + " bit flips");
            }
            case 1 -> {
                int at = b.length == 0 ? 0 : r.nextInt(b.length);
                return new Mutant(java.util.Arrays.copyOf(b, at), "truncated to " + at + " bytes");
            }
            case 2 -> {
                int at = r.nextInt(b.length + 1);
                byte[] extra = new byte[1 + r.nextInt(16)];
                r.nextBytes(extra);
                return new Mutant(splice(b, at, 0, extra), extra.length + " bytes inserted at " + at);
            }
            case 3 -> {
                int at = b.length == 0 ? 0 : r.nextInt(b.length);
                int len = Math.min(b.length - at, 1 + r.nextInt(16));
                return new Mutant(splice(b, at, len, new byte[0]), len + " bytes deleted at " + at);
            }
            default -> {
                // A size field: most headers are in the first 64 bytes, so aim there more often.
                if (b.length < 4) {
                    return new Mutant(b, "unchanged (too short for a size field)");
                }
                int limit = r.nextBoolean() ? Math.min(64, b.length - 3) : b.length - 3;
                int at = r.nextInt(limit);
                int value = SPECIAL_INTS[r.nextInt(SPECIAL_INTS.length)];
                ByteOrder order = r.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
                ByteBuffer.wrap(b).order(order).putInt(at, value);
                return new Mutant(b, "int at " + at + " set to " + value + " (" + order + ")");
            }
        }
    }

    public static Mutant text(byte[] valid, Random r) {
        if (r.nextInt(3) > 0) {
            return binary(valid, r);
        }
        String s = new String(valid, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        int line = r.nextInt(lines.size());
        switch (r.nextInt(3)) {
            case 0 -> {
                String[] tokens = lines.get(line).split("[ ,]", -1);
                int t = r.nextInt(tokens.length);
                String token = SPECIAL_TOKENS[r.nextInt(SPECIAL_TOKENS.length)];
                String replaced = lines.get(line).replaceFirst(java.util.regex.Pattern.quote(tokens[t]),
                        java.util.regex.Matcher.quoteReplacement(token));
                lines.set(line, replaced);
                return new Mutant(String.join("\n", lines).getBytes(StandardCharsets.UTF_8),
                        "line " + (line + 1) + " token " + t + " -> '" + token + "'");
            }
            case 1 -> {
                lines.remove(line);
                return new Mutant(String.join("\n", lines).getBytes(StandardCharsets.UTF_8),
                        "line " + (line + 1) + " deleted");
            }
            default -> {
                lines.add(line, lines.get(line));
                return new Mutant(String.join("\n", lines).getBytes(StandardCharsets.UTF_8),
                        "line " + (line + 1) + " duplicated");
            }
        }
    }

    public static Mutant zip(byte[] valid, Random r) {
        int kind = r.nextInt(8);
        if (kind < 2) {
            return binary(valid, r);
        }
        Map<String, byte[]> entries = ZipEntries.read(valid);
        List<String> names = new ArrayList<>(entries.keySet());
        String a = names.get(r.nextInt(names.size()));
        String b = names.get(r.nextInt(names.size()));
        Map<String, byte[]> out = new LinkedHashMap<>();
        String what;
        switch (kind) {
            case 2 -> {
                for (String n : names) {
                    out.put(n, entries.get(n.equals(a) ? b : n.equals(b) ? a : n));
                }
                what = "contents of entries " + a + " and " + b + " swapped";
            }
            case 3 -> {
                entries.forEach((n, v) -> {
                    if (!n.equals(a)) {
                        out.put(n, v);
                    }
                });
                what = "entry " + a + " dropped";
            }
            case 4 -> {
                out.putAll(entries);
                out.put("copy-" + a, entries.get(a));
                what = "entry " + a + " duplicated under another name";
            }
            default -> {
                Mutant m = a.endsWith(".json") ? text(entries.get(a), r) : binary(entries.get(a), r);
                entries.forEach((n, v) -> out.put(n, n.equals(a) ? m.bytes() : v));
                what = "entry " + a + ": " + m.description();
            }
        }
        return new Mutant(ZipEntries.write(out), what);
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }
}
