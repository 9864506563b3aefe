"""pywinrm (an independent WinRM client) reads, and writes, registry values through StdRegProv on the simulator.

usage: python3 pywinrm_registry.py ENDPOINT ntlm|basic USER CA_PEM|- OP SUBKEY NAME [VALUE] [; OP SUBKEY NAME …]
OP is GetDWORDValue, GetStringValue, GetMultiStringValue (no VALUE) or SetDWORDValue (VALUE). Password: environment
variable TLSREADY_PASSWORD. Prints R<i>_RETURN=<ReturnValue> and R<i>_VALUE=<values joined by |> per operation.
"""
import os
import sys
import uuid
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

import winrm

endpoint, transport, user, ca_pem = sys.argv[1:5]
ops = []
current = []
for a in sys.argv[5:]:
    if a == ";":
        ops.append(current)
        current = []
    else:
        current.append(a)
if current:
    ops.append(current)
password = os.environ.get("TLSREADY_PASSWORD", "")

if transport == "ntlm":
    protocol = winrm.Protocol(endpoint, transport="ntlm", message_encryption="always",
                              username=user, password=password)
else:
    protocol = winrm.Protocol(endpoint, transport="basic", username=user, password=password,
                              server_cert_validation="validate", ca_trust_path=ca_pem)

STDREG = "http://schemas.microsoft.com/wbem/wsman/1/wmi/root/default/StdRegProv"
NS = {"p": STDREG}


def envelope(action, body):
    return f"""<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"
 xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing"
 xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd">
<s:Header>
 <a:To>{endpoint}</a:To>
 <a:ReplyTo><a:Address s:mustUnderstand="true">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>
 <w:MaxEnvelopeSize s:mustUnderstand="true">153600</w:MaxEnvelopeSize>
 <a:MessageID>uuid:{str(uuid.uuid4()).upper()}</a:MessageID>
 <w:OperationTimeout>PT20S</w:OperationTimeout>
 <w:ResourceURI s:mustUnderstand="true">{STDREG}</w:ResourceURI>
 <a:Action s:mustUnderstand="true">{action}</a:Action>
</s:Header>
<s:Body>{body}</s:Body>
</s:Envelope>"""


def invoke(method, params):
    inner = "".join(f"<q:{k}>{escape(v)}</q:{k}>" for k, v in params)
    body = f'<q:{method}_INPUT xmlns:q="{STDREG}">{inner}</q:{method}_INPUT>'
    return ET.fromstring(protocol.send_message(envelope(STDREG + "/" + method, body)))


for i, op in enumerate(ops):
    method, subkey, name = op[0], op[1], op[2]
    params = [("hDefKey", "2147483650"), ("sSubKeyName", subkey), ("sValueName", name)]
    if method == "SetDWORDValue":
        params.append(("uValue", op[3]))
    out = invoke(method, params)
    print(f"R{i}_RETURN=" + out.find(".//p:ReturnValue", NS).text)
    values = out.findall(".//p:uValue", NS) + out.findall(".//p:sValue", NS)
    print(f"R{i}_VALUE=" + "|".join(e.text or "" for e in values))
