package org.expanderexplorer.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testfx.framework.junit5.ApplicationExtension;

/** Java2D images reach JavaFX with the same pixels, whatever their Java2D type. */
@ExtendWith(ApplicationExtension.class)
@ResourceLock("javafx-toolkit")
class FxImagesTest {

    private static final int[] ARGB = {0xffff0000, 0x800000ff, 0x00000000, 0xff123456, 0xc0a0b0c0, 0xffffffff};

    @Test
    void everyJava2dTypeKeepsItsPixels() {
        for (int type : new int[] {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_ARGB_PRE,
            BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB}) {
            BufferedImage img = new BufferedImage(3, 2, type);
            for (int k = 0; k < ARGB.length; k++) {
                img.setRGB(k % 3, k / 3, ARGB[k]);
            }
            Image fx = FxImages.of(img);
            assertThat(fx.getWidth()).isEqualTo(3);
            assertThat(fx.getHeight()).isEqualTo(2);
            PixelReader r = fx.getPixelReader();
            for (int k = 0; k < ARGB.length; k++) {
                int expected = img.getRGB(k % 3, k / 3); // what Java2D itself reads back (RGB drops alpha)
                int actual = r.getArgb(k % 3, k / 3);
                assertThat(channelDistance(expected, actual)).as("type %d pixel %d: %08x vs %08x", type, k,
                        expected, actual).isLessThanOrEqualTo(2);
            }
        }
    }

    /** Largest difference of one channel, for the rounding of premultiplied storage. */
    private static int channelDistance(int a, int b) {
        int worst = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            int ca = a >>> shift & 0xff;
            int cb = b >>> shift & 0xff;
            if (shift < 24 && (a >>> 24) == 0 && (b >>> 24) == 0) {
                continue; // a fully transparent pixel has no colour
            }
            worst = Math.max(worst, Math.abs(ca - cb));
        }
        return worst;
    }
}
