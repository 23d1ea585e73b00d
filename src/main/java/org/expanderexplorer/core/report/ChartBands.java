package org.expanderexplorer.core.report;

import java.awt.Color;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Draws a {@link FigureSpec}'s bands into a chart: each band is one dataset with JFreeChart's
 * {@link DeviationRenderer} (the area between the lower and upper bound, no line, no legend entry), in a light tint
 * of its colour. The bands get the dataset indices after the series, and since an {@link XYPlot} draws its datasets
 * from the highest index down, they lie behind every series.
 */
final class ChartBands {

    /** Opacity of a band's fill: light enough that the mean line and the other bands show through. */
    static final float ALPHA = 0.2f;

    private ChartBands() {
    }

    /**
     * Adds the bands of {@code spec} to {@code plot} from dataset index {@code firstIndex} on.
     *
     * @param rightAxis whether the plot has a right axis (index 1) for bands on {@link FigureSpec.Axis#RIGHT}
     */
    static void add(XYPlot plot, FigureSpec spec, FigureStyle style, int firstIndex, boolean rightAxis) {
        int index = firstIndex;
        for (FigureSpec.Band b : spec.bands()) {
            YIntervalSeries series = new YIntervalSeries(b.name(), false, true);
            double[] x = b.x();
            double[] lo = b.lower();
            double[] hi = b.upper();
            for (int i = 0; i < x.length; i++) {
                // a point with an undefined bound is left out: the band then joins its neighbours
                if (Double.isFinite(lo[i]) && Double.isFinite(hi[i])) {
                    series.add(x[i], (lo[i] + hi[i]) / 2, lo[i], hi[i]);
                }
            }
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            data.addSeries(series);
            DeviationRenderer r = new DeviationRenderer(false, false);
            Color c = style.series(b.colour());
            r.setSeriesFillPaint(0, c);
            r.setSeriesPaint(0, c);
            r.setAlpha(ALPHA);
            r.setSeriesVisibleInLegend(0, false);
            plot.setDataset(index, data);
            plot.setRenderer(index, r);
            plot.mapDatasetToRangeAxis(index, b.axis() == FigureSpec.Axis.RIGHT && rightAxis ? 1 : 0);
            index++;
        }
    }
}
