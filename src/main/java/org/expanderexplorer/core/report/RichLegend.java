package org.expanderexplorer.core.report;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.block.AbstractBlock;
import org.jfree.chart.block.Block;
import org.jfree.chart.block.BlockContainer;
import org.jfree.chart.block.BorderArrangement;
import org.jfree.chart.block.CenterArrangement;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.LegendGraphic;
import org.jfree.chart.title.LegendItemBlockContainer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Size2D;

/**
 * A legend whose item labels are {@link RichText}: Δ_R is drawn as Δ with a subscript R. JFreeChart's own legend
 * draws {@code LegendItem.getLabel()} as plain text and ignores attributed labels, so the item block is built
 * here the same way as {@link LegendTitle#createLegendItemBlock} builds it, with a rich label block in place of
 * the plain one. The item's tool tip (the line's description) is kept, so the window can show it on hover.
 */
final class RichLegend extends LegendTitle {

    private static final long serialVersionUID = 1L;

    RichLegend(LegendItemSource source) {
        super(source);
    }

    @Override
    protected Block createLegendItemBlock(LegendItem item) {
        LegendGraphic lg = new LegendGraphic(item.getShape(), item.getFillPaint());
        lg.setFillPaintTransformer(item.getFillPaintTransformer());
        lg.setShapeFilled(item.isShapeFilled());
        lg.setLine(item.getLine());
        lg.setLineStroke(item.getLineStroke());
        lg.setLinePaint(item.getLinePaint());
        lg.setLineVisible(item.isLineVisible());
        lg.setShapeVisible(item.isShapeVisible());
        lg.setShapeOutlineVisible(item.isShapeOutlineVisible());
        lg.setOutlinePaint(item.getOutlinePaint());
        lg.setOutlineStroke(item.getOutlineStroke());
        lg.setPadding(getLegendItemGraphicPadding());
        lg.setShapeAnchor(getLegendItemGraphicAnchor());
        lg.setShapeLocation(getLegendItemGraphicLocation());
        LegendItemBlockContainer legendItem = new LegendItemBlockContainer(new BorderArrangement(),
                item.getDataset(), item.getSeriesKey());
        legendItem.add(lg, getLegendItemGraphicEdge());
        Label label = new Label(RichText.of(item.getLabel()),
                item.getLabelFont() == null ? getItemFont() : item.getLabelFont(),
                item.getLabelPaint() == null ? getItemPaint() : item.getLabelPaint());
        label.setPadding(getItemLabelPadding());
        legendItem.add(label);
        legendItem.setToolTipText(item.getToolTipText());
        BlockContainer result = new BlockContainer(new CenterArrangement());
        result.add(legendItem);
        return result;
    }

    /** A block drawing one line of rich text. */
    static final class Label extends AbstractBlock implements Block {

        private static final long serialVersionUID = 1L;
        private final RichText text;
        private final Font font;
        private final transient Paint paint;

        Label(RichText text, Font font, Paint paint) {
            this.text = text;
            this.font = font;
            this.paint = paint;
        }

        @Override
        public Size2D arrange(Graphics2D g2, RectangleConstraint constraint) {
            Rectangle2D b = text.bounds(font, g2.getFontRenderContext(), 0, 0);
            return new Size2D(calculateTotalWidth(b.getWidth()), calculateTotalHeight(b.getHeight()));
        }

        @Override
        public void draw(Graphics2D g2, Rectangle2D area) {
            draw(g2, area, null);
        }

        @Override
        public Object draw(Graphics2D g2, Rectangle2D area, Object params) {
            Rectangle2D inner = trimPadding(trimBorder(trimMargin(area)));
            Rectangle2D b = text.bounds(font, g2.getFontRenderContext(), 0, 0);
            double baseline = inner.getCenterY() - b.getCenterY();
            g2.setPaint(paint);
            text.draw(g2, font, inner.getX(), baseline);
            return null;
        }
    }
}
