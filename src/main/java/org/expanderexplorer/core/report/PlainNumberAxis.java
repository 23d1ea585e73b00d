package org.expanderexplorer.core.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A number axis with {@link Ticks} and at most one labelled tick per three label heights on a vertical axis.
 * JFreeChart picks the smallest step whose labels do not touch, which on a tall axis gives twenty labels 0.05
 * apart; a printed figure wants a handful.
 */
final class PlainNumberAxis extends NumberAxis {

    private static final long serialVersionUID = 1L;
    /** Room per vertical tick label, in label heights. */
    static final double SPACING = 3;

    PlainNumberAxis(String label, boolean integers) {
        super(label);
        setStandardTickUnits(new Ticks(integers));
    }

    @Override
    protected void selectVerticalAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        super.selectVerticalAutoTickUnit(g2, dataArea, edge);
        double perTick = SPACING * getTickLabelFont().getSize2D();
        int most = Math.max(2, (int) Math.floor(dataArea.getHeight() / perTick));
        TickUnit unit = getTickUnit();
        for (int i = 0; i < 30 && getRange().getLength() / unit.getSize() > most; i++) {
            unit = getStandardTickUnits().getLargerTickUnit(unit);
        }
        setTickUnit((NumberTickUnit) unit, false, false);
    }
}
