package org.vipctl.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.vipctl.diagnostic.Location;

/**
 * One YAML document as a JSON tree, with the source position of every node. Positions are keyed by
 * JSON Pointer ({@code /spec/rdsIpVirtualization/mode}); {@link #keyAt} gives the position of a
 * mapping key, {@link #valueAt} that of the value.
 */
public record SourceDocument(String file, int index, JsonNode tree, Location start,
                             Map<String, Location> values, Map<String, Location> keys) {

    public SourceDocument {
        values = Map.copyOf(values);
        keys = Map.copyOf(keys);
    }

    /** Position of the value at {@code pointer}, or of the nearest enclosing node that has one. */
    public Location valueAt(String pointer) {
        String p = pointer;
        while (true) {
            Location l = values.get(p);
            if (l != null) {
                return l;
            }
            if (p.isEmpty()) {
                return start;
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }

    /** Position of the mapping key at {@code pointer}; falls back to the value position. */
    public Location keyAt(String pointer) {
        Location l = keys.get(pointer);
        return l != null ? l : valueAt(pointer);
    }

    /** JSON Pointer segment escaping (RFC 6901). */
    public static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
