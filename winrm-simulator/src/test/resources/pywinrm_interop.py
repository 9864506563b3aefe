"""pywinrm (an independent WinRM client) against the tlsready simulator.

usage: python3 pywinrm_interop.py ENDPOINT ntlm|basic|kerberos USER SUBKEY VALUENAME [CA_PEM]
password: environment variable TLSREADY_PASSWORD (ntlm, basic); kerberos uses the ticket cache in KRB5CCNAME
(and KRB5_CONFIG). Prints KEY=VALUE lines for the Java test to check.
"""
import os
import sys
import uuid
import xml.etree.ElementTree as ET

import winrm

endpoint, transport, user, subkey, value_name = sys.argv[1:6]
ca_pem = sys.argv[6] if len(sys.argv) > 6 else None
password = os.environ.get("TLSREADY_PASSWORD", "")

if transport == "kerberos":
    # requests-kerberos (pykerberos) takes the TGT from KRB5CCNAME; over https pywinrm sends no message encryption
    # (Debian's pykerberos cannot do WinRM's IOV wrapping anyway), and validates the simulator's certificate.
    protocol = winrm.Protocol(endpoint, transport="kerberos", username=user, message_encryption="never",
                              server_cert_validation="validate", ca_trust_path=ca_pem)
elif transport == "ntlm":
    protocol = winrm.Protocol(endpoint, transport="ntlm", message_encryption="always",
                              username=user, password=password)
else:
    # The simulator's self-signed certificate (written by the test) is the only trusted CA: validation stays on.
    protocol = winrm.Protocol(endpoint, transport="basic", username=user, password=password,
                              server_cert_validation="validate", ca_trust_path=ca_pem)

WMI = "http://schemas.microsoft.com/wbem/wsman/1/wmi/"
STDREG = WMI + "root/default/StdRegProv"
NS = {"s": "http://www.w3.org/2003/05/soap-envelope", "p": STDREG,
      "n": "http://schemas.xmlsoap.org/ws/2004/09/enumeration",
      "w": "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"}


def envelope(resource_uri, action, body):
    return f"""<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"
 xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing"
 xmlns:w="http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd"
 xmlns:p="http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd"
 xmlns:n="http://schemas.xmlsoap.org/ws/2004/09/enumeration">
<s:Header>
 <a:To>{endpoint}</a:To>
 <a:ReplyTo><a:Address s:mustUnderstand="true">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>
 <w:MaxEnvelopeSize s:mustUnderstand="true">153600</w:MaxEnvelopeSize>
 <a:MessageID>uuid:{str(uuid.uuid4()).upper()}</a:MessageID>
 <w:Locale xml:lang="en-US" s:mustUnderstand="false"/>
 <p:DataLocale xml:lang="en-US" s:mustUnderstand="false"/>
 <w:OperationTimeout>PT20S</w:OperationTimeout>
 <w:ResourceURI s:mustUnderstand="true">{resource_uri}</w:ResourceURI>
 <a:Action s:mustUnderstand="true">{action}</a:Action>
</s:Header>
<s:Body>{body}</s:Body>
</s:Envelope>"""


def invoke(method, params):
    inner = "".join(f"<q:{k}>{v}</q:{k}>" for k, v in params)
    body = f'<q:{method}_INPUT xmlns:q="{STDREG}">{inner}</q:{method}_INPUT>'
    reply = protocol.send_message(envelope(STDREG, STDREG + "/" + method, body))
    return ET.fromstring(reply)


def wql(query):
    body = ('<n:Enumerate><w:OptimizeEnumeration/><w:MaxElements>32000</w:MaxElements>'
            f'<w:Filter Dialect="http://schemas.microsoft.com/wbem/wsman/1/WQL">{query}</w:Filter></n:Enumerate>')
    reply = protocol.send_message(envelope(WMI + "root/cimv2/*",
                                           "http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate", body))
    return ET.fromstring(reply)


out = invoke("EnumValues", [("hDefKey", "2147483650"), ("sSubKeyName", subkey)])
print("ENUM_RETURN=" + out.find(".//p:ReturnValue", NS).text)
print("ENUM_NAMES=" + "|".join(e.text or "" for e in out.findall(".//p:sNames", NS)))

out = invoke("GetDWORDValue", [("hDefKey", "2147483650"), ("sSubKeyName", subkey), ("sValueName", value_name)])
print("DWORD_RETURN=" + out.find(".//p:ReturnValue", NS).text)
print("DWORD=" + out.find(".//p:uValue", NS).text)

out = invoke("GetDWORDValue", [("hDefKey", "2147483650"), ("sSubKeyName", subkey + "\\NoSuchKey"),
                               ("sValueName", value_name)])
print("MISSING_KEY_RETURN=" + out.find(".//p:ReturnValue", NS).text)

os_reply = wql("SELECT Caption,Version,BuildNumber FROM Win32_OperatingSystem")
items = os_reply.find(".//n:EnumerateResponse/w:Items", NS)
frag = items[0]
print("OS_VERSION=" + frag.find("Version").text)
print("OS_CAPTION=" + frag.find("Caption").text)
print("EOS=" + str(os_reply.find(".//w:EndOfSequence", NS) is not None))

qfe = wql("SELECT HotFixID FROM Win32_QuickFixEngineering")
print("QFE=" + "|".join(sorted(e.text for e in qfe.iter("HotFixID"))))
