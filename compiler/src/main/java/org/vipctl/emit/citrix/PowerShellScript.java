package org.vipctl.emit.citrix;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.vipctl.lower.CitrixPolicy;
import org.vipctl.lower.CitrixSettingValue;

/**
 * {@code Import-<policy>.ps1}: creates or updates one Citrix policy through the Citrix Group
 * Policy PowerShell provider. Every value from the YAML is written once, in the data section at the
 * top, as a single-quoted literal ({@link PsQuote}); the code below only reads variables, so no
 * value is ever parsed as code. Settings are found by name under the policy's {@code Settings}
 * folder, never by a guessed path. The script compares before it writes, so a second run reports
 * "no change"; {@code -WhatIf} shows what it would do. Written as UTF-8 with a byte order mark
 * (Windows PowerShell reads a .ps1 without one in the ANSI code page) and CRLF line ends.
 */
final class PowerShellScript {

    private PowerShellScript() {
    }

    static byte[] script(CitrixPolicy p) {
        StringBuilder s = new StringBuilder();
        s.append("<#\n")
                .append(".SYNOPSIS\n")
                .append("Creates or updates the Citrix policy of vipctl policy ").append(p.source().name().value()).append(".\n\n")
                .append(".DESCRIPTION\n")
                .append(String.join("\n", DESCRIPTION)).append("\n\n")
                .append(".PARAMETER Controller\n")
                .append("On premises: the Delivery Controller to connect to (default: localhost). Citrix DaaS:\n")
                .append("leave it at localhost; the Remote PowerShell SDK reaches the cloud site itself.\n\n")
                .append(".PARAMETER CustomerId\n")
                .append("Citrix DaaS (Citrix Cloud): your Citrix Cloud customer id, passed to Get-XDAuthentication.\n\n")
                .append(".PARAMETER BearerToken\n")
                .append("Citrix DaaS: a current Citrix Cloud bearer token (needs -CustomerId); without it\n")
                .append("Get-XDAuthentication uses -ProfileName, the default profile, or asks for credentials.\n\n")
                .append(".PARAMETER ProfileName\n")
                .append("Citrix DaaS: a credential profile stored with Set-XDCredentials.\n\n")
                .append(".EXAMPLE\n")
                .append(".\\Import-").append(p.source().name().value()).append(".ps1 -WhatIf\n\n")
                .append(".EXAMPLE\n")
                .append(".\\Import-").append(p.source().name().value()).append(".ps1 -CustomerId <customer id> -WhatIf\n")
                .append("#>\n");
        s.append(HEADER);
        s.append("# ---- data written by vipctl (all values are single-quoted literals) ----\n");
        s.append("$PolicyName = ").append(PsQuote.literal(p.name())).append('\n');
        s.append("$Description = ").append(PsQuote.literal(p.description())).append('\n');
        s.append("$Enabled = ").append(p.enabled() ? "$true" : "$false").append('\n');
        s.append("$Priority = ").append(p.priority()).append('\n');
        s.append("$Settings = @(\n");
        for (CitrixSettingValue v : p.settings()) {
            s.append("    [pscustomobject]@{ Name = ").append(PsQuote.literal(v.setting().name()))
                    .append("; State = ").append(PsQuote.literal(v.state()))
                    .append("; IsList = ").append(v.setting().isList() ? "$true" : "$false")
                    .append("; Values = ").append(PsQuote.array(v.values())).append(" }\n");
        }
        s.append(")\n");
        s.append("$Filters = @(\n");
        for (CitrixExport.NamedFilter f : CitrixExport.filterNames(p.filters())) {
            s.append("    [pscustomobject]@{ Name = ").append(PsQuote.literal(f.name()))
                    .append("; Type = ").append(PsQuote.literal(f.filter().type()))
                    .append("; Value = ").append(PsQuote.literal(f.filter().value()))
                    .append("; Mode = ").append(PsQuote.literal(f.filter().mode()))
                    .append("; Enabled = ").append(f.filter().enabled() ? "$true" : "$false").append(" }\n");
        }
        s.append(")\n");
        s.append("# ---- end of data ----\n\n");
        s.append(BODY);
        String text = s.toString().replace("\n", "\r\n");
        return ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
    }

