package org.vipctl.format.pol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Semantic difference of two Registry.pol files. A record is identified by its key and the value it
 * is about (or its key-wide directive), both compared case-insensitively as Windows does; when a
 * file has several records for one value, the last one counts, as it is the one applied last.
 * Two records are equal when they are of the same kind with the same type and data.
 */
public final class PolDiff {

    public record Change(PolRecord before, PolRecord after) {
    }

    public record Result(List<PolRecord> added, List<PolRecord> removed, List<Change> changed) {
        public Result {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            changed = List.copyOf(changed);
        }

        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }

        /** {@code + key\name action}, {@code - ...}, {@code ~ key\name old -> new}, then a summary line. */
        public String render() {
            StringBuilder sb = new StringBuilder();
            for (PolRecord r : removed) {
                sb.append("- ").append(where(r)).append("  ").append(LgpoText.action(r)).append('\n');
            }
            for (PolRecord r : added) {
                sb.append("+ ").append(where(r)).append("  ").append(LgpoText.action(r)).append('\n');
            }
            for (Change c : changed) {
                sb.append("~ ").append(where(c.after())).append("  ").append(LgpoText.action(c.before()))
                        .append(" -> ").append(LgpoText.action(c.after())).append('\n');
            }
            sb.append(added.size()).append(" added, ").append(removed.size()).append(" removed, ")
                    .append(changed.size()).append(" changed\n");
            return sb.toString();
        }

        /**
         * {@code {"format_version": 1, "summary": {...}, "added": [...], "removed": [...],
         * "changed": [{"before": ..., "after": ...}]}}; records as {@code pol show --format json} writes them.
         */
        public String json() {
            java.io.StringWriter sw = new java.io.StringWriter();
            try (com.fasterxml.jackson.core.JsonGenerator g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(sw)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeNumberField("format_version", 1);
                g.writeObjectFieldStart("summary");
                g.writeNumberField("added", added.size());
                g.writeNumberField("removed", removed.size());
                g.writeNumberField("changed", changed.size());
                g.writeEndObject();
                g.writeArrayFieldStart("added");
                for (PolRecord r : added) {
                    PolJson.write(g, r);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("removed");
                for (PolRecord r : removed) {
                    PolJson.write(g, r);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("changed");
                for (Change c : changed) {
                    g.writeStartObject();
                    g.writeFieldName("before");
                    PolJson.write(g, c.before());
                    g.writeFieldName("after");
                    PolJson.write(g, c.after());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return sw + "\n";
        }

        private static String where(PolRecord r) {
            return r.key() + "\\" + LgpoText.valueName(r);
        }
    }

    private PolDiff() {
    }

    public static Result diff(PolFile a, PolFile b) {
        Map<String, PolRecord> before = index(a);
        Map<String, PolRecord> after = index(b);
        List<PolRecord> added = new ArrayList<>();
        List<PolRecord> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (Map.Entry<String, PolRecord> e : before.entrySet()) {
            PolRecord other = after.get(e.getKey());
            if (other == null) {
                removed.add(e.getValue());
            } else if (!same(e.getValue(), other)) {
                changed.add(new Change(e.getValue(), other));
            }
        }
        for (Map.Entry<String, PolRecord> e : after.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                added.add(e.getValue());
            }
        }
        return new Result(added, removed, changed);
    }

    private static Map<String, PolRecord> index(PolFile f) {
        Map<String, PolRecord> m = new LinkedHashMap<>();
        for (PolRecord r : f.records()) {
            String id = identity(r);
            m.remove(id);
            m.put(id, r);
        }
        return m;
    }

    /** Key and value name, or key and directive kind: a value cannot be confused with a key-wide directive. */
    static String identity(PolRecord r) {
        boolean aboutValue = r instanceof PolRecord.Value || r instanceof PolRecord.DeleteValue
                || r instanceof PolRecord.SoftValue;
        return r.key().toLowerCase(Locale.ROOT) + (aboutValue ? "\0v\0" : "\0k\0") + r.subject().toLowerCase(Locale.ROOT);
    }

    private static boolean same(PolRecord x, PolRecord y) {
        return x.getClass() == y.getClass() && x.raw().type() == y.raw().type()
                && java.util.Arrays.equals(x.raw().dataUnsafe(), y.raw().dataUnsafe());
    }
}
