package org.vipctl.emit.admx;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vipctl.admx.AdmxReader;
import org.vipctl.admx.ElementKind;
import org.vipctl.admx.binding.EnumElement;
import org.vipctl.admx.binding.EnumItem;
import org.vipctl.admx.binding.Policy;
import org.vipctl.admx.binding.PolicyDefinitions;
import org.vipctl.catalog.Catalog;
import org.vipctl.catalog.Placement;
import org.vipctl.catalog.Setting;
import org.vipctl.diagnostic.Diagnostic;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegType;
import org.vipctl.registry.Scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * vipctl writes the RD IP Virtualization values itself (Registry.pol, .reg, apply) but leaves their
 * ADMX to Microsoft's TerminalServer-Server.admx. Both must agree on every value: key, value name,
 * element kind and the numbers an enum or an enabled/disabled policy writes.
 */
class TerminalServerAgreementTest {

    @Test
    void catalogAgreesWithMicrosoftsTemplate() {
        assumeTrue(Fixtures.hasReferenceStore(), "../shared/reference/admx is not present");
        List<Diagnostic> out = new ArrayList<>();
        PolicyDefinitions admx = new AdmxReader().read(Fixtures.referenceStore().resolve("TerminalServer-Server.admx"),
                PolicyDefinitions.class, out).root().orElseThrow();
        assertTrue(out.isEmpty(), out::toString);

        List<Setting> defined = Catalog.builtIn().settings().stream()
                .filter(s -> s.raw().path("admx").path("definedBy").asText().equals("TerminalServer-Server.admx"))
                .toList();
        assertEquals(5, defined.size(), "the five RD IP Virtualization values");
        for (Setting s : defined) {
            JsonNode a = s.raw().path("admx");
            Policy p = admx.getPolicies().getPolicy().stream().filter(x -> x.getName().equals(a.path("policy").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError(s.id() + ": no policy " + a.path("policy")));
            Placement place = s.placement(Scope.POLICY).orElseThrow();
            assertEquals(Hive.HKLM, place.key().hive(), s.id());
            assertEquals("Machine", p.getClazz().value(), s.id());
            assertTrue(place.key().literalPath().equalsIgnoreCase(p.getKey()), s.id() + ": key " + p.getKey());
            RegType type = s.type().orElseThrow();
            if (!a.has("element")) {
                assertEquals(place.valueName(), p.getValueName(), s.id());
                assertEquals(RegType.REG_DWORD, type, s.id());
                Set<Long> catalogValues = s.map().values().stream().map(JsonNode::asLong).collect(Collectors.toSet());
                assertEquals(catalogValues, Set.of(p.getEnabledValue().getDecimal().getValue(),
                        p.getDisabledValue().getDecimal().getValue()), s.id());
                if (s.map().containsKey("true") && s.id().endsWith(".enabled")) {
                    assertEquals(s.map().get("true").asLong(), p.getEnabledValue().getDecimal().getValue());
                }
                continue;
            }
            Object element = p.getElements().getItems().stream()
                    .filter(e -> place.valueName().equals(valueName(e))).findFirst()
                    .orElseThrow(() -> new AssertionError(s.id() + ": no element writes " + place.valueName()));
            ElementKind kind = ElementKind.of(element);
            assertEquals(a.path("elementKind").asText(), kind.xmlName(), s.id());
            switch (kind) {
                case MULTI_TEXT -> assertEquals(RegType.REG_MULTI_SZ, type, s.id());
                case TEXT -> assertEquals(RegType.REG_SZ, type, s.id());
                case ENUM -> {
                    assertEquals(RegType.REG_DWORD, type, s.id());
                    Set<Long> admxValues = new TreeSet<>();
                    for (EnumItem i : ((EnumElement) element).getItem()) {
                        admxValues.add(i.getValue().getDecimal().getValue());
                    }
                    Set<Long> catalogValues = new TreeSet<>();
                    s.map().values().forEach(v -> catalogValues.add(v.asLong()));
                    assertEquals(admxValues, catalogValues, s.id());
                }
                default -> throw new AssertionError(s.id() + ": unexpected element kind " + kind);
            }
        }
    }

    @Test
    void vipctlTemplateDoesNotRedefineMicrosoftPolicies() {
        Set<String> microsoft = Catalog.builtIn().settings().stream()
                .filter(s -> s.raw().path("admx").has("definedBy"))
                .map(s -> s.placement(Scope.POLICY).orElseThrow().valueName()).collect(Collectors.toSet());
        List<Template> templates = new TemplateReader().read(Catalog.builtIn(), new org.vipctl.diagnostic.Diagnostics());
        assertEquals(1, templates.size());
        for (Template.PolicyDef p : templates.get(0).policies()) {
            assertFalse(microsoft.contains(p.valueName()), p.name());
            p.elements().forEach(e -> assertFalse(microsoft.contains(e.valueName()), e.id()));
            assertFalse(p.key().toLowerCase().contains("policies\\microsoft\\windows nt\\terminal services"), p.key());
        }
    }

    private static String valueName(Object e) {
        if (e instanceof org.vipctl.admx.binding.EnumElement x) {
            return x.getValueName();
        } else if (e instanceof org.vipctl.admx.binding.MultiTextElement x) {
            return x.getValueName();
        } else if (e instanceof org.vipctl.admx.binding.TextElement x) {
            return x.getValueName();
        } else if (e instanceof org.vipctl.admx.binding.DecimalElement x) {
            return x.getValueName();
        } else if (e instanceof org.vipctl.admx.binding.BooleanElement x) {
            return x.getValueName();
        }
        return "";
    }
}
