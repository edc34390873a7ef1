package org.vipctl.emit.admx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vipctl.catalog.Catalog;
import org.vipctl.catalog.Setting;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.registry.Scope;

/** Every built-in registry setting is in exactly one template: Microsoft's or vipctl's. */
class CatalogCoverageTest {

    @Test
    void everyPolicyScopeRegistrySettingHasATemplate() {
        List<Template> templates = new TemplateReader().read(Catalog.builtIn(), new Diagnostics());
        Set<String> inVipctl = new HashSet<>();
        templates.forEach(t -> t.policies().forEach(p -> inVipctl.addAll(p.settingIds())));
        for (Setting s : Catalog.builtIn().settings()) {
            if (s.placement(Scope.POLICY).isEmpty()) {
                assertTrue(s.citrix().isPresent(), s.id() + " has neither a registry placement nor a Citrix setting");
                continue;
            }
            boolean microsoft = s.raw().path("admx").has("definedBy");
            assertTrue(microsoft ^ inVipctl.contains(s.id()),
                    s.id() + " must be in exactly one template (definedBy Microsoft, or an admx block for vipctl's)");
        }
        assertEquals(Set.of("rds.loopbackVirtualization.enabled", "citrix.preferLoopback.enabled",
                "citrix.preferLoopback.processes"), inVipctl);
    }
}
