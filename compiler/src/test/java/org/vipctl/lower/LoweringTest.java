package org.vipctl.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vipctl.catalog.Catalog;
import org.vipctl.catalog.Placement;
import org.vipctl.catalog.Setting;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.load.YamlLoader;
import org.vipctl.model.Policy;
import org.vipctl.registry.Hive;
import org.vipctl.registry.RegValue;
import org.vipctl.registry.RegistryEntry;
import org.vipctl.registry.RegistryState;
import org.vipctl.registry.Scope;
import org.vipctl.registry.View;
import org.vipctl.validate.Validator;

/** Policy to registry values, per scope, against the facts of the vendor documents. */
class LoweringTest {

    private static final String POLICY_KEY = "SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services\\TSAppSrv\\VirtualIP";
    private static final String LOCAL_KEY = "SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\TSAppSrv\\VirtualIP";

    private static final String ALL_ON = """
            apiVersion: vipctl/v1
            kind: VipPolicy
            metadata: {name: all}
            targets: {os: [windowsServer2022]}
            spec:
              rdsIpVirtualization:
                enabled: true
                mode: perProgram
                programs: [crm.exe, cti.exe]
                networkAdapter: 192.0.2.96/24
                useServerIpWhenUnavailable: false
              rdsLoopbackVirtualization: {enabled: true}
              citrixVirtualLoopback: {enabled: true, programs: [cti.exe]}
              citrixPreferLoopback: {enabled: true, processes: [cti.exe]}
            """;

    private static final String ALL_OFF = """
            apiVersion: vipctl/v1
            kind: VipPolicy
            metadata: {name: off}
            targets: {os: [windowsServer2022]}
            spec:
              rdsIpVirtualization: {enabled: false, mode: perSession, networkAdapter: 192.0.2.96/24}
              rdsLoopbackVirtualization: {enabled: false}
              citrixVirtualLoopback: {enabled: false}
              citrixPreferLoopback: {enabled: false, processes: [cti.exe]}
            """;

    private final Catalog catalog = Catalog.builtIn();
    private final Lowering lowering = new Lowering(catalog);

