// The VS Code client for dcsc's language server: starts `dcsc lsp` for
// .dcs files, and shows the guidance embedded in dcsc (where go to
// definition leads) as read-only documents fetched from the server.
'use strict';

const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

/** The URI scheme the server gives the embedded guidance (docs/editor.md). */
const EMBEDDED_SCHEME = 'dcsc-embedded';
/** The server's request for an embedded file's text. */
const EMBEDDED_SOURCE = 'dcsc/embeddedSource';

let client;
/** Settles once the server has started (or failed to). */
let ready = Promise.resolve();

/** How to run the server, from the `dcs.server.path` setting. */
function serverOptions() {
  const command = vscode.workspace.getConfiguration('dcs').get('server.path') || 'dcsc';
  return { command, args: ['lsp'] };
}

function createClient() {
  return new LanguageClient('dcs', 'dcsc language server', serverOptions(), {
    documentSelector: [
      { scheme: 'file', language: 'dcs' },
      { scheme: 'untitled', language: 'dcs' },
      // The embedded guidance, once opened, is served like any file.
      { scheme: EMBEDDED_SCHEME, language: 'dcs' },
    ],
  });
}

async function activate(context) {
  client = createClient();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(EMBEDDED_SCHEME, {
      async provideTextDocumentContent(uri) {
        // A restored editor may ask before the server is up.
        await ready;
        const result = await client.sendRequest(EMBEDDED_SOURCE, { uri: uri.toString() });
        return result.text;
      },
    }),
    vscode.commands.registerCommand('dcs.restartServer', async () => {
      await client.stop();
      client = createClient();
      ready = start();
      await ready;
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('dcs.server.path')) {
        await vscode.commands.executeCommand('dcs.restartServer');
      }
    }),
  );
  ready = start();
  await ready;
}

async function start() {
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(
      `The dcsc language server could not be started (${error.message}). ` +
        'Install dcsc (`cargo install --path .` in its repository) or set `dcs.server.path` to where it is.',
    );
  }
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate, EMBEDDED_SCHEME, EMBEDDED_SOURCE };
