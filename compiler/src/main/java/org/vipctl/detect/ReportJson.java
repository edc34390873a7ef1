package org.vipctl.detect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Locale;

/** The report for machines ({@code --format json}); shape version {@value #VERSION}, described in docs/detect.md. */
public final class ReportJson {

    static final int VERSION = 1;

    private ReportJson() {
    }

    public static String render(Report r) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("vipctlDetectReport", VERSION);
        root.put("platform", lower(r.platform()));
        ArrayNode captures = root.putArray("captures");
        for (CaptureSummary c : r.captures()) {
            ObjectNode o = captures.addObject();
            o.put("source", c.source());
            o.put("kind", c.kind());
            o.put("sockets", c.sockets());
            o.put("listening", c.listeners());
            o.put("sessionsKnown", c.sessionsKnown());
            ArrayNode s = o.putArray("sessions");
            c.sessions().forEach(s::add);
        }
        ArrayNode candidates = root.putArray("candidates");
        for (Candidate c : r.candidates()) {
            ObjectNode o = candidates.addObject();
            o.put("program", c.program());
            o.put("certainty", lower(c.certainty()));
            ArrayNode needs = o.putArray("needs");
            ArrayNode features = o.putArray("features");
            c.needs().stream().sorted().forEach(n -> {
                needs.add(n == Need.VIRTUAL_IP ? "virtualIp" : "virtualLoopback");
                r.platform().features(n).forEach(features::add);
            });
            ArrayNode evidence = o.putArray("evidence");
            for (PortEvidence p : c.evidence()) {
                ObjectNode e = evidence.addObject();
                e.put("protocol", p.protocol().name());
                e.put("port", p.port());
                e.put("certainty", lower(p.certainty()));
                e.put("rule", p.rule());
                ArrayNode a = e.putArray("addresses");
                p.addresses().forEach(a::add);
                ArrayNode in = e.putArray("instances");
                for (Instance i : p.instances()) {
                    instance(in.addObject(), i);
                }
                ArrayNode at = e.putArray("seenAt");
                p.origins().forEach(at::add);
            }
            ArrayNode clients = o.putArray("clients");
            for (ClientLink l : c.clients()) {
                ObjectNode k = clients.addObject();
                k.put("program", l.program());
                instance(k, l.instance());
                k.put("connectsTo", l.target().toString());
                k.put("seenAt", l.origin());
            }
        }
        ArrayNode left = root.putArray("leftOut");
        for (LeftOut l : r.leftOut()) {
            ObjectNode o = left.addObject();
            o.put("program", l.program());
            o.put("reason", camel(l.reason().name()));
            o.put("detail", l.detail());
        }
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void instance(ObjectNode o, Instance i) {
        o.put("pid", i.pid());
        if (i.session().isPresent()) {
            o.put("session", i.session().getAsInt());
        } else {
            o.putNull("session");
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** SYSTEM_PROCESS → systemProcess */
    private static String camel(String constant) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }
}
