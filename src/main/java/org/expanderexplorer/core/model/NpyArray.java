package org.expanderexplorer.core.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A real array read from or written to NumPy's {@code .npy} format: a shape and the values in C (row-major)
 * order, held as doubles whatever the stored type.
 *
 * @param shape  dimensions (may be empty for a scalar); not modified, copied
 * @param values values in C order, length = product of the shape; copied
 * @param type   element type on disk
 */
public record NpyArray(int[] shape, double[] values, Type type) {

    /** Element types this application reads and writes. */
    public enum Type {
        /** IEEE binary32, {@code <f4}. */
        FLOAT32(4, "f4"),
        /** IEEE binary64, {@code <f8}. */
        FLOAT64(8, "f8"),
        /** IEEE binary16 (half precision), {@code <f2}; PyTorch's {@code float16}. */
        FLOAT16(2, "f2"),
        /** bfloat16 (the upper half of a binary32), which NumPy has no code for: written to NPZ as float32. */
        BFLOAT16(2, null);

        final int bytes;
        // the .npy descr without its byte-order character; null where NumPy has no type (bfloat16)
        final String code;

        /** Bytes per element. */
        public int bytes() {
            return bytes;
        }

        Type(int bytes, String code) {
            this.bytes = bytes;
            this.code = code;
        }
    }

    public NpyArray {
        // defensive copies: a record's arrays would otherwise be shared with the caller and the array could change
        shape = Objects.requireNonNull(shape, "shape").clone();
        values = Objects.requireNonNull(values, "values").clone();
        Objects.requireNonNull(type, "type");
        if (size(shape) != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size(shape)
                    + " values, got " + values.length);
        }
    }

    /** A 2-D array from rows of equal length (not modified). */
    public static NpyArray of(double[][] rows, Type type) {
        int r = rows.length;
        int c = r == 0 ? 0 : rows[0].length;
        double[] v = new double[r * c];
        for (int i = 0; i < r; i++) {
            System.arraycopy(rows[i], 0, v, i * c, c);
        }
        return new NpyArray(new int[] {r, c}, v, type);
    }

    /** A 1-D array (not modified). */
    public static NpyArray of(double[] vector, Type type) {
        return new NpyArray(new int[] {vector.length}, vector, type);
    }

    /** Product of the dimensions (1 for a scalar); -1 if it exceeds {@link Integer#MAX_VALUE}. */
    static long size(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n *= d;
            // checked after each factor, so the product cannot overflow a long before it is caught
            if (n > Integer.MAX_VALUE) {
                return -1;
            }
        }
        return n;
    }

    /** The same values under another shape of the same size. */
    public NpyArray reshaped(int... newShape) {
        return new NpyArray(newShape, values, type);
    }

    /** A copy of the shape. */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** A copy of the values (C order). */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The shape as {@code (3, 4)}, NumPy style. */
    public String shapeText() {
        return shapeText(shape);
    }

    /** A shape as {@code (3, 4)}, NumPy style ({@code (5,)} for one dimension). */
    public static String shapeText(int[] shape) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        // Python's one-element tuple needs the trailing comma; this text also goes into .npy headers
        return b.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** Rows of a 2-D array. */
    public double[][] toMatrix() {
        if (shape.length != 2) {
            throw new IllegalStateException("not 2-D: " + shapeText());
        }
        double[][] m = new double[shape[0]][shape[1]];
        for (int i = 0; i < shape[0]; i++) {
            System.arraycopy(values, i * shape[1], m[i], 0, shape[1]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && Arrays.equals(a.shape, shape) && Arrays.equals(a.values, values)
                && a.type == type;
    }

    @Override
    public int hashCode() {
        // the type is left out: equal values under two types are rare, and equals still tells them apart
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "NpyArray[" + shapeText() + " " + type + "]";
    }
}
