#!/usr/bin/env python3
"""Writes the example evidence sets under examples/ the way Windows writes them.

.reg files: `reg export` output (UTF-16LE with BOM, CRLF, "Windows Registry Editor Version 5.00").
systeminfo.txt: `systeminfo > systeminfo.txt` from cmd.exe (ASCII, CRLF).
Host states are invented by us (no real host's data); examples/README.md says what verdict each set must get.
Run: python3 examples/generate.py   (rewrites every set; the outputs are committed)
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
HKLM = "HKEY_LOCAL_MACHINE"
SCH = HKLM + r"\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL"


def dword(v):
    return "dword:%08x" % v


def sz(v):
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'


def multi_sz(values):
    data = "".join(v + "\0" for v in values) + "\0"
    raw = data.encode("utf-16-le")
    return "hex(7):" + ",".join("%02x" % b for b in raw)


def write_reg(path, sections):
    lines = ["Windows Registry Editor Version 5.00", ""]
    for key, values in sections:
        lines.append("[" + key + "]")
        for name, data in values:
            lines.append(("@" if name == "" else sz(name)) + "=" + data)
        lines.append("")
    text = "\r\n".join(lines) + "\r\n"
    with open(path, "wb") as f:
        f.write(b"\xff\xfe" + text.encode("utf-16-le"))


def write_systeminfo(path, host, os_name, version, config, arch, hotfixes):
    fixes = ["Hotfix(s):                 %d Hotfix(s) Installed." % len(hotfixes)]
    fixes += ["                           [%02d]: %s" % (i + 1, kb) for i, kb in enumerate(hotfixes)]
    if not hotfixes:
        fixes = ["Hotfix(s):                 N/A"]
    lines = [
        "",
        "Host Name:                 " + host,
        "OS Name:                   " + os_name,
        "OS Version:                " + version,
        "OS Manufacturer:           Microsoft Corporation",
        "OS Configuration:          " + config,
        "OS Build Type:             Multiprocessor Free",
        "Registered Owner:          Windows User",
        "Registered Organization:   ",
        "Product ID:                00000-000-0000000-00000",
        "Original Install Date:     3/14/2019, 10:12:40 AM",
        "System Boot Time:          11/2/2026, 7:55:01 AM",
        "System Manufacturer:       Microsoft Corporation",
        "System Model:              Virtual Machine",
        "System Type:               " + arch,
        "Processor(s):              1 Processor(s) Installed.",
        "                           [01]: Intel64 Family 6 Model 85 Stepping 7 GenuineIntel ~2594 Mhz",
        "BIOS Version:              Microsoft Corporation Hyper-V UEFI Release v4.0, 11/1/2019",
        "Windows Directory:         C:\\Windows",
        "System Directory:          C:\\Windows\\system32",
        "Boot Device:               \\Device\\HarddiskVolume1",
        "System Locale:             en-us;English (United States)",
        "Input Locale:              en-us;English (United States)",
        "Time Zone:                 (UTC) Coordinated Universal Time",
        "Total Physical Memory:     8,191 MB",
        "Available Physical Memory: 5,120 MB",
        "Virtual Memory: Max Size:  9,471 MB",
        "Virtual Memory: Available: 6,300 MB",
        "Virtual Memory: In Use:    3,171 MB",
        "Page File Location(s):     C:\\pagefile.sys",
        "Domain:                    contoso.local",
        "Logon Server:              \\\\DC01",
    ] + fixes + [
        "Network Card(s):           1 NIC(s) Installed.",
        "                           [01]: Microsoft Hyper-V Network Adapter",
        "                                 Connection Name: Ethernet",
        "                                 DHCP Enabled:    No",
        "                                 IP address(es)",
        "                                 [01]: 10.0.0.21",
    ]
    with open(path, "wb") as f:
        f.write(("\r\n".join(lines) + "\r\n").encode("ascii"))


def current_version(product, cv, build, csd=None, edition="ServerStandard", itype="Server", major=None, ubr=None):
    values = [("CurrentVersion", sz(cv)), ("CurrentBuild", sz(str(build))), ("CurrentBuildNumber", sz(str(build))),
              ("ProductName", sz(product)), ("EditionID", sz(edition)), ("InstallationType", sz(itype)),
              ("SystemRoot", sz("C:\\Windows"))]
    if csd:
        values.append(("CSDVersion", sz(csd)))
    if major is not None:
        values += [("CurrentMajorVersionNumber", dword(major)), ("CurrentMinorVersionNumber", dword(0))]
    if ubr is not None:
        values.append(("UBR", dword(ubr)))
    return [(HKLM + r"\SOFTWARE\Microsoft\Windows NT\CurrentVersion", values)]


def schannel(tls12_client=None, tls12_server=None, kex=True, root=SCH):
    s = [(root, [("EventLogging", dword(1))]),
         (root + r"\Ciphers", []), (root + r"\CipherSuites", []), (root + r"\Hashes", []),
         (root + r"\KeyExchangeAlgorithms", []),
         (root + r"\Protocols", []),
         (root + r"\Protocols\SSL 2.0", []),
         (root + r"\Protocols\SSL 2.0\Client", [("DisabledByDefault", dword(1))])]
    if tls12_client is not None or tls12_server is not None:
        s.append((root + r"\Protocols\TLS 1.2", []))
    if tls12_client is not None:
        s.append((root + r"\Protocols\TLS 1.2\Client", [(k, dword(v)) for k, v in tls12_client]))
    if tls12_server is not None:
        s.append((root + r"\Protocols\TLS 1.2\Server", [(k, dword(v)) for k, v in tls12_server]))
    return s


def netfx(wow, strong):
    base = HKLM + (r"\SOFTWARE\WOW6432Node" if wow else r"\SOFTWARE") + r"\Microsoft\.NETFramework"
    fw = "Framework" if wow else "Framework64"
    v4 = [("SchUseStrongCrypto", dword(1)), ("SystemDefaultTlsVersions", dword(1))] if strong else []
    return [(base, [("InstallRoot", sz("C:\\Windows\\Microsoft.NET\\" + fw + "\\"))]),
            (base + r"\v2.0.50727", v4),
            (base + r"\v4.0.30319", v4)]


def ndp(release, net35=True):
    base = HKLM + r"\SOFTWARE\Microsoft\NET Framework Setup\NDP"
    out = [(base, [])]
    if net35:
        out.append((base + r"\v3.5", [("Install", dword(1)), ("Version", sz("3.5.30729.5420")), ("SP", dword(1))]))
    out += [(base + r"\v4", []), (base + r"\v4\Client", [("Install", dword(1)), ("Release", dword(release))]),
            (base + r"\v4\Full", [("Install", dword(1)), ("Release", dword(release)), ("TargetVersion", sz("4.0.0"))])]
    return out


def inet(wow, dsp=None):
    base = HKLM + (r"\SOFTWARE\WOW6432Node" if wow else r"\SOFTWARE") + r"\Microsoft\Windows\CurrentVersion\Internet Settings"
    win = [("DefaultSecureProtocols", dword(dsp))] if dsp is not None else []
    return [(base, [("ActiveXCache", sz("C:\\Windows\\Downloaded Program Files"))]), (base + r"\WinHttp", win)]


def control(product_type, arch, cs=r"\SYSTEM\CurrentControlSet"):
    c = HKLM + cs + r"\Control"
    return [(c + r"\ProductOptions", [("ProductType", sz(product_type))]),
            (c + r"\Session Manager\Environment", [("PROCESSOR_ARCHITECTURE", sz(arch)), ("OS", sz("Windows_NT"))]),
            (c + r"\Lsa", [("LmCompatibilityLevel", dword(3))]),
            (c + r"\Lsa\FipsAlgorithmPolicy", [("Enabled", dword(0))])]


def policies(root_auto_update_off=False):
    sections = [(HKLM + r"\SOFTWARE\Policies", []), (HKLM + r"\SOFTWARE\Policies\Microsoft", [])]
    if root_auto_update_off:
        certs = HKLM + r"\SOFTWARE\Policies\Microsoft\SystemCertificates"
        sections += [(certs, []), (certs + r"\AuthRoot", [("DisableRootAutoUpdate", dword(1))])]
    return sections + [(HKLM + r"\SOFTWARE\Policies\Microsoft\Windows", [])]


SYSCERTS = HKLM + r"\SOFTWARE\Microsoft\SystemCertificates"
# A stand-in for the certificate blob Windows stores; the rules read only whether the thumbprint key exists.
BLOB = "hex:03,00,00,00,01,00,00,00,14,00,00,00"
G2 = "DF3C24F9BFD666761B268073FE06D1CC8D4F82A4"          # DigiCert Global Root G2 (Azure, rule book 1f-6)
BALTIMORE = "D4DE20D05E66FC53FE1A50882C78DB2852CAE474"   # Baltimore CyberTrust Root (Azure)
MS_ROOT_2011 = "8F43288AD272F3103B6FB1428485EA3014C0BCFE"  # Microsoft Root Certificate Authority 2011 (not Azure's)


def store(root, thumbprints):
    return [(root, []), (root + r"\Certificates", [])] + [
        (root + "\\Certificates\\" + t, [("Blob", BLOB)]) for t in thumbprints]


def roots(root_store=(), auth_root=()):
    """roots.reg, authroots.reg and enterprise-certs.reg as the collection script exports them."""
    return {"roots.reg": store(SYSCERTS + r"\ROOT", root_store),
            "authroots.reg": store(SYSCERTS + r"\AuthRoot", auth_root),
            "enterprise-certs.reg": [(HKLM + r"\SOFTWARE\Microsoft\EnterpriseCertificates", [])]
            + store(HKLM + r"\SOFTWARE\Microsoft\EnterpriseCertificates\Root", [])}


def mars(version=None):
    values = [("InstallPath", sz("C:\\Program Files\\Microsoft Azure Recovery Services Agent\\"))]
    if version:
        values.append(("CurrentVersion", sz(version)))
    return [(HKLM + r"\SOFTWARE\Microsoft\Windows Azure Backup", []),
            (HKLM + r"\SOFTWARE\Microsoft\Windows Azure Backup\Setup", values)]


READMES = []


def write_set(name, files, readme):
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(d):
        os.remove(os.path.join(d, f))
    for fname, content in files.items():
        if fname.endswith(".reg"):
            write_reg(os.path.join(d, fname), content)
        else:
            write_systeminfo(os.path.join(d, fname), **content)
    READMES.append(readme)


R2 = dict(product="Windows Server 2008 R2 Standard", cv="6.1", build=7601, csd="Service Pack 1")
R2_FIXES = ["KB2999226", "KB3033929", "KB3138612", "KB4474419", "KB4490628", "KB5017361"]

write_set("2008r2-not-ready", {
    "systeminfo.txt": dict(host="MABS01", os_name="Microsoft Windows Server 2008 R2 Standard ",
                           version="6.1.7601 Service Pack 1 Build 7601", config="Member Server",
                           arch="x64-based PC", hotfixes=R2_FIXES),
    "currentversion.reg": current_version(**R2),
    "schannel.reg": schannel(),
    "netfx.reg": netfx(False, False), "netfx-wow64.reg": netfx(True, False),
    "ndp.reg": ndp(461814),
    "internet-settings.reg": inet(False), "internet-settings-wow64.reg": inet(True),
    "control.reg": control("ServerNT", "AMD64"),
    "policies.reg": policies(root_auto_update_off=True),
    "mars.reg": mars(),
    **roots(root_store=[MS_ROOT_2011]),
}, """# 2008r2-not-ready
Windows Server 2008 R2 SP1 x64 running the MARS agent, as found: KB3140245 missing, no TLS 1.2 Client keys
(the OS default on 2008 R2 is "disabled"), no WinHTTP DefaultSecureProtocols, .NET 4.7.2 without
SchUseStrongCrypto/SystemDefaultTlsVersions, none of Azure's root CAs trusted and automatic root updates off by
policy. Expected: verdict NOT_READY, exit code 1; FAIL for OS_TLS12_UPDATE, SCHANNEL_TLS12_CLIENT,
WINHTTP_DEFAULT_SECURE_PROTOCOLS, NETFX_STRONG_CRYPTO; AZURE_ROOT_CAS WARN.
""")

write_set("2008r2-ready", {
    "systeminfo.txt": dict(host="MABS01", os_name="Microsoft Windows Server 2008 R2 Standard ",
                           version="6.1.7601 Service Pack 1 Build 7601", config="Member Server",
                           arch="x64-based PC", hotfixes=R2_FIXES + ["KB3140245"]),
    "currentversion.reg": current_version(**R2),
    "schannel.reg": schannel(tls12_client=[("Enabled", 1), ("DisabledByDefault", 0)]),
    "netfx.reg": netfx(False, True), "netfx-wow64.reg": netfx(True, True),
    "ndp.reg": ndp(528049),
    "internet-settings.reg": inet(False, 0xA80), "internet-settings-wow64.reg": inet(True, 0xA80),
    "control.reg": control("ServerNT", "AMD64"),
    "policies.reg": policies(root_auto_update_off=True),
    "mars.reg": mars(),
    **roots(root_store=[MS_ROOT_2011], auth_root=[G2]),
}, """# 2008r2-ready
The same host after `tlsready plan` was applied, KB3140245 installed and DigiCert Global Root G2 imported.
Expected: verdict READY, exit code 0; SCHANNEL_TLS12_SERVER WARN (inbound TLS 1.2 still off by OS default),
MARS_AGENT INFO (version not in the registry evidence), AZURE_ROOT_CAS PASS.
""")

CS1 = r"\SYSTEM\ControlSet001"
write_set("2012r2-ready-controlset", {
    "systeminfo.txt": dict(host="FILESRV12", os_name="Microsoft Windows Server 2012 R2 Datacenter",
                           version="6.3.9600 N/A Build 9600", config="Member Server", arch="x64-based PC",
                           hotfixes=["KB2919355", "KB2919442", "KB3172729", "KB5017367"]),
    "currentversion.reg": current_version("Windows Server 2012 R2 Datacenter", "6.3", 9600,
                                          edition="ServerDatacenter"),
    "select.reg": [(HKLM + r"\SYSTEM\Select", [("Current", dword(1)), ("Default", dword(1)),
                                                 ("Failed", dword(0)), ("LastKnownGood", dword(2))])],
    "schannel.reg": schannel(root=HKLM + CS1 + r"\Control\SecurityProviders\SCHANNEL"),
    "netfx.reg": netfx(False, True), "netfx-wow64.reg": netfx(True, True),
    "ndp.reg": ndp(528040, net35=False),
    "internet-settings.reg": inet(False), "internet-settings-wow64.reg": inet(True),
    "control.reg": control("ServerNT", "AMD64", cs=CS1),
    "policies.reg": policies(),
    **roots(root_store=[BALTIMORE, MS_ROOT_2011]),
}, """# 2012r2-ready-controlset
Windows Server 2012 R2 x64 exported from an offline SYSTEM hive (ControlSet001 plus Select\\Current=1, no
CurrentControlSet). TLS 1.2 keys absent: 2012 R2 enables TLS 1.2 by default. .NET 4.8 with strong crypto in
both views; Baltimore CyberTrust Root trusted. Expected: verdict READY, exit code 0; AZURE_ROOT_CAS PASS.
""")

write_set("2019-incomplete", {
    "systeminfo.txt": dict(host="BACKUP19", os_name="Microsoft Windows Server 2019 Standard",
                           version="10.0.17763 N/A Build 17763", config="Member Server", arch="x64-based PC",
                           hotfixes=["KB5066586", "KB5065427"]),
    "schannel.reg": schannel(),
}, """# 2019-incomplete
Windows Server 2019 with only systeminfo and the SCHANNEL export: the .NET keys were never exported.
Expected: verdict UNKNOWN, exit code 3; NETFX_STRONG_CRYPTO UNKNOWN (NOT_COLLECTED), never FAIL: absent and
not collected are different things. NETFX_VERSION still PASSes: Server 2019 ships .NET 4.7.2 as part of the OS.
""")

write_set("2008sp2-x86-legacy-value", {
    "systeminfo.txt": dict(host="LEGACY08", os_name="Microsoft Windows Server 2008 Standard ",
                           version="6.0.6003 Service Pack 2 Build 6003", config="Standalone Server",
                           arch="X86-based PC", hotfixes=["KB4493730", "KB5018450"]),
    "currentversion.reg": current_version("Windows Server (R) 2008 Standard", "6.0", 6003, csd="Service Pack 2"),
    "schannel.reg": schannel(tls12_client=[("Enabled", 0xFFFFFFFF), ("DisabledByDefault", 0)],
                             tls12_server=[("Enabled", 0xFFFFFFFF), ("DisabledByDefault", 0)]),
    "netfx.reg": netfx(False, True),
    "ndp.reg": ndp(394806),
    "control.reg": control("ServerNT", "x86"),
    "policies.reg": policies(),
    **roots(root_store=[MS_ROOT_2011]),
}, """# 2008sp2-x86-legacy-value
Windows Server 2008 SP2 x86 at build 6003 (2019+ rollups, which carry KB4019276), TLS 1.2 enabled with the
legacy Enabled=0xFFFFFFFF, .NET 4.6.2 with strong crypto (x86: only the native view exists).
Expected: verdict READY, exit code 0; SCHANNEL_LEGACY_ENABLED_VALUE INFO; WINHTTP N/A; AZURE_ROOT_CAS INFO
(no Azure root yet, automatic root updates on).
""")

write_set("2003-unsupported", {
    "systeminfo.txt": dict(host="OLDFS03", os_name="Microsoft(R) Windows(R) Server 2003, Standard Edition",
                           version="5.2.3790 Service Pack 2 Build 3790", config="Member Server",
                           arch="X86-based PC", hotfixes=["KB2079403", "KB2115168"]),
}, """# 2003-unsupported
Windows Server 2003 SP2: SChannel has no TLS 1.2 and no update adds it. Expected: verdict NOT_READY, exit
code 1; OS_SUPPORTED FAIL.
""")

with open(os.path.join(HERE, "README.md"), "w") as f:
    f.write("""# Example evidence sets

Written by `examples/generate.py` (run it to regenerate; the outputs are committed). Each folder holds the files
one host's collection script (README: "Collecting evidence") would produce. Audit one with
`./tlsready audit --snapshot examples/<set>/*`. Tests in app-cli assert every verdict below.

""" + "\n".join("#" + r for r in READMES) + """
## 2008r2-not-ready-volume
The `2008r2-not-ready` host as a mounted Windows volume: `Windows/System32/config/SYSTEM` and `SOFTWARE`, real
regf hive files we built from that set's .reg files (`bench/hive-build.py examples/2008r2-not-ready
examples/2008r2-not-ready-volume/Windows/System32/config`: an empty hive the script writes, filled by hivex's
`hivexregedit --merge`; nothing is copied from the corpus); CurrentControlSet becomes
ControlSet001 with Select\\Current=1, the systeminfo hotfixes become CBS packages). Expected: `./tlsready audit --hives
examples/2008r2-not-ready-volume` gives the same verdict (NOT_READY, exit code 1) and the same findings as the set.
""")
