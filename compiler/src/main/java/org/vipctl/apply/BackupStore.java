package org.vipctl.apply;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.vipctl.files.AtomicFile;
import org.vipctl.files.InputFile;
import org.vipctl.files.InputKind;
import org.vipctl.files.InputLimits;
import org.vipctl.files.InputRefused;
import org.vipctl.files.IoProblem;
import org.vipctl.plan.RegValueJson;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.Scope;
import org.vipctl.registry.View;
import org.vipctl.target.RegistryException;

/**
 * Backups as JSON files in a state directory, one per apply, named by time:
 * {@code 20260101T120000123Z-apply.json}. The format is documented in docs/gitops.md. Each record
 * carries a SHA-256 checksum of itself; a record that does not match it, breaks the rules of
 * {@link BackupRules}, or could have been written by another user is refused as a whole.
 */
public final class BackupStore {

    static final int FORMAT_VERSION = 2;
    private static final String CHECKSUM = "checksum";
    private static final String SHA256 = "sha256:";
    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final InputLimits limits;

    public BackupStore(Path dir) {
        this(dir, InputLimits.DEFAULT);
    }

    /** A store whose backups are read within the backup size limit of {@code limits}. */
    public BackupStore(Path dir, InputLimits limits) {
        this.dir = dir.toAbsolutePath().normalize();
        this.limits = limits;
    }

    public Path dir() {
        return dir;
    }

