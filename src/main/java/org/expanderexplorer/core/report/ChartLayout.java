package org.expanderexplorer.core.report;

import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;

/**
 * Where the parts of a drawn figure land ({@link Charts#layout}), in logical pixels.
 *
 * @param dataArea   the plot's data area
 * @param tickLabels the labelled ticks of each axis ("x", "left", "right"), in axis order
 * @param labelBoxes the boxes of the reference-line labels drawn on the plot
 * @param pointBoxes the boxes of the drawn data points (dots, bar tops)
 * @param legend     the legend entries' texts (in the figures' underscore notation)
 */
public record ChartLayout(Rectangle2D dataArea, Map<String, List<String>> tickLabels, List<Rectangle2D> labelBoxes,
                          List<Rectangle2D> pointBoxes, List<String> legend) {
    public ChartLayout {
        tickLabels = Map.copyOf(tickLabels);
        labelBoxes = List.copyOf(labelBoxes);
        pointBoxes = List.copyOf(pointBoxes);
        legend = List.copyOf(legend);
    }
}
