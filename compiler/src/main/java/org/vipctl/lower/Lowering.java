package org.vipctl.lower;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.vipctl.catalog.Catalog;
import org.vipctl.catalog.Placement;
import org.vipctl.catalog.Setting;
import org.vipctl.model.CitrixPolicySettings;
import org.vipctl.model.CustomValue;
import org.vipctl.model.Policy;
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
        return Optional.ofNullable(RegistryData.convert(type, v));
    }

    /** Registry data from a YAML value, shared by the catalog and the spec.registry escape hatch. */
    public static final class RegistryData {
        private RegistryData() {
        }

        /** Returns null when {@code v} does not fit {@code type}; the validator reports that case. */
        public static RegValue convert(RegType type, JsonNode v) {
            switch (type) {
                case REG_DWORD:
                    return v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= 0 && v.asLong() <= 0xFFFF_FFFFL
                            ? RegValue.Dword.ofUnsigned(v.asLong()) : v.isBoolean() ? new RegValue.Dword(v.asBoolean() ? 1 : 0) : null;
                case REG_QWORD:
                    if (v.isIntegralNumber() && v.bigIntegerValue().signum() >= 0 && v.bigIntegerValue().bitLength() <= 64) {
                        return new RegValue.Qword(v.bigIntegerValue().longValue());
                    }
                    return null;
                // A NUL inside string data would end the string early on Windows (and split a
                // REG_MULTI_SZ item in two): such data does not fit the type.
                case REG_SZ:
                    return isText(v) ? new RegValue.Sz(v.asText()) : null;
                case REG_EXPAND_SZ:
                    return isText(v) ? new RegValue.ExpandSz(v.asText()) : null;
                case REG_MULTI_SZ: {
                    if (!v.isArray()) {
                        return null;
                    }
                    List<String> items = new ArrayList<>();
                    for (JsonNode item : v) {
                        if (!isText(item) || item.asText().isEmpty()) {
                            return null;
                        }
                        items.add(item.asText());
                    }
                    return new RegValue.MultiSz(items);
                }
                case REG_BINARY: {
                    if (!v.isTextual()) {
                        return null;
                    }
                    String hex = v.asText().replaceAll("[\\s,:]", "");
                    if (hex.length() % 2 != 0 || !hex.matches("[0-9A-Fa-f]*")) {
                        return null;
                    }
                    return new RegValue.Binary(HexFormat.of().parseHex(hex));
                }
                default:
                    return null;
            }
        }

        private static boolean isText(JsonNode v) {
            return v.isTextual() && v.asText().indexOf('\0') < 0;
        }
    }
}
