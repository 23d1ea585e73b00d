package org.expanderexplorer.core.graph;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.expanderexplorer.core.BadInputException;
import org.expanderexplorer.core.io.AtomicFiles;
import org.expanderexplorer.core.io.Json;
import org.jgrapht.Graph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.BaseExporter;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.GraphExporter;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.gexf.GEXFAttributeType;
import org.jgrapht.nio.gexf.GEXFExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.json.JSONExporter;

/**
 * Writes a {@link LabelledGraph} for other graph tools, the format chosen by the file's extension, through
 * JGraphT's exporters:
 * <ul>
 *   <li>{@code .graphml}: GraphML (yEd, Cytoscape, NetworkX {@code read_graphml}); the weight as GraphML's
 *       {@code weight} key. GraphML ids must be XML name tokens, which {@code [ ]} are not, so the id is the
 *       name with {@code [} as {@code _} and {@code ]} dropped ({@code h1_62}), and the name is the
 *       {@code label};</li>
 *   <li>{@code .gexf}: GEXF 1.2 (Gephi), with the weight as GEXF's edge weight;</li>
 *   <li>{@code .dot} or {@code .gv}: Graphviz DOT, vertices numbered and labelled with their names (DOT ids
 *       cannot hold {@code [ ]} unquoted);</li>
 *   <li>{@code .json}: NetworkX node-link JSON ({@code nx.node_link_graph(data)} in NetworkX 3.4 and later, whose
 *       edge list is called {@code edges}; {@code nx.node_link_graph(data, link="edges")} before), with
 *       {@code directed} and {@code multigraph} false.</li>
 * </ul>
 * Every format carries the vertex attributes {@code role}, {@code step}, {@code unit} (and {@code gate} where
 * there is one) and the edge attributes {@code weight} and {@code kept}; vertex ids are the window's names
 * in GEXF and JSON, and the names are labels in GraphML and DOT. Files are written atomically.
 */
public final class GraphFiles {

    /** The export formats, by extension. */
    public enum Format {
        // GraphML for yEd, Cytoscape and NetworkX; GEXF for Gephi; DOT for Graphviz; JSON as NetworkX node-link data
        GRAPHML(".graphml"), GEXF(".gexf"), DOT(".dot", ".gv"), JSON(".json");

        private final String[] extensions;

        Format(String... extensions) {
            this.extensions = extensions;
        }

        /** The extensions, with their dot, e.g. {@code .graphml}. */
        public String[] extensions() {
            return extensions.clone();
        }
    }

    private GraphFiles() {
    }

    /**
     * The format a file's extension names.
     *
     * @throws BadInputException naming the file for any other extension
     */
    public static Format formatOf(Path file) {
        Path name = Objects.requireNonNull(file, "file").getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        // a bare ".gexf" is a hidden file without a name, not a GEXF file
        return Arrays.stream(Format.values())
                .filter(f -> Arrays.stream(f.extensions).anyMatch(e -> n.endsWith(e) && n.length() > e.length()))
                .findFirst()
                .orElseThrow(() -> BadInputException.inFile(file, "unknown graph file type: use .graphml, .gexf "
                        + "(Gephi), .dot or .gv (Graphviz), or .json (NetworkX node-link)"));
    }

    /**
     * Writes {@code graph} to {@code file} in the format of its extension, atomically.
     *
     * @throws BadInputException for an unknown extension or a file that cannot be written
     */
    public static void write(LabelledGraph graph, Path file) {
        Objects.requireNonNull(graph, "graph");
        Format format = formatOf(file);
        try {
            if (format == Format.JSON) {
                byte[] json = Json.bytes(nodeLink(graph));
                AtomicFiles.write(file, out -> out.write(json));
            } else {
                GraphExporter<LabelledGraph.Vertex, LabelledGraph.Edge> exporter = exporter(graph, format);
                AtomicFiles.write(file, out -> {
                    // UTF-8 always: the XML formats declare it, and vertex names may hold non-ASCII characters
                    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    exporter.exportGraph(graph.graph(), w);
                    // flushed, not closed: AtomicFiles owns the stream and forces it to disk before the rename
                    w.flush();
                });
            }
        } catch (IOException e) {
            throw BadInputException.cannotWrite(file, e);
        }
    }

