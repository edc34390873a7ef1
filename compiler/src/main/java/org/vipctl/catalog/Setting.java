package org.vipctl.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vipctl.diagnostic.Location;
import org.vipctl.model.TargetOs;
import org.vipctl.registry.RegType;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.Scope;

/**
 * One entry of the setting catalog: what a setting is, where its value comes from in a VipPolicy
 * ({@code source}, a JSON Pointer that names a field of the policy format; without one the setting
 * is never written from a policy), how that value becomes registry data ({@code type}, {@code map}
 * in catalog order), when it applies ({@code when}: pointers that must be {@code true};
 * {@code deleteWhenFalse}: the value is removed when one of them is {@code false}), where it lives
 * per scope, and its ADMX side.
 */
public record Setting(String id, String vendor, String title, Optional<String> source, Optional<RegType> type,
                      Map<String, RegValue> map, List<String> when, boolean deleteWhenFalse,
                      Optional<TargetOs> supportedOn,
                      boolean restartRequired, Optional<Placement> policy, Optional<Placement> local,
                      Optional<CitrixSetting> citrix, Optional<AdmxBinding> admx, Optional<String> docs,
                      Location at) {

    public Setting {
        map = Collections.unmodifiableMap(new LinkedHashMap<>(map));
        when = List.copyOf(when);
    }

    public Optional<Placement> placement(Scope scope) {
        return scope == Scope.POLICY ? policy : local;
    }

    public boolean isRegistryValue() {
        return type.isPresent() && (policy.isPresent() || local.isPresent());
    }

    public Setting withCitrix(CitrixSetting c) {
        return new Setting(id, vendor, title, source, type, map, when, deleteWhenFalse, supportedOn, restartRequired, policy, local,
                Optional.of(c), admx, docs, at);
    }

    Setting withAdmx(Optional<AdmxBinding> binding) {
        return new Setting(id, vendor, title, source, type, map, when, deleteWhenFalse, supportedOn, restartRequired, policy, local,
                citrix, binding, docs, at);
    }
}
