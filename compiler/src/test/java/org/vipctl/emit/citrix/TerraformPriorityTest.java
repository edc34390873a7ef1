package org.vipctl.emit.citrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vipctl.Compilation;
import org.vipctl.diagnostic.Diagnostics;
import org.vipctl.emit.OutputFiles;

/**
 * {@code _policy_priority.tf} on a policy set that already holds policies vipctl does not manage.
 * The provider's {@code citrix_policy_priority} refuses a list that leaves out any policy of the
 * set, so the generated configuration must produce the whole set. The test evaluates the generated
 * expressions (the name and id filter of the locals block and the {@code concat}/{@code slice}
 * list) against a site's current order, the way Terraform would.
 */
class TerraformPriorityTest {

    private static final String SET = "Contact centre";
    private static final String INDEX = "(\\d+|min\\(\\d+, local\\.Contact_centre_count\\)|local\\.Contact_centre_count)";

    private static String yaml(String name, int priority) {
        return """
                apiVersion: vipctl/v1
                kind: VipPolicy
                metadata: {name: %s}
                targets: {os: [windowsServer2022]}
                spec:
                  citrixVirtualLoopback: {enabled: true, programs: [cti.exe]}
                  citrixPolicy: {name: %s, priority: %d, policySet: %s}
                """.formatted(name, name.toUpperCase(Locale.ROOT), priority, SET);
    }

    private static String priorityFile(String... yaml) {
        Diagnostics d = new Diagnostics();
        Compilation c = Fixtures.compileText(d, yaml);
        assertFalse(d.hasErrors(), d::toString);
        OutputFiles out = Fixtures.emit(c, d);
        return new String(out.files().get("citrix/" + TerraformWriter.PRIORITY_FILE), StandardCharsets.UTF_8);
    }

    /** A policy on the site: its id and its name. */
    record Site(String id, String name) {
    }

    /**
     * What the generated configuration hands the provider for a site whose set currently holds
     * {@code current} (in priority order); {@code ids} maps compiled resource names to their ids.
     */
    private static List<String> evaluate(String hcl, List<Site> current, java.util.Map<String, String> ids) {
        Matcher names = Pattern.compile("_managed_names = \\[(.*)]").matcher(hcl);
        assertTrue(names.find(), hcl);
        List<String> managed = new ArrayList<>();
        Matcher lower = Pattern.compile("lower\\(\"([^\"]*)\"\\)").matcher(names.group(1));
        while (lower.find()) {
            managed.add(lower.group(1).toLowerCase(Locale.ROOT));
        }
        assertTrue(hcl.contains("if !contains(local.Contact_centre_managed_names, lower(data.citrix_policy_priority"
                + ".Contact_centre.policy_names[i])) && !contains(local.Contact_centre_managed_ids, id)"), hcl);
        List<String> others = current.stream()
                .filter(s -> !managed.contains(s.name().toLowerCase(Locale.ROOT)) && !ids.containsValue(s.id()))
                .map(Site::id).toList();
        int count = others.size();
        String list = hcl.substring(hcl.indexOf("policy_priority = concat(\n") + "policy_priority = concat(\n".length());
        list = list.substring(0, list.indexOf("\n  )\n"));
        List<String> result = new ArrayList<>();
        for (String line : list.lines().map(String::strip).toList()) {
            Matcher slice = Pattern.compile("slice\\(local\\.Contact_centre_others, " + INDEX + ", " + INDEX + "\\),").matcher(line);
            Matcher policy = Pattern.compile("\\[citrix_policy\\.(\\w+)\\.id],").matcher(line);
            if (slice.matches()) {
                result.addAll(others.subList(index(slice.group(1), count), index(slice.group(2), count)));
            } else {
                assertTrue(policy.matches(), line);
                result.add(ids.get(policy.group(1)));
            }
        }
        return result;
    }

    /** {@code 0}, {@code min(n, local.X_count)} or {@code local.X_count}. */
    private static int index(String expression, int count) {
        if (expression.equals("local.Contact_centre_count")) {
            return count;
        }
        Matcher min = Pattern.compile("min\\((\\d+), local\\.Contact_centre_count\\)").matcher(expression);
        if (min.matches()) {
            return Math.min(Integer.parseInt(min.group(1)), count);
        }
        return Integer.parseInt(expression);
    }

