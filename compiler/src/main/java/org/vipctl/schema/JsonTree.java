package org.vipctl.schema;

import com.fasterxml.jackson.core.JsonFactory;
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

/**
 * Reads the policy schema into a Jackson tree with the streaming parser alone. The schema validator
 * prints every string {@code enum} value with {@code JsonNode.toString()} while it compiles the
 * schema, and Jackson's default {@code toString()} initialises a whole {@code ObjectMapper}, whose
 * date format loads the JDK's locale data: about a fifth of a validate run's CPU time. Text nodes
 * of this tree quote themselves instead.
 */
final class JsonTree {

    private JsonTree() {
    }

    static JsonNode read(InputStream in) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(in)) {
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
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, value(p));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = f.arrayNode();
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
