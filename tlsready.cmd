@echo off
rem tlsready launcher for Windows: builds the CLI on first use, then runs it (see README).
setlocal
set "ROOT=%~dp0"
set "CLI=%ROOT%app-cli\target"
if not exist "%CLI%\tlsready-app-cli.jar" (
  echo tlsready: building the CLI ^(first run^)... 1>&2
  call "%ROOT%mvnw.cmd" -B -q -DskipTests -pl app-cli -am package > "%CLI%.build.log" 2>&1
  if errorlevel 1 (
    echo tlsready: build failed; see %CLI%.build.log 1>&2
    exit /b 2
  )
)
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp "%CLI%\tlsready-app-cli.jar;%CLI%\lib\*" io.tlsready.app.cli.Main %*
exit /b %ERRORLEVEL%
