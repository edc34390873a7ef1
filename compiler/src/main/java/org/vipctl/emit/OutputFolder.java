package org.vipctl.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.vipctl.files.AtomicFile;
import org.vipctl.files.FileProblem;
import org.vipctl.files.IoProblem;
import org.vipctl.files.LockFile;

/**
 * The output folder of {@code compile -o}, changed all or nothing.
 *
 * <p>A run takes the folder's lock (a lock file beside it), writes every output into a staging
 * folder beside it ({@code .OUT.vipctl-staging}), and only when all are written moves them into
 * place one by one, each replaced file moved aside into the staging folder first. A journal written
 * before the first move lists the moves; if one fails, the moves done are undone, so the folder is
 * exactly as before. A run killed in the middle leaves the staging folder with its journal, and the
 * next run on the folder undoes the moves before it does anything else. A {@code committed} marker
 * in the staging folder, made once every file is in place, is the moment the new outputs count as
 * placed; the staging folder is then removed (by the next run, if this one cannot).
 *
 * <p>A manifest in the folder ({@code .vipctl-manifest.json}) lists what compile wrote, with a
 * checksum of each file: an output of the last run that this run does not write is removed, unless
 * it was changed since; files compile did not write are never touched.
 */
public final class OutputFolder implements AutoCloseable {

    public static final String MANIFEST = ".vipctl-manifest.json";
    private static final String JOURNAL = "journal.json";
    private static final String COMMITTED = "committed";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path out;
    private final Path staging;
    private final Path trash;
    private final LockFile lock;

    /** What a run did: every output, the outputs of earlier runs removed, and those kept because they were changed. */
    public record Result(List<Path> written, List<Path> removed, List<Path> kept) {
        public Result {
            written = List.copyOf(written);
            removed = List.copyOf(removed);
            kept = List.copyOf(kept);
        }
    }

