package org.vipctl.admx.lint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.vipctl.admx.AdmxReader;
import org.vipctl.admx.ParsedFile;
import org.vipctl.admx.binding.PolicyDefinitionResources;
import org.vipctl.admx.binding.PolicyDefinitions;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;

/**
 * {@code vipctl admx lint}: reads a store (PolicyDefinitions folders, ADMX and ADML files) and
 * checks what the Group Policy Management Console checks when it loads one, plus a little more.
 * Files are parsed in parallel, then checked together.
 */
public final class AdmxLinter {

    private final boolean strictNamespaces;

    /** @param strictNamespaces report namespaces named by {@code using} but absent from the store as errors */
    public AdmxLinter(boolean strictNamespaces) {
        this.strictNamespaces = strictNamespaces;
    }

    public LintResult lint(List<Path> paths) {
        List<Diagnostic> found = new ArrayList<>();
        StoreFiles files = StoreFiles.discover(paths, found);
        List<ParsedFile<PolicyDefinitions>> admx = new ArrayList<>();
        List<ParsedFile<PolicyDefinitionResources>> adml = new ArrayList<>();
        parseAll(files, admx, adml, found);
        Diagnostics d = new Diagnostics();
        d.addAll(found);
        new StoreChecks(files, admx, adml, strictNamespaces, d).run();
        TreeSet<String> langs = new TreeSet<>();
        files.languagesByRoot().values().forEach(langs::addAll);
        return new LintResult(d.sorted(), files.admx().size(), files.adml().size(), List.copyOf(langs));
    }

    private static void parseAll(StoreFiles files, List<ParsedFile<PolicyDefinitions>> admx,
                                 List<ParsedFile<PolicyDefinitionResources>> adml, List<Diagnostic> out) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "admx-reader");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<AdmxReader> readers = ThreadLocal.withInitial(AdmxReader::new);
        try {
            List<Future<Parsed<PolicyDefinitions>>> a = new ArrayList<>();
            for (StoreFiles.Source s : files.admx()) {
                a.add(pool.submit(() -> parse(readers.get(), s, PolicyDefinitions.class)));
            }
            List<Future<Parsed<PolicyDefinitionResources>>> l = new ArrayList<>();
            for (StoreFiles.Source s : files.adml()) {
                l.add(pool.submit(() -> parse(readers.get(), s, PolicyDefinitionResources.class)));
            }
            for (Future<Parsed<PolicyDefinitions>> f : a) {
                Parsed<PolicyDefinitions> p = f.get();
                admx.add(p.file());
                out.addAll(p.diagnostics());
            }
            for (Future<Parsed<PolicyDefinitionResources>> f : l) {
                Parsed<PolicyDefinitionResources> p = f.get();
                adml.add(p.file());
                out.addAll(p.diagnostics());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the store", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading the store failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private record Parsed<T>(ParsedFile<T> file, List<Diagnostic> diagnostics) {
    }

    private static <T> Parsed<T> parse(AdmxReader reader, StoreFiles.Source s, Class<T> type) {
        List<Diagnostic> d = new ArrayList<>();
        ParsedFile<T> f = reader.read(s.file(), s.display(), type, d);
        return new Parsed<>(f, d);
    }

    /** A path relative to the working folder when it is below it, as people typed it. */
    static String display(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) ? cwd.relativize(p).toString() : p.toString();
    }
}
