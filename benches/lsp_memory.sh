#!/usr/bin/env bash
# Peak resident memory of the language server (GNU time's maximum RSS)
# given one document of about 10 MiB of valid posts: a session that
# opens it, asks for its symbols (which waits for its check) and its
# formatting, and ends. docs/performance.md records the figure.
#
#   benches/lsp_memory.sh [DCSC_BINARY] [MIB]   (default: build target/release/dcsc; 10)
#   DCSC_LSP_FORMAT=no benches/lsp_memory.sh …   (symbols only, no formatting)
# Needs python3 and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ge 1 ]; then
  dcsc=$(realpath "$1")
else
  cargo build --release --quiet
  dcsc=$PWD/target/release/dcsc
fi
mib=${2:-10}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

python3 - "$dir" "$mib" "${DCSC_LSP_FORMAT:-yes}" <<'PY'
import json, os, sys
folder, mib, formatting = sys.argv[1], int(sys.argv[2]), sys.argv[3] != "no"
parts = ['arrangements big {\n  council "Big Council"\n  answers_to dfe_2013\n}\n']
size, index = len(parts[0]), 0
while size < mib * 1024 * 1024:
    post = 'post p%d {\n  title "Post %d"\n  report_to p%d\n}\n' % (index, index, max(index - 1, 0))
    parts.append(post)
    size += len(post)
    index += 1
text = "".join(parts)
uri = "file://" + os.path.join(folder, "big.dcs")
messages = [
    {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}},
    {"jsonrpc": "2.0", "method": "initialized", "params": {}},
    {"jsonrpc": "2.0", "method": "textDocument/didOpen",
     "params": {"textDocument": {"uri": uri, "languageId": "dcs", "version": 1, "text": text}}},
    {"jsonrpc": "2.0", "id": 2, "method": "textDocument/documentSymbol", "params": {"textDocument": {"uri": uri}}},
]
if formatting:
    messages.append({"jsonrpc": "2.0", "id": 3, "method": "textDocument/formatting",
                     "params": {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}}})
with open(os.path.join(folder, "session"), "wb") as out:
    for message in messages:
        body = json.dumps(message).encode()
        out.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
print("document: %d bytes, %d posts" % (len(text.encode()), index))
PY

# The answers are read before `shutdown` is sent: the symbols and the
# formatting are worked on off the loop, and an `exit` read meanwhile
# would end the session before they are done.
python3 - "$dcsc" "$dir/session" "${DCSC_LSP_FORMAT:-yes}" <<'PY'
import subprocess, sys
binary, session = sys.argv[1], sys.argv[2]
wanted = {2, 3} if sys.argv[3] != "no" else {2}
process = subprocess.Popen(["/usr/bin/time", "-v", binary, "lsp"], stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
process.stdin.write(open(session, "rb").read())
process.stdin.flush()
answered = set()
while answered != wanted:
    length = None
    while True:
        line = process.stdout.readline()
        if line in (b"\r\n", b""):
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    import json
    message = json.loads(process.stdout.read(length))
    if message.get("id") in (2, 3):
        answered.add(message["id"])
for body in (b'{"jsonrpc":"2.0","id":4,"method":"shutdown"}', b'{"jsonrpc":"2.0","method":"exit"}'):
    process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
process.stdin.close()
process.stdout.read()
for line in process.stderr.read().decode().splitlines():
    if "Maximum resident" in line or "Elapsed" in line or "User time" in line:
        print(line.strip())
PY
