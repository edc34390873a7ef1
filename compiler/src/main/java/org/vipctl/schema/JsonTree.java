package org.vipctl.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import org.vipctl.load.PreparsedDocuments;

/**
 * Reads the policy schema into a Jackson tree with the streaming parser alone. The schema validator
 * prints schema nodes with {@code JsonNode.toString()}: every string {@code enum} value while it
 * compiles the schema, and the subschema of a {@code contains} in the message of every check that
 * fails (also inside a {@code not}, where the failure is what the schema wants, so in valid runs).
 * Jackson's default {@code toString()} initialises a whole {@code ObjectMapper}, whose date format
 * loads the JDK's locale data: about a fifth of a validate run's CPU time. The text, object and
 * array nodes of this tree print themselves instead, as Jackson would.
 */
final class JsonTree {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTree() {
    }

    /** The nodes of this tree for a tree read in the preparsed form: they print themselves. */
    static final PreparsedDocuments.NodeMaker PRINTED = new PreparsedDocuments.NodeMaker() {
        @Override
        public ObjectNode object() {
            return new PrintedObject(JsonNodeFactory.instance);
        }

        @Override
        public ArrayNode array(int size) {
            return new PrintedArray(JsonNodeFactory.instance);
        }

        @Override
        public JsonNode text(String value) {
            return new QuotedText(value);
        }
    };

    /** The schema resource {@code resource} (a path in the jar), read from its JSON. */
    static JsonNode read(String resource) {
        try (InputStream in = JsonTree.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema missing from the jar: " + resource);
            }
            return read(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the schema " + resource, e);
        }
    }

    static JsonNode read(InputStream in) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            p.nextToken();
            JsonNode tree = value(p);
            if (p.nextToken() != null) {
                throw new IOException("content after the JSON value at " + p.currentLocation());
            }
            return tree;
        }
    }

    private static JsonNode value(JsonParser p) throws IOException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new IOException("unexpected end of JSON");
        }
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = new PrintedObject(f);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, value(p));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = new PrintedArray(f);
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(value(p));
                }
                return a;
            }
            case VALUE_STRING:
                return new QuotedText(p.getText());
            case VALUE_NUMBER_INT:
                // the node types Jackson's own tree reader makes, so both trees are equal
                switch (p.getNumberType()) {
                    case INT:
                        return f.numberNode(p.getIntValue());
                    case LONG:
                        return f.numberNode(p.getLongValue());
                    default:
                        return f.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return f.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return f.booleanNode(true);
            case VALUE_FALSE:
                return f.booleanNode(false);
            case VALUE_NULL:
                return f.nullNode();
            default:
                throw new IOException("unexpected " + t + " at " + p.currentLocation());
        }
    }

    /** {@code node} as compact JSON, the text Jackson's {@code toString()} gives, written by the streaming generator. */
    static String print(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(node, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonNode n, JsonGenerator g) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    g.writeFieldName(e.getKey());
                    write(e.getValue(), g);
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray();
                for (JsonNode item : n) {
                    write(item, g);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(n.textValue());
            case BOOLEAN -> g.writeBoolean(n.booleanValue());
            case NULL -> g.writeNull();
            case NUMBER -> {
                switch (n.numberType()) {
                    case INT -> g.writeNumber(n.intValue());
                    case LONG -> g.writeNumber(n.longValue());
                    case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
                    case FLOAT -> g.writeNumber(n.floatValue());
                    case DOUBLE -> g.writeNumber(n.doubleValue());
                    default -> g.writeNumber(n.decimalValue());
                }
            }
            default -> throw new IOException("cannot print a " + n.getNodeType() + " node");
        }
    }

    /** An object node whose {@code toString()} is its JSON form, as Jackson's, without an ObjectMapper. */
    static final class PrintedObject extends ObjectNode {

        private static final long serialVersionUID = 1L;

        PrintedObject(JsonNodeFactory f) {
            super(f);
        }

        @Override
        public String toString() {
            return print(this);
        }
    }

    /** An array node whose {@code toString()} is its JSON form, as Jackson's, without an ObjectMapper. */
    static final class PrintedArray extends ArrayNode {

        private static final long serialVersionUID = 1L;

        PrintedArray(JsonNodeFactory f) {
            super(f);
        }

        @Override
        public String toString() {
            return print(this);
        }
    }

    /** A text node whose {@code toString()} is its JSON form, as Jackson's, without an ObjectMapper. */
    static final class QuotedText extends TextNode {

        private static final long serialVersionUID = 1L;

        QuotedText(String v) {
            super(v);
        }

        @Override
        public String toString() {
            return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(textValue())) + '"';
        }
    }
}
