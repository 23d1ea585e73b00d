package org.expanderexplorer.core.io;

/**
 * Whether values read as float64 survive the conversion to float32 that every network in this program computes
 * in. A value such as {@code 1e300} is finite in the file but becomes {@code Infinity} as a float, and the network
 * then silently computes garbage (accuracy at chance, exported models that cannot be read back). Readers refuse
 * such values and name where they are; a sum formed while reading (PyTorch's two biases) is checked the same way.
 */
public final class Float32Range {

    private Float32Range() {
    }

    /** Whether {@code v} is finite and stays finite as a float. */
    public static boolean fits(double v) {
        return Double.isFinite(v) && Float.isFinite((float) v);
    }

    /**
     * The index of the first value that is NaN, infinite or beyond the float32 range, or -1 if there is none.
     *
     * @param values not modified
     */
    public static int firstMisfit(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!fits(values[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Why {@code v} does not fit, e.g. "1.0E300, beyond the float32 range (about 3.4e38)". */
    public static String why(double v) {
        if (!Double.isFinite(v)) {
            return v + ", which is not a finite number";
        }
        return v + ", beyond the float32 range (about ±3.4e38) the network computes in";
    }
}
