package org.vipctl.detect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the JSON the collector script writes (shape version {@value #VERSION}, docs/detect.md):
 * <pre>
 * {"vipctlCapture": 1, "computer": "RDS01", "taken": "...",
 *  "addresses": [{"address", "prefixLength", "interface"}],
 *  "processes": [{"pid", "name", "path", "session", "user"}],
 *  "tcp": [{"localAddress", "localPort", "remoteAddress", "remotePort", "state", "pid"}],
 *  "udp": [{"localAddress", "localPort", "pid"}]}
 * </pre>
 * The file is read as a stream, one list entry at a time, so memory stays bounded; keys it does not
 * know are skipped (a later collector may add some). Errors carry the line and column.
 */
final class CollectorReader {

    static final int VERSION = 1;
    static final String MARKER = "vipctlCapture";

    private record Process(String image, int session) {
    }

    private final String source;
    private final JsonParser p;
    private final ObjectMapper mapper = new ObjectMapper();

    private CollectorReader(String source, JsonParser p) {
        this.source = source;
        this.p = p;
        p.setCodec(mapper);
    }

    static CollectorCapture read(Path file, String source) throws IOException {
        JsonFactory f = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).maxStringLength(64 * 1024).build())
                .build();
        try (InputStream in = Files.newInputStream(file); JsonParser p = f.createParser(in)) {
            return new CollectorReader(source, p).read();
        } catch (JsonEOFException e) {
            throw located(source, e.getLocation(), "truncated JSON: the file ends before the capture is complete;"
                    + " copy the whole file again");
        } catch (JsonProcessingException e) {
            throw located(source, e.getLocation(), "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private CollectorCapture read() throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw here("not a capture: the collector writes one JSON object");
        }
        Optional<Integer> version = Optional.empty();
        Optional<String> computer = Optional.empty();
        Optional<String> taken = Optional.empty();
        List<ServerAddress> addresses = new ArrayList<>();
        Map<Long, Process> processes = new HashMap<>();
        List<JsonNode> tcp = new ArrayList<>();
        List<JsonLocation> tcpAt = new ArrayList<>();
        List<JsonNode> udp = new ArrayList<>();
        List<JsonLocation> udpAt = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case MARKER -> {
                    if (t != JsonToken.VALUE_NUMBER_INT) {
                        throw here(MARKER + " must be a whole number");
                    }
                    version = Optional.of(p.getIntValue());
                    if (version.get() > VERSION) {
                        throw here("capture shape version " + version.get() + " is newer than this vipctl reads ("
                                + VERSION + "); use the vipctl that printed the collector");
                    }
                }
                case "computer" -> computer = text(t);
                case "taken" -> taken = text(t);
                case "addresses" -> each(t, name, (n, at) -> address(n, at).ifPresent(addresses::add));
                case "processes" -> each(t, name, (n, at) -> process(n, at, processes));
                case "tcp" -> each(t, name, (n, at) -> { tcp.add(n); tcpAt.add(at); });
                case "udp" -> each(t, name, (n, at) -> { udp.add(n); udpAt.add(at); });
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw here("expected the end of the capture object");
        }
        if (p.nextToken() != null) {
            throw here("text after the end of the capture object");
        }
        if (version.isEmpty()) {
            throw CaptureException.whole(source, "not a capture: JSON without a '" + MARKER + "' version; write it with"
                    + " the collector script (vipctl detect --print-collector)");
        }
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < tcp.size(); i++) {
            sockets.add(socket(tcp.get(i), tcpAt.get(i), Protocol.TCP, processes));
        }
        for (int i = 0; i < udp.size(); i++) {
            sockets.add(socket(udp.get(i), udpAt.get(i), Protocol.UDP, processes));
        }
        return new CollectorCapture(source, computer, taken, addresses, sockets);
    }

    private interface Entry {
        void accept(JsonNode node, JsonLocation at) throws IOException;
    }

    private void each(JsonToken t, String list, Entry entry) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t == JsonToken.START_OBJECT) {
            // ConvertTo-Json writes a list of one as the object itself
            JsonLocation at = p.currentTokenLocation();
            entry.accept(p.readValueAsTree(), at);
            return;
        }
        if (t != JsonToken.START_ARRAY) {
            throw here("'" + list + "' must be a list");
        }
        int count = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw here("each entry of '" + list + "' must be an object");
            }
            if (++count > CaptureLimits.MAX_ENTRIES) {
                throw here(String.format(java.util.Locale.ROOT, "more than %,d entries in '%s'", CaptureLimits.MAX_ENTRIES, list));
            }
            JsonLocation at = p.currentTokenLocation();
            entry.accept(p.readValueAsTree(), at);
        }
    }

    private Optional<String> text(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return Optional.of(p.getText());
        }
        p.skipChildren();
        return Optional.empty();
    }

    private Optional<ServerAddress> address(JsonNode n, JsonLocation at) {
        IpAddress a = IpAddress.parse(string(n, "address", at)).orElseThrow(() ->
                located(source, at, "'" + n.path("address").asText() + "' is not an IP address"));
        int prefix = integer(n, "prefixLength", at, 0, a.isIpv6() ? 128 : 32);
        String adapter = n.path("interface").isTextual() ? n.path("interface").asText() : "";
        return Optional.of(new ServerAddress(a, prefix, adapter));
    }

    private void process(JsonNode n, JsonLocation at, Map<Long, Process> out) {
        long pid = integer(n, "pid", at, 0, Integer.MAX_VALUE);
        int session = integer(n, "session", at, 0, Integer.MAX_VALUE);
        String name = n.path("name").isTextual() ? n.path("name").asText() : "";
        String path = n.path("path").isTextual() ? n.path("path").asText() : "";
        String image = ImageName.of(name, path);
        if (image.isEmpty()) {
            throw located(source, at, "process " + pid + " has neither 'name' nor 'path'");
        }
        out.put(pid, new Process(image, session));
    }

    private Socket socket(JsonNode n, JsonLocation at, Protocol protocol, Map<Long, Process> processes) {
        long pid = integer(n, "pid", at, 0, Integer.MAX_VALUE);
        IpAddress local = IpAddress.parse(string(n, "localAddress", at)).orElseThrow(() ->
                located(source, at, "localAddress '" + n.path("localAddress").asText() + "' is not an IP address"));
        int localPort = integer(n, "localPort", at, 0, 65535);
        Optional<Endpoint> remote = Optional.empty();
        boolean listening = true;
        if (protocol == Protocol.TCP) {
            String state = string(n, "state", at);
            listening = state.equalsIgnoreCase("Listen");
            if (n.path("remoteAddress").isTextual()) {
                int remotePort = integer(n, "remotePort", at, 0, 65535);
                remote = IpAddress.parse(n.get("remoteAddress").asText()).map(a -> new Endpoint(a, remotePort));
            }
        }
        Process owner = processes.get(pid);
        return new Socket(protocol, new Endpoint(local, localPort), remote, listening, pid,
                owner == null ? Optional.empty() : Optional.of(owner.image()),
                owner == null ? OptionalInt.empty() : OptionalInt.of(owner.session()),
                source + ":" + at.getLineNr());
    }

    private String string(JsonNode n, String key, JsonLocation at) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual()) {
            throw located(source, at, "'" + key + "' must be text");
        }
        return v.asText();
    }

    private int integer(JsonNode n, String key, JsonLocation at, int min, int max) {
        JsonNode v = n.get(key);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            throw located(source, at, "'" + key + "' must be a whole number " + min + ".." + max
                    + (v == null ? " (missing)" : ", got " + v));
        }
        return v.asInt();
    }

    private CaptureException here(String message) {
        return located(source, p.currentTokenLocation(), message);
    }

    private static CaptureException located(String source, JsonLocation at, String message) {
        if (at == null || at.getLineNr() < 1) {
            return CaptureException.whole(source, message);
        }
        return new CaptureException(source, at.getLineNr(), Math.max(at.getColumnNr(), 0), message);
    }
}
