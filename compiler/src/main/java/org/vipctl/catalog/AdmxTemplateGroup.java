package org.vipctl.catalog;

import java.util.List;

/** One ADMX template of the catalog: its {@code admxTemplate} block and its settings, in catalog order. */
public record AdmxTemplateGroup(AdmxTemplateSpec spec, List<Setting> settings) {

    public AdmxTemplateGroup {
        settings = List.copyOf(settings);
    }
}
