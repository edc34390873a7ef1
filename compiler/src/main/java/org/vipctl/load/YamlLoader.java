package org.vipctl.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.diagnostic.Location;
import org.vipctl.files.InputFile;
import org.vipctl.files.InputKind;
import org.vipctl.files.InputRefused;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads YAML files into {@link SourceDocument}s through SnakeYAML's node API, so every value keeps
 * its file, line and column. Nothing is constructed from tags: only plain trees of maps, lists and
 * scalars come out. Every failure becomes a located diagnostic; nothing throws.
 */
public final class YamlLoader {

    /** Rule ids of the load stage. */
    public static final String SYNTAX = org.vipctl.diagnostic.Rule.SYNTAX.id();
    public static final String DUPLICATE_KEY = org.vipctl.diagnostic.Rule.DUPLICATE_KEY.id();
    public static final String LIMIT = org.vipctl.diagnostic.Rule.LIMIT.id();
    public static final String ENCODING = org.vipctl.diagnostic.Rule.ENCODING.id();
    public static final String EMPTY = org.vipctl.diagnostic.Rule.EMPTY.id();
    public static final String UNREADABLE = org.vipctl.diagnostic.Rule.UNREADABLE.id();

    /** Conversion stops past this many nodes, a second guard behind the alias limit. */
    private static final int MAX_NODES = 200_000;

    private final LoadLimits limits;
    private final InputKind kind;

    /** A loader of {@code kind} files (policies or catalogs), within {@code limits}. */
    public YamlLoader(LoadLimits limits, InputKind kind) {
        this.limits = limits;
        this.kind = kind;
    }

    public YamlLoader(LoadLimits limits) {
        this(limits, InputKind.POLICY);
    }

    public YamlLoader() {
        this(LoadLimits.DEFAULT);
    }

    /** A folder holding this file is skipped when vipctl searches the folder above it. */
    public static final String IGNORE_MARKER = ".vipctlignore";