    private static Policy policy(String yaml) {
        Diagnostics out = new Diagnostics();
        List<Policy> valid = new Validator().validate(
                new YamlLoader().parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8), out), out);
        assertFalse(out.hasErrors(), out.sorted()::toString);
        return valid.get(0);
    }

    private static Map<String, RegistryEntry.Set> byName(RegistryState s) {
        return s.entries().stream().map(e -> (RegistryEntry.Set) e)
                .collect(Collectors.toMap(e -> e.key().literalPath() + "\\" + e.name(), e -> e));
    }

    private static String withSpec(String spec) {
        return ALL_ON.substring(0, ALL_ON.indexOf("spec:")) + spec;
    }

    private static RegValue dword(long v) {
        return RegValue.Dword.ofUnsigned(v);
    }

    @ParameterizedTest
    @EnumSource(Scope.class)
    void everyCatalogRegistrySettingLowersToItsPlacement(Scope scope) {
        RegistryState state = lowering.registry(policy(ALL_ON), scope);
        for (Setting s : catalog.settings()) {
            Optional<Placement> p = s.placement(scope);
            if (p.isEmpty()) {
                continue;
            }
            List<RegistryEntry> found = state.entries().stream()
                    .filter(e -> e.key().equals(p.get().key()) && e.name().equals(p.get().valueName())).toList();
            assertEquals(1, found.size(), () -> s.id() + " in " + scope + ": " + state.entries());
            RegistryEntry.Set set = (RegistryEntry.Set) found.get(0);
            assertEquals(s.type().orElseThrow(), set.value().type(), s.id());
            assertEquals(s.id(), set.from().settingId());
            assertEquals("all", set.from().policyName());
            assertTrue(set.from().source().line() > 5, "provenance points into the file: " + set.from().source());
        }
        assertEquals(catalog.settings().stream().filter(s -> s.placement(scope).isPresent()).count(), state.entries().size());
    }

    @Test
    void policyScopeHasTheDocumentedKeysAndValues() {
        Map<String, RegistryEntry.Set> m = byName(lowering.registry(policy(ALL_ON), Scope.POLICY));
        assertEquals(dword(1), m.get(POLICY_KEY + "\\EnableVirtualIP").value());
        assertEquals(dword(1), m.get(POLICY_KEY + "\\VirtualMode").value(), "per program is 1");
        assertEquals(new RegValue.MultiSz(List.of("crm.exe", "cti.exe")), m.get(POLICY_KEY + "\\PerApp").value());
        assertEquals(new RegValue.Sz("192.0.2.96/24"), m.get(POLICY_KEY + "\\VIPAdapter").value());
        assertEquals(dword(1), m.get(POLICY_KEY + "\\PromptOnIPLeaseFail").value(),
                "not falling back to the server IP is PromptOnIPLeaseFail = 1");
        assertEquals(dword(1), m.get(LOCAL_KEY + "\\VirtualizeLoopbackAdresses").value(),
                "one 'd': the name Windows reads; no policy key exists for it");
        assertEquals(dword(1), m.get("SOFTWARE\\Wow6432Node\\Citrix\\VIP\\PreferLoopback").value());
        assertEquals(new RegValue.MultiSz(List.of("cti.exe")),
                m.get("SOFTWARE\\Wow6432Node\\Citrix\\VIP\\PreferLoopbackProcesses").value());
        m.values().forEach(e -> assertEquals(Hive.HKLM, e.key().hive()));
    }

    @Test
    void localScopeUsesTheServerKeysAndThe32BitViewForCitrix() {
        Map<String, RegistryEntry.Set> m = byName(lowering.registry(policy(ALL_ON), Scope.LOCAL));
        assertEquals(dword(1), m.get(LOCAL_KEY + "\\EnableVirtualIP").value());
        assertEquals(dword(1), m.get(LOCAL_KEY + "\\VirtualMode").value());
        assertEquals(new RegValue.Sz("192.0.2.96/24"), m.get(LOCAL_KEY + "\\VIPAdapter").value());
        assertEquals(dword(1), m.get(LOCAL_KEY + "\\VirtualizeLoopbackAdresses").value());
        RegistryEntry.Set prefer = m.get("SOFTWARE\\Wow6432Node\\Citrix\\VIP\\PreferLoopback");
        assertEquals(View.BIT32, prefer.key().view());
        assertEquals("SOFTWARE\\Citrix\\VIP", prefer.key().path(), "the 32-bit view of SOFTWARE\\Citrix\\VIP");
        assertFalse(m.keySet().stream().anyMatch(k -> k.startsWith("SOFTWARE\\Policies")), m.keySet()::toString);
    }

    @ParameterizedTest
    @EnumSource(Scope.class)
    void disabledFeaturesLowerToExplicitZeros(Scope scope) {
        Map<String, RegistryEntry.Set> m = byName(lowering.registry(policy(ALL_OFF), scope));
        String ip = scope == Scope.POLICY ? POLICY_KEY : LOCAL_KEY;
        assertEquals(dword(0), m.get(ip + "\\EnableVirtualIP").value());
        assertEquals(dword(0), m.get(LOCAL_KEY + "\\VirtualizeLoopbackAdresses").value());
        assertEquals(dword(0), m.get("SOFTWARE\\Wow6432Node\\Citrix\\VIP\\PreferLoopback").value());
        assertEquals(3, m.size(), () -> "settings that depend on a disabled feature are not written: " + m.keySet());
    }

    @Test
    void perSessionModeIsZeroAndTheServerIpFallbackIsZero() {
        Policy p = policy(ALL_ON.replace("mode: perProgram", "mode: perSession")
                .replace("    programs: [crm.exe, cti.exe]\n", "")
                .replace("useServerIpWhenUnavailable: false", "useServerIpWhenUnavailable: true"));
        Map<String, RegistryEntry.Set> m = byName(lowering.registry(p, Scope.POLICY));
        assertEquals(dword(0), m.get(POLICY_KEY + "\\VirtualMode").value());
        assertEquals(dword(0), m.get(POLICY_KEY + "\\PromptOnIPLeaseFail").value());
        assertFalse(m.containsKey(POLICY_KEY + "\\PerApp"));
    }

    @Test
    void anAbsentSectionIsNotManaged() {
        Policy p = policy(withSpec("spec:\n  rdsLoopbackVirtualization: {enabled: true}\n"));
        assertEquals(1, lowering.registry(p, Scope.POLICY).entries().size());
    }

    @Test
    void citrixSettingsAreStatesAndLists() {
        CitrixPolicy on = lowering.citrix(policy(ALL_ON));
        assertEquals("all", on.name(), "the Citrix policy is named after the policy by default");
        Map<String, CitrixSettingValue> s = on.settings().stream()
                .collect(Collectors.toMap(v -> v.setting().name(), v -> v));
        assertEquals("Enabled", s.get("VirtualLoopbackSupport").state());
        assertEquals(List.of("cti.exe"), s.get("VirtualLoopbackPrograms").values());
        CitrixPolicy off = lowering.citrix(policy(ALL_OFF));
        assertEquals("Disabled", off.settings().get(0).state());
        assertEquals(1, off.settings().size(), "the program list applies only when support is enabled");
    }

    @Test
    void customValuesGoToBothScopesAsWritten() {
        Policy p = policy(withSpec("""
                spec:
                  registry:
                    - {key: 'HKLM\\SOFTWARE\\Contoso', name: Port, type: REG_DWORD, data: 9000}
                    - {key: 'HKLM\\SOFTWARE\\Contoso', name: Old, ensure: absent}
                """));
        for (Scope scope : Scope.values()) {
            List<RegistryEntry> e = lowering.registry(p, scope).entries();
            assertEquals(2, e.size());
            assertEquals(dword(9000), ((RegistryEntry.Set) e.get(0)).value());
            assertTrue(e.get(1) instanceof RegistryEntry.Delete);
            assertEquals("registry", e.get(0).from().settingId());
        }
    }
}