    /** {@code graph} as text in {@code format} (for tests and for a clipboard). */
    public static String toText(LabelledGraph graph, Format format) {
        if (format == Format.JSON) {
            return Json.write(nodeLink(graph));
        }
        StringWriter w = new StringWriter();
        exporter(graph, format).exportGraph(graph.graph(), w);
        return w.toString();
    }

    private static GraphExporter<LabelledGraph.Vertex, LabelledGraph.Edge> exporter(LabelledGraph graph,
                                                                                    Format format) {
        Graph<LabelledGraph.Vertex, LabelledGraph.Edge> g = graph.graph();
        return switch (format) {
            case GRAPHML -> {
                GraphMLExporter<LabelledGraph.Vertex, LabelledGraph.Edge> e =
                        // GraphML ids must be XML name tokens, so the bracketed vertex names are rewritten; the full
                        // name goes to label
                        new GraphMLExporter<>(v -> xmlId(v.name()));
                e.setExportEdgeWeights(true);
                for (String key : new String[] {"label", "role", "gate"}) {
                    e.registerAttribute(key, GraphMLExporter.AttributeCategory.NODE, AttributeType.STRING);
                }
                for (String key : new String[] {"step", "unit"}) {
                    e.registerAttribute(key, GraphMLExporter.AttributeCategory.NODE, AttributeType.INT);
                }
                e.registerAttribute("kept", GraphMLExporter.AttributeCategory.EDGE, AttributeType.BOOLEAN);
                e.registerAttribute("title", GraphMLExporter.AttributeCategory.GRAPH, AttributeType.STRING);
                attributes(e, graph, true, false);
                yield e;
            }
            case GEXF -> {
                GEXFExporter<LabelledGraph.Vertex, LabelledGraph.Edge> e =
                        new GEXFExporter<>(LabelledGraph.Vertex::name, new EdgeIds(g)::id);
                e.setParameter(GEXFExporter.Parameter.EXPORT_EDGE_WEIGHTS, true);
                for (String key : new String[] {"role", "gate"}) {
                    e.registerAttribute(key, GEXFExporter.AttributeCategory.NODE, GEXFAttributeType.STRING);
                }
                for (String key : new String[] {"step", "unit"}) {
                    e.registerAttribute(key, GEXFExporter.AttributeCategory.NODE, GEXFAttributeType.INTEGER);
                }
                e.registerAttribute("kept", GEXFExporter.AttributeCategory.EDGE, GEXFAttributeType.BOOLEAN);
                attributes(e, graph, false, false);
                yield e;
            }
            case DOT -> {
                // DOT ids are plain numbers, which need no quoting; the readable name travels as the label attribute
                VertexNumbers numbers = new VertexNumbers(g);
                DOTExporter<LabelledGraph.Vertex, LabelledGraph.Edge> e = new DOTExporter<>(numbers::id);
                attributes(e, graph, true, true);
                yield e;
            }
            case JSON -> throw new IllegalStateException("node-link JSON is written by nodeLink");
        };
    }

    /**
     * The vertex and edge attributes every format carries.
     *
     * @param label  write the name as the {@code label} (where the id cannot be the name)
     * @param isDot  DOT: graph attributes need quoting, and the weight is an attribute like any other
     */
    private static void attributes(BaseExporter<LabelledGraph.Vertex, LabelledGraph.Edge> e, LabelledGraph graph,
                                   boolean label, boolean isDot) {
        Graph<LabelledGraph.Vertex, LabelledGraph.Edge> g = graph.graph();
        // DOT writes graph attributes unquoted, so the title is quoted here (and shown by Graphviz as the label)
        e.setGraphAttributeProvider(() -> isDot
                ? Map.of("label", DefaultAttribute.createAttribute("\"" + graph.title().replace("\"", "'") + "\""))
                : Map.of("title", DefaultAttribute.createAttribute(graph.title())));
        e.setVertexAttributeProvider(v -> vertexAttributes(v, label));
        e.setEdgeAttributeProvider(x -> {
            Map<String, Attribute> m = new LinkedHashMap<>();
            if (isDot) {
                // DOT has no separate weight channel: write it as an attribute (GraphML and GEXF have their own)
                m.put("weight", DefaultAttribute.createAttribute(g.getEdgeWeight(x)));
            }
            m.put("kept", DefaultAttribute.createAttribute(x.kept()));
            return m;
        });
    }

