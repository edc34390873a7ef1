<#
.SYNOPSIS
  Drift check for one RDS / Citrix VDA server: compares the registry with the policies and logs the
  result to the Windows Application event log (source "vipctl").

.DESCRIPTION
  Runs `vipctl plan --detailed-exitcode --target windows` against the policy folder.
    exit 0  no drift        -> event 1000 (Information)
    exit 2  drift found     -> event 1001 (Warning), the plan in the message
    other   vipctl failed   -> event 1002 (Error)
  With -Remediate it then runs `vipctl apply --yes` (which backs up every value it changes to
  %ProgramData%\vipctl\backups) and logs event 1003 with its summary.
  Install with vipctl-drift-check.xml (runs as SYSTEM, so it can register the event source).

.EXAMPLE
  powershell.exe -NoProfile -ExecutionPolicy Bypass -File vipctl-drift-check.ps1 -Policies D:\vipctl\policies
#>
param(
  [string]$Policies = "$env:ProgramData\vipctl\policies",
  [string]$Jar = "$env:ProgramData\vipctl\vipctl.jar",
  [string]$Java = "java.exe",
  [switch]$Remediate
)

$ErrorActionPreference = 'Stop'
$source = 'vipctl'
if (-not [System.Diagnostics.EventLog]::SourceExists($source)) {
  New-EventLog -LogName Application -Source $source
}

function Log([int]$id, [string]$type, [string]$message) {
  # The event log caps a message at about 31 000 characters.
  if ($message.Length -gt 30000) { $message = $message.Substring(0, 30000) + "`n[truncated]" }
  Write-EventLog -LogName Application -Source $source -EventId $id -EntryType $type -Message $message
  Write-Output $message
}

$plan = & $Java -jar $Jar plan --detailed-exitcode --target windows $Policies 2>&1 | Out-String
$code = $LASTEXITCODE
switch ($code) {
  0 { Log 1000 Information "vipctl: no drift on $env:COMPUTERNAME.`n$plan" }
  2 { Log 1001 Warning "vipctl: registry drift on $env:COMPUTERNAME.`n$plan" }
  default { Log 1002 Error "vipctl plan failed with exit code $code.`n$plan"; exit $code }
}

if ($code -eq 2 -and $Remediate) {
  $apply = & $Java -jar $Jar apply --yes --target windows $Policies 2>&1 | Out-String
  if ($LASTEXITCODE -ne 0) {
    Log 1002 Error "vipctl apply failed with exit code $LASTEXITCODE.`n$apply"
    exit $LASTEXITCODE
  }
  Log 1003 Information "vipctl: drift corrected on $env:COMPUTERNAME.`n$apply"
}
exit 0
