@echo off
rem vipctl launcher for Windows. In a release folder it runs the vipctl-<version>.jar beside it; in a
rem source tree it runs cli\target\vipctl-<version>.jar, building it on first use and again whenever a
rem source file, resource, doc page packed into the jar or pom.xml is newer than it (after a git
rem pull, say), quietly and offline when the Maven cache allows. It uses the class-data sharing
rem archive built at package time (vipctl-<version>.jsa beside the jar) when present. Same behaviour
rem and JVM flags as ./vipctl.
setlocal
set "VIPCTL_HOME=%~dp0"
set "VIPCTL_JAVA=java"
if defined JAVA_HOME set "VIPCTL_JAVA=%JAVA_HOME%\bin\java"

call :find_jar
if defined VIPCTL_JAR goto check
set "VIPCTL_REASON=first run"
if exist "%VIPCTL_HOME%pom.xml" goto build
echo vipctl: no vipctl-*.jar beside %~f0 1>&2
exit /b 1
:check
if not exist "%VIPCTL_HOME%pom.xml" goto run
rem A source tree: is any file the jar is built from newer than the jar? Windows PowerShell answers
rem (exit 3: yes); without it, or on any failure, the jar runs as it is.
powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "$j = (Get-Item -LiteralPath $env:VIPCTL_JAR).LastWriteTimeUtc; $h = $env:VIPCTL_HOME; $n = Get-ChildItem -LiteralPath ($h + 'pom.xml'), ($h + 'compiler'), ($h + 'admx'), ($h + 'cli'), ($h + 'schemas'), ($h + 'docs\rules.md') -Recurse -File -ErrorAction SilentlyContinue | Where-Object { $_.FullName -notmatch '\\target\\' -and $_.LastWriteTimeUtc -gt $j } | Select-Object -First 1; if ($n) { exit 3 }; exit 0" >nul 2>&1
if not "%ERRORLEVEL%"=="3" goto run
set "VIPCTL_REASON=sources changed"
:build
echo vipctl: building the jar (%VIPCTL_REASON%, about a minute)... 1>&2
pushd "%VIPCTL_HOME%"
call mvn -B -q -o -DskipTests package >nul 2>&1
if not errorlevel 1 goto built
call mvn -B -q -DskipTests package 1>&2
if not errorlevel 1 goto built
popd
echo vipctl: build failed; run 'mvn -B -DskipTests package' to see why 1>&2
exit /b 1
:built
popd
call :find_jar
if defined VIPCTL_JAR goto run
echo vipctl: the build wrote no cli\target\vipctl-*.jar 1>&2
exit /b 1

:run
set "VIPCTL_JSA=%VIPCTL_JAR:~0,-4%.jsa"
set "VIPCTL_FLAGS=-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto"
if not exist "%VIPCTL_JSA%" goto plain
rem -Xshare:auto ignores an archive that does not fit this JVM or jar; the -Xlog options keep that silent.
"%VIPCTL_JAVA%" %VIPCTL_FLAGS% "-XX:SharedArchiveFile=%VIPCTL_JSA%" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "%VIPCTL_JAR%" %*
exit /b %ERRORLEVEL%
:plain
"%VIPCTL_JAVA%" %VIPCTL_FLAGS% -jar "%VIPCTL_JAR%" %*
exit /b %ERRORLEVEL%

rem The jar beside the launcher (release folder), else the newest in cli\target (dir /o:d lists oldest first).
:find_jar
set "VIPCTL_JAR="
for /f "delims=" %%J in ('dir /b /a:-d /o:d "%VIPCTL_HOME%vipctl-*.jar" 2^>nul') do set "VIPCTL_JAR=%VIPCTL_HOME%%%J"
if defined VIPCTL_JAR exit /b 0
for /f "delims=" %%J in ('dir /b /a:-d /o:d "%VIPCTL_HOME%cli\target\vipctl-*.jar" 2^>nul') do set "VIPCTL_JAR=%VIPCTL_HOME%cli\target\%%J"
exit /b 0
