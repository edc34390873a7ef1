package org.vipctl.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.vipctl.files.AtomicFile;
import org.vipctl.plan.RegValueJson;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.Scope;
import org.vipctl.registry.View;
import org.vipctl.target.RegistryException;

/**
 * Backups as JSON files in a state directory, one per apply, named by time:
 * {@code 20260101T120000123Z-apply.json}. The format is documented in docs/gitops.md.
 */
public final class BackupStore {

    static final int FORMAT_VERSION = 1;
    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public BackupStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** Writes the backup atomically and returns its path. */
    public Path save(Backup b) {
        String base = NAME_TIME.format(b.created()) + "-" + b.kind();
        Path p = dir.resolve(base + ".json");
        for (int i = 2; Files.exists(p); i++) {
            p = dir.resolve(base + "-" + i + ".json");
        }
        try {
            AtomicFile.write(p, (MAPPER.writeValueAsString(toJson(b)) + "\n").getBytes(StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new RegistryException("cannot save the backup in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** @throws RegistryException naming the file when it is missing or not a vipctl backup */
    public static Backup load(Path file) {
        JsonNode n;
        try {
            n = MAPPER.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new RegistryException("cannot read backup " + file + ": " + e.getMessage(), e);
        }
        try {
            return fromJson(n);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new RegistryException("backup " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    /** The newest backup an apply made for {@code target}; rollback backups are not candidates. */
    public Optional<Path> latest(String target) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
        } catch (IOException e) {
            throw new RegistryException("cannot list backups in " + dir + ": " + e.getMessage(), e);
        }
        record Found(Path path, Backup backup) {
        }
        List<Found> found = new ArrayList<>();
        for (Path p : files) {
            try {
                Backup b = load(p);
                if (b.kind().equals(Backup.APPLY) && b.target().equals(target)) {
                    found.add(new Found(p, b));
                }
            } catch (RegistryException e) {
                // not one of ours; a backup directory may hold other files
            }
        }
        return found.stream()
                .max(Comparator.comparing((Found f) -> f.backup().created()).thenComparing(f -> f.path().getFileName().toString()))
                .map(Found::path);
    }

    static ObjectNode toJson(Backup b) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        root.put("kind", b.kind());
        root.put("created", b.created().toString());
        root.put("target", b.target());
        root.put("scope", b.scope().label());
        ArrayNode values = root.putArray("values");
        for (Backup.Entry e : b.entries()) {
            ObjectNode o = values.addObject();
            o.put("hive", e.key().hive().name());
            o.put("view", e.key().view().bits());
            o.put("key", e.key().path());
            o.put("name", e.name());
            if (e.before().isPresent()) {
                o.set("before", RegValueJson.toJson(e.before().get()));
            } else {
                o.putNull("before");
            }
        }
        return root;
    }

    static Backup fromJson(JsonNode n) {
        if (n.path("format_version").asInt(-1) != FORMAT_VERSION) {
            throw new IllegalArgumentException("format_version must be " + FORMAT_VERSION);
        }
        String kind = n.path("kind").asText("");
        if (!kind.equals(Backup.APPLY) && !kind.equals(Backup.ROLLBACK)) {
            throw new IllegalArgumentException("kind must be apply or rollback");
        }
        Scope scope = Scope.valueOf(n.path("scope").asText("local").toUpperCase(java.util.Locale.ROOT));
        List<Backup.Entry> entries = new ArrayList<>();
        JsonNode values = n.path("values");
        if (!values.isArray()) {
            throw new IllegalArgumentException("values must be an array");
        }
        for (JsonNode v : values) {
            Hive hive = Hive.parse(v.path("hive").asText("")).orElseThrow(() ->
                    new IllegalArgumentException("unknown hive '" + v.path("hive").asText() + "'"));
            RegKey key = new RegKey(hive, View.ofBits(v.path("view").asInt(64)), text(v, "key"));
            JsonNode before = v.path("before");
            Optional<RegValue> value = before.isObject() ? Optional.of(RegValueJson.fromJson(before)) : Optional.empty();
            entries.add(new Backup.Entry(key, text(v, "name"), value));
        }
        return new Backup(kind, Instant.parse(text(n, "created")), text(n, "target"), scope, entries);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return v.asText();
    }
}
