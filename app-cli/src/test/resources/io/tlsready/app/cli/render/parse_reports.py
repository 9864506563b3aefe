#!/usr/bin/env python3
"""Independent parser for tlsready's reports, used by the Java tests as a peer that shares no code with them.

Usage: parse_reports.py MANIFEST.json
MANIFEST is a JSON list of {"id", "format", "path"}; format is one of json, jsonl, sarif, csv, junit, html.
Prints one JSON object {id: parsed} on stdout (ASCII only, so lone surrogates and controls survive as escapes).
A file that does not parse gives {"error": "..."} for its id instead of stopping the run.
Only the standard library: json, csv, urllib.parse, xml.dom.minidom (expat: no DTD or external entity is
fetched), html.parser.
"""
import csv
import html.parser
import json
import sys
import urllib.parse
import xml.dom.minidom


def strict_utf8(path):
    with open(path, 'rb') as f:
        data = f.read()
    return data, data.decode('utf-8')  # raises on anything UTF-8 cannot carry (a lone surrogate, say)


def parse_json(path):
    _, text = strict_utf8(path)
    return json.loads(text)  # strict=True: a raw control character inside a string is an error


def parse_jsonl(path):
    data, _ = strict_utf8(path)
    if not data.endswith(b'\n'):
        raise ValueError('last line does not end with LF')
    # Split on LF only: a JSON line must not contain one, whatever else it holds.
    return [json.loads(line.decode('utf-8')) for line in data.split(b'\n')[:-1]]


def parse_sarif(path):
    doc = parse_json(path)
    uris = []
    for run in doc['runs']:
        for result in run['results']:
            for loc in result.get('locations', []):
                art = loc.get('physicalLocation', {}).get('artifactLocation')
                if art is not None:
                    uri = art['uri']
                    if any(ord(c) < 0x21 or ord(c) > 0x7e or c in '"<>\\^`{|}' for c in uri):
                        raise ValueError('not an RFC 3986 URI reference: %r' % uri)
                    uris.append(urllib.parse.unquote(uri, errors='strict'))
    return {'doc': doc, 'uris': uris}


def parse_csv(path):
    data, _ = strict_utf8(path)
    if not data.startswith(b'\xef\xbb\xbf'):
        raise ValueError('no UTF-8 byte-order mark')
    with open(path, encoding='utf-8-sig', newline='') as f:
        rows = list(csv.reader(f, strict=True))
    return rows


def text_of(node):
    return ''.join(c.data for c in node.childNodes if c.nodeType in (c.TEXT_NODE, c.CDATA_SECTION_NODE))


def parse_junit(path):
    dom = xml.dom.minidom.parse(path)
    root = dom.documentElement
    suites = []
    for s in root.getElementsByTagName('testsuite'):
        props = {p.getAttribute('name'): p.getAttribute('value') for p in s.getElementsByTagName('property')}
        cases = []
        for c in s.getElementsByTagName('testcase'):
            children = []
            for k in c.childNodes:
                if k.nodeType == k.ELEMENT_NODE:
                    children.append({'tag': k.tagName, 'message': k.getAttribute('message'),
                                     'type': k.getAttribute('type'), 'text': text_of(k)})
            cases.append({'classname': c.getAttribute('classname'), 'name': c.getAttribute('name'),
                          'children': children})
        suites.append({'name': s.getAttribute('name'), 'tests': s.getAttribute('tests'),
                       'failures': s.getAttribute('failures'), 'props': props, 'cases': cases})
    return {'root': root.tagName, 'suites': suites}


class Html(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.stack = []
        self.h2 = []
        self.cells = []
        self.paragraphs = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in ('h2', 'td', 'p'):
            self.stack.append((tag, []))

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1][0] == tag:
            name, parts = self.stack.pop()
            text = ''.join(parts)
            {'h2': self.h2, 'td': self.cells, 'p': self.paragraphs}[name].append(text)

    def handle_data(self, data):
        self.text.append(data)
        for _, parts in self.stack:
            parts.append(data)


def parse_html(path):
    _, text = strict_utf8(path)
    p = Html()
    p.feed(text)
    p.close()
    return {'tags': p.tags, 'h2': p.h2, 'cells': p.cells, 'paragraphs': p.paragraphs, 'text': ''.join(p.text)}


PARSERS = {'json': parse_json, 'jsonl': parse_jsonl, 'sarif': parse_sarif, 'csv': parse_csv,
           'junit': parse_junit, 'html': parse_html}


def main():
    with open(sys.argv[1], encoding='utf-8') as f:
        manifest = json.load(f)
    out = {}
    for entry in manifest:
        try:
            out[entry['id']] = PARSERS[entry['format']](entry['path'])
        except Exception as e:  # reported per file, so the Java side names the one that failed
            out[entry['id']] = {'error': '%s: %s' % (type(e).__name__, e)}
    sys.stdout.write(json.dumps(out, ensure_ascii=True))


if __name__ == '__main__':
    main()
