package org.vipctl.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.vipctl.diagnostic.Location;

/**
 * {@link SourceDocument}s in a compact binary form, for YAML files that ship inside vipctl (the
 * built-in catalog): written at build time from what {@link YamlLoader} read, read at start-up
 * without a YAML parser. The form keeps each node's Jackson type as the loader made it and every
 * position, so a document read back equals the one written. A JSON tree alone (a schema) can be
 * written and read in the same form, without a JSON parser.
 */
public final class PreparsedDocuments {

    private static final int MAGIC = 0x56495044; // "VIPD"
    private static final int TREE_MAGIC = 0x56495054; // "VIPT"
    private static final int VERSION = 1;

    /** Makes the object, array and text nodes of a tree being read; numbers and the rest are Jackson's own. */
    public interface NodeMaker {
        ObjectNode object();

        ArrayNode array(int size);

        JsonNode text(String value);
    }

    /** Jackson's own nodes, as the YAML loader makes them. */
    public static final NodeMaker JACKSON = new NodeMaker() {
        @Override
        public ObjectNode object() {
            return new ObjectNode(JsonNodeFactory.instance);
        }

        @Override
        public ArrayNode array(int size) {
            return new ArrayNode(JsonNodeFactory.instance, size);
        }

        @Override
        public JsonNode text(String value) {
            return TextNode.valueOf(value);
        }
    };

    private PreparsedDocuments() {
    }

    /** Writes one JSON tree. */
    public static void writeTree(JsonNode tree, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
        out.writeInt(TREE_MAGIC);
        out.writeInt(VERSION);
        node(tree, out);
        out.flush();
    }

    /** The tree {@link #writeTree} wrote, its containers and text made by {@code maker}. */
    public static JsonNode readTree(InputStream stream, NodeMaker maker) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
        if (in.readInt() != TREE_MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a preparsed tree file of this version");
        }
        JsonNode tree = node(in, maker);
        if (in.read() != -1) {
            throw new IOException("content after the tree");
        }
        return tree;
    }

    /** Writes {@code docs}; every position of a document must lie in that document's file. */
    public static void write(List<SourceDocument> docs, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(docs.size());
        for (SourceDocument doc : docs) {
            out.writeUTF(doc.file());
            out.writeInt(doc.index());
            location(doc, doc.start(), out);
            node(doc.tree(), out);
            locations(doc, doc.values(), out);
            locations(doc, doc.keys(), out);
        }
        out.flush();
    }

    /** The documents {@link #write} wrote. */
    public static List<SourceDocument> read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a preparsed documents file of this version");
        }
        int count = in.readInt();
        List<SourceDocument> docs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String file = in.readUTF();
            int index = in.readInt();
            Location start = new Location(file, in.readInt(), in.readInt());
            JsonNode tree = node(in, JACKSON);
            Map<String, Location> values = locations(file, in);
            Map<String, Location> keys = locations(file, in);
            docs.add(new SourceDocument(file, index, tree, start, values, keys));
        }
        if (in.read() != -1) {
            throw new IOException("content after the last document");
        }
        return docs;
    }

    private static void location(SourceDocument doc, Location at, DataOutputStream out) throws IOException {
        if (!doc.file().equals(at.file())) {
            throw new IOException("position " + at + " lies outside its document's file " + doc.file());
        }
        out.writeInt(at.line());
        out.writeInt(at.column());
    }

    private static void locations(SourceDocument doc, Map<String, Location> m, DataOutputStream out) throws IOException {
        out.writeInt(m.size());
        for (Map.Entry<String, Location> e : m.entrySet()) {
            out.writeUTF(e.getKey());
            location(doc, e.getValue(), out);
        }
    }

    private static Map<String, Location> locations(String file, DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, Location> m = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            m.put(in.readUTF(), new Location(file, in.readInt(), in.readInt()));
        }
        return m;
    }

    private static void node(JsonNode n, DataOutputStream out) throws IOException {
        if (n instanceof ObjectNode) {
            out.writeByte('o');
            out.writeInt(n.size());
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.writeUTF(e.getKey());
                node(e.getValue(), out);
            }
        } else if (n instanceof ArrayNode) {
            out.writeByte('a');
            out.writeInt(n.size());
            for (JsonNode item : n) {
                node(item, out);
            }
        } else if (n instanceof TextNode) {
            out.writeByte('s');
            out.writeUTF(n.textValue());
        } else if (n instanceof BooleanNode) {
            out.writeByte(n.booleanValue() ? 't' : 'f');
        } else if (n instanceof NullNode) {
            out.writeByte('n');
        } else if (n instanceof IntNode) {
            out.writeByte('i');
            out.writeInt(n.intValue());
        } else if (n instanceof LongNode) {
            out.writeByte('l');
            out.writeLong(n.longValue());
        } else if (n instanceof BigIntegerNode) {
            out.writeByte('b');
            out.writeUTF(n.bigIntegerValue().toString());
        } else if (n instanceof DecimalNode) {
            out.writeByte('d');
            out.writeUTF(n.decimalValue().toString());
        } else if (n instanceof DoubleNode) {
            out.writeByte('g');
            out.writeDouble(n.doubleValue());
        } else {
            throw new IOException("cannot write a node of type " + n.getClass().getName());
        }
    }

    private static JsonNode node(DataInputStream in, NodeMaker maker) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 'o': {
                int n = in.readInt();
                ObjectNode o = maker.object();
                for (int i = 0; i < n; i++) {
                    String key = in.readUTF();
                    o.set(key, node(in, maker));
                }
                return o;
            }
            case 'a': {
                int n = in.readInt();
                ArrayNode a = maker.array(n);
                for (int i = 0; i < n; i++) {
                    a.add(node(in, maker));
                }
                return a;
            }
            case 's':
                return maker.text(in.readUTF());
            case 't':
                return BooleanNode.TRUE;
            case 'f':
                return BooleanNode.FALSE;
            case 'n':
                return NullNode.getInstance();
            case 'i':
                return IntNode.valueOf(in.readInt());
            case 'l':
                return LongNode.valueOf(in.readLong());
            case 'b':
                return BigIntegerNode.valueOf(new BigInteger(in.readUTF()));
            case 'd':
                return DecimalNode.valueOf(new BigDecimal(in.readUTF()));
            case 'g':
                return DoubleNode.valueOf(in.readDouble());
            default:
                throw new IOException("unknown node tag " + tag);
        }
    }
}
