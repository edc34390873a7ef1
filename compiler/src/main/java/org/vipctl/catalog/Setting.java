package org.vipctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vipctl.diagnostic.Location;
import org.vipctl.model.TargetOs;
import org.vipctl.registry.RegType;
import org.vipctl.registry.Scope;

/**
 * One entry of the setting catalog: what a setting is, where its value comes from in a VipPolicy
 * ({@code source}, a JSON Pointer), how that value becomes registry data ({@code type},
 * {@code map}), when it applies ({@code when}: pointers that must be {@code true}), and where it
 * lives per scope. {@code raw} keeps the whole catalog entry for writers that need more (ADMX
 * presentation, translations).
 */
public record Setting(String id, String vendor, String title, String source, Optional<RegType> type,
                      Map<String, JsonNode> map, List<String> when, Optional<TargetOs> supportedOn,
                      boolean restartRequired, Optional<Placement> policy, Optional<Placement> local,
                      Optional<CitrixSetting> citrix, Optional<String> docs, JsonNode raw, Location at) {

    public Setting {
        map = Map.copyOf(map);
        when = List.copyOf(when);
    }

    public Optional<Placement> placement(Scope scope) {
        return scope == Scope.POLICY ? policy : local;
    }

    public boolean isRegistryValue() {
        return type.isPresent() && (policy.isPresent() || local.isPresent());
    }

    public Setting withCitrix(CitrixSetting c) {
        return new Setting(id, vendor, title, source, type, map, when, supportedOn, restartRequired, policy, local,
                Optional.of(c), docs, raw, at);
    }
}
