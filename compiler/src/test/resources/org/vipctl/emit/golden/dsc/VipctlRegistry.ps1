# Written by vipctl from the policies below; change them and compile again instead of editing this file.
# all-types (target/test-classes/org/vipctl/emit/all-types.yaml)
#   Every kind of registry value a policy can set, for the writers of other tools' formats.
#   Second line of the description.
#
#   . .\VipctlRegistry.ps1
#   VipctlRegistry -OutputPath .\VipctlRegistry [-Scope policy] [-ComputerName SRV1, SRV2]
#   Start-DscConfiguration -Path .\VipctlRegistry -Wait -Verbose      # apply (elevated)
#   Test-DscConfiguration -Path .\VipctlRegistry -Detailed            # drift
Configuration VipctlRegistry
{
    param
    (
        [string[]] $ComputerName = 'localhost',

        [ValidateSet('local', 'policy')]
        [string] $Scope = 'local'
    )

    Import-DscResource -ModuleName PSDesiredStateConfiguration

    Node $ComputerName
    {
        if ($Scope -eq 'local')
        {
            Registry Local1
            {
                Key       = 'HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Terminal Server\TSAppSrv\VirtualIP'
                ValueName = 'EnableVirtualIP'
                ValueType = 'DWord'
                ValueData = '1'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Local2
            {
                Key       = 'HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Terminal Server\TSAppSrv\VirtualIP'
                ValueName = 'VirtualMode'
                ValueType = 'DWord'
                ValueData = '1'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Local3
            {
                Key       = 'HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Terminal Server\TSAppSrv\VirtualIP'
                ValueName = 'PerApp'
                ValueType = 'MultiString'
                ValueData = @('app.exe', 'agent.exe')
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Local4
            {
                Key       = 'HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Terminal Server\TSAppSrv\VirtualIP'
                ValueName = 'VIPAdapter'
                ValueType = 'String'
                ValueData = '192.0.2.10/24'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Local5
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Wow6432Node\Citrix\VIP'
                ValueName = 'PreferLoopback'
                ValueType = 'DWord'
                ValueData = '1'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Local6
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Wow6432Node\Citrix\VIP'
                ValueName = 'PreferLoopbackProcesses'
                ValueType = 'MultiString'
                ValueData = @('agent.exe')
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Local7
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'Port'
                ValueType = 'DWord'
                ValueData = '9000'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Local8
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'Mask'
                ValueType = 'DWord'
                ValueData = '0xFFFFFFFF'
                Hex       = $true
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Local9
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'Big'
                ValueType = 'QWord'
                ValueData = '0xFFFFFFFFFFFFFFFF'
                Hex       = $true
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Local10
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'Small'
                ValueType = 'QWord'
                ValueData = '42'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Local11
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'Blob'
                ValueType = 'Binary'
                ValueData = '01ff7f00'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Local12
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'Home'
                ValueType = 'ExpandString'
                ValueData = '%ProgramData%\Contoso'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Local13
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'Template'
                ValueType = 'String'
                ValueData = '{{ lookup(''pipe'', ''id'') }}'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Local14
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'Quotes'
                ValueType = 'String'
                ValueData = 'it''s ‘‘quoted’’ $(Get-Date)'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Local15
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'yes'
                ValueType = 'String'
                ValueData = 'no'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Local16
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = ''
                ValueType = 'String'
                ValueData = 'default value'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Local17
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'Hosts'
                ValueType = 'MultiString'
                ValueData = @('a.example', '0777', 'on')
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Local18
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'Old'
                Ensure    = 'Absent'
            }
            Registry Local19
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Wow6432Node\Contoso\Legacy'
                ValueName = 'Mode'
                ValueType = 'DWord'
                ValueData = '2'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Local20
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\Empty'
                ValueName = ''
                Ensure    = 'Present'
            }
        }
        if ($Scope -eq 'policy')
        {
            Registry Policy1
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services\TSAppSrv\VirtualIP'
                ValueName = 'EnableVirtualIP'
                ValueType = 'DWord'
                ValueData = '1'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Policy2
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services\TSAppSrv\VirtualIP'
                ValueName = 'VirtualMode'
                ValueType = 'DWord'
                ValueData = '1'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Policy3
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services\TSAppSrv\VirtualIP'
                ValueName = 'PerApp'
                ValueType = 'MultiString'
                ValueData = @('app.exe', 'agent.exe')
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Policy4
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Windows NT\Terminal Services\TSAppSrv\VirtualIP'
                ValueName = 'VIPAdapter'
                ValueType = 'String'
                ValueData = '192.0.2.10/24'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Policy5
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Wow6432Node\Citrix\VIP'
                ValueName = 'PreferLoopback'
                ValueType = 'DWord'
                ValueData = '1'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Policy6
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Wow6432Node\Citrix\VIP'
                ValueName = 'PreferLoopbackProcesses'
                ValueType = 'MultiString'
                ValueData = @('agent.exe')
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Policy7
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'Port'
                ValueType = 'DWord'
                ValueData = '9000'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Policy8
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'Mask'
                ValueType = 'DWord'
                ValueData = '0xFFFFFFFF'
                Hex       = $true
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Policy9
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'Big'
                ValueType = 'QWord'
                ValueData = '0xFFFFFFFFFFFFFFFF'
                Hex       = $true
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Policy10
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'Small'
                ValueType = 'QWord'
                ValueData = '42'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Policy11
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'Blob'
                ValueType = 'Binary'
                ValueData = '01ff7f00'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Policy12
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'Home'
                ValueType = 'ExpandString'
                ValueData = '%ProgramData%\Contoso'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Policy13
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'Template'
                ValueType = 'String'
                ValueData = '{{ lookup(''pipe'', ''id'') }}'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Policy14
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'Quotes'
                ValueType = 'String'
                ValueData = 'it''s ‘‘quoted’’ $(Get-Date)'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Policy15
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'yes'
                ValueType = 'String'
                ValueData = 'no'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Policy16
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = ''
                ValueType = 'String'
                ValueData = 'default value'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Policy17
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'Hosts'
                ValueType = 'MultiString'
                ValueData = @('a.example', '0777', 'on')
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Policy18
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\App'
                ValueName = 'Old'
                Ensure    = 'Absent'
            }
            Registry Policy19
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Wow6432Node\Contoso\Legacy'
                ValueName = 'Mode'
                ValueType = 'DWord'
                ValueData = '2'
                Ensure    = 'Present'
                Force     = $true
            }
            Registry Policy20
            {
                Key       = 'HKEY_LOCAL_MACHINE\SOFTWARE\Contoso\Empty'
                ValueName = ''
                Ensure    = 'Present'
            }
        }
    }
}
