package org.vipctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vipctl.apply.ApplyResult;
import org.vipctl.diagnostic.Findings;
import org.vipctl.diagnostic.Renderer;

/** The JSON documents of the commands (docs/json-output.md): one object each, {@code format_version} first. */
final class JsonOut {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOut() {
    }

    static ObjectNode object() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format_version", 1);
        return o;
    }

    /** Policies that did not validate: nothing was planned, applied or written. */
    static String invalid(Findings findings) {
        ObjectNode o = object();
        o.put("valid", false);
        o.set("findings", Renderer.jsonTree(findings));
        return write(o);
    }

    /** An object nested in a document (no {@code format_version} of its own). */
    static ObjectNode node() {
        return MAPPER.createObjectNode();
    }

    /** What a run wrote: {@code changed}, {@code unchanged}, {@code backup} (path or null). */
    static ObjectNode result(ApplyResult result) {
        ObjectNode r = node();
        r.put("changed", result.written().size());
        r.put("unchanged", result.unchanged());
        if (result.backup().isPresent()) {
            r.put("backup", result.backup().get().toString());
        } else {
            r.putNull("backup");
        }
        return r;
    }

    static String write(ObjectNode o) {
        try {
            return MAPPER.writeValueAsString(o) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
