#!/usr/bin/env python3
"""Builds SYSTEM and/or SOFTWARE hive files from an example evidence set with hivex (hive benchmarks, examples/).

The set's .reg files are merged with `hivexregedit --merge` into an empty hive this script writes itself (a base
block, one bin with the root key and its security cell: no third-party hive is copied): every key
gets its ancestors first (hivex only creates keys below existing ones), CurrentControlSet becomes ControlSet001 with
Select\\Current=1, WOW6432Node stays a literal SOFTWARE subkey, and the systeminfo hotfix list becomes CBS packages
(CurrentState=0x70). Usage: bench/hive-build.py SET_DIR OUT_DIR [SYSTEM|SOFTWARE ...]
"""
import glob, os, re, struct, subprocess, sys

set_dir, out = sys.argv[1:3]
wanted = sys.argv[3:] or ["SYSTEM", "SOFTWARE"]


def empty_hive(path):
    """An empty regf hive (msuhanov's "Windows registry file format specification"): base block version 1.3,
    root cell at bins offset 0x20, one 4 KiB bin holding the root nk (KEY_HIVE_ENTRY | KEY_NO_DELETE |
    KEY_COMP_NAME, name "ROOT"), an sk cell with an empty self-relative descriptor, and one free cell."""
    base = bytearray(4096)
    struct.pack_into("<4sIIQIIIIII", base, 0, b"regf", 1, 1, 0, 1, 3, 0, 1, 0x20, 4096)
    struct.pack_into("<I", base, 44, 1)
    checksum = 0
    for i in range(0, 508, 4):
        checksum ^= struct.unpack_from("<I", base, i)[0]
    checksum = 0xFFFFFFFE if checksum == 0xFFFFFFFF else (1 if checksum == 0 else checksum)
    struct.pack_into("<I", base, 508, checksum)
    hbin = bytearray(4096)
    struct.pack_into("<4sII", hbin, 0, b"hbin", 0, 4096)
    name = b"ROOT"
    nk = struct.pack("<2sHQIIIIIIIIIIIIIIIHH", b"nk", 0x2C, 0, 0, 0xFFFFFFFF, 0, 0, 0xFFFFFFFF, 0xFFFFFFFF, 0,
                     0xFFFFFFFF, 0x80, 0xFFFFFFFF, 0, 0, 0, 0, 0, len(name), 0) + name
    struct.pack_into("<i", hbin, 0x20, -(0x80 - 0x20))  # cells tile the bin: the nk cell runs up to the sk cell
    hbin[0x24:0x24 + len(nk)] = nk
    sd = struct.pack("<BBHIIII", 1, 0, 0x8000, 0, 0, 0, 0)
    sk = struct.pack("<2sHIIII", b"sk", 0, 0x80, 0x80, 1, len(sd)) + sd
    sk_size = (len(sk) + 4 + 7) & ~7
    struct.pack_into("<i", hbin, 0x80, -sk_size)
    hbin[0x84:0x84 + len(sk)] = sk
    struct.pack_into("<i", hbin, 0x80 + sk_size, 4096 - 0x80 - sk_size)
    with open(path, "wb") as f:
        f.write(bytes(base + hbin))

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
    empty_hive(target)
    merge = os.path.join(out, hive.lower() + ".merge.reg")
    open(merge, "w", encoding="utf-8").write("\n".join(text) + "\n")
    subprocess.run(["hivexregedit", "--merge", target, "--prefix", prefix, merge], check=True)
    os.remove(merge)
