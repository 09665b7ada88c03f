package io.sitrep.query.api;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;

/** GEXF 1.3 and GraphML renderings of a network; the XML writer escapes every label. */
final class GraphXml {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private GraphXml() {
    }

    static String gexf(AnalysisViews.Network n) {
        return write(x -> {
            x.writeStartElement("gexf");
            x.writeDefaultNamespace("http://gexf.net/1.3");
            x.writeAttribute("version", "1.3");
            x.writeStartElement("meta");
            x.writeStartElement("creator");
            x.writeCharacters("Sitrep query-service");
            x.writeEndElement();
            x.writeStartElement("description");
            x.writeCharacters("co-occurrence by " + n.level());
            x.writeEndElement();
            x.writeEndElement();
            x.writeStartElement("graph");
            x.writeAttribute("mode", "static");
            x.writeAttribute("defaultedgetype", "undirected");
            x.writeStartElement("attributes");
            x.writeAttribute("class", "node");
            attribute(x, "type", "string");
            attribute(x, "weight", "long");
            x.writeEndElement();
            x.writeStartElement("nodes");
            for (AnalysisViews.Node node : n.nodes()) {
                x.writeStartElement("node");
                x.writeAttribute("id", Long.toString(node.id()));
                x.writeAttribute("label", clean(node.label()));
                x.writeStartElement("attvalues");
                attvalue(x, "type", node.type());
                attvalue(x, "weight", Long.toString(node.weight()));
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeStartElement("edges");
            int i = 0;
            for (AnalysisViews.Edge e : n.edges()) {
                x.writeEmptyElement("edge");
                x.writeAttribute("id", Integer.toString(i++));
                x.writeAttribute("source", Long.toString(e.source()));
                x.writeAttribute("target", Long.toString(e.target()));
                x.writeAttribute("weight", Long.toString(e.weight()));
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
        });
    }

    static String graphml(AnalysisViews.Network n) {
        return write(x -> {
            x.writeStartElement("graphml");
            x.writeDefaultNamespace("http://graphml.graphdrawing.org/xmlns");
            key(x, "label", "node", "label", "string");
            key(x, "type", "node", "type", "string");
            key(x, "weight", "node", "weight", "long");
            key(x, "edgeWeight", "edge", "weight", "long");
            x.writeStartElement("graph");
            x.writeAttribute("id", "sitrep");
            x.writeAttribute("edgedefault", "undirected");
            for (AnalysisViews.Node node : n.nodes()) {
                x.writeStartElement("node");
                x.writeAttribute("id", "n" + node.id());
                data(x, "label", node.label());
                data(x, "type", node.type());
                data(x, "weight", Long.toString(node.weight()));
                x.writeEndElement();
            }
            int i = 0;
            for (AnalysisViews.Edge e : n.edges()) {
                x.writeStartElement("edge");
                x.writeAttribute("id", "e" + i++);
                x.writeAttribute("source", "n" + e.source());
                x.writeAttribute("target", "n" + e.target());
                data(x, "edgeWeight", Long.toString(e.weight()));
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter x) throws XMLStreamException;
    }

    private static String write(Body body) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter x = FACTORY.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            body.write(x);
            x.writeEndDocument();
            x.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void attribute(XMLStreamWriter x, String id, String type) throws XMLStreamException {
        x.writeEmptyElement("attribute");
        x.writeAttribute("id", id);
        x.writeAttribute("title", id);
        x.writeAttribute("type", type);
    }

    private static void attvalue(XMLStreamWriter x, String key, String value) throws XMLStreamException {
        x.writeEmptyElement("attvalue");
        x.writeAttribute("for", key);
        x.writeAttribute("value", clean(value));
    }

    private static void key(XMLStreamWriter x, String id, String target, String name, String type)
            throws XMLStreamException {
        x.writeEmptyElement("key");
        x.writeAttribute("id", id);
        x.writeAttribute("for", target);
        x.writeAttribute("attr.name", name);
        x.writeAttribute("attr.type", type);
    }

    private static void data(XMLStreamWriter x, String key, String value) throws XMLStreamException {
        x.writeStartElement("data");
        x.writeAttribute("key", key);
        x.writeCharacters(clean(value));
        x.writeEndElement();
    }

    /** Characters XML 1.0 cannot carry at all are dropped. */
    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000).forEach(b::appendCodePoint);
        return b.toString();
    }
}
