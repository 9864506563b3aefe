@echo off
rem tlsready launcher for Windows, the twin of the bash ./tlsready (LaunchersAgreeTest keeps the two in step): builds
rem the CLI and the REST service on first use or when sources changed, then runs the CLI, or the service when the
rem first argument is serve. Start-up matters for the CLI (admins run audits in loops), so its JVM uses an application
rem class-data-sharing archive made on the first run (the JDK 25 AOT cache is ./tlsready's only; the JVM refuses an
rem archive another JDK made), tiered compilation stopped at C1, and the serial GC; the
rem long-running service gets the JVM's defaults.
setlocal
set "ROOT=%~dp0"
set "CLI=%ROOT%app-cli\target"
set "JAR=%CLI%\tlsready-app-cli.jar"
set "REST=%ROOT%app-rest\target"
set "REST_JAR=%REST%\tlsready-app-rest.jar"
set "STAMP=%CLI%\.built"
set "CDS=%CLI%\tlsready.jsa"

rem TLSREADY_NO_BUILD=1: use the jars as they are (never build; for test runs inside a Maven build), as ./tlsready.
if not "%TLSREADY_NO_BUILD%"=="1" goto check
if not exist "%JAR%" goto nojars
goto run
:check
if not exist "%STAMP%" goto build
if not exist "%JAR%" goto build
if not exist "%CLI%\lib\" goto build
if not exist "%REST_JAR%" goto build
if not exist "%REST%\lib\" goto build
rem cmd cannot compare file times, so PowerShell does (as find -newer does in ./tlsready): exit 2 when a pom.xml or
rem a src\main file of any module (found, not listed; target and dot-folders skipped) is newer than the last build,
rem exit 1 when the archive is older than the jars it was made from (the JVM would ignore it), else 0.
set "PS=$stamp = (Get-Item -LiteralPath $env:STAMP).LastWriteTimeUtc;"
set "PS=%PS% function Newer($dir) { foreach ($i in Get-ChildItem -LiteralPath $dir -Force -ErrorAction SilentlyContinue) {"
set "PS=%PS%   if ($i.PSIsContainer) {"
set "PS=%PS%     if ($i.Name -ne 'target' -and -not $i.Name.StartsWith('.') -and (Newer $i.FullName)) { return $true }"
set "PS=%PS%   } elseif ($i.LastWriteTimeUtc -gt $stamp -and ($i.Name -eq 'pom.xml' -or $i.FullName -like '*\src\main\*')) {"
set "PS=%PS%     return $true } }; return $false };"
set "PS=%PS% if (Newer $env:ROOT) { exit 2 };"
set "PS=%PS% $cds = Get-Item -LiteralPath $env:CDS -ErrorAction SilentlyContinue; if (-not $cds) { exit 0 };"
set "PS=%PS% foreach ($made in $env:JAR, ($env:CLI + '\lib')) {"
set "PS=%PS%   if ((Get-Item -LiteralPath $made).LastWriteTimeUtc -gt $cds.LastWriteTimeUtc) { exit 1 } }; exit 0"
powershell -NoProfile -NonInteractive -Command "%PS%"
if errorlevel 2 goto build
if errorlevel 1 del /q "%CDS%" 2>nul
goto run

:build
echo tlsready: building the CLI and the service (first run or sources changed)... 1>&2
if not exist "%CLI%" mkdir "%CLI%"
rem The log stays under target\ (ignored by git), like ./tlsready's.
pushd "%ROOT%"
call "%ROOT%mvnw.cmd" -B -q -DskipTests -pl app-cli,app-rest -am package > "%CLI%\build.log" 2>&1
set "BUILT=%ERRORLEVEL%"
popd
if not "%BUILT%"=="0" goto failed
del /q "%CDS%" 2>nul
type nul > "%STAMP%"

:run
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
if /i "%~1"=="serve" goto serve
set "OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xlog:cds=off -Xlog:cds+dynamic=off"
set "CP=%JAR%;%CLI%\lib\*"
if exist "%CDS%" goto archived
rem A training run records the classes of every offline command; later runs map them instead of parsing jars.
"%JAVA%" %OPTS% -XX:ArchiveClassesAtExit="%CDS%" -cp "%CP%" io.tlsready.app.cli.CdsTraining "%ROOT%examples" >nul 2>&1
if errorlevel 1 del /q "%CDS%" 2>nul
:archived
set "SHARE="
if exist "%CDS%" set SHARE=-XX:SharedArchiveFile="%CDS%"
rem How this launcher was invoked, so that an interrupted fleet run can print a resume command that works as pasted.
"%JAVA%" %OPTS% %SHARE% -Dtlsready.launcher="%~0" -cp "%CP%" io.tlsready.app.cli.Main %*
exit /b %ERRORLEVEL%

:serve
rem The service's own main, which takes the whole command line, serve included.
"%JAVA%" -XX:+ExitOnOutOfMemoryError -cp "%REST_JAR%;%REST%\lib\*" io.tlsready.app.rest.serve.ServeMain %*
exit /b %ERRORLEVEL%

:nojars
echo tlsready: TLSREADY_NO_BUILD=1 but %JAR% is missing (build: mvnw -B -DskipTests -pl app-cli,app-rest -am package) 1>&2
exit /b 2

:failed
echo tlsready: build failed; see %CLI%\build.log 1>&2
exit /b 2