    private static Map<String, Attribute> vertexAttributes(LabelledGraph.Vertex v, boolean label) {
        Map<String, Attribute> m = new LinkedHashMap<>();
        if (label) {
            m.put("label", DefaultAttribute.createAttribute(v.name()));
        }
        m.put("role", DefaultAttribute.createAttribute(v.role()));
        m.put("step", DefaultAttribute.createAttribute(v.step()));
        m.put("unit", DefaultAttribute.createAttribute(v.unit()));
        if (v.gate() != null) {
            m.put("gate", DefaultAttribute.createAttribute(v.gate()));
        }
        return m;
    }

    /**
     * NetworkX's node-link layout. JGraphT's {@link JSONExporter} writes the nodes and the edges (under
     * {@code edges}, NetworkX's name since 3.4); NetworkX also reads {@code directed} and {@code multigraph}, which
     * it otherwise assumes to be false and <em>true</em>, so they are put in front of JGraphT's output.
     */
    private static ObjectNode nodeLink(LabelledGraph graph) {
        // Written through our JSON writer rather than JGraphT's own text, so that the file has the same layout as
        // every other JSON output (indented, stable key order) and can be compared across versions.
        JSONExporter<LabelledGraph.Vertex, LabelledGraph.Edge> e = new JSONExporter<>(LabelledGraph.Vertex::name);
        e.setVertexAttributeProvider(v -> vertexAttributes(v, false));
        Graph<LabelledGraph.Vertex, LabelledGraph.Edge> g = graph.graph();
        e.setEdgeAttributeProvider(x -> {
            Map<String, Attribute> m = new LinkedHashMap<>();
            m.put("weight", DefaultAttribute.createAttribute(g.getEdgeWeight(x)));
            m.put("kept", DefaultAttribute.createAttribute(x.kept()));
            return m;
        });
        StringWriter text = new StringWriter();
        e.exportGraph(g, text);
        ObjectNode out = Json.tree(Map.of());
        // the keys networkx.node_link_graph reads besides nodes and links: an undirected simple graph
        out.put("directed", false);
        out.put("multigraph", false);
        out.putObject("graph").put("title", graph.title());
        try {
            out.setAll((ObjectNode) Json.readTree(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException ex) {
            throw new IllegalStateException("JGraphT wrote JSON that does not parse", ex);
        }
        return out;
    }

    /** A name as an XML name token (GraphML ids): {@code h1[62].f} becomes {@code h1_62.f}. */
    static String xmlId(String name) {
        return name.replace('[', '_').replace("]", "");
    }

    /** Dense vertex numbers in the graph's vertex order, for DOT. */
    private static final class VertexNumbers {
        private final Map<LabelledGraph.Vertex, Integer> ids = new java.util.HashMap<>();

        VertexNumbers(Graph<LabelledGraph.Vertex, ?> g) {
            for (LabelledGraph.Vertex v : g.vertexSet()) {
                ids.put(v, ids.size());
            }
        }

        String id(LabelledGraph.Vertex v) {
            return Integer.toString(ids.get(v));
        }
    }

    /** Edge ids {@code e0, e1, ...} in the graph's edge order (GEXF needs edge ids). */
    private static final class EdgeIds {
        private final Map<LabelledGraph.Edge, Integer> ids = new java.util.IdentityHashMap<>();

        EdgeIds(Graph<?, LabelledGraph.Edge> g) {
            for (LabelledGraph.Edge e : g.edgeSet()) {
                ids.put(e, ids.size());
            }
        }

        String id(LabelledGraph.Edge e) {
            return "e" + ids.get(e);
        }
    }
}
