package org.vipctl.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vipctl.catalog.Setting;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.model.TargetOs;
import org.vipctl.registry.RegKey;
import org.vipctl.registry.RegValue;

/**
 * One policy while it is being imported: typed fields, registry entries and the Citrix policy
 * section, with the diagnostics and counts so far. Validation may still move a typed section to
 * registry entries or drop what the format cannot hold, so this is the one mutable step between
 * the source and the written YAML.
 */
final class Draft {

    /** A typed field: the catalog setting, its YAML value, and the observation it came from. */
    record Typed(Setting setting, JsonNode value, Observed from) {
        /** {@code rdsIpVirtualization} for {@code /spec/rdsIpVirtualization/enabled}. */
        String section() {
            return section(setting.source());
        }

        String field() {
            return setting.source().substring(setting.source().lastIndexOf('/') + 1);
        }

        static String section(String pointer) {
            String[] parts = pointer.split("/");
            return parts.length > 2 ? parts[2] : "";
        }
    }

    /** A {@code spec.registry} entry; an empty value is {@code ensure: absent}. */
    record Entry(RegKey key, String name, Optional<RegValue> value, Origin origin) {
    }

    final SourceUnit unit;
    String name;
    Optional<String> description;
    List<TargetOs> os = List.of();
    final List<Typed> typed = new ArrayList<>();
    final List<Entry> registry = new ArrayList<>();
    /** {@code spec.citrixPolicy} as a tree, so validation can drop a field it refuses. */
    Optional<ObjectNode> citrixPolicy = Optional.empty();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    int unrelated;
    int notExpressible;

    Draft(SourceUnit unit) {
        this.unit = unit;
        this.name = unit.suggestedName();
        this.description = unit.description();
    }

    /** Values that made it into the YAML. */
    int imported() {
        return typed.size() + registry.size();
    }

    boolean isEmpty() {
        return typed.isEmpty() && registry.isEmpty();
    }

    /** The typed fields as the {@code spec} tree a policy would hold, for {@code when} pointers. */
    ObjectNode specTree() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (Typed t : typed) {
            String[] parts = t.setting().source().substring(1).split("/");
            ObjectNode at = root;
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode next = at.get(parts[i]);
                at = next instanceof ObjectNode o ? o : at.putObject(parts[i]);
            }
            at.set(parts[parts.length - 1], t.value());
        }
        return root;
    }
}
