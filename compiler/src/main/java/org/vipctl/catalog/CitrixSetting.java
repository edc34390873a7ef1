package org.vipctl.catalog;

import java.util.Optional;

/**
 * A Citrix policy setting: its internal name, kind ({@code state} Enabled/Disabled or {@code list}
 * of values), Citrix's default, and its path below {@code \Settings\} in the Citrix Group Policy
 * provider ({@code pathUnconfirmed} says why that path is uncertain).
 */
public record CitrixSetting(String name, String kind, String defaultValue, String path,
                            Optional<String> pathUnconfirmed) {

    public boolean isList() {
        return "list".equals(kind);
    }

    public CitrixSetting withPath(String newPath) {
        return new CitrixSetting(name, kind, defaultValue, newPath, Optional.empty());
    }
}
