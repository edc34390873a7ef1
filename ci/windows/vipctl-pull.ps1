<#
.SYNOPSIS
  Pull model for one RDS / Citrix VDA server: fetch the newest published vipctl bundle, plan, apply on
  drift (with a backup), and report the result.

.DESCRIPTION
  The pipeline (ci/github-actions, ci/azure-pipelines, ci/gitlab) publishes to a share or web location:
    latest.json                          {"version": "...", "bundle": "vipctl-bundle-<version>.zip", "sha256": "..."}
    vipctl-bundle-<version>.zip          vipctl.jar, policies/, compiled/, bundle.json
  Each run of this script:
    1. reads latest.json from -Source (a folder or UNC path, or an https URL of that folder);
    2. unless that version is already unpacked, copies the bundle, checks its SHA-256 and unpacks it
       to %ProgramData%\vipctl\releases\<version> (an unpacked bundle is never changed again);
    3. runs `vipctl plan --detailed-exitcode --format json --target windows` with the bundle's jar and policies
       and keeps the JSON plan in %ProgramData%\vipctl\logs\<time>-plan.json;
    4. on drift runs `vipctl apply --yes --format json` (which backs up every value it changes to
       %ProgramData%\vipctl\backups; `vipctl rollback` undoes it), unless -ReportOnly;
    5. writes %ProgramData%\vipctl\logs\last-run.json and an Application event, source "vipctl":
         1000 no drift, 1001 drift found (-ReportOnly), 1002 error, 1003 drift corrected.
  Exit code: 0 no drift or drift corrected, 2 drift found with -ReportOnly, 1 error.
  When the source cannot be reached, the newest bundle already unpacked is used and the event says so.
  Install with vipctl-pull.xml (runs as SYSTEM; a UNC source must let the computer account read it).

.EXAMPLE
  powershell.exe -NoProfile -ExecutionPolicy Bypass -File vipctl-pull.ps1 -Source \\files.corp.example\vipctl
.EXAMPLE
  powershell.exe -NoProfile -ExecutionPolicy Bypass -File vipctl-pull.ps1 -Source https://artifacts.corp.example/vipctl -ReportOnly
#>
param(
  # Folder, UNC path or https URL holding latest.json; default: the first line of %ProgramData%\vipctl\source.txt
  [string]$Source = '',
  [string]$Root = "$env:ProgramData\vipctl",
  [string]$Java = 'java.exe',
  [switch]$ReportOnly,
  [int]$KeepReleases = 5
)

$ErrorActionPreference = 'Stop'
$eventSource = 'vipctl'
if (-not [System.Diagnostics.EventLog]::SourceExists($eventSource)) {
  New-EventLog -LogName Application -Source $eventSource
}
$releases = Join-Path $Root 'releases'
$logs = Join-Path $Root 'logs'
New-Item -ItemType Directory -Force -Path $releases, $logs | Out-Null
$stamp = (Get-Date).ToUniversalTime().ToString('yyyyMMddTHHmmssZ')
$run = [ordered]@{ time = $stamp; computer = $env:COMPUTERNAME; source = $Source; version = $null;
                   plan_exit = $null; apply_exit = $null; plan = $null; apply = $null; note = $null }

function Log([int]$id, [string]$type, [string]$message) {
  # The event log caps a message at about 31 000 characters.
  if ($message.Length -gt 30000) { $message = $message.Substring(0, 30000) + "`n[truncated]" }
  Write-EventLog -LogName Application -Source $eventSource -EventId $id -EntryType $type -Message $message
  Write-Output $message
}

function Finish([int]$code) {
  $run | ConvertTo-Json | Set-Content -Encoding UTF8 -Path (Join-Path $logs 'last-run.json')
  Get-ChildItem $logs -File | Where-Object { $_.Name -ne 'last-run.json' -and $_.LastWriteTime -lt (Get-Date).AddDays(-30) } |
    Remove-Item -Force
  exit $code
}

