package org.vipctl.emit.citrix;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.vipctl.model.CitrixFilter;

/** README.md next to the {@code .rest.json} files: the REST calls in the order to make them. */
final class RestReadme {

    private RestReadme() {
    }

    static String text(List<TerraformWriter.Named> policies) {
        StringBuilder b = new StringBuilder();
        b.append("# Citrix policies written by vipctl\n\n")
                .append("This folder holds the same Citrix policies in four forms; pick one.\n\n")
                .append("| file | use it with |\n|---|---|\n")
                .append("| `GroupPolicy.xml`, `GroupPolicyConfiguration.xml`, `GroupPolicyFilter.xml` | ")
                .append("`Import-CtxGroupPolicy -FolderPath <this folder>` |\n")
                .append("| `Import-<policy>.ps1` | PowerShell with the Citrix Group Policy provider; `-WhatIf` first |\n")
                .append("| `<policy>.rest.json` | the Citrix DaaS / CVAD REST API, calls below |\n")
                .append("| `<policy>.tf`, `").append(TerraformWriter.PRIORITY_FILE).append("` | Terraform with the citrix/citrix provider |\n\n")
                .append("## REST API\n\n")
                .append("Set `CVAD` to `https://<controller or api host>/cvad/manage`, `TOKEN` to a bearer token, ")
                .append("`CUSTOMER` to your Citrix customer id (`CitrixOnPremises` on premises) and `SITE` to the site id. ")
                .append("The examples use curl and jq.\n\n")
                .append("```sh\n")
                .append("H=(-H \"Authorization: CWSAuth Bearer=$TOKEN\" -H \"Citrix-CustomerId: $CUSTOMER\" \\\n")
                .append("   -H \"Citrix-InstanceId: $SITE\" -H 'Content-Type: application/json' -H 'Accept: application/json')\n")
                .append("```\n\n")
                .append("For each `<policy>.rest.json`, in this order:\n\n")
                .append("1. Find the policy set named in `.policySetName`:\n")
                .append("   `curl -s \"${H[@]}\" \"$CVAD/gpo/policySets\"` and note its `policySetGuid` as `SET`.\n")
                .append("2. Create the policy with its settings:\n")
                .append("   `jq .policy P.rest.json | curl -s \"${H[@]}\" -X POST \"$CVAD/gpo/policies?policySetGuid=$SET\" --data-binary @-`.\n")
                .append("   Then `curl -s \"${H[@]}\" \"$CVAD/gpo/policies?policySetGuid=$SET\"` and note the new policy's `policyGuid` as `POLICY`.\n")
                .append("   If the policy already exists, post each of `.settings[]` to `$CVAD/gpo/settings?policyGuid=$POLICY` instead ")
                .append("(a setting the policy already has is changed with `PATCH $CVAD/gpo/settings/<settingGuid>`).\n")
                .append("3. Add the filters: replace the placeholders in `.filters[]` (below), then post each one to ")
                .append("`$CVAD/gpo/filters?policyGuid=$POLICY`.\n")
                .append("4. Set the priority (`.priority`, 1 is highest): `POST $CVAD/gpo/policyPriorities?policySetGuid=$SET` ")
                .append("with the JSON array of every policy GUID of the set, highest priority first.\n\n")
                .append("Settings: `VirtualLoopbackSupport` takes `\"1\"` (Enabled) or `\"0\"` (Disabled); ")
                .append("`VirtualLoopbackPrograms` takes a JSON array of executable names encoded in the string.\n\n")
                .append("Placeholders in filter data (the API wants ids, the YAML has names):\n\n")
                .append("- `<SERVER>`: the site's server name as the API reports it in existing delivery group filters.\n")
                .append("- `<DesktopGroup-UUID:NAME>`: the id of delivery group NAME (`GET $CVAD/DeliveryGroups`).\n")
                .append("- `<DesktopTag-UUID:NAME>`: the id of tag NAME (`GET $CVAD/Tags`).\n")
                .append("- `<User-SID:ACCOUNT>`: the SID of the user or group ACCOUNT.\n\n");
        List<String> prefer = policies.stream().map(TerraformWriter.Named::policy)
                .filter(p -> p.source().spec().citrixPreferLoopback().isPresent())
                .map(p -> p.source().name().value()).toList();
        if (!prefer.isEmpty()) {
            b.append("## Registry values, not Citrix settings\n\n")
                    .append("`PreferLoopback` and `PreferLoopbackProcesses` (`spec.citrixPreferLoopback` of ")
                    .append(String.join(", ", prefer.stream().map(n -> "`" + n + "`").toList()))
                    .append(") are registry values under `HKLM\\SOFTWARE\\Wow6432Node\\Citrix\\VIP` on each VDA, ")
                    .append("not Citrix policy settings, so no file in this folder carries them. They are in ")
                    .append("`reg/<policy>.reg` and `gpo/Machine/Registry.pol` (`compile --emit reg,gpo`), ")
                    .append("and `vipctl apply` writes them on the server it runs on.\n\n");
        }
        b.append("## Policies in this folder\n\n");
        for (TerraformWriter.Named n : policies) {
            String file = n.policy().source().name().value();
            b.append("- `").append(file).append(".rest.json`, `").append(file).append(".tf`, `Import-").append(file)
                    .append(".ps1`: priority ").append(n.policy().priority());
            Set<String> needs = new TreeSet<>();
            for (CitrixFilter f : n.policy().filters()) {
                String data = RestBodies.filterData(f);
                if (data.contains("<SERVER>")) {
                    needs.add("`<SERVER>`");
                }
                if (data.contains("-UUID:") || data.contains("-SID:")) {
                    needs.add(f.type() + " " + (f.type().equals("User") ? "SID" : "UUID"));
                }
            }
            if (!needs.isEmpty()) {
                b.append("; filters need ").append(String.join(", ", needs));
            }
            b.append('\n');
        }
        return b.toString();
    }
}
