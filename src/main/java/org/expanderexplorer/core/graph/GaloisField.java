package org.expanderexplorer.core.graph;

import java.util.Arrays;

/**
 * The finite field GF(q) for a prime power q = p^k, as addition and multiplication tables over the elements
 * 0 .. q-1, for building projective planes ({@link TeachingGraphs#projectivePlane}).
 *
 * <p>Representation: element a stands for the polynomial a_0 + a_1 x + ... + a_{k-1} x^{k-1} over GF(p) whose
 * coefficients are a's base-p digits (a = a_0 + a_1 p + ...). Addition is digit-wise modulo p; multiplication is the
 * polynomial product reduced modulo a fixed monic irreducible polynomial f of degree k: the first one in the order
 * of their coefficient vectors read as base-p numbers (x^2 + x + 1 for GF(4), x^3 + x + 1 for GF(8), x^2 + 1 for
 * GF(9)), found by trial division by every monic polynomial of degree 1 .. k/2. For k = 1 this is arithmetic
 * modulo p. Any irreducible f gives an isomorphic field, so the planes built on it are the same up to relabelling.
 *
 * <p>Why by hand: no library on the class path offers GF(p^k) (Apache Commons Math has no finite fields), and the
 * fields needed here have at most 113 elements. Cost: O(q^2 k^2) to fill the tables once, O(1) per operation.
 */
public final class GaloisField {

    private final int p;
    private final int k;
    private final int q;
    // f's coefficients, constant term first; {0, 1} (f = x) for a prime field, where reducing mod x mod p
    // leaves exactly the constant a * b mod p
    private final int[] modulus;
    // Full tables rather than arithmetic per call: the projective plane takes a dot product of every point
    // with every line, O(q^4) field operations, and a lookup is cheaper than a reduced polynomial product.
    private final int[][] add;
    private final int[][] mul;

    /**
     * @param q a prime power, 2 .. 46,340 (the tables take 8 q^2 bytes; callers keep q small)
     * @throws IllegalArgumentException if q is not a prime power
     */
    public GaloisField(int q) {
        int[] pk = primePower(q);
        if (pk == null) {
            throw new IllegalArgumentException(q + " is not a prime power");
        }
        this.p = pk[0];
        this.k = pk[1];
        this.q = q;
        this.modulus = k == 1 ? new int[] {0, 1} : firstIrreducible(p, k);
        this.add = new int[q][q];
        this.mul = new int[q][q];
        for (int a = 0; a < q; a++) {
            for (int b = 0; b < q; b++) {
                add[a][b] = encode(addPoly(decode(a), decode(b)));
                mul[a][b] = encode(mulPoly(decode(a), decode(b)));
            }
        }
    }

    /** {p, k} with q = p^k, or null when q is not a prime power (or is below 2). */
    public static int[] primePower(int q) {
        if (q < 2) {
            return null;
        }
        // The smallest factor f of q is prime; q is a prime power exactly when dividing out all f's leaves 1.
        // Trial division up to sqrt(q) suffices: if no f divides q there, q itself is prime (k = 1).
        for (int f = 2; (long) f * f <= q; f++) {
            if (q % f == 0) {
                int m = q;
                int k = 0;
                while (m % f == 0) {
                    m /= f;
                    k++;
                }
                return m == 1 ? new int[] {f, k} : null;
            }
        }
        return new int[] {q, 1};
    }

    /** The order q. */
    public int order() {
        return q;
    }

    /** The characteristic p. */
    public int characteristic() {
        return p;
    }

    /** The reducing polynomial's coefficients, constant term first (length k + 1, leading 1). */
    public int[] modulus() {
        return modulus.clone();
    }

    public int add(int a, int b) {
        return add[a][b];
    }

    public int multiply(int a, int b) {
        return mul[a][b];
    }

    private int[] decode(int a) {
        int[] c = new int[k];
        for (int i = 0; i < k; i++) {
            // base-p digits, least significant first: digit i is the coefficient of x^i
            c[i] = a % p;
            a /= p;
        }
        return c;
    }

    private int encode(int[] c) {
        int a = 0;
        for (int i = k - 1; i >= 0; i--) {
            a = a * p + c[i];
        }
        return a;
    }

    private int[] addPoly(int[] a, int[] b) {
        int[] c = new int[k];
        for (int i = 0; i < k; i++) {
            // coefficients add in GF(p); no reduction is needed since the degree does not grow
            c[i] = (a[i] + b[i]) % p;
        }
        return c;
    }

    /** a b mod f, with a and b of degree below k. */
    private int[] mulPoly(int[] a, int[] b) {
        // the schoolbook product has degree at most 2k - 2; each partial sum is kept below p, so a[i] * b[j] < p^2
        // cannot overflow an int for any q the tables could hold
        int[] prod = new int[2 * k - 1];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                prod[i + j] = (prod[i + j] + a[i] * b[j]) % p;
            }
        }
        return Arrays.copyOf(remainder(prod, modulus, p), k);
    }

    /** The remainder of a modulo the monic polynomial f over GF(p) (coefficients constant term first). */
    static int[] remainder(int[] a, int[] f, int p) {
        int[] r = a.clone();
        int df = f.length - 1;
        // Long division from the top degree down: because f is monic, subtracting c x^(i-df) f cancels the
        // coefficient of x^i exactly, with no inverse needed in GF(p).
        for (int i = r.length - 1; i >= df; i--) {
            int c = r[i];
            if (c != 0) {
                for (int j = 0; j <= df; j++) {
                    r[i - df + j] = Math.floorMod(r[i - df + j] - c * f[j], p);
                }
            }
        }
        // the remainder has degree below df; at least one coefficient so that a constant is still an array
        return Arrays.copyOf(r, Math.max(df, 1));
    }

    /** The first monic irreducible polynomial of degree k over GF(p), by trial division. */
    static int[] firstIrreducible(int p, int k) {
        int count = (int) Math.pow(p, k);
        // low enumerates the k lower coefficients as a base-p number, which fixes "first" deterministically
        // (so the same q always gives the same tables, and the same plane labels)
        for (int low = 0; low < count; low++) {
            int[] f = monic(low, p, k);
            if (irreducible(f, p)) {
                return f;
            }
        }
        // unreachable: over every GF(p) there are irreducible polynomials of every degree (Gauss's counting formula)
        throw new IllegalStateException("no irreducible polynomial of degree " + k + " over GF(" + p + ")");
    }

    private static int[] monic(int low, int p, int k) {
        int[] f = new int[k + 1];
        for (int i = 0; i < k; i++) {
            f[i] = low % p;
            low /= p;
        }
        f[k] = 1;
        return f;
    }

    private static boolean irreducible(int[] f, int p) {
        int k = f.length - 1;
        // A reducible f of degree k has a factor of degree at most k/2, and it can be taken monic (divide by its
        // leading coefficient), so testing monic divisors of degree 1 .. k/2 is complete.
        for (int d = 1; d <= k / 2; d++) {
            int count = (int) Math.pow(p, d);
            for (int low = 0; low < count; low++) {
                int[] g = monic(low, p, d);
                int[] r = remainder(f, g, p);
                boolean zero = true;
                for (int c : r) {
                    zero &= c == 0;
                }
                if (zero) {
                    return false;
                }
            }
        }
        return true;
    }
}