# Runs vipctl with stdout and stderr in log files (no error records from a native program's stderr);
# returns the exit code.
function Invoke-Vipctl([string]$jar, [string]$name, [string[]]$arguments) {
  $out = Join-Path $logs "$stamp-$name.json"
  $err = Join-Path $logs "$stamp-$name.stderr.txt"
  $quoted = @('-jar', $jar) + $arguments | ForEach-Object { '"' + ($_ -replace '"', '\"') + '"' }
  $p = Start-Process -FilePath $Java -ArgumentList $quoted -RedirectStandardOutput $out -RedirectStandardError $err `
    -NoNewWindow -Wait -PassThru
  $run[$name] = $out
  return $p.ExitCode
}

function Read-Text([string]$location) {
  if ($location -match '^https://') { return (Invoke-WebRequest -UseBasicParsing -Uri $location).Content }
  return Get-Content -Raw -LiteralPath $location
}

try {
  if (-not $Source) {
    $file = Join-Path $Root 'source.txt'
    if (Test-Path -LiteralPath $file) { $Source = (Get-Content -LiteralPath $file -TotalCount 1).Trim() }
  }
  if (-not $Source) { throw "no -Source given and no $Root\source.txt: say where the pipeline publishes latest.json" }
  $run.source = $Source
  $web = $Source -match '^https://'
  if ($Source -match '^http://') { throw "refusing plain http source $Source`: use https or a file share" }
  $join = { param($name) if ($web) { $Source.TrimEnd('/') + '/' + $name } else { Join-Path $Source $name } }

  $version = $null
  try {
    $latest = (Read-Text (& $join 'latest.json')) | ConvertFrom-Json
    if ($latest.version -notmatch '^[A-Za-z0-9._-]+$' -or $latest.bundle -notmatch '^[A-Za-z0-9._-]+\.zip$' -or
        $latest.sha256 -notmatch '^[0-9a-fA-F]{64}$') {
      throw "latest.json at $Source is not a vipctl release pointer (version, bundle, sha256)"
    }
    $version = $latest.version
    $dir = Join-Path $releases $version
    if (-not (Test-Path -LiteralPath (Join-Path $dir 'bundle.json'))) {
      $zip = Join-Path $releases "$version.zip"
      if ($web) { Invoke-WebRequest -UseBasicParsing -Uri (& $join $latest.bundle) -OutFile $zip }
      else { Copy-Item -LiteralPath (& $join $latest.bundle) -Destination $zip -Force }
      $sum = (Get-FileHash -Algorithm SHA256 -LiteralPath $zip).Hash
      if ($sum -ne $latest.sha256.ToUpperInvariant()) {
        Remove-Item -Force -LiteralPath $zip
        throw "bundle $($latest.bundle) has SHA-256 $sum, latest.json says $($latest.sha256): not unpacked"
      }
      $tmp = "$dir.tmp"
      if (Test-Path -LiteralPath $tmp) { Remove-Item -Recurse -Force -LiteralPath $tmp }
      Expand-Archive -LiteralPath $zip -DestinationPath $tmp
      Remove-Item -Force -LiteralPath $zip
      Rename-Item -LiteralPath $tmp -NewName $version
    }
  } catch {
    # Offline or a broken publication: keep enforcing the newest bundle this server already has.
    $fallback = Get-ChildItem $releases -Directory | Where-Object { Test-Path (Join-Path $_.FullName 'bundle.json') } |
      Sort-Object LastWriteTime -Descending | Select-Object -First 1
    if (-not $fallback) { throw }
    $run.note = "source not usable ($($_.Exception.Message)); using the unpacked bundle $($fallback.Name)"
    $version = $fallback.Name
  }
  $run.version = $version
  $dir = Join-Path $releases $version
  $jar = Join-Path $dir 'vipctl.jar'
  $policies = Join-Path $dir 'policies'
  $note = if ($run.note) { "`n$($run.note)" } else { '' }

  $code = Invoke-Vipctl $jar 'plan' @('plan', '--detailed-exitcode', '--format', 'json', '--target', 'windows', $policies)
  $run.plan_exit = $code
  switch ($code) {
    0 { Log 1000 Information "vipctl $version`: no drift on $env:COMPUTERNAME (plan: $($run.plan)).$note"; Finish 0 }
    2 { }
    default { Log 1002 Error "vipctl $version`: plan failed with exit code $code on $env:COMPUTERNAME (see $($run.plan) and the .stderr.txt beside it).$note"; Finish 1 }
  }
  $planText = Get-Content -Raw -LiteralPath $run.plan
  if ($ReportOnly) {
    Log 1001 Warning "vipctl $version`: registry drift on $env:COMPUTERNAME (plan: $($run.plan)).$note`n$planText"
    Finish 2
  }
  $code = Invoke-Vipctl $jar 'apply' @('apply', '--yes', '--format', 'json', '--target', 'windows', $policies)
  $run.apply_exit = $code
  if ($code -ne 0) {
    Log 1002 Error "vipctl $version`: apply failed with exit code $code on $env:COMPUTERNAME (see $($run.apply) and the .stderr.txt beside it).$note"
    Finish 1
  }
  Log 1003 Information "vipctl $version`: drift corrected on $env:COMPUTERNAME (plan: $($run.plan), apply: $($run.apply); undo with vipctl rollback).$note`n$planText"

  Get-ChildItem $releases -Directory | Sort-Object LastWriteTime -Descending | Select-Object -Skip $KeepReleases |
    Where-Object { $_.Name -ne $version } | Remove-Item -Recurse -Force
  Finish 0
} catch {
  $run.note = $_.Exception.Message
  Log 1002 Error "vipctl pull on $env:COMPUTERNAME failed: $($_.Exception.Message)"
  Finish 1
}
