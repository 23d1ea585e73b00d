package org.expanderexplorer.core.drawing;

import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * Paints a {@link MatrixView.Result} one pixel per cell (the window scales it up without smoothing): each cell the
 * mix of its entries' colours, so a block of 4 x 8 entries of which half are kept is half the kept colour. Kept
 * entries are blue, pruned ones light orange, pruned ones of an isolated row or column dark red, zeros of the dense
 * matrix the background: blue and orange stay apart for the common colour-vision deficiencies, and the dark red
 * differs from the orange in lightness as well as hue.
 */
public final class MatrixRenderer {

    /** Colours of {@link MatrixView#KEPT}, {@link MatrixView#PRUNED}, {@link MatrixView#ISOLATED}. */
    public static final Color KEPT = new Color(0x2166ac);
    public static final Color PRUNED = new Color(0xf4a582);
    public static final Color ISOLATED = new Color(0xb2182b);

    private MatrixRenderer() {
    }

    /** The background (empty cells) of the light or the dark theme. */
    public static Color background(boolean dark) {
        return dark ? new Color(0x23252b) : Color.WHITE;
    }

    /** One pixel per cell, {@code cellCols} wide and {@code cellRows} high. */
    public static BufferedImage render(MatrixView.Result m, boolean dark) {
        BufferedImage img = new BufferedImage(Math.max(1, m.cellCols()), Math.max(1, m.cellRows()),
                BufferedImage.TYPE_INT_RGB);
        Color[] colours = {background(dark), KEPT, PRUNED, ISOLATED};
        int[] counts = m.counts();
        for (int r = 0; r < m.cellRows(); r++) {
            for (int c = 0; c < m.cellCols(); c++) {
                int at = (r * m.cellCols() + c) * 4;
                double red = 0;
                double green = 0;
                double blue = 0;
                int n = 0;
                for (int k = 0; k < 4; k++) {
                    int w = counts[at + k];
                    red += w * colours[k].getRed();
                    green += w * colours[k].getGreen();
                    blue += w * colours[k].getBlue();
                    n += w;
                }
                if (n == 0) {
                    img.setRGB(c, r, colours[0].getRGB());
                    continue;
                }
                int rgb = ((int) Math.round(red / n) << 16) | ((int) Math.round(green / n) << 8)
                        | (int) Math.round(blue / n);
                img.setRGB(c, r, rgb);
            }
        }
        return img;
    }
}