    @Test
    void theListCoversEveryForeignPolicyAndPlacesTheCompiledOneAtItsPriority() {
        String hcl = priorityFile(yaml("cti", 2));
        assertTrue(hcl.contains("data \"citrix_policy_priority\" \"Contact_centre\""), hcl);
        List<Site> site = List.of(new Site("g1", "Site baseline"), new Site("g2", "Printing"), new Site("g3", "Unfiltered"));
        assertEquals(List.of("g1", "new", "g2", "g3"), evaluate(hcl, site, java.util.Map.of("cti", "new")),
                "a new policy goes to place 2; every foreign policy stays, in its order");
        List<Site> after = List.of(new Site("g1", "Site baseline"), new Site("cti-id", "CTI"), new Site("g2", "Printing"),
                new Site("g3", "Unfiltered"));
        assertEquals(List.of("g1", "cti-id", "g2", "g3"), evaluate(hcl, after, java.util.Map.of("cti", "cti-id")),
                "a second run hands the provider the order the site already has: no change");
        List<Site> moved = List.of(new Site("cti-id", "cti"), new Site("g1", "Site baseline"), new Site("g2", "Printing"));
        assertEquals(List.of("g1", "cti-id", "g2"), evaluate(hcl, moved, java.util.Map.of("cti", "cti-id")),
                "a policy moved by hand goes back; names compare ignoring case");
    }

    @Test
    void severalCompiledPoliciesKeepTheirOrderAndAPriorityBeyondTheSetGoesToTheEnd() {
        String hcl = priorityFile(yaml("first", 2), yaml("second", 5), yaml("third", 40));
        List<Site> site = List.of(new Site("a", "A"), new Site("b", "B"), new Site("c", "C"), new Site("d", "D"),
                new Site("e", "E"));
        var ids = java.util.Map.of("first", "1", "second", "2", "third", "3");
        assertEquals(List.of("a", "1", "b", "c", "2", "d", "e", "3"), evaluate(hcl, site, ids));
        assertEquals(List.of("a", "1", "2", "3"), evaluate(hcl, List.of(new Site("a", "A")), ids),
                "with fewer foreign policies than the priorities assume, the compiled ones follow them in order");
        assertEquals(List.of("1", "2", "3"), evaluate(hcl, List.of(), ids));
    }

    @Test
    void placementFollowsTheYamlPriorities() {
        assertEquals(List.of(0), PriorityPlacement.othersBefore(List.of(1)));
        assertEquals(List.of(1, 3), PriorityPlacement.othersBefore(List.of(2, 5)));
        assertEquals(List.of(0, 0, 0), PriorityPlacement.othersBefore(List.of(1, 1, 1)), "equal priorities stay together");
        assertEquals(List.of(2, 2), PriorityPlacement.othersBefore(List.of(3, 3)));
    }

    @Test
    void theModuleDeclaresTheCitrixProvider() {
        Diagnostics d = new Diagnostics();
        OutputFiles out = Fixtures.emit(Fixtures.compileText(d, yaml("cti", 1)), d);
        String settings = new String(out.files().get("citrix/" + TerraformWriter.SETTINGS_FILE), StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("(?s)terraform \\{\\n  required_providers \\{\\n    citrix = \\{\\n"
                + "      source  = \"citrix/citrix\"\\n      version = \"([^\"]+)\"\\n    }\\n  }\\n}\\n").matcher(settings);
        assertTrue(block.find(), settings);
        assertTrue(block.group(1).startsWith(">= 1.0.15"), "a version constraint from the provider's releases");
        for (var f : out.files().entrySet()) {
            if (f.getKey().endsWith(".tf") && !f.getKey().endsWith(TerraformWriter.SETTINGS_FILE)) {
                assertFalse(new String(f.getValue(), StandardCharsets.UTF_8).contains("required_providers"),
                        "declared once per module: " + f.getKey());
            }
        }
    }
}
