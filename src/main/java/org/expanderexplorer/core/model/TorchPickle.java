package org.expanderexplorer.core.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.expanderexplorer.core.BadInputException;

/**
 * A restricted reader of the pickle that {@code torch.save(model.state_dict(), f)} writes as {@code data.pkl}
 * (protocol 2, as PyTorch writes it; the few opcodes of later protocols that a state_dict can contain are read
 * too). It builds only plain values (numbers, strings, booleans, None, tuples, lists, dicts) and three records of
 * its own; it never executes, loads or constructs anything a file names (decision 0026).
 *
 * <p>The allow-list: the callables {@code collections.OrderedDict}, {@code torch._utils._rebuild_tensor_v2} and
 * {@code torch._utils._rebuild_parameter} (each "called" by building a map or a {@link TensorRef}), and the storage
 * types {@code torch.FloatStorage}, {@code DoubleStorage}, {@code HalfStorage} and {@code BFloat16Storage}, which
 * may appear only inside a storage's persistent id. Any other global is refused when its GLOBAL opcode is read,
 * before anything after it, and so is every opcode outside the list below (object construction: INST, OBJ, NEWOBJ;
 * extensions; PERSID in text form; ...). A refusal is a {@link BadInputException} naming the file and the global.
 *
 * <p>Bounds: every length a string or integer opcode declares is checked against the bytes that remain before
 * anything is allocated, so memory stays below a small multiple of the pickle's size; dict keys must be strings,
 * numbers, booleans or None (so no self-containing list is ever hashed). Format reference: Python's
 * {@code pickletools} documentation of the opcodes, and PyTorch's {@code torch/serialization.py}.
 */
final class TorchPickle {

    /** A storage named by a persistent id: {@code ('storage', torch.FloatStorage, '0', 'cpu', numel)}. */
    record Storage(NpyArray.Type type, String key, long numel) {
    }

    /** A tensor as {@code _rebuild_tensor_v2} describes it: a view of a storage. */
    record TensorRef(Storage storage, long offset, long[] size, long[] stride) {
    }

    /** An immutable Python tuple. */
    record Tuple(List<Object> items) {
    }

    /** An allowed global (a callable or a storage type); it is never called, only matched by name. */
    private record Global(String name) {
    }

    // Sentinels on the stack: MARK must never be mistaken for a value (peek refuses it), and None must differ from
    // Java's null so that a missing value and a pickled None are told apart until the result is unwrapped.
    private static final Object MARK_OBJECT = new Object();
    private static final Object NONE = new Object();

    private static final String ORDERED_DICT = "collections.OrderedDict";
    private static final String REBUILD_TENSOR = "torch._utils._rebuild_tensor_v2";
    private static final String REBUILD_PARAMETER = "torch._utils._rebuild_parameter";
    private static final Set<String> CALLABLES = Set.of(ORDERED_DICT, REBUILD_TENSOR, REBUILD_PARAMETER);
    private static final Map<String, NpyArray.Type> STORAGES = Map.of(
            "torch.FloatStorage", NpyArray.Type.FLOAT32, "torch.DoubleStorage", NpyArray.Type.FLOAT64,
            "torch.HalfStorage", NpyArray.Type.FLOAT16, "torch.BFloat16Storage", NpyArray.Type.BFLOAT16);

    /** What the user should do instead, appended to every refusal of a global. */
    static final String SAVE_STATE_DICT = "save the weights alone with torch.save(model.state_dict(), PATH)";

    private final Path file;
    private final String entry;
    private final ByteBuffer in;
    private final List<Object> stack = new ArrayList<>();
    // Stack positions of open MARKs (Python's unpickler keeps them on a separate "metastack" the same way).
    private final List<Integer> marks = new ArrayList<>();
    // The memo lets a pickle refer to an earlier object again (shared storages, the OrderedDict itself).
    private final Map<Long, Object> memo = new HashMap<>();

