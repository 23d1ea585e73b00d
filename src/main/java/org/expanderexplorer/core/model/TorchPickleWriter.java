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
    private final Map<String, Integer> memo = new HashMap<>();
    private int next;

    private TorchPickleWriter() {
    }

    /** The pickle of {@code stateDict}; storage keys are 0, 1, ... in map order. */
    static byte[] stateDict(Map<String, NpyArray> stateDict) {
        TorchPickleWriter w = new TorchPickleWriter();
        w.out.write(0x80);
        w.out.write(2);
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
        global("torch._utils", "_rebuild_tensor_v2");
        out.write('(');
        out.write('(');
        string("storage");
        global("torch", storageType(a.type()));
        string(key);
        string("cpu");
        integer(a.values().length);
        out.write('t');
        out.write('Q');
        integer(0);
        int[] shape = a.shape();
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
        global("collections", "OrderedDict");
        out.write(')');
        out.write('R');
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
        if (v >= 0 && v < 256) {
            out.write('K');
            out.write((int) v);
        } else if (v >= 0 && v < 65536) {
            out.write('M');
            out.write((int) v & 0xff);
            out.write((int) (v >>> 8) & 0xff);
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            out.write('J');
            for (int i = 0; i < 4; i++) {
                out.write((int) (v >>> (8 * i)) & 0xff);
            }
        } else {
            out.write(0x8a);
            out.write(8);
            for (int i = 0; i < 8; i++) {
                out.write((int) (v >>> (8 * i)) & 0xff);
            }
        }
    }

    private void string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        for (int i = 0; i < 4; i++) {
            out.write((b.length >>> (8 * i)) & 0xff);
        }
        out.writeBytes(b);
    }

    /** BINPUT (or LONG_BINPUT past 255) of the value on top; returns its memo index. */
    private int put() {
        int index = next++;
        if (index < 256) {
            out.write('q');
            out.write(index);
        } else {
            out.write('r');
            for (int i = 0; i < 4; i++) {
                out.write((index >>> (8 * i)) & 0xff);
            }
        }
        return index;
    }

    private void get(int index) {
        if (index < 256) {
            out.write('h');
            out.write(index);
        } else {
            out.write('j');
            for (int i = 0; i < 4; i++) {
                out.write((index >>> (8 * i)) & 0xff);
            }
        }
    }
}