    /** Writes the backup atomically and returns its path. */
    public Path save(Backup b) {
        String base = NAME_TIME.format(b.created()) + "-" + b.kind();
        try {
            Files.createDirectories(dir);
            Path p = dir.resolve(base + ".json");
            // runs on other targets share the state directory: the name is claimed atomically first
            for (int i = 2; !claimed(p); i++) {
                p = dir.resolve(base + "-" + i + ".json");
            }
            AtomicFile.write(p, (MAPPER.writeValueAsString(toJson(b)) + "\n").getBytes(StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new RegistryException("cannot save the backup in " + dir + ": " + IoProblem.describe(e), e);
        }
    }

    private static boolean claimed(Path p) throws IOException {
        try {
            Files.createFile(p);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        }
    }

    /** @throws RegistryException naming the file when it is missing or not a vipctl backup */
    public static Backup load(Path file) {
        return load(file, InputLimits.DEFAULT);
    }

    /** As {@link #load(Path)}, refusing a file above the backup limit of {@code limits} or one that is not a regular file. */
    public static Backup load(Path file, InputLimits limits) {
        JsonNode n;
        try {
            n = MAPPER.readTree(InputFile.read(file, InputKind.BACKUP, limits));
            if (n == null || !n.isObject()) {
                throw new RegistryException("backup " + file + " is not valid: not a JSON object; it was edited or"
                        + " damaged: restore it from a copy, or name another backup");
            }
        } catch (InputRefused e) {
            throw new RegistryException("backup " + e.getMessage(), e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new RegistryException("cannot read backup " + file + (at == null ? "" : ":" + at.getLineNr() + ":"
                    + at.getColumnNr()) + ": not valid JSON (" + e.getOriginalMessage().lines().findFirst().orElse("").strip()
                    + "); it was edited or damaged: restore it from a copy, or name another backup", e);
        } catch (IOException e) {
            throw new RegistryException("cannot read backup " + IoProblem.describe(file, e), e);
        }
        try {
            BackupRules.checkFile(file);
        } catch (IllegalArgumentException e) {
            throw new RegistryException("backup " + file + " is not trusted: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RegistryException("cannot read backup " + file + ": " + e.getMessage(), e);
        }
        if (n.path("format_version").asInt(-1) == FORMAT_VERSION && !checksumMatches((ObjectNode) n)) {
            throw new RegistryException("backup " + file + " was changed since vipctl wrote it (its checksum does"
                    + " not match); vipctl restores only records it wrote. Roll back with another backup.");
        }
        try {
            Backup b = fromJson(n);
            BackupRules.check(b);
            return b;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new RegistryException("backup " + file + " is not valid: " + e.getMessage()
                    + "; it was edited or damaged: restore it from a copy, or name another backup", e);
        }
    }

    private static boolean checksumMatches(ObjectNode n) {
        JsonNode given = n.get(CHECKSUM);
        if (given == null || !given.isTextual()) {
            return false;
        }
        ObjectNode body = n.deepCopy();
        body.remove(CHECKSUM);
        return MessageDigest.isEqual(given.asText().getBytes(StandardCharsets.UTF_8),
                checksum(body).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sha256:HEX} of the record's compact JSON without the checksum field. */
    static String checksum(ObjectNode body) {
        try {
            byte[] compact = new ObjectMapper().writeValueAsBytes(body);
            return SHA256 + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(compact));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #load(Path, InputLimits)} with this store's limits. */
    public Backup read(Path file) {
        return load(file, limits);
    }

    /**
     * The newest backup an apply made for {@code target}; rollback backups are not candidates. It is
     * chosen by what each record says of itself, before checking it, so a damaged newest backup is
     * reported when it is loaded rather than passed over for an older one.
     */
    public Optional<Path> latest(String target) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
        } catch (IOException e) {
            throw new RegistryException("cannot list backups in " + dir + ": " + IoProblem.describe(e), e);
        }
        record Found(Path path, Instant created) {
        }
        List<Found> found = new ArrayList<>();
        for (Path p : files) {
            try {
                JsonNode n = MAPPER.readTree(InputFile.read(p, InputKind.BACKUP, limits));
                if (n != null && n.path("kind").asText("").equals(Backup.APPLY) && n.path("target").asText("").equals(target)) {
                    found.add(new Found(p, Instant.parse(n.path("created").asText(""))));
                }
            } catch (IOException | DateTimeParseException e) {
                // not one of ours; a backup directory may hold other files
            }
        }
        return found.stream()
                .max(Comparator.comparing(Found::created).thenComparing(f -> f.path().getFileName().toString()))
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
        root.put(CHECKSUM, checksum(root));
        return root;
    }

    /** @throws IllegalArgumentException naming the field (a JSON Pointer) and what it must be */
    static Backup fromJson(JsonNode n) {
        int version = n.path("format_version").asInt(-1);
        if (version == 1) {
            throw new IllegalArgumentException("it was written by an older vipctl, without the checksum this one"
                    + " needs to trust it; restore it with that version");
        }
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("/format_version must be " + FORMAT_VERSION);
        }
        String kind = n.path("kind").asText("");
        if (!kind.equals(Backup.APPLY) && !kind.equals(Backup.ROLLBACK)) {
            throw new IllegalArgumentException("/kind must be apply or rollback");
        }
        Instant created;
        try {
            created = Instant.parse(text(n, "created"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("/created must be a UTC time such as 2026-01-01T12:00:00Z, not '"
                    + n.path("created").asText() + "'");
        }
        Scope scope = scopeOf(n.path("scope").asText(""));
        List<Backup.Entry> entries = new ArrayList<>();
        JsonNode values = n.path("values");
        if (!values.isArray()) {
            throw new IllegalArgumentException("/values must be an array");
        }
        for (int i = 0; i < values.size(); i++) {
            try {
                entries.add(entry(values.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("/values/" + i + ": " + e.getMessage(), e);
            }
        }
        return new Backup(kind, created, text(n, "target"), scope, entries);
    }

    private static Backup.Entry entry(JsonNode v) {
        if (!v.isObject()) {
            throw new IllegalArgumentException("each value must be an object with hive, view, key, name and before");
        }
        Hive hive = Hive.parse(v.path("hive").asText("")).orElseThrow(() ->
                new IllegalArgumentException("unknown hive '" + v.path("hive").asText() + "'"));
        RegKey key = new RegKey(hive, View.ofBits(v.path("view").asInt(64)), text(v, "key"));
        JsonNode before = v.path("before");
        Optional<RegValue> value = before.isObject() ? Optional.of(RegValueJson.fromJson(before)) : Optional.empty();
        return new Backup.Entry(key, text(v, "name"), value);
    }

    private static Scope scopeOf(String label) {
        for (Scope s : Scope.values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("/scope must be local or policy, not '" + label + "'");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        return v.asText();
    }
}