    private TorchPickle(Path file, String entry, byte[] pickle) {
        this.file = file;
        this.entry = entry;
        this.in = ByteBuffer.wrap(pickle).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The object the pickle describes: maps (dicts and OrderedDicts, in insertion order), {@link Tuple}s, lists,
     * {@link TensorRef}s, strings, {@code Long}s, {@code Double}s, {@code Boolean}s and {@code null}.
     *
     * @param entry the pickle's name in the archive, for messages
     * @throws BadInputException naming the file for a refused global or opcode, or a malformed pickle
     */
    static Object read(Path file, String entry, byte[] pickle) {
        return new TorchPickle(file, entry, pickle).run();
    }

    private Object run() {
        while (true) {
            if (!in.hasRemaining()) {
                throw bad("ends without a STOP opcode (truncated)");
            }
            int at = in.position();
            int op = in.get() & 0xff;
            switch (op) {
                case 0x80 -> { // PROTO
                    int version = u8();
                    // PROTO exists from protocol 2 on, so 0 or 1 here is malformed; 5 is the newest Python writes
                    if (version < 2 || version > 5) {
                        throw bad("has pickle protocol " + version + "; PyTorch writes 2");
                    }
                }
                case 0x95 -> skip(8); // FRAME (protocol 4): only a length hint
                case '.' -> { // STOP: the object on the stack is the result
                    Object result = pop();
                    if (!stack.isEmpty() || !marks.isEmpty()) {
                        throw bad("has values left on the stack at STOP");
                    }
                    return unwrap(result);
                }
                case '(' -> { // MARK: start of a variable-length group
                    marks.add(stack.size());
                    stack.add(MARK_OBJECT);
                }
                case '0' -> pop(); // POP
                case '1' -> popMark(); // POP_MARK: drop everything back to the last MARK
                case '2' -> push(peek()); // DUP
                case 'N' -> push(NONE); // NONE
                case 0x88 -> push(Boolean.TRUE); // NEWTRUE (protocol 2)
                case 0x89 -> push(Boolean.FALSE); // NEWFALSE (protocol 2)
                case 'J' -> push((long) need(4).getInt()); // BININT: signed 4-byte little-endian
                case 'K' -> push((long) u8()); // BININT1: unsigned byte
                case 'M' -> push((long) (need(2).getShort() & 0xffff)); // BININT2: unsigned 2-byte little-endian
                case 0x8a -> push(long1()); // LONG1: n-byte two's complement integer
                // BINFLOAT: 8-byte big-endian double, unlike the rest
                case 'G' -> push(need(8).order(ByteOrder.BIG_ENDIAN).getDouble());
                case 'X' -> push(text(need(4).getInt() & 0xffffffffL)); // BINUNICODE: UTF-8 with a 4-byte length
                case 0x8c -> push(text(u8())); // SHORT_BINUNICODE: 1-byte length (protocol 4)
                case 0x8d -> push(text(need(8).getLong())); // BINUNICODE8: 8-byte length (protocol 4)
                case ')' -> push(new Tuple(List.of())); // EMPTY_TUPLE
                case 't' -> push(tuple(popMark())); // TUPLE: the items since MARK
                case 0x85 -> push(tuple(List.of(pop()))); // TUPLE1
                case 0x86 -> { // TUPLE2
                    Object b = pop();
                    push(tuple(List.of(pop(), b)));
                }
                case 0x87 -> { // TUPLE3
                    Object c = pop();
                    Object b = pop();
                    push(tuple(List.of(pop(), b, c)));
                }
                case ']' -> push(new ArrayList<>()); // EMPTY_LIST
                case 'l' -> push(new ArrayList<>(popMark())); // LIST: the items since MARK
                case 'a' -> { // APPEND
                    Object v = pop();
                    list(peek()).add(v);
                }
                case 'e' -> { // APPENDS: the items since MARK
                    List<Object> items = popMark();
                    list(peek()).addAll(items);
                }
                case '}' -> push(new LinkedHashMap<>()); // EMPTY_DICT
                case 'd' -> { // DICT: key, value pairs since MARK
                    Map<Object, Object> m = new LinkedHashMap<>();
                    putAll(m, popMark());
                    push(m);
                }
                case 's' -> { // SETITEM
                    Object v = pop();
                    Object k = pop();
                    putAll(dict(peek()), List.of(k, v));
                }
                case 'u' -> { // SETITEMS: key, value pairs since MARK
                    List<Object> items = popMark();
                    putAll(dict(peek()), items);
                }
                case 'c' -> push(global(line(), line(), at)); // GLOBAL: module and name as two text lines
                case 0x93 -> { // STACK_GLOBAL (protocol 4): module and name from the stack
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw bad("has a STACK_GLOBAL without two strings at byte " + at);
                    }
                    push(global(m, n, at));
                }
                case 'R' -> { // REDUCE: call with a tuple of arguments
                    Object args = pop();
                    push(reduce(pop(), args, at));
                }
                // BINPERSID: a reference to data outside the pickle (a storage)
                case 'Q' -> push(persistent(pop(), at));
                case 'b' -> build(pop(), peek(), at); // BUILD: set an object's state
                case 'q' -> memo.put((long) u8(), peek()); // BINPUT: remember the top under a 1-byte index
                case 'r' -> memo.put(need(4).getInt() & 0xffffffffL, peek()); // LONG_BINPUT: 4-byte index
                case 0x94 -> memo.put((long) memo.size(), peek()); // MEMOIZE (protocol 4): the next free index
                case 'h' -> push(memoGet(u8())); // BINGET: push a remembered object again
                case 'j' -> push(memoGet(need(4).getInt() & 0xffffffffL)); // LONG_BINGET: 4-byte index
                default -> throw bad("has the pickle opcode 0x" + Integer.toHexString(op) + " at byte " + at
                        + ", which a state_dict saved by torch.save does not use; " + SAVE_STATE_DICT);
            }
        }
    }

