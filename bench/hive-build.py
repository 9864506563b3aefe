#!/usr/bin/env python3
"""Builds SYSTEM and/or SOFTWARE hive files from an example evidence set with hivex (for the hive benchmarks).

The set's .reg files are merged with `hivexregedit --merge` into copies of hivex's empty `minimal` hive: every key
gets its ancestors first (hivex only creates keys below existing ones), CurrentControlSet becomes ControlSet001 with
Select\\Current=1, WOW6432Node stays a literal SOFTWARE subkey, and the systeminfo hotfix list becomes CBS packages
(CurrentState=0x70). Usage: bench/hive-build.py SET_DIR MINIMAL_HIVE OUT_DIR [SYSTEM|SOFTWARE ...]
"""
import glob, os, re, shutil, subprocess, sys

set_dir, minimal, out = sys.argv[1:4]
wanted = sys.argv[4:] or ["SYSTEM", "SOFTWARE"]
sections = {"SYSTEM": {}, "SOFTWARE": {}}
for reg in sorted(glob.glob(os.path.join(set_dir, "*.reg"))):
    current = None
    for line in open(reg, "rb").read().decode("utf-16").splitlines():
        m = re.match(r"(?i)^\[HKEY_LOCAL_MACHINE\\(SYSTEM|SOFTWARE)(\\.*)?\]$", line)
        if m:
            hive, path = m.group(1).upper(), m.group(2) or ""
            if hive == "SYSTEM":
                path = re.sub(r"(?i)^\\CurrentControlSet(?=\\|$)", r"\\ControlSet001", path)
            current = sections[hive].setdefault(path, [])
        elif current is not None and line.strip():
            current.append(line)
info = open(os.path.join(set_dir, "systeminfo.txt"), encoding="latin-1").read()
if sections["SYSTEM"]:
    sections["SYSTEM"].setdefault("\\Select", []).append('"Current"=dword:00000001')
    host = re.search(r"Host Name:\s*(\S+)", info)
    if host:
        sections["SYSTEM"].setdefault("\\ControlSet001\\Control\\ComputerName\\ComputerName", []).append(
            '"ComputerName"="%s"' % host.group(1))
arch = "amd64" if re.search(r"System Type:\s*x64", info) else "x86"
for kb in re.findall(r"\[\d+\]: (KB\d+)", info):
    sections["SOFTWARE"].setdefault("\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\Packages"
                                    "\\Package_for_%s~31bf3856ad364e35~%s~~6.1.1.0" % (kb, arch), []).append(
        '"CurrentState"=dword:00000070')
for hive in wanted:
    prefix, done, text = "HKEY_LOCAL_MACHINE\\" + hive, set(), ["Windows Registry Editor Version 5.00", ""]
    for path, lines in sections[hive].items():
        parts = path.split("\\")[1:]
        for i in range(1, len(parts)):
            ancestor = "\\" + "\\".join(parts[:i])
            if ancestor.upper() not in done:
                done.add(ancestor.upper())
                text += ["[%s%s]" % (prefix, ancestor), ""]
        done.add(path.upper())
        text += ["[%s%s]" % (prefix, path)] + lines + [""]
    target = os.path.join(out, hive)
    shutil.copyfile(minimal, target)
    os.chmod(target, 0o644)
    merge = os.path.join(out, hive.lower() + ".merge.reg")
    open(merge, "w", encoding="utf-8").write("\n".join(text) + "\n")
    subprocess.run(["hivexregedit", "--merge", target, "--prefix", prefix, merge], check=True)
    os.remove(merge)