    private OutputFolder(Path out, LockFile lock) {
        this.out = out;
        this.staging = out.resolveSibling("." + out.getFileName() + ".vipctl-staging");
        this.trash = out.resolveSibling("." + out.getFileName() + ".vipctl-trash");
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code folder} (followed when it is a symbolic link) and puts back what a run
     * killed while placing its outputs had changed.
     *
     * @throws FileProblem when another run holds the lock or the folder cannot be put back
     */
    public static OutputFolder open(Path folder) {
        Path real;
        try {
            real = AtomicFile.followLinks(folder);
        } catch (IOException e) {
            throw new FileProblem("output " + folder + ": " + IoProblem.describe(e), e);
        }
        if (Files.exists(real) && !Files.isDirectory(real)) {
            throw new FileProblem("output " + folder + " exists and is not a folder");
        }
        LockFile lock = LockFile.acquire(LockFile.beside(real), real.toString());
        OutputFolder f = new OutputFolder(real, lock);
        try {
            f.recover();
        } catch (IOException e) {
            lock.close();
            throw new FileProblem("cannot put back " + real + " after an interrupted compile: " + IoProblem.describe(e)
                    + " (its state is in " + f.staging + ")", e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return f;
    }

    /** The folder written to (links followed). */
    public Path path() {
        return out;
    }

    /**
     * Places {@code files}: all of them, or, on any error, none (the folder is then as before).
     *
     * @param replaceReadOnly replace an output file marked read-only instead of refusing
     * @throws FileProblem naming the file that could not be written or placed
     */
    public Result write(OutputFiles files, boolean replaceReadOnly, String readOnlyOption) {
        Map<String, String> previous = readManifest();
        Map<String, byte[]> next = new TreeMap<>(files.files());
        List<Path> kept = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        for (Map.Entry<String, String> e : previous.entrySet()) {
            Path p = out.resolve(e.getKey());
            if (next.containsKey(e.getKey()) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            if (e.getValue().equals(sha256(read(p)))) {
                remove.add(e.getKey());
            } else {
                kept.add(p);
            }
        }
        Map<String, String> manifest = new TreeMap<>();
        next.forEach((k, v) -> manifest.put(k, sha256(v)));
        next.put(MANIFEST, manifestBytes(manifest));

        List<Move> moves = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : next.entrySet()) {
            Path target = out.resolve(e.getKey());
            check(e.getKey(), target, replaceReadOnly, readOnlyOption);
            if (Files.isRegularFile(target) && java.util.Arrays.equals(read(target), e.getValue())) {
                continue;
            }
            moves.add(new Move(e.getKey(), true, Files.exists(target, LinkOption.NOFOLLOW_LINKS)));
        }
        for (String r : remove) {
            moves.add(new Move(r, false, true));
        }
        List<String> dirs = missingFolders(moves);
        try {
            stage(next, moves);
            writeJournal(moves, dirs);
        } catch (IOException e) {
            discard();
            throw new FileProblem("cannot write the outputs: " + IoProblem.describe(e) + "; " + out + " was not changed", e);
        }
        try {
            place(moves, dirs);
            Files.createFile(staging.resolve(COMMITTED));
        } catch (IOException e) {
            try {
                undo(moves, dirs);
                discard();
            } catch (IOException again) {
                throw new FileProblem("cannot place the outputs: " + IoProblem.describe(e) + "; putting " + out
                        + " back failed too (" + IoProblem.describe(again) + "), the next compile into it retries", e);
            }
            throw new FileProblem("cannot place the outputs: " + IoProblem.describe(e) + "; " + out + " is as it was", e);
        }
        try {
            Files.move(staging, trash, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(trash);
        } catch (IOException e) {
            // the outputs are in place; the staging folder is removed by the next run
        }
        List<Path> written = new ArrayList<>();
        files.files().keySet().forEach(k -> written.add(out.resolve(k)));
        return new Result(written, remove.stream().map(out::resolve).toList(), kept);
    }

    /** One file to put in place ({@code place}) or to take out, and whether a file was there before. */
    private record Move(String path, boolean place, boolean existed) {
    }

    private void check(String rel, Path target, boolean replaceReadOnly, String option) {
        for (Path p = target.getParent(); p != null && p.startsWith(out) && !p.equals(out); p = p.getParent()) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileProblem("cannot write the outputs: " + p + " is in the way (a folder is needed there for "
                        + rel + "); nothing was written");
            }
        }
        if (Files.isSymbolicLink(target)) {
            throw new FileProblem("cannot write the outputs: " + target + " is a symbolic link, and compile does not"
                    + " write through links inside the output folder: remove it (nothing was written)");
        }
        if (Files.isDirectory(target)) {
            throw new FileProblem("cannot write the outputs: " + target + " is a folder; nothing was written");
        }
        AtomicFile.checkReplaceable(target, replaceReadOnly, option);
    }

    private List<String> missingFolders(List<Move> moves) {
        List<String> dirs = new ArrayList<>();
        if (!Files.isDirectory(out)) {
            dirs.add("");
        }
        for (Move m : moves) {
            if (!m.place()) {
                continue;
            }
            List<String> chain = new ArrayList<>();
            for (Path p = out.resolve(m.path()).getParent(); p != null && !p.equals(out); p = p.getParent()) {
                chain.add(0, out.relativize(p).toString());
            }
            for (String d : chain) {
                if (!dirs.contains(d) && !Files.isDirectory(out.resolve(d))) {
                    dirs.add(d);
                }
            }
        }
        return dirs;
    }

    private void stage(Map<String, byte[]> next, List<Move> moves) throws IOException {
        discard();
        Files.createDirectories(staging.resolve("new"));
        Files.createDirectories(staging.resolve("old"));
        for (Move m : moves) {
            if (!m.place()) {
                continue;
            }
            Path target = out.resolve(m.path());
            Path staged = staging.resolve("new").resolve(m.path());
            Files.createDirectories(staged.getParent());
            Files.write(staged, next.get(m.path()));
            PosixFileAttributeView view = Files.getFileAttributeView(staged, PosixFileAttributeView.class);
            if (view != null) {
                view.setPermissions(Files.exists(target) ? Files.getPosixFilePermissions(target)
                        : PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
    }

    private void writeJournal(List<Move> moves, List<String> dirs) throws IOException {
        ObjectNode j = JSON.createObjectNode();
        j.put("format_version", 1);
        ArrayNode d = j.putArray("created_folders");
        dirs.forEach(d::add);
        ArrayNode m = j.putArray("moves");
        for (Move mv : moves) {
            m.addObject().put("path", mv.path()).put("place", mv.place()).put("existed", mv.existed());
        }
        AtomicFile.write(staging.resolve(JOURNAL), JSON.writeValueAsBytes(j));
    }

    private void place(List<Move> moves, List<String> dirs) throws IOException {
        for (String d : dirs) {
            Files.createDirectory(d.isEmpty() ? out : out.resolve(d));
        }
        for (Move m : moves) {
            Path target = out.resolve(m.path());
            if (m.existed()) {
                Path aside = staging.resolve("old").resolve(m.path());
                Files.createDirectories(aside.getParent());
                move(target, aside);
            }
            if (m.place()) {
                move(staging.resolve("new").resolve(m.path()), target);
            }
        }
    }

    /** Puts back what {@link #place} did, in reverse; safe to run again after it was interrupted itself. */
    private void undo(List<Move> moves, List<String> dirs) throws IOException {
        for (int i = moves.size() - 1; i >= 0; i--) {
            Move m = moves.get(i);
            Path target = out.resolve(m.path());
            Path aside = staging.resolve("old").resolve(m.path());
            if (Files.exists(aside, LinkOption.NOFOLLOW_LINKS)) {
                move(aside, target);
            } else if (m.place() && !m.existed() && !Files.exists(staging.resolve("new").resolve(m.path()), LinkOption.NOFOLLOW_LINKS)) {
                Files.deleteIfExists(target);
            }
        }
        for (int i = dirs.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(dirs.get(i).isEmpty() ? out : out.resolve(dirs.get(i)));
            } catch (DirectoryNotEmptyException e) {
                // something else was put there meanwhile: it stays
            }
        }
    }

    private void recover() throws IOException {
        if (Files.isDirectory(trash, LinkOption.NOFOLLOW_LINKS)) {
            deleteTree(trash);
        }
        if (!Files.isDirectory(staging, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path journal = staging.resolve(JOURNAL);
        if (Files.isRegularFile(journal) && !Files.exists(staging.resolve(COMMITTED))) {
            JsonNode j = JSON.readTree(Files.readAllBytes(journal));
            List<Move> moves = new ArrayList<>();
            for (JsonNode m : j.path("moves")) {
                moves.add(new Move(safe(m.path("path").asText("")), m.path("place").asBoolean(), m.path("existed").asBoolean()));
            }
            List<String> dirs = new ArrayList<>();
            for (JsonNode d : j.path("created_folders")) {
                String s = d.asText("");
                dirs.add(s.isEmpty() ? s : safe(s));
            }
            undo(moves, dirs);
        }
        discard();
    }

    /** A path from the journal, which must stay inside the output folder. */
    private String safe(String rel) throws IOException {
        Path p = out.resolve(rel).normalize();
        if (rel.isEmpty() || !p.startsWith(out) || p.equals(out)) {
            throw new IOException("the journal in " + staging + " names " + rel + ", outside " + out);
        }
        return rel;
    }

    private void discard() {
        try {
            if (Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(staging, trash, StandardCopyOption.ATOMIC_MOVE);
            }
            deleteTree(trash);
        } catch (IOException e) {
            // left for the next run, which removes it before anything else
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (NoSuchFileException e) {
            // already gone
        }
    }

    private Map<String, String> readManifest() {
        Path m = out.resolve(MANIFEST);
        Map<String, String> files = new LinkedHashMap<>();
        if (!Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS)) {
            return files;
        }
        try {
            JsonNode n = JSON.readTree(Files.readAllBytes(m));
            n.path("files").fields().forEachRemaining(e -> {
                String rel = e.getKey();
                Path p = out.resolve(rel).normalize();
                if (p.startsWith(out) && !p.equals(out) && !rel.equals(MANIFEST) && e.getValue().isTextual()) {
                    files.put(rel, e.getValue().asText());
                }
            });
        } catch (IOException e) {
            // an unreadable manifest removes nothing: files are only ever removed on its word
        }
        return files;
    }

    private static byte[] manifestBytes(Map<String, String> files) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format_version", 1);
        root.put("note", "files vipctl compile wrote here; it removes those it no longer writes unless they were changed");
        ObjectNode f = root.putObject("files");
        files.forEach(f::put);
        try {
            return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new FileProblem("cannot read " + p + ": " + IoProblem.describe(e), e);
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        lock.close();
    }
}
