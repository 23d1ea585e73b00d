package org.expanderexplorer.core.model;

import java.nio.ByteBuffer;

/**
 * Conversions between float and the two 16-bit float formats of model files: IEEE 754 binary16 ({@code float16},
 * NumPy {@code <f2}, safetensors {@code F16}) and bfloat16 (the upper 16 bits of a binary32; safetensors
 * {@code BF16}). Both widen to float exactly; narrowing rounds to nearest, ties to even, as PyTorch's
 * {@code .half()} and {@code .bfloat16()} do. Java 17 has no {@code Float.float16ToFloat} (added in Java 20), hence
 * these few lines.
 */
final class HalfFloats {

    private HalfFloats() {
    }

    /** The float a binary16 bit pattern stands for (exact). */
    static float halfToFloat(short bits) {
        int h = bits & 0xffff;
        // binary16: 1 sign bit, 5 exponent bits (bias 15), 10 mantissa bits
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        float v;
        if (exponent == 0) {
            v = mantissa * 0x1p-24f; // zero or subnormal
        } else if (exponent == 31) {
            v = mantissa == 0 ? Float.POSITIVE_INFINITY : Float.NaN;
        } else {
            // rebias 15 -> 127 (+112) and move the 10 mantissa bits to the top of float's 23: exact, no rounding
            v = Float.intBitsToFloat(((exponent + 112) << 23) | (mantissa << 13));
        }
        return (h & 0x8000) != 0 ? -v : v;
    }

    /** The nearest binary16 of {@code f} (ties to even; beyond 65504 infinity, as a cast in PyTorch gives). */
    static short floatToHalf(float f) {
        int sign = (Float.floatToRawIntBits(f) >>> 16) & 0x8000;
        float a = Math.abs(f);
        if (Float.isNaN(f)) {
            // a quiet NaN; the payload of a NaN weight is not kept (the loaders refuse NaN weights anyway)
            return (short) (sign | 0x7e00);
        }
        if (a >= 65520f) { // 65520 is halfway between the largest half (65504) and 2^16: it rounds up, to infinity
            return (short) (sign | 0x7c00);
        }
        if (a < 0x1p-14f) { // subnormal: a multiple of 2^-24 (1024 of them is the smallest normal, which fits)
            return (short) (sign | (int) Math.rint(a * 0x1p24));
        }
        // normal range: a = 2^e (1 + m / 1024); the scaling is exact in double, and rint rounds half to even
        int exponent = Math.getExponent(a);
        long mantissa = (long) Math.rint((Math.scalb((double) a, -exponent) - 1) * 1024);
        // rounding carried into the next power of two (e.g. 2047.9 to 2048)
        if (mantissa == 1024) {
            mantissa = 0;
            exponent++;
        }
        if (exponent > 15) {
            return (short) (sign | 0x7c00);
        }
        return (short) (sign | ((exponent + 15) << 10) | mantissa);
    }

    /** The float a bfloat16 bit pattern stands for (exact). */
    static float bfloat16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }

    /** The nearest bfloat16 of {@code f} (ties to even). */
    static short floatToBfloat16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if (Float.isNaN(f)) {
            // keep the sign and exponent, force a quiet-NaN bit so that truncation cannot turn the NaN into infinity
            return (short) ((bits >>> 16) | 0x40);
        }
        // Round to nearest even on the low 16 bits: adding 0x7fff plus the lowest kept bit carries exactly when the
        // dropped half exceeds 0x8000, or equals it and the kept part is odd; overflow to infinity comes out right.
        return (short) ((bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16);
    }

    /** Reads one element of {@code type} at the buffer's position. */
    static double get(ByteBuffer b, NpyArray.Type type) {
        return switch (type) {
            case FLOAT32 -> b.getFloat();
            case FLOAT64 -> b.getDouble();
            case FLOAT16 -> halfToFloat(b.getShort());
            case BFLOAT16 -> bfloat16ToFloat(b.getShort());
        };
    }

    /** Writes {@code v} as one element of {@code type} at the buffer's position. */
    static void put(ByteBuffer b, NpyArray.Type type, double v) {
        switch (type) {
            case FLOAT32 -> b.putFloat((float) v);
            case FLOAT64 -> b.putDouble(v);
            case FLOAT16 -> b.putShort(floatToHalf((float) v));
            case BFLOAT16 -> b.putShort(floatToBfloat16((float) v));
            default -> throw new IllegalStateException(type.toString());
        }
    }
}
