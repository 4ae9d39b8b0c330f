// The client without VS Code: `vscode` and the language client are
// stubbed, and the test checks what the extension asks of them. The
// server itself is tested against the real binary in tests/integration/lsp.rs.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const Module = require('node:module');

function load({ serverPath, startFails = false } = {}) {
  const calls = { clients: [], providers: {}, commands: {}, errors: [] };
  class LanguageClient {
    constructor(id, name, serverOptions, clientOptions) {
      Object.assign(this, { id, name, serverOptions, clientOptions, started: 0, stopped: 0, requests: [] });
      calls.clients.push(this);
    }
    async start() {
      this.started += 1;
      if (startFails) {
        throw new Error('spawn dcsc ENOENT');
      }
    }
    async stop() {
      this.stopped += 1;
    }
    async sendRequest(method, params) {
      this.requests.push({ method, params });
      return { uri: params.uri, text: 'guidance dfe_2013 { }' };
    }
  }
  const vscode = {
    workspace: {
      getConfiguration: (section) => ({ get: (key) => (section === 'dcs' && key === 'server.path' ? serverPath : undefined) }),
      registerTextDocumentContentProvider: (scheme, provider) => {
        calls.providers[scheme] = provider;
        return { dispose() {} };
      },
      onDidChangeConfiguration: () => ({ dispose() {} }),
    },
    commands: {
      registerCommand: (name, handler) => {
        calls.commands[name] = handler;
        return { dispose() {} };
      },
      executeCommand: (name, ...args) => calls.commands[name](...args),
    },
    window: { showErrorMessage: (message) => calls.errors.push(message) },
  };
  const stubs = { vscode, 'vscode-languageclient/node': { LanguageClient } };
  const original = Module._load;
  Module._load = function (request, ...rest) {
    return request in stubs ? stubs[request] : original.call(this, request, ...rest);
  };
  const path = require.resolve('../src/extension.js');
  delete require.cache[path];
  try {
    return { extension: require(path), calls };
  } finally {
    Module._load = original;
  }
}

test('activate starts `dcsc lsp` for .dcs documents and the embedded guidance', async () => {
  const { extension, calls } = load();
  const context = { subscriptions: [] };
  await extension.activate(context);
  assert.equal(calls.clients.length, 1);
  const client = calls.clients[0];
  assert.deepEqual(client.serverOptions, { command: 'dcsc', args: ['lsp'] });
  const schemes = client.clientOptions.documentSelector.map((selector) => `${selector.scheme}:${selector.language}`);
  assert.deepEqual(schemes, ['file:dcs', 'untitled:dcs', 'dcsc-embedded:dcs']);
  assert.equal(client.started, 1);
  assert.ok(context.subscriptions.length >= 2);
  assert.deepEqual(calls.errors, []);
});

test('the embedded guidance is fetched from the server', async () => {
  const { extension, calls } = load();
  await extension.activate({ subscriptions: [] });
  const provider = calls.providers['dcsc-embedded'];
  assert.ok(provider, 'no content provider for dcsc-embedded');
  const uri = { toString: () => 'dcsc-embedded:/policies/dfe_2013.dcs' };
  const text = await provider.provideTextDocumentContent(uri);
  assert.equal(text, 'guidance dfe_2013 { }');
  assert.deepEqual(calls.clients[0].requests, [
    { method: 'dcsc/embeddedSource', params: { uri: 'dcsc-embedded:/policies/dfe_2013.dcs' } },
  ]);
});

test('dcs.server.path chooses the program, and a restart starts it afresh', async () => {
  const { extension, calls } = load({ serverPath: '/opt/dcsc/bin/dcsc' });
  await extension.activate({ subscriptions: [] });
  assert.equal(calls.clients[0].serverOptions.command, '/opt/dcsc/bin/dcsc');
  await calls.commands['dcs.restartServer']();
  assert.equal(calls.clients[0].stopped, 1);
  assert.equal(calls.clients.length, 2);
  assert.equal(calls.clients[1].started, 1);
  await extension.deactivate();
  assert.equal(calls.clients[1].stopped, 1);
});

test('a server that cannot start is said in words, not thrown', async () => {
  const { extension, calls } = load({ startFails: true });
  await extension.activate({ subscriptions: [] });
  assert.equal(calls.errors.length, 1);
  assert.match(calls.errors[0], /could not be started \(spawn dcsc ENOENT\)/);
  assert.match(calls.errors[0], /dcs\.server\.path/);
});
