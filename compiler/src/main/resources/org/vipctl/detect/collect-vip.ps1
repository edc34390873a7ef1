<#
.SYNOPSIS
    Writes what 'vipctl detect' needs to find the programs that need virtual IP or virtual loopback.
.DESCRIPTION
    Lists every TCP connection and listener, every UDP endpoint, the processes that own them (name,
    path, session) and the server's IP addresses, and writes them as one JSON file (vipctl capture
    shape version 1). It only reads: nothing on the server is changed, nothing is sent anywhere.
    Run it on the session host while users work in their sessions, in an elevated PowerShell
    (without elevation the paths of other users' processes may be missing). Then:
        vipctl detect vip-capture-<computer>-<time>.json
.PARAMETER Path
    The JSON file to write. Default: vip-capture-<computer>-<yyyyMMdd-HHmmss>.json in the current folder.
.EXAMPLE
    powershell -ExecutionPolicy Bypass -File .\collect-vip.ps1
#>
[CmdletBinding()]
param(
    [string]$Path = ('vip-capture-{0}-{1}.json' -f $env:COMPUTERNAME, (Get-Date -Format 'yyyyMMdd-HHmmss'))
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0

try {
    $procs = @(Get-Process -IncludeUserName)
} catch {
    # -IncludeUserName needs elevation; names and sessions are what vipctl needs
    $procs = @(Get-Process)
}

$processes = @(foreach ($p in $procs) {
    [ordered]@{
        pid     = [int]$p.Id
        name    = [string]$p.ProcessName
        path    = [string]$p.Path
        session = [int]$p.SessionId
        user    = $(if ($p.PSObject.Properties['UserName']) { [string]$p.UserName } else { '' })
    }
})

$tcp = @(foreach ($c in @(Get-NetTCPConnection -ErrorAction SilentlyContinue)) {
    [ordered]@{
        localAddress  = [string]$c.LocalAddress
        localPort     = [int]$c.LocalPort
        remoteAddress = [string]$c.RemoteAddress
        remotePort    = [int]$c.RemotePort
        state         = [string]$c.State
        pid           = [int]$c.OwningProcess
    }
})

$udp = @(foreach ($u in @(Get-NetUDPEndpoint -ErrorAction SilentlyContinue)) {
    [ordered]@{
        localAddress = [string]$u.LocalAddress
        localPort    = [int]$u.LocalPort
        pid          = [int]$u.OwningProcess
    }
})

$addresses = @(foreach ($a in @(Get-NetIPAddress -ErrorAction SilentlyContinue)) {
    [ordered]@{
        address      = [string]$a.IPAddress
        prefixLength = [int]$a.PrefixLength
        interface    = [string]$a.InterfaceAlias
    }
})

$capture = [ordered]@{
    vipctlCapture = 1
    computer      = [string]$env:COMPUTERNAME
    taken         = (Get-Date).ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ssZ')
    addresses     = $addresses
    processes     = $processes
    tcp           = $tcp
    udp           = $udp
}

$json = ConvertTo-Json -InputObject $capture -Depth 4
$full = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
[System.IO.File]::WriteAllText($full, $json, (New-Object System.Text.UTF8Encoding -ArgumentList $false))
Write-Host ('vipctl capture written: {0} ({1} TCP, {2} UDP, {3} processes)' -f $full, $tcp.Count, $udp.Count, $processes.Count)