    private Object global(String module, String name, int at) {
        String full = module + "." + name;
        if (CALLABLES.contains(full) || STORAGES.containsKey(full)) {
            return new Global(full);
        }
        // Refused here, before anything after it is read: this is where a hostile pickle names os.system, eval or a
        // class whose construction does harm, and where a pickled module names its class (torch.save(model)).
        throw BadInputException.inFile(file, entry + " names the Python object '"
                + BadInputException.printable(full, 100) + "' (byte " + at + "), which a state_dict of tensors never "
                + "holds; nothing in the file is run or built, the file is not opened: " + SAVE_STATE_DICT);
    }

    private Object reduce(Object callable, Object args, int at) {
        if (!(callable instanceof Global g) || STORAGES.containsKey(g.name())) {
            throw bad("calls something that is not an allowed function at byte " + at);
        }
        List<Object> a = tupleItems(args, "the arguments of " + g.name());
        switch (g.name()) {
            // OrderedDict() is reduced without arguments, then filled by SETITEMS in the order of the module
            case ORDERED_DICT -> {
                if (!a.isEmpty()) {
                    throw bad("builds an OrderedDict from arguments at byte " + at + " (PyTorch builds it empty)");
                }
                return new LinkedHashMap<>();
            }
            // _rebuild_parameter(data, requires_grad, hooks): an nn.Parameter around a tensor; only data counts
            case REBUILD_PARAMETER -> {
                if (a.size() != 3 || !(a.get(0) instanceof TensorRef t)) {
                    throw bad("has a malformed _rebuild_parameter at byte " + at);
                }
                return t;
            }
            default -> {
                // _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])
                if (a.size() < 6 || a.size() > 7 || !(a.get(0) instanceof Storage s)
                        || !(a.get(1) instanceof Long off)) {
                    throw bad("has a malformed _rebuild_tensor_v2 at byte " + at);
                }
                long[] size = longs(a.get(2), "a tensor's size", at);
                long[] stride = longs(a.get(3), "a tensor's stride", at);
                // recurrent and linear weights are 1-D or 2-D; 8 dimensions bounds the later size * stride arithmetic
                if (size.length != stride.length || size.length > 8) {
                    throw bad("has a tensor with size " + size.length + "-D and stride " + stride.length + "-D at byte "
                            + at);
                }
                return new TensorRef(s, off, size, stride);
            }
        }
    }

    /** {@code ('storage', torch.FloatStorage, key, location, numel)}: a reference to {@code data/<key>}. */
    private Object persistent(Object pid, int at) {
        List<Object> p = tupleItems(pid, "a persistent id");
        if (p.size() != 5 || !"storage".equals(p.get(0)) || !(p.get(1) instanceof Global g)
                || !STORAGES.containsKey(g.name()) || !(p.get(2) instanceof String key) || !(p.get(3) instanceof String)
                || !(p.get(4) instanceof Long numel) || numel < 0) {
            throw bad("has a persistent id at byte " + at + " that is not a float storage of PyTorch");
        }
        // the key becomes the archive entry name data/<key>, so it must not contain '/' or '..'
        if (!key.matches("[0-9A-Za-z_]{1,40}")) {
            throw bad("names the storage '" + BadInputException.printable(key, 40) + "', not a storage key");
        }
        return new Storage(STORAGES.get(g.name()), key, numel);
    }

    /** BUILD: only PyTorch's {@code _metadata} attribute of a state_dict (module versions), which is ignored. */
    private void build(Object state, Object target, int at) {
        // Nothing is set: the metadata only records module versions, which do not change the weights.
        if (!(target instanceof Map) || !(state instanceof Map)) {
            throw bad("sets the state of something other than a dict at byte " + at);
        }
    }