    private static final List<String> DESCRIPTION = List.of(
            "Written by vipctl compile --emit citrix. Run it where the Citrix Group Policy PowerShell",
            "provider is installed (a Delivery Controller or a machine with Citrix Studio).",
            "It creates the Computer policy if it is missing, then sets description, enabled flag,",
            "priority, each setting (found by its name, never by a path) and each assignment filter",
            "(found by type and value). It changes only what differs, so a second run reports no",
            "change: a priority beyond the last policy counts as the last place, and states Citrix",
            "reads back as synonyms (Allowed for Enabled; Prohibited or UseDefault for Disabled) match.",
            "Filters present on the site but not in the YAML are reported and left alone.",
            "On premises it connects to -Controller; for Citrix DaaS pass -CustomerId (with",
            "-BearerToken) or -ProfileName, and it authenticates with the Remote PowerShell SDK first.");

    private static final String HEADER = """
            [CmdletBinding(SupportsShouldProcess = $true)]
            param(
                [string] $Controller = 'localhost',
                [string] $DriveName = 'VipctlCtxGpo',
                [string] $CustomerId,
                [string] $BearerToken,
                [string] $ProfileName
            )

            Set-StrictMode -Version 2.0
            $ErrorActionPreference = 'Stop'

            """;

    private static final String BODY = """
            function Get-Prop($Item, [string] $Name) {
                $p = $Item.PSObject.Properties[$Name]
                if ($null -eq $p) { return $null }
                return $p.Value
            }

            function Test-SameList($Current, $Wanted) {
                $c = @($Current | Where-Object { $null -ne $_ } | ForEach-Object { [string] $_ })
                $w = @($Wanted | ForEach-Object { [string] $_ })
                if ($c.Count -ne $w.Count) { return $false }
                for ($i = 0; $i -lt $c.Count; $i++) {
                    if (-not [string]::Equals($c[$i], $w[$i], [StringComparison]::OrdinalIgnoreCase)) { return $false }
                }
                return $true
            }

            $script:Changes = 0
            $script:Cmdlet = $PSCmdlet

            function Invoke-Change([string] $Target, [string] $Action, [scriptblock] $Do) {
                $script:Changes++
                if ($script:Cmdlet.ShouldProcess($Target, $Action)) {
                    & $Do
                    Write-Output ("changed: {0}: {1}" -f $Target, $Action)
                }
            }

            function Test-SameState([string] $Current, [string] $Wanted) {
                # Citrix reads states back as synonyms: Enabled as Allowed, Disabled as Prohibited or UseDefault.
                switch ($Wanted) {
                    'Enabled' { return @('Enabled', 'Allowed') -contains $Current }
                    'Disabled' { return @('Disabled', 'Prohibited', 'UseDefault') -contains $Current }
                    default { return $Current -eq $Wanted }
                }
            }

            function Get-EffectivePriority([string] $Root, [int] $Wanted) {
                # Citrix ranks the policies of a type 1..N and keeps a larger number as N.
                $ranked = @(Get-ChildItem -LiteralPath $Root | Where-Object { $_.Name -ne 'Unfiltered' } |
                    ForEach-Object { [int] (Get-Prop $_ 'Priority') })
                if ($ranked.Count -eq 0) { return $Wanted }
                $last = ($ranked | Measure-Object -Maximum).Maximum
                if ($Wanted -gt $last) { return [int] $last }
                return $Wanted
            }

            function Find-Filter([string] $PolicyPath, $Filter) {
                $typeRoot = '{0}\\Filters\\{1}' -f $PolicyPath, $Filter.Type
                return @(Get-ChildItem -LiteralPath $typeRoot -ErrorAction SilentlyContinue |
                    Where-Object { [string] (Get-Prop $_ 'FilterValue') -eq $Filter.Value }) | Select-Object -First 1
            }

            function Add-Filter([string] $PolicyPath, $Filter) {
                $filtersRoot = '{0}\\Filters' -f $PolicyPath
                if ($Filter.Type -ne 'ClientIP') {
                    # Later releases create filters by type, named after their value; 7.1 took a path and a value.
                    try {
                        New-Item -Path $filtersRoot -Name $Filter.Value -ItemType $Filter.Type -ErrorAction Stop | Out-Null
                        return
                    } catch {
                        Write-Verbose ("New-Item -ItemType {0} was refused ({1}); using the path form" -f $Filter.Type, $_.Exception.Message)
                    }
                }
                New-Item -Path ('{0}\\{1}\\{2}' -f $filtersRoot, $Filter.Type, $Filter.Name) -Value $Filter.Value -ErrorAction Stop | Out-Null
            }

            function Find-Setting([string] $Root, [string] $Name) {
                # Settings carry a State; category folders do not.
                $found = @(Get-ChildItem -LiteralPath $Root -Recurse |
                    Where-Object { $_.PSChildName -eq $Name -and $null -ne (Get-Prop $_ 'State') })
                if ($found.Count -eq 0) {
                    throw ("Citrix setting {0} was not found under {1}: does this site know it (VDA for Windows Server 2016 or later)?" -f $Name, $Root)
                }
                return $found[0]
            }

            if (-not (Get-PSProvider | Where-Object { $_.Name -eq 'CitrixGroupPolicy' })) {
                if (Get-Module -ListAvailable -Name 'Citrix.GroupPolicy.Commands') {
                    Import-Module 'Citrix.GroupPolicy.Commands'
                } else {
                    Add-PSSnapin 'Citrix.Common.GroupPolicy'
                }
            }
            if ($CustomerId -or $BearerToken -or $ProfileName) {
                # Citrix DaaS: the Remote PowerShell SDK authenticates once; the drive then talks to the cloud site.
                if ($BearerToken -and -not $CustomerId) { throw '-BearerToken needs -CustomerId, the Citrix Cloud customer id' }
                if (-not (Get-Command -Name 'Get-XDAuthentication' -ErrorAction SilentlyContinue)) {
                    Add-PSSnapin 'Citrix.*' -ErrorAction SilentlyContinue
                }
                if (-not (Get-Command -Name 'Get-XDAuthentication' -ErrorAction SilentlyContinue)) {
                    throw 'Citrix DaaS needs the Citrix DaaS Remote PowerShell SDK: Get-XDAuthentication was not found'
                }
                $auth = @{}
                if ($CustomerId) { $auth['CustomerId'] = $CustomerId }
                if ($BearerToken) { $auth['BearerToken'] = $BearerToken }
                if ($ProfileName) { $auth['ProfileName'] = $ProfileName }
                Get-XDAuthentication @auth
            }
            if (-not (Get-PSDrive -Name $DriveName -ErrorAction SilentlyContinue)) {
                New-PSDrive -Name $DriveName -PSProvider 'CitrixGroupPolicy' -Root '\\' -Controller $Controller -Scope Script | Out-Null
            }

            $policyPath = '{0}:\\Computer\\{1}' -f $DriveName, $PolicyName
            $policyExists = Test-Path -LiteralPath $policyPath
            if (-not $policyExists) {
                Invoke-Change $policyPath 'create Citrix policy' { New-Item -Path $policyPath | Out-Null }
                $policyExists = Test-Path -LiteralPath $policyPath
            }

            if ($policyExists) {
                $policy = Get-Item -LiteralPath $policyPath
                if ([string] (Get-Prop $policy 'Description') -cne $Description) {
                    Invoke-Change $policyPath 'set Description' { Set-ItemProperty -LiteralPath $policyPath -Name 'Description' -Value $Description }
                }
                if ([bool] (Get-Prop $policy 'Enabled') -ne $Enabled) {
                    Invoke-Change $policyPath ('set Enabled = {0}' -f $Enabled) { Set-ItemProperty -LiteralPath $policyPath -Name 'Enabled' -Value $Enabled }
                }
                $wantedPriority = Get-EffectivePriority ('{0}:\\Computer' -f $DriveName) $Priority
                if ([int] (Get-Prop $policy 'Priority') -ne $wantedPriority) {
                    Invoke-Change $policyPath ('set Priority = {0}' -f $wantedPriority) { Set-ItemProperty -LiteralPath $policyPath -Name 'Priority' -Value $wantedPriority }
                }
                $settingsRoot = '{0}\\Settings' -f $policyPath
            } else {
                # -WhatIf on a new policy: check that the settings exist, using the built-in Unfiltered policy.
                $settingsRoot = '{0}:\\Computer\\Unfiltered\\Settings' -f $DriveName
            }

            foreach ($s in $Settings) {
                $item = Find-Setting $settingsRoot $s.Name
                $target = '{0} setting {1}' -f $PolicyName, $s.Name
                $stateDiffers = -not $policyExists -or -not (Test-SameState ([string] (Get-Prop $item 'State')) $s.State)
                $valuesDiffer = $s.IsList -and $s.State -ne 'UseDefault' -and (-not $policyExists -or -not (Test-SameList (Get-Prop $item 'Values') $s.Values))
                if ($valuesDiffer) {
                    Invoke-Change $target ('set Values = {0}' -f ($s.Values -join ', ')) {
                        Set-ItemProperty -LiteralPath $item.PSPath -Name 'Values' -Value ([object[]] $s.Values)
                    }
                }
                if ($stateDiffers) {
                    Invoke-Change $target ('set State = {0}' -f $s.State) { Set-ItemProperty -LiteralPath $item.PSPath -Name 'State' -Value $s.State }
                }
            }

            foreach ($f in $Filters) {
                $target = '{0} {1} filter {2}' -f $PolicyName, $f.Type, $f.Value
                $current = if ($policyExists) { Find-Filter $policyPath $f } else { $null }
                if ($null -eq $current) {
                    Invoke-Change $target 'add filter' { Add-Filter $policyPath $f }
                    if ($policyExists) { $current = Find-Filter $policyPath $f }
                }
                if ($null -ne $current) {
                    $filterPath = $current.PSPath
                    if ([string] (Get-Prop $current 'Mode') -ne $f.Mode) {
                        Invoke-Change $target ('set Mode = {0}' -f $f.Mode) { Set-ItemProperty -LiteralPath $filterPath -Name 'Mode' -Value $f.Mode }
                    }
                    if ([bool] (Get-Prop $current 'Enabled') -ne $f.Enabled) {
                        Invoke-Change $target ('set Enabled = {0}' -f $f.Enabled) { Set-ItemProperty -LiteralPath $filterPath -Name 'Enabled' -Value $f.Enabled }
                    }
                }
            }

            if ($policyExists) {
                $wantedFilters = @($Filters | ForEach-Object { '{0}|{1}' -f $_.Type, $_.Value })
                $filtersRoot = '{0}\\Filters' -f $policyPath
                foreach ($type in @(Get-ChildItem -LiteralPath $filtersRoot -ErrorAction SilentlyContinue)) {
                    foreach ($extra in @(Get-ChildItem -LiteralPath $type.PSPath)) {
                        if ($wantedFilters -notcontains ('{0}|{1}' -f $type.PSChildName, (Get-Prop $extra 'FilterValue'))) {
                            Write-Warning ("filter {0}\\{1} of policy {2} is not in the vipctl policy; left as it is" -f $type.PSChildName, $extra.PSChildName, $PolicyName)
                        }
                    }
                }
            }

            if ($script:Changes -eq 0) {
                Write-Output ("no change: Citrix policy {0} is up to date" -f $PolicyName)
            } elseif ($WhatIfPreference) {
                Write-Output ("{0} change(s) would be made to Citrix policy {1}" -f $script:Changes, $PolicyName)
            } else {
                Write-Output ("{0} change(s) made to Citrix policy {1}" -f $script:Changes, $PolicyName)
            }
            """;

}
