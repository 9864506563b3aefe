#!/usr/bin/env python3
"""The values an audit reads from hives, as hivexget arguments: one "HIVE<TAB>KEY<TAB>VALUE" line per value.

Usage: bench/hive-lookup-list.py FACTS.json CURRENT
FACTS.json is `tlsready collect --hives DIR` output; CURRENT is SYSTEM\\Select\\Current, which turns
CurrentControlSet into ControlSet00N (it does not exist on disk); the 32-bit view becomes WOW6432Node.
Shared by bench/hive-lookups.sh and bench/hive-audit.sh.
"""
import json
import re
import sys

facts, current = json.load(open(sys.argv[1])), int(sys.argv[2])
for v in facts["values"]:
    hive, key = re.match(r"(?i)HKLM\\(SYSTEM|SOFTWARE)\\?(.*)", v["key"]).groups()
    key = re.sub(r"(?i)^CurrentControlSet", "ControlSet%03d" % current, key)
    if v["view"] == "32-bit":
        key = "WOW6432Node\\" + key
    print("%s\t\\%s\t%s" % (hive.upper(), key, v["name"] or "@"))
