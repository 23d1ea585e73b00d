package org.expanderexplorer.core.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A base-10 logarithmic x axis labelled with plain values at 1, 2 and 5 times each power of ten (1, 2, 5, 10, 20,
 * 50, 100 for q in percent), as the slider's log mode shows q. JFreeChart's {@link LogAxis} labels powers of ten
 * as "10^n", which reads as the exponent rather than as q. When the 2s and 5s would not fit beside each other they
 * become unlabelled minor ticks and only the powers of ten keep a label.
 */
final class PlainLogAxis extends LogAxis {

    private static final long serialVersionUID = 1L;

    PlainLogAxis(String label) {
        super(label);
        setBase(10);
        setSmallestValue(1e-6);
        setMinorTickMarksVisible(true);
    }

    @Override
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        double lo = getLowerBound();
        double hi = getUpperBound();
        List<double[]> candidates = new ArrayList<>(); // value, exponent, mantissa
        for (int k = (int) Math.floor(Math.log10(lo)); k <= (int) Math.ceil(Math.log10(hi)); k++) {
            for (int m : new int[] {1, 2, 5}) {
                double v = m * Math.pow(10, k);
                if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) {
                    candidates.add(new double[] {v, k, m});
                }
            }
        }
        // the 2s and 5s are labelled only when every label keeps a label's width of room to the next
        g2.setFont(getTickLabelFont());
        double widest = 0;
        for (double[] c : candidates) {
            widest = Math.max(widest, g2.getFontMetrics().stringWidth(Ticks.label(c[0], Math.min(0, (int) c[1]))));
        }
        boolean allFit = true;
        for (int i = 1; i < candidates.size(); i++) {
            double gap = Math.abs(valueToJava2D(candidates.get(i)[0], dataArea, edge)
                    - valueToJava2D(candidates.get(i - 1)[0], dataArea, edge));
            allFit &= gap > widest * 1.3;
        }
        List<NumberTick> ticks = new ArrayList<>();
        for (double[] c : candidates) {
            boolean labelled = allFit || c[2] == 1;
            String text = labelled ? Ticks.label(c[0], Math.min(0, (int) c[1])) : "";
            ticks.add(new NumberTick(labelled ? TickType.MAJOR : TickType.MINOR, c[0], text, TextAnchor.TOP_CENTER,
                    TextAnchor.CENTER, 0.0));
        }
        return ticks;
    }
}
