"""A fixed language-server session over the shipped councils, printed as
the JSON the server answered, so that two builds' answers can be compared
(used by .ci/outputs.sh). Opens every shipped file, then asks hover,
definition and completion at every 11th byte of each, its symbols and its
formatting, then makes an edit and reads the diagnostics again."""
import json
import os
import subprocess
import sys

binary = sys.argv[1]
root = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
files = [
    "examples/coventry.dcs",
    "examples/barnet/framework.dcs",
    "examples/barnet/arrangements.dcs",
    "examples/northumberland/local_policy.dcs",
    "examples/northumberland/arrangements.dcs",
]
server = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=root)
next_id = 0


def send(message):
    body = json.dumps(message).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    server.stdin.flush()


def receive():
    length = None
    while True:
        line = server.stdout.readline()
        if line in (b"\r\n", b""):
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(server.stdout.read(length))


def request(method, params):
    global next_id
    next_id += 1
    send({"jsonrpc": "2.0", "id": next_id, "method": method, "params": params})
    while True:
        message = receive()
        # The checkout's own path is written as ROOT, so that two
        # checkouts' sessions compare equal.
        print(json.dumps(message, sort_keys=True).replace(root, "ROOT"))
        if message.get("id") == next_id:
            return message


def notify(method, params):
    send({"jsonrpc": "2.0", "method": method, "params": params})


def uri(path):
    return "file://" + os.path.join(root, path)


request("initialize", {"processId": None, "rootUri": "file://" + root, "capabilities": {}})
notify("initialized", {})
texts = {}
for path in files:
    with open(os.path.join(root, path), encoding="utf-8") as f:
        texts[path] = f.read()
    notify("textDocument/didOpen", {"textDocument": {"uri": uri(path), "languageId": "dcs", "version": 1, "text": texts[path]}})
for path in files:
    lines = texts[path].split("\n")
    for number, line in enumerate(lines):
        for character in range(0, len(line), 11):
            position = {"textDocument": {"uri": uri(path)}, "position": {"line": number, "character": character}}
            request("textDocument/hover", position)
            request("textDocument/definition", position)
            request("textDocument/completion", position)
    request("textDocument/documentSymbol", {"textDocument": {"uri": uri(path)}})
    request("textDocument/formatting", {"textDocument": {"uri": uri(path)}, "options": {"tabSize": 2, "insertSpaces": True}})
edited = texts[files[0]].replace("holds DCS", "holds DSC", 1)
notify("textDocument/didChange", {"textDocument": {"uri": uri(files[0]), "version": 2}, "contentChanges": [{"text": edited}]})
request("shutdown", None)
notify("exit", None)
server.wait()
print("exit", server.returncode)
