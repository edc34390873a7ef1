package org.vipctl.emit.citrix;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.vipctl.lower.CitrixPolicy;
import org.vipctl.lower.CitrixSettingValue;
import org.vipctl.model.CitrixFilter;
import org.vipctl.model.CitrixPolicySettings;

/**
 * Terraform configuration for the citrix/citrix provider: per policy a {@code citrix_policy} in the
 * named policy set (looked up with the {@code citrix_policy_set_v2} data source), one
 * {@code citrix_policy_setting} per setting ({@code enabled} for the Enabled/Disabled setting,
 * {@code value = jsonencode([...])} for the program list), and one filter resource per filter
 * (delivery groups and tags are looked up by name; a user filter needs the account's SID, given as
 * a variable unless the YAML already holds a SID). Every name in one file starts with the policy's
 * identifier, so all files can live in one Terraform module.
 */
final class TerraformWriter {

    /** Written in the same folder; cannot clash with a policy file because policy names start with a letter or digit. */
    static final String PRIORITY_FILE = "_policy_priority.tf";

    private TerraformWriter() {
    }

    /** A policy with the Terraform identifier its resources are named after. */
    record Named(String id, CitrixPolicy policy, String policySet) {
    }

    /** Identifiers for each policy, unique within the module. */
    static List<Named> name(List<CitrixPolicy> policies) {
        Map<String, Integer> used = new LinkedHashMap<>();
        List<Named> named = new ArrayList<>();
        for (CitrixPolicy p : policies) {
            String base = Hcl.identifier(p.source().name().value());
            int n = used.merge(base.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
            named.add(new Named(n == 1 ? base : base + "_" + n, p, policySet(p)));
        }
        return named;
    }

    /** The policy set named in spec.citrixPolicy, or the site policies. */
    static String policySet(CitrixPolicy p) {
        return p.source().spec().citrixPolicy().map(CitrixPolicySettings::policySetName)
                .orElse(CitrixPolicySettings.SITE_POLICY_SET);
    }

    static byte[] policyFile(Named n) {
        CitrixPolicy p = n.policy();
        String id = n.id();
        List<String> blocks = new ArrayList<>();
        StringBuilder head = new StringBuilder();
        head.append("# Citrix policy for vipctl policy ").append(p.source().name().value())
                .append(", written by vipctl compile --emit citrix.\n")
                .append("# Needs the citrix/citrix provider (citrix_policy_set_v2, citrix_policy, citrix_policy_setting,\n")
                .append("# policy filter resources). Priority among the compiled policies: ").append(PRIORITY_FILE).append(".\n\n");
        blocks.add(new Hcl.Block("data \"citrix_policy_set_v2\" \"" + id + "\"")
                .attr("name", Hcl.quote(n.policySet())).render());
        blocks.add(new Hcl.Block("resource \"citrix_policy\" \"" + id + "\"")
                .attr("policy_set_id", "data.citrix_policy_set_v2." + id + ".id")
                .attr("name", Hcl.quote(p.name()))
                .attr("description", Hcl.quote(p.description()))
                .attr("enabled", Boolean.toString(p.enabled()))
                .render());
        for (CitrixSettingValue s : p.settings()) {
            Hcl.Block b = new Hcl.Block("resource \"citrix_policy_setting\" \"" + id + "_" + Hcl.snake(s.setting().name()) + "\"")
                    .attr("policy_id", "citrix_policy." + id + ".id")
                    .attr("name", Hcl.quote(s.setting().name()));
            if (s.state().equals("UseDefault")) {
                b.attr("use_default", "true");
            } else if (s.setting().isList()) {
                b.attr("use_default", "false")
                        .attr("value", "jsonencode([" + s.values().stream().map(Hcl::quote).collect(Collectors.joining(", ")) + "])");
            } else {
                b.attr("use_default", "false").attr("enabled", Boolean.toString(s.state().equals("Enabled")));
            }
            blocks.add(b.render());
        }
        for (CitrixExport.NamedFilter nf : CitrixExport.filterNames(p.filters())) {
            blocks.addAll(filter(id, id + "_filter_" + Hcl.snake(nf.name()), nf.filter()));
        }
        return (head + String.join("\n", blocks)).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> filter(String policyId, String name, CitrixFilter f) {
        List<String> blocks = new ArrayList<>();
        String resource;
        String attribute;
        String expression;
        switch (f.type()) {
            case "DesktopGroup" -> {
                blocks.add(new Hcl.Block("data \"citrix_delivery_group\" \"" + name + "\"").attr("name", Hcl.quote(f.value())).render());
                resource = "citrix_delivery_group_policy_filter";
                attribute = "delivery_group_id";
                expression = "data.citrix_delivery_group." + name + ".id";
            }
            case "DesktopTag" -> {
                blocks.add(new Hcl.Block("data \"citrix_tag\" \"" + name + "\"").attr("name", Hcl.quote(f.value())).render());
                resource = "citrix_tag_policy_filter";
                attribute = "tag";
                expression = "data.citrix_tag." + name + ".id";
            }
            case "ClientIP" -> {
                resource = "citrix_client_ip_policy_filter";
                attribute = "ip_address";
                expression = Hcl.quote(f.value());
            }
            default -> {
                resource = "citrix_user_policy_filter";
                attribute = "sid";
                if (RestBodies.isSid(f.value())) {
                    expression = Hcl.quote(f.value());
                } else {
                    blocks.add(new Hcl.Block("variable \"" + name + "_sid\"")
                            .attr("description", Hcl.quote("SID of " + f.value() + " (the provider filters users by SID)"))
                            .attr("type", "string").render());
                    expression = "var." + name + "_sid";
                }
            }
        }
        blocks.add(new Hcl.Block("resource \"" + resource + "\" \"" + name + "\"")
                .attr("policy_id", "citrix_policy." + policyId + ".id")
                .attr("enabled", Boolean.toString(f.enabled()))
                .attr("allowed", Boolean.toString(f.allow()))
                .attr(attribute, expression)
                .render());
        return blocks;
    }

    /**
     * One {@code citrix_policy_priority} per policy set. The provider refuses a list that leaves out
     * any policy of the set, so the file reads the current order with the {@code citrix_policy_priority}
     * data source, takes the compiled policies out of it (by name, ignoring case, and by id) and puts
     * them back at their YAML priority; every other policy keeps its relative order. See
     * {@link PriorityPlacement} for where each compiled policy lands.
     */
    static byte[] priorityFile(List<Named> policies) {
        Map<String, List<Named>> bySet = new LinkedHashMap<>();
        for (Named n : policies) {
            bySet.computeIfAbsent(n.policySet(), k -> new ArrayList<>()).add(n);
        }
        StringBuilder out = new StringBuilder("# Where the policies compiled by vipctl rank within each policy set (1 = highest).\n"
                + "# citrix_policy_priority must list every policy of the set, so the current order is read\n"
                + "# with the citrix_policy_priority data source, the compiled policies are taken out of it and\n"
                + "# put back at their YAML priority (capped at the end of the list); the other policies keep\n"
                + "# their relative order.\n\n");
        List<String> blocks = new ArrayList<>();
        Map<String, Integer> used = new LinkedHashMap<>();
        for (Map.Entry<String, List<Named>> e : bySet.entrySet()) {
            List<Named> sorted = new ArrayList<>(e.getValue());
            sorted.sort(Comparator.comparingInt((Named n) -> n.policy().priority()).thenComparing(n -> n.policy().name()));
            String base = Hcl.identifier(e.getKey());
            int k = used.merge(base.toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
            String set = k == 1 ? base : base + "_" + k;
            String setId = "data.citrix_policy_set_v2." + sorted.get(0).id() + ".id";
            String current = "data.citrix_policy_priority." + set;
            String others = "local." + set + "_others";
            String count = "local." + set + "_count";
            blocks.add(new Hcl.Block("data \"citrix_policy_priority\" \"" + set + "\"").attr("policy_set_id", setId).render());
            String names = "[" + sorted.stream().map(n -> "lower(" + Hcl.quote(n.policy().name()) + ")")
                    .collect(Collectors.joining(", ")) + "]";
            String ids = "[" + sorted.stream().map(n -> "citrix_policy." + n.id() + ".id").collect(Collectors.joining(", ")) + "]";
            blocks.add(new Hcl.Block("locals")
                    .attr(set + "_managed_names", names)
                    .attr(set + "_managed_ids", ids)
                    .attr(set + "_others", "[\n  for i, id in " + current + ".policy_priority : id\n"
                            + "  if !contains(local." + set + "_managed_names, lower(" + current + ".policy_names[i])) && !contains(local."
                            + set + "_managed_ids, id)\n]")
                    .attr(set + "_count", "length(" + others + ")")
                    .render());
            List<Integer> before = PriorityPlacement.othersBefore(sorted.stream().map(n -> n.policy().priority()).toList());
            StringBuilder list = new StringBuilder("concat(\n");
            int from = 0;
            for (int i = 0; i < sorted.size(); i++) {
                int to = before.get(i);
                if (to > from) {
                    list.append("  slice(").append(others).append(", ").append(bound(from, count)).append(", ")
                            .append(bound(to, count)).append("),\n");
                }
                list.append("  [citrix_policy.").append(sorted.get(i).id()).append(".id],\n");
                from = to;
            }
            list.append("  slice(").append(others).append(", ").append(bound(from, count)).append(", ").append(count).append("),\n)");
            blocks.add(new Hcl.Block("resource \"citrix_policy_priority\" \"" + set + "\"")
                    .attr("policy_set_id", setId)
                    .attr("policy_priority", list.toString())
                    .render());
        }
        return (out + String.join("\n", blocks)).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code n} as a slice index that never passes the end of the list of other policies. */
    private static String bound(int n, String count) {
        return n == 0 ? "0" : "min(" + n + ", " + count + ")";
    }

    /** Written in the same folder: the provider's source address, without which Terraform looks for hashicorp/citrix. */
    static final String SETTINGS_FILE = "_terraform.tf";

    /**
     * The {@code required_providers} block, as the provider's own examples declare it. Every
     * resource and data source vipctl writes (and the attributes it sets) exists in release 1.0.15;
     * the upper bound keeps a future major release with breaking changes out until it is checked.
     */
    static byte[] settingsFile() {
        return ("# Terraform settings for the Citrix policies written by vipctl compile --emit citrix.\n"
                + "# Configure the provider itself (on-premises or Citrix Cloud) in your module: see README.md.\n\n"
                + "terraform {\n"
                + "  required_providers {\n"
                + "    citrix = {\n"
                + "      source  = \"citrix/citrix\"\n"
                + "      version = \"" + PROVIDER_VERSION + "\"\n"
                + "    }\n"
                + "  }\n"
                + "}\n").getBytes(StandardCharsets.UTF_8);
    }

    static final String PROVIDER_VERSION = ">= 1.0.15, < 2.0.0";
}
