<#
.SYNOPSIS
Creates or updates the Citrix policy of vipctl policy crm-loopback.

.DESCRIPTION
Written by vipctl compile --emit citrix. Run it where the Citrix Group Policy PowerShell
provider is installed (a Delivery Controller or a machine with Citrix Studio).
It creates the Computer policy if it is missing, then sets description, enabled flag,
priority, each setting (found by its name, never by a path) and each assignment filter.
It changes only what differs, so a second run reports no change.
Filters present on the site but not in the YAML are reported and left alone.

.PARAMETER Controller
Delivery Controller to connect to (default: localhost).

.EXAMPLE
.\Import-crm-loopback.ps1 -WhatIf
#>
[CmdletBinding(SupportsShouldProcess = $true)]
param(
    [string] $Controller = 'localhost',
    [string] $DriveName = 'VipctlCtxGpo'
)

Set-StrictMode -Version 2.0
$ErrorActionPreference = 'Stop'

# ---- data written by vipctl (all values are single-quoted literals) ----
$PolicyName = 'CRM & Billing ''prod'' ‘‘café’’ $x `n;'
$Description = ('Line one with <b>bold</b> & ''quotes''' + [char]0x000D + '' + [char]0x000A + 'line two: _x000D_ is literal, tab:' + [char]0x0009 + 'here, bell:' + [char]0x0007 + ', é €')
$Enabled = $true
$Priority = 1
$Settings = @(
    [pscustomobject]@{ Name = 'VirtualLoopbackSupport'; State = 'Enabled'; IsList = $false; Values = @() }
    [pscustomobject]@{ Name = 'VirtualLoopbackPrograms'; State = 'Enabled'; IsList = $true; Values = @('crm.exe', 'cti.exe') }
)
$Filters = @(
    [pscustomobject]@{ Name = 'DesktopGroup1'; Type = 'DesktopGroup'; Value = 'Sales & Support'; Mode = 'Allow'; Enabled = $true }
    [pscustomobject]@{ Name = 'DesktopTag1'; Type = 'DesktopTag'; Value = 'crm'; Mode = 'Allow'; Enabled = $true }
    [pscustomobject]@{ Name = 'ClientIP1'; Type = 'ClientIP'; Value = '192.0.2.0/24'; Mode = 'Deny'; Enabled = $true }
    [pscustomobject]@{ Name = 'User1'; Type = 'User'; Value = 'CONTOSO\CRM users'; Mode = 'Allow'; Enabled = $false }
    [pscustomobject]@{ Name = 'User2'; Type = 'User'; Value = 'S-1-5-21-1004336348-1177238915-682003330-512'; Mode = 'Allow'; Enabled = $true }
)
# ---- end of data ----

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
    if (Get-Module -ListAvailable -Name 'Citrix.Common.GroupPolicy') {
        Import-Module 'Citrix.Common.GroupPolicy'
    } else {
        Add-PSSnapin 'Citrix.Common.GroupPolicy'
    }
}
if (-not (Get-PSDrive -Name $DriveName -ErrorAction SilentlyContinue)) {
    New-PSDrive -Name $DriveName -PSProvider 'CitrixGroupPolicy' -Root '\' -Controller $Controller -Scope Script | Out-Null
}

$policyPath = '{0}:\Computer\{1}' -f $DriveName, $PolicyName
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
    if ([int] (Get-Prop $policy 'Priority') -ne $Priority) {
        Invoke-Change $policyPath ('set Priority = {0}' -f $Priority) { Set-ItemProperty -LiteralPath $policyPath -Name 'Priority' -Value $Priority }
    }
    $settingsRoot = '{0}\Settings' -f $policyPath
} else {
    # -WhatIf on a new policy: check that the settings exist, using the built-in Unfiltered policy.
    $settingsRoot = '{0}:\Computer\Unfiltered\Settings' -f $DriveName
}

foreach ($s in $Settings) {
    $item = Find-Setting $settingsRoot $s.Name
    $target = '{0} setting {1}' -f $PolicyName, $s.Name
    $stateDiffers = -not $policyExists -or [string] (Get-Prop $item 'State') -ne $s.State
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
    $filterPath = '{0}\Filters\{1}\{2}' -f $policyPath, $f.Type, $f.Name
    $exists = $policyExists -and (Test-Path -LiteralPath $filterPath)
    if (-not $exists) {
        Invoke-Change $filterPath ('add {0} filter' -f $f.Type) { New-Item -Path $filterPath -Value $f.Value | Out-Null }
        $exists = Test-Path -LiteralPath $filterPath
    }
    $current = if ($exists) { Get-Item -LiteralPath $filterPath } else { $null }
    if ($null -eq $current -or [string] (Get-Prop $current 'FilterValue') -cne $f.Value) {
        Invoke-Change $filterPath 'set FilterValue' { Set-ItemProperty -LiteralPath $filterPath -Name 'FilterValue' -Value $f.Value }
    }
    if ($null -eq $current -or [string] (Get-Prop $current 'Mode') -ne $f.Mode) {
        Invoke-Change $filterPath ('set Mode = {0}' -f $f.Mode) { Set-ItemProperty -LiteralPath $filterPath -Name 'Mode' -Value $f.Mode }
    }
    if ($null -eq $current -or [bool] (Get-Prop $current 'Enabled') -ne $f.Enabled) {
        Invoke-Change $filterPath ('set Enabled = {0}' -f $f.Enabled) { Set-ItemProperty -LiteralPath $filterPath -Name 'Enabled' -Value $f.Enabled }
    }
}

if ($policyExists) {
    $wantedFilters = @($Filters | ForEach-Object { '{0}\{1}' -f $_.Type, $_.Name })
    $filtersRoot = '{0}\Filters' -f $policyPath
    foreach ($type in @(Get-ChildItem -LiteralPath $filtersRoot -ErrorAction SilentlyContinue)) {
        foreach ($extra in @(Get-ChildItem -LiteralPath $type.PSPath)) {
            if ($wantedFilters -notcontains ('{0}\{1}' -f $type.PSChildName, $extra.PSChildName)) {
                Write-Warning ("filter {0}\{1} of policy {2} is not in the vipctl policy; left as it is" -f $type.PSChildName, $extra.PSChildName, $PolicyName)
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
