package org.vipctl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.vipctl.catalog.Catalog;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.files.InputKind;
import org.vipctl.files.InputLimits;
import org.vipctl.load.LoadLimits;
import org.vipctl.load.SourceDocument;
import org.vipctl.load.YamlLoader;
import org.vipctl.lower.CitrixPolicy;
import org.vipctl.lower.Conflicts;
import org.vipctl.lower.LoopbackKeys;
import org.vipctl.lower.Lowering;
import org.vipctl.model.Policy;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;
import org.vipctl.validate.Validator;

/**
 * The front half of the pipeline in one value: files loaded, validated, and ready to lower. Every
 * command that reads policies starts here, so they all see the same policies and diagnostics.
 */
public final class Compilation {

    private final List<Policy> policies;
    private final int documents;
    private final Catalog catalog;
    private final Lowering lowering;

    private Compilation(List<Policy> policies, int documents, Catalog catalog) {
        this.policies = List.copyOf(policies);
        this.documents = documents;
        this.catalog = catalog;
        this.lowering = new Lowering(catalog);
    }

    /**
     * Loads and validates the policies under {@code paths}. Problems go to {@code out}; when it has
     * errors the compilation holds only the policies that were valid on their own.
     */
    public static Compilation load(List<Path> paths, Catalog catalog, Diagnostics out) {
        return load(paths, catalog, out, InputLimits.DEFAULT);
    }

    /** As {@link #load(List, Catalog, Diagnostics)}, each policy file within the size limit of {@code limits}. */
    public static Compilation load(List<Path> paths, Catalog catalog, Diagnostics out, InputLimits limits) {
        YamlLoader loader = new YamlLoader(LoadLimits.of(limits, InputKind.POLICY), InputKind.POLICY);
        List<SourceDocument> docs = new ArrayList<>();
        for (Path f : loader.expand(paths, out)) {
            docs.addAll(loader.load(f, out));
        }
        return of(List.copyOf(docs), catalog, out);
    }

    /**
     * Does now, on the calling thread, what every compilation starts with and what is the same in
     * every run: reading the built-in catalog and compiling the policy schema. Both are kept for the
     * life of the process, so later calls cost nothing. The CLI overlaps this with its own start-up.
     */
    public static void prepare() {
        Catalog.builtIn();
        Validator.prepare();
    }

    /** Validates documents already loaded, then checks what only lowered policies show (conflicts). */
    public static Compilation of(List<SourceDocument> docs, Catalog catalog, Diagnostics out) {
        List<Policy> valid = new Validator().validate(docs, out);
        Compilation c = new Compilation(valid, docs.size(), catalog);
        Conflicts.check(valid, c.lowering, out);
        return c;
    }

    public List<Policy> policies() {
        return policies;
    }

    /** How many policy documents were read, valid or not (a file may hold several). */
    public int documents() {
        return documents;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The registry values one policy sets in one scope. */
    public RegistryState registry(Policy policy, Scope scope) {
        return lowering.registry(policy, scope);
    }

    /** All policies' values in one scope, in file order; validation has ruled out conflicts. */
    public RegistryState registry(Scope scope) {
        RegistryState all = RegistryState.empty(scope);
        for (Policy p : policies) {
            all = all.merge(registry(p, scope));
        }
        return all;
    }

    /**
     * The warnings about the keys the given scopes write (VIP033): loopback virtualization where
     * IP virtualization is not turned on. Each command asks for the scopes it writes.
     */
    public List<Diagnostic> keyWarnings(Scope... scopes) {
        Map<Scope, RegistryState> byScope = new EnumMap<>(Scope.class);
        for (Scope scope : scopes) {
            byScope.put(scope, registry(scope));
        }
        return LoopbackKeys.check(catalog, byScope);
    }

    /** The Citrix section of one policy (empty when it sets no Citrix policy setting). */
    public CitrixPolicy citrix(Policy policy) {
        return lowering.citrix(policy);
    }
}