    private void putAll(Map<Object, Object> m, List<Object> items) {
        if (items.size() % 2 != 0) {
            throw bad("has a dict with an odd number of keys and values");
        }
        for (int i = 0; i < items.size(); i += 2) {
            Object k = items.get(i);
            // a list or dict as a key could contain itself, and hashing it would never end
            if (!(k instanceof String || k instanceof Long || k instanceof Double || k instanceof Boolean
                    || k == NONE)) {
                throw bad("has a dict key that is not a string or a number");
            }
            m.put(k, items.get(i + 1));
        }
    }

    private Object memoGet(long index) {
        Object v = memo.get(index);
        if (v == null) {
            throw bad("refers to memo entry " + index + ", which was never stored");
        }
        return v;
    }

    private Tuple tuple(List<Object> items) {
        return new Tuple(Collections.unmodifiableList(new ArrayList<>(items)));
    }

    private List<Object> tupleItems(Object v, String what) {
        if (!(v instanceof Tuple t)) {
            throw bad("has " + what + " that is not a tuple");
        }
        return t.items();
    }

    private long[] longs(Object v, String what, int at) {
        List<Object> items = tupleItems(v, what);
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(items.get(i) instanceof Long l) || l < 0) {
                throw bad("has " + what + " that is not a tuple of counts at byte " + at);
            }
            out[i] = l;
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object v) {
        if (!(v instanceof ArrayList)) {
            throw bad("appends to something that is not a list");
        }
        return (List<Object>) v;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dict(Object v) {
        if (!(v instanceof LinkedHashMap)) {
            throw bad("sets an item of something that is not a dict");
        }
        return (Map<Object, Object>) v;
    }

    private void push(Object v) {
        stack.add(v);
    }

    private Object pop() {
        Object v = peek();
        stack.remove(stack.size() - 1);
        return v;
    }

    private Object peek() {
        if (stack.isEmpty() || stack.get(stack.size() - 1) == MARK_OBJECT) {
            throw bad("takes a value from an empty stack (malformed pickle)");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popMark() {
        if (marks.isEmpty()) {
            throw bad("has no MARK where one is needed (malformed pickle)");
        }
        int m = marks.remove(marks.size() - 1);
        List<Object> items = new ArrayList<>(stack.subList(m + 1, stack.size()));
        stack.subList(m, stack.size()).clear();
        return items;
    }

    private int u8() {
        return need(1).get() & 0xff;
    }

    /** Checks that {@code n} bytes remain and moves past them; returns the buffer positioned after them. */
    private ByteBuffer need(long n) {
        if (n < 0 || n > in.remaining()) {
            throw bad("declares " + n + " bytes at byte " + in.position() + " but only " + in.remaining()
                    + " remain (truncated or corrupt)");
        }
        // the cast is safe: n <= remaining, which is an int
        in.position(in.position() + (int) n);
        // a duplicate so that callers read the n bytes without moving the main position twice
        return in.duplicate().order(ByteOrder.LITTLE_ENDIAN).position(in.position() - (int) n);
    }

    private void skip(long n) {
        need(n);
    }

    private long long1() {
        int n = u8();
        // LONG1 may be any length; anything over 64 bits cannot be a size, stride, offset or storage length
        if (n > 8) {
            throw bad("has an integer of " + n + " bytes; a state_dict holds none beyond 64 bits");
        }
        ByteBuffer b = need(n);
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (b.get() & 0xffL) << (8 * i);
        }
        // two's complement: sign-extend from the highest byte read
        return n == 0 || n == 8 ? v : (v << (64 - 8 * n)) >> (64 - 8 * n);
    }

    private String text(long n) {
        ByteBuffer b = need(n);
        try {
            // REPORT rather than replace: a string with broken bytes is a corrupt file, not text to display
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(b.limit(b.position() + (int) n)).toString();
        } catch (CharacterCodingException e) {
            throw bad("has a string that is not UTF-8");
        }
    }

    /** A GLOBAL operand: ASCII up to a newline, at most 200 characters. */
    private String line() {
        StringBuilder s = new StringBuilder();
        while (true) {
            // real names are short ("torch._utils" / "_rebuild_tensor_v2"); the bound keeps a hostile line from growing
            if (!in.hasRemaining() || s.length() > 200) {
                throw bad("has an unterminated or overlong global name");
            }
            char c = (char) (in.get() & 0xff);
            if (c == '\n') {
                return s.toString();
            }
            s.append(c);
        }
    }

    /** Replaces the internal None marker by null, in the result only (containers keep it; callers check types). */
    private static Object unwrap(Object v) {
        return v == NONE ? null : v;
    }

    private BadInputException bad(String problem) {
        return BadInputException.inFile(file, entry + " " + problem);
    }
}