    /**
     * Files named by the arguments: a file as it is, a directory searched recursively for
     * {@code *.yaml} and {@code *.yml}, sorted. While searching, entries whose names start with
     * {@code .} (.git, .github) and subfolders holding a {@value #IGNORE_MARKER} file are skipped,
     * and symbolic links to directories are not followed (no loops, no escaping the tree). A path
     * named on the command line is always read, whatever its name. A file named twice is read once.
     */
    public List<Path> expand(List<Path> paths, Diagnostics out) {
        List<Path> files = new ArrayList<>();
        java.util.Set<Path> seen = new java.util.HashSet<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> found = new ArrayList<>();
                Diagnostics problems = new Diagnostics();
                searchDirectory(p, found, problems);
                out.addAll(problems.sorted());
                if (found.isEmpty() && problems.isEmpty()) {
                    out.add(Diagnostic.error(EMPTY, Location.ofFile(p.toString()),
                            "no policy files (*.yaml, *.yml) in this directory",
                            "point vipctl at a folder that holds VipPolicy YAML files"));
                }
                java.util.Collections.sort(found);
                for (Path f : found) {
                    if (seen.add(identity(f))) {
                        files.add(f);
                    }
                }
            } else if (Files.isRegularFile(p)) {
                if (seen.add(identity(p))) {
                    files.add(p);
                }
            } else if (Files.isSymbolicLink(p)) {
                out.add(Diagnostic.error(UNREADABLE, Location.ofFile(p.toString()), BROKEN_LINK, BROKEN_LINK_HINT));
            } else if (Files.exists(p)) {
                out.add(Diagnostic.error(UNREADABLE, Location.ofFile(p.toString()),
                        "not a regular file or directory", "name a YAML file or a folder of them"));
            } else {
                out.add(Diagnostic.error(UNREADABLE, Location.ofFile(p.toString()),
                        "no such file or directory", "check the spelling of the path"));
            }
        }
        return files;
    }

    private static final String BROKEN_LINK = "symbolic link that leads nowhere (missing target or a loop of links)";
    private static final String BROKEN_LINK_HINT = "fix or remove the link";

    private static Path identity(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static void searchDirectory(Path dir, List<Path> found, Diagnostics out) {
        // A directory named through a symbolic link is searched at its target; results keep the
        // name the user gave, so locations read as they typed them.
        Path start = dir;
        Path real = null;
        if (Files.isSymbolicLink(dir)) {
            try {
                real = dir.toRealPath();
                start = real;
            } catch (IOException e) {
                out.add(Diagnostic.error(UNREADABLE, Location.ofFile(dir.toString()), BROKEN_LINK, BROKEN_LINK_HINT));
                return;
            }
        }
        Path root = start;
        Path realRoot = real;
        try {
            Files.walkFileTree(start, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path d, java.nio.file.attribute.BasicFileAttributes a) {
                    if (!d.equals(root) && (isHidden(d) || Files.exists(d.resolve(IGNORE_MARKER)))) {
                        return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes a) {
                    if (isHidden(f) || !isYaml(f)) {
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                    Path shown = realRoot == null ? f : dir.resolve(realRoot.relativize(f));
                    if (Files.isRegularFile(f)) {
                        found.add(shown);
                    } else if (a.isSymbolicLink() && !Files.exists(f)) {
                        out.add(Diagnostic.error(UNREADABLE, Location.ofFile(shown.toString()), BROKEN_LINK,
                                BROKEN_LINK_HINT));
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
                    Path shown = realRoot == null ? f : dir.resolve(realRoot.relativize(f));
                    out.add(Diagnostic.error(UNREADABLE, Location.ofFile(shown.toString()),
                            "cannot read: " + message(e), "check the path and its permissions"));
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            out.add(Diagnostic.error(UNREADABLE, Location.ofFile(dir.toString()),
                    "cannot read directory: " + message(e), "check the path and its permissions"));
        }
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static boolean isYaml(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /** Loads every document of one file; problems go to {@code out}. */
    public List<SourceDocument> load(Path file, Diagnostics out) {
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                out.add(tooLarge(name, size));
                return List.of();
            }
            return parse(name, InputFile.read(file, kind, limits.maxFileBytes()), out);
        } catch (InputRefused e) {
            out.add(e.tooLarge() ? tooLarge(name, -1)
                    : Diagnostic.error(UNREADABLE, Location.ofFile(name), e.getReason(), "name a YAML file or a folder of them"));
        } catch (NoSuchFileException e) {
            out.add(Diagnostic.error(UNREADABLE, Location.ofFile(name), "no such file", "check the path"));
        } catch (IOException e) {
            out.add(Diagnostic.error(UNREADABLE, Location.ofFile(name), "cannot read file: " + message(e),
                    "check the path and its permissions"));
        }
        return List.of();
    }

    private Diagnostic tooLarge(String name, long size) {
        String plural = kind == InputKind.CATALOG ? "catalog files" : "policy files";
        return Diagnostic.error(LIMIT, Location.ofFile(name),
                (size < 0 ? "file grew while it was read;" : String.format(Locale.ROOT, "file is %,d bytes;", size))
                        + String.format(Locale.ROOT, " %s are limited to %,d bytes", plural, limits.maxFileBytes()),
                "split it into smaller files, or raise the limit with --max-input " + kind.key() + "=SIZE");
    }

    /** Parses YAML bytes; {@code name} is used in locations. */
    public List<SourceDocument> parse(String name, byte[] bytes, Diagnostics out) {
        if (bytes.length > limits.maxFileBytes()) {
            out.add(Diagnostic.error(LIMIT, Location.ofFile(name),
                    String.format(Locale.ROOT, "input is %,d bytes; policy files are limited to %,d bytes",
                            bytes.length, limits.maxFileBytes()),
                    "split the policy into smaller files"));
            return List.of();
        }
        String text = decode(name, bytes, out);
        if (text == null) {
            return List.of();
        }
        List<SourceDocument> docs = new ArrayList<>();
        try {
            org.yaml.snakeyaml.composer.Composer composer = composer(text);
            int index = 0;
            while (composer.checkNode()) {
                Node node = composer.getNode();
                if (docs.size() >= limits.maxDocuments()) {
                    out.add(Diagnostic.error(LIMIT, at(name, node.getStartMark()),
                            "more than " + limits.maxDocuments() + " documents in one file",
                            "split the file"));
                    return List.of();
                }
                Converter c = new Converter(name, limits.maxNestingDepth());
                JsonNode tree = c.convert(node, "", 0);
                if (c.failed) {
                    out.addAll(c.problems);
                    return List.of();
                }
                docs.add(new SourceDocument(name, index++, tree, at(name, node.getStartMark()), c.values, c.keys));
            }
        } catch (MarkedYAMLException e) {
            out.add(syntaxError(name, e));
            return List.of();
        } catch (ReaderException e) {
            out.add(Diagnostic.error(SYNTAX, locationOfCodePoint(name, text, e.getPosition()),
                    String.format(Locale.ROOT, "YAML cannot contain the control character U+%04X", e.getCodePoint()),
                    "policy files are text: remove the character, or write it as an escape in a double-quoted string"));
            return List.of();
        } catch (YAMLException e) {
            out.add(limitOrSyntax(name, e));
            return List.of();
        } catch (RuntimeException | StackOverflowError e) {
            // A parser failure we did not foresee is still a located error about this file, not a crash.
            out.add(Diagnostic.error(SYNTAX, new Location(name, 1, 1),
                    "YAML could not be read (" + e.getClass().getSimpleName() + ")",
                    "check the YAML syntax; run with --debug to report a parser problem"));
            return List.of();
        }
        if (docs.isEmpty()) {
            out.add(Diagnostic.error(EMPTY, new Location(name, 1, 1), "file holds no YAML document",
                    "write a VipPolicy (apiVersion: vipctl/v1, kind: VipPolicy) or remove the file"));
        }
        return docs;
    }

    private org.yaml.snakeyaml.composer.Composer composer(String text) {
        LoaderOptions o = options();
        return new org.yaml.snakeyaml.composer.Composer(new org.yaml.snakeyaml.parser.ParserImpl(
                new org.yaml.snakeyaml.reader.StreamReader(new StringReader(text)), o),
                new org.yaml.snakeyaml.resolver.Resolver(), o);
    }

    private LoaderOptions options() {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(false);
        o.setMaxAliasesForCollections(limits.maxAliases());
        o.setNestingDepthLimit(limits.maxNestingDepth());
        o.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
        o.setAllowRecursiveKeys(false);
        o.setProcessComments(false);
        return o;
    }

    private String decode(String name, byte[] bytes, Diagnostics out) {
        String wide = utf16or32(bytes);
        if (wide != null) {
            out.add(Diagnostic.error(ENCODING, new Location(name, 1, 1),
                    "file is " + wide + " (it starts with that byte order mark); policy files are UTF-8",
                    "save the file as UTF-8, e.g. PowerShell: Set-Content -Encoding utf8"));
            return null;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                out.add(Diagnostic.error(ENCODING, locationOfByte(name, bytes, i),
                        "binary data: NUL byte at offset " + i, "policy files are UTF-8 text"));
                return null;
            }
        }
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            String s = dec.decode(in).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            int offset = firstBadUtf8(bytes);
            out.add(Diagnostic.error(ENCODING, locationOfByte(name, bytes, offset),
                    String.format(Locale.ROOT, "not UTF-8: invalid byte 0x%02X at offset %d", bytes[offset] & 0xff, offset),
                    "save the file as UTF-8"));
            return null;
        }
    }

    private static String utf16or32(byte[] b) {
        if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0) {
            return "UTF-32LE";
        }
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF) {
            return "UTF-32BE";
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return "UTF-16LE";
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return "UTF-16BE";
        }
        return null;
    }

    private static int firstBadUtf8(byte[] bytes) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer cb = java.nio.CharBuffer.allocate(bytes.length + 1);
        dec.decode(in, cb, true);
        return Math.min(in.position(), bytes.length - 1);
    }

    private static Location locationOfByte(String name, byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // Bytes before the offset are valid UTF-8 here; count characters, as editors do.
        String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        return new Location(name, line, before.codePointCount(0, before.length()) + 1);
    }

    private static Location locationOfCodePoint(String name, String text, int position) {
        int line = 1;
        int column = 1;
        int cp = 0;
        for (int i = 0; i < text.length() && cp < position; cp++) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Location(name, line, column);
    }

    private static Diagnostic syntaxError(String name, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = oneLine(e.getProblem() != null ? e.getProblem() : e.getMessage());
        String context = e.getContext() == null ? "" : " (" + oneLine(e.getContext()) + ")";
        String hint = "check the YAML syntax at this position";
        if (problem.contains("\\t") || problem.contains("\t")) {
            hint = "indent with spaces; YAML does not allow tabs for indentation";
        } else if (problem.toLowerCase(Locale.ROOT).contains("alias")) {
            return limitOrSyntax(name, e);
        } else if (problem.contains("special characters are not allowed")) {
            hint = "policy files are UTF-8 text without control characters";
        }
        return Diagnostic.error(SYNTAX, mark == null ? Location.ofFile(name) : at(name, mark),
                "YAML syntax: " + problem + context, hint);
    }

    private static Diagnostic limitOrSyntax(String name, YAMLException e) {
        String msg = oneLine(e.getMessage());
        Location where = e instanceof MarkedYAMLException m && m.getProblemMark() != null
                ? at(name, m.getProblemMark()) : new Location(name, 1, 1);
        String lower = msg.toLowerCase(Locale.ROOT);
        if (lower.contains("number of aliases")) {
            return Diagnostic.error(LIMIT, where, "too many YAML aliases (possible alias bomb)",
                    "write the values out; policies need no more than a few aliases");
        }
        if (lower.contains("nesting depth")) {
            return Diagnostic.error(LIMIT, where, "YAML nesting is too deep", "flatten the document");
        }
        if (lower.contains("code points")) {
            return Diagnostic.error(LIMIT, where, "document is too large", "split the policy into smaller files");
        }
        return Diagnostic.error(SYNTAX, where, "YAML: " + msg, "check the YAML syntax");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace("\r", "").replace("\n", " ").replaceAll(" +", " ").strip();
    }

    private static Location at(String name, Mark m) {
        return new Location(name, m.getLine() + 1, m.getColumn() + 1);
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Turns a node graph into a JSON tree, recording positions and refusing duplicate keys. */
    private static final class Converter {
        private final String name;
        final Map<String, Location> values = new HashMap<>();
        final Map<String, Location> keys = new HashMap<>();
        final List<Diagnostic> problems = new ArrayList<>();
        boolean failed;
        private final int maxDepth;
        private final java.util.Set<Node> path = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        private int nodes;
        private boolean stopped;

        Converter(String name, int maxDepth) {
            this.name = name;
            this.maxDepth = maxDepth;
        }

        /** Aliases can nest a document deeper than the parser saw, or into itself: both are refused here. */
        JsonNode convert(Node node, String pointer, int depth) {
            if (stopped) {
                return JsonNodeFactory.instance.nullNode();
            }
            if (path.contains(node)) {
                problems.add(Diagnostic.error(LIMIT, at(name, node.getStartMark()),
                        "recursive YAML: an alias refers to a node that contains it",
                        "write the values out; a policy is a tree, not a graph"));
                failed = true;
                stopped = true;
                return JsonNodeFactory.instance.nullNode();
            }
            if (depth > maxDepth) {
                problems.add(Diagnostic.error(LIMIT, at(name, node.getStartMark()),
                        "YAML nesting is deeper than " + maxDepth + " levels (after alias expansion)",
                        "flatten the document; policies need a few levels only"));
                failed = true;
                stopped = true;
                return JsonNodeFactory.instance.nullNode();
            }
            if (node instanceof ScalarNode) {
                return convertNode(node, pointer, depth);
            }
            path.add(node);
            try {
                return convertNode(node, pointer, depth);
            } finally {
                path.remove(node);
            }
        }

        private JsonNode convertNode(Node node, String pointer, int depth) {
            if (++nodes > MAX_NODES) {
                problems.add(Diagnostic.error(LIMIT, at(name, node.getStartMark()),
                        "document expands to more than " + MAX_NODES + " nodes (alias expansion?)",
                        "write the values out without aliases"));
                failed = true;
                stopped = true;
                return JsonNodeFactory.instance.nullNode();
            }
            values.putIfAbsent(pointer, at(name, node.getStartMark()));
            if (node instanceof MappingNode m) {
                ObjectNode obj = JsonNodeFactory.instance.objectNode();
                Map<String, Location> seen = new HashMap<>();
                for (NodeTuple t : m.getValue()) {
                    Node k = t.getKeyNode();
                    Location kl = at(name, k.getStartMark());
                    if (!(k instanceof ScalarNode ks)) {
                        problems.add(Diagnostic.error(SYNTAX, kl, "mapping keys must be plain names",
                                "write the key as text"));
                        failed = true;
                        continue;
                    }
                    String key = ks.getValue();
                    if (!textIsCarriable(key, kl)) {
                        continue;
                    }
                    Location first = seen.putIfAbsent(key, kl);
                    if (first != null) {
                        problems.add(Diagnostic.error(DUPLICATE_KEY, kl, "duplicate key '" + key + "'",
                                "remove one of the two; the first is at " + first).withRelated(first));
                        failed = true;
                        continue;
                    }
                    String child = pointer + "/" + SourceDocument.escape(key);
                    keys.put(child, kl);
                    obj.set(key, convert(t.getValueNode(), child, depth + 1));
                }
                return obj;
            }
            if (node instanceof SequenceNode s) {
                ArrayNode arr = JsonNodeFactory.instance.arrayNode();
                int i = 0;
                for (Node item : s.getValue()) {
                    arr.add(convert(item, pointer + "/" + i++, depth + 1));
                }
                return arr;
            }
            ScalarNode s = (ScalarNode) node;
            if (!textIsCarriable(s.getValue(), at(name, s.getStartMark()))) {
                return JsonNodeFactory.instance.nullNode();
            }
            return scalar(s);
        }

        private boolean textIsCarriable(String text, Location at) {
            java.util.Optional<String> problem = TextCharacters.problem(text);
            if (problem.isEmpty()) {
                return true;
            }
            problems.add(Diagnostic.error(ENCODING, at, "text holds " + problem.get() + ", which no output can carry",
                    problem.get().startsWith("an unpaired")
                            ? "a \\u escape of U+D800-U+DFFF must be one half of a pair: write the character itself,"
                            + " or \\U0001F600 for one outside the Basic Multilingual Plane"
                            : "remove the character"));
            failed = true;
            return false;
        }

        /** Only YAML's core scalars are typed: true/false, integers, floats, null; the rest is text. */
        private JsonNode scalar(ScalarNode s) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            String v = s.getValue();
            Tag tag = s.getTag();
            if (Tag.NULL.equals(tag)) {
                return f.nullNode();
            }
            if (Tag.BOOL.equals(tag)) {
                String l = v.toLowerCase(Locale.ROOT);
                if (l.equals("true")) {
                    return f.booleanNode(true);
                }
                if (l.equals("false")) {
                    return f.booleanNode(false);
                }
                return f.textNode(v); // yes/no/on/off stay text: no Norway problem
            }
            if (Tag.INT.equals(tag)) {
                String d = v.replace("_", "");
                try {
                    BigInteger n = d.startsWith("0x") || d.startsWith("0X")
                            ? new BigInteger(d.substring(2), 16)
                            : new BigInteger(d.startsWith("+") ? d.substring(1) : d);
                    return n.bitLength() < 63 ? f.numberNode(n.longValue()) : f.numberNode(n);
                } catch (NumberFormatException e) {
                    return f.textNode(v);
                }
            }
            if (Tag.FLOAT.equals(tag)) {
                try {
                    return f.numberNode(new java.math.BigDecimal(v.replace("_", "")));
                } catch (NumberFormatException e) {
                    return f.textNode(v);
                }
            }
            return f.textNode(v);
        }
    }
}
