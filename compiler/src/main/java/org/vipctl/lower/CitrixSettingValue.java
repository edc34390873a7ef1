package org.vipctl.lower;

import java.util.List;
import org.vipctl.catalog.CitrixSetting;

/**
 * One Citrix policy setting with its value: {@code state} is {@code Enabled} or {@code Disabled}
 * for state settings; list settings carry {@code values} (and state {@code Enabled}).
 */
public record CitrixSettingValue(CitrixSetting setting, String state, List<String> values) {

    public CitrixSettingValue {
        values = List.copyOf(values);
    }
}
