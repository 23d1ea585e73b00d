package org.expanderexplorer.core.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the pickle of a state_dict of tensors exactly as {@code torch.save} does (protocol 2): an
 * {@code OrderedDict} whose values are {@code torch._utils._rebuild_tensor_v2(storage, offset, size, stride,
 * requires_grad, OrderedDict())}, each storage a persistent id {@code ('storage', torch.FloatStorage, key, 'cpu',
 * numel)} for the archive entry {@code data/<key>}. These are the only globals, so {@code torch.load} reads it with
 * {@code weights_only=True} as well as without. PyTorch's {@code _metadata} attribute (module versions, optional
 * for {@code load_state_dict}) is left out.
 */
final class TorchPickleWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    // Memo indices of globals already written, keyed by "module\nname\n"; Python's pickler reuses them the same way.
    private final Map<String, Integer> memo = new HashMap<>();
    private int next;

    private TorchPickleWriter() {
    }

    /** The pickle of {@code stateDict}; storage keys are 0, 1, ... in map order. */
    static byte[] stateDict(Map<String, NpyArray> stateDict) {
        TorchPickleWriter w = new TorchPickleWriter();
        // PROTO 2: the protocol torch.save uses by default (pickle_protocol=2)
        w.out.write(0x80);
        w.out.write(2);
        // OrderedDict() via EMPTY_TUPLE + REDUCE, memoised with BINPUT, then MARK: every key and tensor follows, and
        // one SETITEMS inserts them all in order; STOP ends the pickle with the dict as its value.
        w.global("collections", "OrderedDict");
        w.out.write(')');
        w.out.write('R');
        w.put();
        w.out.write('(');
        int key = 0;
        for (Map.Entry<String, NpyArray> e : stateDict.entrySet()) {
            w.string(e.getKey());
            w.tensor(e.getValue(), Integer.toString(key++));
        }
        w.out.write('u');
        w.out.write('.');
        return w.out.toByteArray();
    }

    private void tensor(NpyArray a, String key) {
        // _rebuild_tensor_v2's arguments are built as one tuple after a MARK: the storage, the offset, size, stride,
        // requires_grad and the (empty) backward hooks
        global("torch._utils", "_rebuild_tensor_v2");
        // MARK for the argument tuple, then MARK for the persistent id tuple
        out.write('(');
        out.write('(');
        string("storage");
        global("torch", storageType(a.type()));
        string(key);
        string("cpu");
        integer(a.values().length);
        out.write('t');
        // BINPERSID: torch.load resolves ('storage', type, key, location, numel) to the archive entry data/<key>
        out.write('Q');
        // storage offset: each tensor has a storage of its own, so it starts at element 0
        integer(0);
        int[] shape = a.shape();
        // C-order (contiguous) strides, counted in elements: the last dimension's is 1, each earlier one the product of
        // the later sizes, which is how NpyArray holds the values
        long[] stride = new long[shape.length];
        long s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            stride[d] = s;
            s *= shape[d];
        }
        long[] size = new long[shape.length];
        for (int d = 0; d < shape.length; d++) {
            size[d] = shape[d];
        }
        tuple(size);
        tuple(stride);
        out.write(0x89); // requires_grad False
        // backward_hooks: an empty OrderedDict(), as PyTorch pickles a tensor without hooks
        global("collections", "OrderedDict");
        out.write(')');
        out.write('R');
        // TUPLE closes the argument tuple and REDUCE "calls" _rebuild_tensor_v2 with it
        out.write('t');
        out.write('R');
    }

    private static String storageType(NpyArray.Type type) {
        return switch (type) {
            case FLOAT32 -> "FloatStorage";
            case FLOAT64 -> "DoubleStorage";
            case FLOAT16 -> "HalfStorage";
            case BFLOAT16 -> "BFloat16Storage";
        };
    }

    /** GLOBAL once, BINGET after that, as Python's pickler memoises globals. */
    private void global(String module, String name) {
        String full = module + "\n" + name + "\n";
        Integer index = memo.get(full);
        if (index != null) {
            get(index);
            return;
        }
        out.write('c');
        out.writeBytes(full.getBytes(StandardCharsets.US_ASCII));
        memo.put(full, put());
    }

    // EMPTY_TUPLE, TUPLE1..3 (opcodes 0x85..0x87) for short tuples, MARK .. TUPLE beyond: the forms
    // Python's pickler chooses for protocol 2
    private void tuple(long[] items) {
        if (items.length == 0) {
            out.write(')');
            return;
        }
        if (items.length > 3) {
            out.write('(');
        }
        for (long v : items) {
            integer(v);
        }
        out.write(items.length > 3 ? 't' : 0x84 + items.length);
    }

    private void integer(long v) {
        // The smallest integer opcode that holds v, as Python's pickler picks: BININT1 (unsigned byte), BININT2
        // (unsigned 2 bytes), BININT (signed 4 bytes), else LONG1, here always with 8 two's complement bytes
        // (Python uses as few as fit; both read back the same).
        if (v >= 0 && v < 256) {
            out.write('K');
            out.write((int) v);
        } else if (v >= 0 && v < 65536) {
            out.write('M');
            littleEndian(v, 2);
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            out.write('J');
            littleEndian(v, 4);
        } else {
            out.write(0x8a);
            out.write(8);
            littleEndian(v, 8);
        }
    }

    private void string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        // BINUNICODE: a 4-byte little-endian length, then UTF-8 (protocol 2 has no shorter string form)
        out.write('X');
        littleEndian(b.length, 4);
        out.writeBytes(b);
    }

    /** BINPUT (or LONG_BINPUT past 255) of the value on top; returns its memo index. */
    private int put() {
        int index = next++;
        memo('q', 'r', index);
        return index;
    }

    /** BINGET (or LONG_BINGET past 255) of a memoised value. */
    private void get(int index) {
        memo('h', 'j', index);
    }

    /** A memo opcode: the one-byte form with a one-byte index, or the long form with a four-byte one. */
    private void memo(char shortOp, char longOp, int index) {
        if (index < 256) {
            out.write(shortOp);
            out.write(index);
        } else {
            out.write(longOp);
            littleEndian(index, 4);
        }
    }

    /** The low {@code bytes} bytes of {@code v}, least significant first (pickle's integers are little-endian). */
    private void littleEndian(long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (v >>> (8 * i)) & 0xff);
        }
    }
}
