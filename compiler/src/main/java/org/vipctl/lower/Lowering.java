package org.vipctl.lower;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vipctl.catalog.Catalog;
import org.vipctl.catalog.Placement;
import org.vipctl.catalog.Setting;
import org.vipctl.model.CitrixPolicySettings;
import org.vipctl.model.CustomValue;
import org.vipctl.model.Policy;
import org.vipctl.model.RegistryData;
import org.vipctl.registry.Provenance;
import org.vipctl.registry.RegType;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;

/**
 * Turns a validated policy into registry entries and a Citrix section, driven by the catalog: for
 * each setting, the value at its {@code source} pointer is read (when every {@code when} pointer is
 * true), mapped through {@code map} or converted by type, and placed where the scope says.
 * Disabled features lower to explicit values (EnableVirtualIP = 0), never to silence.
 */
public final class Lowering {

    private final Catalog catalog;

    public Lowering(Catalog catalog) {
        this.catalog = catalog;
    }

    public RegistryState registry(Policy policy, Scope scope) {
        List<RegistryEntry> entries = new ArrayList<>();
        JsonNode tree = policy.source().tree();
        for (Setting s : catalog.settings()) {
            Optional<Placement> placement = s.placement(scope);
            if (placement.isEmpty() || s.type().isEmpty() || !applies(s, tree)) {
                continue;
            }
            JsonNode node = tree.at(s.source());
            Provenance from = new Provenance(s.id(), policy.name().value(), policy.source().valueAt(s.source()));
            encode(s, node).ifPresent(v -> entries.add(
                    new RegistryEntry.Set(placement.get().key(), placement.get().valueName(), v, from)));
        }
        for (CustomValue c : policy.spec().registry()) {
            Provenance from = new Provenance("registry", policy.name().value(), c.at());
            entries.add(c.value().<RegistryEntry>map(v -> new RegistryEntry.Set(c.key(), c.name(), v, from))
                    .orElseGet(() -> new RegistryEntry.Delete(c.key(), c.name(), from)));
        }
        return new RegistryState(scope, entries);
    }

    public CitrixPolicy citrix(Policy policy) {
        JsonNode tree = policy.source().tree();
        List<CitrixSettingValue> values = new ArrayList<>();
        for (Setting s : catalog.settings()) {
            if (s.citrix().isEmpty() || !applies(s, tree)) {
                continue;
            }
            var c = s.citrix().get();
            JsonNode node = tree.at(s.source());
            if (c.isList()) {
                List<String> items = new ArrayList<>();
                node.forEach(n -> items.add(n.asText()));
                // An explicitly empty list means "Citrix's default" (no programs), not an empty value.
                values.add(new CitrixSettingValue(c, items.isEmpty() ? "UseDefault" : "Enabled", items));
            } else {
                values.add(new CitrixSettingValue(c, node.asBoolean() ? "Enabled" : "Disabled", List.of()));
            }
        }
        CitrixPolicySettings cp = policy.spec().citrixPolicy().orElse(CitrixPolicySettings.defaults(policy.at()));
        String name = cp.name().map(n -> n.value()).orElse(policy.name().value());
        String description = cp.description().or(policy::description).orElse("");
        return new CitrixPolicy(policy, name, description, cp.enabled(), cp.priority().value(), cp.filters(), values);
    }

    /** A setting applies when its source value is present and every {@code when} pointer is true. */
    private static boolean applies(Setting s, JsonNode tree) {
        JsonNode node = tree.at(s.source());
        if (s.source().isEmpty() || node.isMissingNode() || node.isNull()) {
            return false;
        }
        return s.when().stream().allMatch(w -> tree.at(w).asBoolean(false));
    }

    /** Converts a YAML value to registry data of the setting's type. */
    static Optional<RegValue> encode(Setting s, JsonNode node) {
        RegType type = s.type().orElseThrow();
        JsonNode v = node;
        if (!s.map().isEmpty()) {
            v = s.map().get(node.asText());
            if (v == null) {
                return Optional.empty();
            }
        }
        return RegistryData.of(type, v);
    }
}
