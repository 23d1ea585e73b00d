package org.expanderexplorer.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.expanderexplorer.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Figures at a printed size (PNG with its resolution, SVG in points), the CSV header block and wide layout. */
class FigureExportTest {

    @TempDir
    Path dir;

    @Test
    void sizesParseFromPresetsAndUnits() {
        FigureSize one = FigureSize.parse("one-column", null);
        assertThat(one).isEqualTo(FigureSize.ONE_COLUMN);
        // 8.5 cm at 600 dpi: 8.5 / 2.54 * 600 = 2007.9 pixels; 241 points
        assertThat(one.pixelWidth()).isEqualTo(2008);
        assertThat(one.widthPoints()).isCloseTo(240.94, within(0.01));
        assertThat(one.textScale()).isEqualTo(FigureSize.PRINT_SCALE);
        assertThat(FigureSize.parse("two-column", 300).pixelWidth()).isEqualTo(2102);
        FigureSize slide = FigureSize.parse("slide", null);
        assertThat(slide.pixelWidth()).isEqualTo(1920);
        assertThat(slide.pixelHeight()).isEqualTo(1080);
        // a slide is wider than a page: its text grows with its width
        assertThat(slide.textScale()).isCloseTo(0.8 * 960 / (17.8 / 2.54 * 72), within(0.01));
        assertThat(FigureSize.parse("120x80mm", null)).isEqualTo(new FigureSize(12, 8, FigureSize.Unit.CM, 300));
        assertThat(FigureSize.parse("3.5 x 2.5 in", 150).pixelWidth()).isEqualTo(525);
        assertThat(FigureSize.parse("1600x900px", 200).pixelWidth()).isEqualTo(1600);
        assertThat(FigureSize.parse("1600x900px", 200).pixelHeight()).isEqualTo(900);
        assertThat(FigureSize.ONE_COLUMN).hasToString("8.5x6.4cm at 600 dpi");
        assertThatThrownBy(() -> FigureSize.parse("wide", null)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("'wide' is not a figure size");
        assertThatThrownBy(() -> FigureSize.parse("1x1cm", null)).hasMessageContaining("out of range");
        assertThatThrownBy(() -> FigureSize.parse("50x40cm", 1200)).hasMessageContaining("pixels a side");
        assertThatThrownBy(() -> FigureSize.parse("one-column", 2400)).hasMessageContaining("dpi is out of range");
    }

    @Test
    void pngHasThePrintedPixelSizeAndRecordsItsResolution() throws Exception {
        Path png = dir.resolve("f.png");
        FigureFiles.write(png, ChartsTest.sample(), FigureStyle.LIGHT, FigureSize.ONE_COLUMN.withDpi(300));
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1004);   // 8.5 cm at 300 dpi
        assertThat(img.getHeight()).isEqualTo(756);   // 6.4 cm
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(Files.readAllBytes(png)))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            IIOMetadata meta = reader.getImageMetadata(0);
            NodeList phys = ((Element) meta.getAsTree("javax_imageio_png_1.0")).getElementsByTagName("pHYs");
            Element p = (Element) phys.item(0);
            assertThat(p.getAttribute("unitSpecifier")).isEqualTo("meter");
            // 300 dpi = 11811 pixels per metre
            assertThat(p.getAttribute("pixelsPerUnitXAxis")).isEqualTo("11811");
        }
    }

    @Test
    void svgIsInPointsWithTheTextAtItsPrintSize() throws Exception {
        Path svg = dir.resolve("f.svg");
        FigureFiles.write(svg, ChartsTest.sample(), FigureStyle.LIGHT, FigureSize.TWO_COLUMN);
        String text = Files.readString(svg);
        assertThat(text).startsWith("<?xml").contains("width='504.57pt'").contains("height='252.28pt'")
                .contains("viewBox='0.0 0.0 504.57 252.28'").endsWith("</svg>\n");
        // print text: ticks 8 pt, labels 10 pt, the title 11 pt (0.8 of the screen's 10.5, 12, 14)
        assertThat(text).contains("font-size: 8px").contains("font-size: 10px").contains("font-size: 11px")
                .doesNotContain("font-size: 12px");
        assertThatThrownBy(() -> FigureFiles.write(dir.resolve("f.csv"), ChartsTest.sample(), FigureStyle.LIGHT,
                FigureSize.ONE_COLUMN)).isInstanceOf(BadInputException.class);
    }

    static Map<String, Object> header() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("model", "smnist-lstm128.zip");
        h.put("data set", "mnist-test");
        h.put("graph", "ih");
        h.put("representation", "unweighted");
        h.put("method", "magnitude");
        h.put("q", 35.0);
        h.put("seed", 1);
        h.put("accuracy", null);
        return h;
    }

    @Test
    void longCsvHasTheHeaderBlockThenTheUnchangedTable() {
        FigureSpec spec = ChartsTest.sample();
        String csv = FigureCsv.of(spec, header(), FigureCsv.Layout.LONG);
        List<String> lines = csv.lines().toList();
        assertThat(lines.subList(0, 9)).containsExactly("# figure: smnist-lstm128, ih, unweighted",
                "# model: smnist-lstm128.zip", "# data set: mnist-test", "# graph: ih", "# representation: unweighted",
                "# method: magnitude", "# q: 35.0", "# seed: 1", "# version: Expander Explorer development");
        // the table is exactly the figure's CSV: the numbers do not change
        assertThat(csv).endsWith(spec.toCsv());
        assertThat(csv).doesNotContain("accuracy: ").doesNotStartWith(FigureCsv.BOM);
    }

    @Test
    void wideCsvHasOneRowPerXAndOneColumnPerSeries() {
        String csv = FigureCsv.of(ChartsTest.sample(), header(), FigureCsv.Layout.WIDE);
        assertThat(csv).startsWith(FigureCsv.BOM + "# figure: ");
        List<String> lines = csv.substring(1).lines().toList();
        assertThat(lines).contains("# line: gap = 0 at y = 0 (right axis)", "# line: Δ_R = 0 at q = 14.0 % at x = 14");
        List<String> table = lines.stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(table.get(0)).isEqualTo("edges kept q (%),accuracy [left axis],Δ_S [right axis],Δ_R [right axis]");
        assertThat(table).hasSize(1 + 12);
        assertThat(table.get(1)).isEqualTo("100,98.6,20.1,16.5");
        // undefined Δ_S at q = 10.7 and 8.6: empty cells
        assertThat(table.get(11)).isEqualTo("10.7,80.3,,-0.9");
    }

    @Test
    void wideCsvJoinsSeriesOnDifferentXValues() {
        FigureSpec spec = FigureSpec.builder("t").axes("i", "y", null)
                .series("a", new double[] {1, 2, 3}, new double[] {3, 2, 1}, FigureSpec.Axis.LEFT,
                        FigureSpec.Look.LINE, 0, false)
                .series("b, point", new double[] {2}, new double[] {5}, FigureSpec.Axis.LEFT,
                        FigureSpec.Look.POINTS, 1, false)
                .build();
        List<String> table = FigureCsv.wide(spec).lines().toList();
        assertThat(table).containsExactly("i,a,\"b, point\"", "1,3,", "2,2,5", "3,1,");
    }

    @Test
    void sweepCsvWithAHeaderBlockOrAByteOrderMarkStillReads() throws Exception {
        // the columns every version wrote (a first-version file)
        String table = "q,graph,weighted,accuracy,deltaS,deltaR,mu0,muHat,fiedler,cheegerLower,cheegerUpper,edges,"
                + "isolatedLeft,isolatedRight\n100,ih,false,0.9,1.5,1.2,3,2,0.5,0.1,0.3,96,0,0\n";
        Path old = dir.resolve("old.csv");
        Files.writeString(old, table, StandardCharsets.UTF_8);
        Path annotated = dir.resolve("annotated.csv");
        Files.writeString(annotated, FigureCsv.BOM + "# model: digits8-rnn12.zip\n# seed: 1\n\n" + table
                + "# a note at the end\n", StandardCharsets.UTF_8);
        SweepTable a = SweepTable.read(old);
        assertThat(SweepTable.read(annotated)).isEqualTo(a);
        assertThat(a.rows()).hasSize(1);
        assertThat(a.rows().get(0).deltaR()).isEqualTo(1.2);
        // a broken row is still reported at its line in the file
        Files.writeString(annotated, "# header\n" + table + "100,ih,false\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SweepTable.read(annotated)).hasMessageContaining("line 4");
    }
}
