@echo off
rem vipctl launcher for Windows: builds the jar on first use (quietly, offline when the Maven cache
rem allows), then runs it with the class-data sharing archive built at package time when present.
rem Same behaviour and JVM flags as the ./vipctl shell launcher.
setlocal
set "VIPCTL_HOME=%~dp0"
set "VIPCTL_JAR=%VIPCTL_HOME%cli\target\vipctl.jar"
set "VIPCTL_JSA=%VIPCTL_HOME%cli\target\vipctl.jsa"
set "VIPCTL_JAVA=java"
if defined JAVA_HOME set "VIPCTL_JAVA=%JAVA_HOME%\bin\java"

if exist "%VIPCTL_JAR%" goto run
echo vipctl: building the jar, first run only... 1>&2
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

:run
set "VIPCTL_FLAGS=-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto"
if not exist "%VIPCTL_JSA%" goto plain
rem -Xshare:auto ignores an archive that does not fit this JVM or jar; the -Xlog options keep that silent.
"%VIPCTL_JAVA%" %VIPCTL_FLAGS% "-XX:SharedArchiveFile=%VIPCTL_JSA%" -Xlog:cds=off -Xlog:cds+dynamic=off -jar "%VIPCTL_JAR%" %*
exit /b %ERRORLEVEL%
:plain
"%VIPCTL_JAVA%" %VIPCTL_FLAGS% -jar "%VIPCTL_JAR%" %*
exit /b %ERRORLEVEL%
