package org.expanderexplorer.core.sweep;

import java.util.List;
import java.util.Objects;

/**
 * The first zero crossing of a gap curve going down in q (science.md, section 5): a layer "is Ramanujan" while
 * its gap is &gt; 0; the crossing is the first grid point, from q = 100 % down, where it is not (gap &lt;= 0, or
 * undefined: an undefined gap means the layer has collapsed, e.g. mu_0 &lt; 1 for Delta_S).
 *
 * @param gridQ        the grid q at which the gap is first not positive
 * @param interpolated the q where the straight line between that point and the previous one meets zero, or null
 *                     when there is no previous point or either gap is undefined
 * @param lastPositiveQ the grid point before the crossing (the stopping rule's recommended q), or null if the
 *                     gap was never positive
 */
public record ZeroCrossing(double gridQ, Double interpolated, Double lastPositiveQ) {

    /**
     * Finds the first crossing.
     *
     * @param q    grid, strictly decreasing (as a sweep visits it)
     * @param gaps gap at each grid point, null where undefined
     * @return the crossing, or null when the gap stays positive over the whole grid
     */
    public static ZeroCrossing first(List<Double> q, List<Double> gaps) {
        Objects.requireNonNull(q, "q");
        Objects.requireNonNull(gaps, "gaps");
        if (q.size() != gaps.size()) {
            throw new IllegalArgumentException(q.size() + " grid points but " + gaps.size() + " gaps");
        }
        for (int i = 0; i < q.size(); i++) {
            if (i > 0 && !(q.get(i) < q.get(i - 1))) {
                throw new IllegalArgumentException("the grid must decrease strictly");
            }
            Double g = gaps.get(i);
            if (g == null || !(g > 0)) {
                if (i == 0) {
                    return new ZeroCrossing(q.get(0), null, null);
                }
                Double prev = gaps.get(i - 1);
                Double interp = null;
                if (g != null && prev != null) {
                    double q0 = q.get(i - 1);
                    double q1 = q.get(i);
                    interp = q0 + (q1 - q0) * prev / (prev - g);
                }
                return new ZeroCrossing(q.get(i), interp, q.get(i - 1));
            }
        }
        return null;
    }
}
