// The grammar against grammar/dcs.pest and the files dcsc ships: every
// item kind, reserved word and modality of the language is highlighted,
// and no shipped guidance or arrangement shows anything as invalid.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const textmate = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = path.join(__dirname, '..', '..', '..');
const grammarPath = path.join(__dirname, '..', 'syntaxes', 'dcs.tmLanguage.json');
const grammarJson = JSON.parse(fs.readFileSync(grammarPath, 'utf8'));
// The tests against dcsc's own grammar and shipped files need the dcsc
// repository around the extension; the extension's folder alone (copied
// out, or as packaged) runs the others and skips these, saying why.
const pestPath = path.join(root, 'grammar', 'dcs.pest');
const inRepository = fs.existsSync(pestPath);
const needsRepository = {
  skip: inRepository ? false : 'outside the dcsc repository: grammar/dcs.pest and the shipped files are not at hand',
};
const pest = inRepository ? fs.readFileSync(pestPath, 'utf8') : '';

/** The quoted words of a rule of dcs.pest, e.g. `keyword = @{ ( "must" | … ) }`. */
function pestWords(rule) {
  const match = pest.match(new RegExp(`^${rule}\\s*=\\s*@?\\{([\\s\\S]*?)\\}\\s*$`, 'm'));
  assert.ok(match, `no rule ${rule} in dcs.pest`);
  return [...match[1].matchAll(/"([^"]+)"/g)].map((word) => word[1]);
}

let grammarPromise;
function grammar() {
  if (!grammarPromise) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    const onigLib = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).then(() => ({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }));
    const registry = new textmate.Registry({
      onigLib,
      loadGrammar: async (scopeName) => (scopeName === 'source.dcs' ? textmate.parseRawGrammar(JSON.stringify(grammarJson), grammarPath) : null),
    });
    grammarPromise = registry.loadGrammar('source.dcs');
  }
  return grammarPromise;
}

/** Each token of a text with its scopes. */
async function tokens(text) {
  const dcs = await grammar();
  let state = textmate.INITIAL;
  const out = [];
  text.split(/\r?\n/).forEach((line, number) => {
    const result = dcs.tokenizeLine(line, state);
    for (const token of result.tokens) {
      out.push({ line: number + 1, text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    }
    state = result.ruleStack;
  });
  return out;
}

function scopesOf(found, word) {
  const token = found.find((candidate) => candidate.text.trim() === word);
  assert.ok(token, `\`${word}\` is not a token of its own`);
  return token.scopes.join(' ');
}

test('every kind of item in dcs.pest starts an item', needsRepository, async () => {
  const kinds = [
    ...pestWords('event_kind'),
    ...pestWords('keyed_kind'),
    ...pestWords('named_kind'),
    'guidance', 'local_policy', 'amendment', 'arrangements', 'shared', 'test',
  ];
  for (const kind of kinds) {
    const found = await tokens(`${kind} sample_name {\n  title "x"\n}`);
    assert.match(scopesOf(found, kind), /storage\.type\.item\.dcs/, kind);
    assert.match(scopesOf(found, 'sample_name'), /entity\.name\.type\.item\.dcs/, kind);
    assert.match(scopesOf(found, 'title'), /variable\.other\.property\.field\.dcs/, kind);
  }
  const departure = await tokens('departure from dcs.first_tier {\n}');
  assert.match(scopesOf(departure, 'departure'), /storage\.type\.item\.dcs/);
});

test('a policy test shows what it expects and what it changes', async () => {
  const found = await tokens(
    'test deputy_in_between {\n  as_at 2017-06-30\n  set post director report_to deputy\n  expect dcs.report_to_chief_executive unexplained because unexplained holders director\n}',
  );
  assert.match(scopesOf(found, 'test'), /storage\.type\.item\.dcs/);
  assert.match(scopesOf(found, 'set'), /keyword\.other\.test\.dcs/);
  assert.match(scopesOf(found, 'post'), /support\.type\.item\.dcs/);
  assert.match(scopesOf(found, 'director'), /variable\.other\.item\.dcs/);
  assert.match(scopesOf(found, 'expect'), /keyword\.other\.test\.dcs/);
  assert.match(scopesOf(found, 'dcs.report_to_chief_executive'), /variable\.other\.duty\.dcs/);
  assert.match(scopesOf(found, 'unexplained'), /constant\.language\.verdict\.dcs/);
  assert.match(scopesOf(found, 'because'), /keyword\.other\.test\.dcs/);
  assert.match(scopesOf(found, 'holders'), /keyword\.other\.test\.dcs/);
});

test('every reserved word in dcs.pest is highlighted in a duty', needsRepository, async () => {
  // Words only ever part of a longer form are tested in it; `words` and
  // `tag` start entries of their own.
  const partOf = { one: 'exactly one', least: 'at least one', at: 'at least one', exactly: 'exactly one' };
  const entry = { words: 'words not_at_hand "x"', tag: 'tag type x' };
  for (const word of pestWords('keyword')) {
    const written = partOf[word] || word;
    const line = entry[word] || `DCS should be ${written} x`;
    const found = await tokens(`duty sample.duty {\n  cites 2\n  ${line}\n}`);
    const token = found.find((candidate) => candidate.line === 3 && candidate.text.trim() === written);
    assert.ok(token, `\`${written}\` is not a token of its own`);
    assert.match(token.scopes.join(' '), /keyword\.|constant\.language\./, `\`${word}\` is not highlighted`);
  }
});

test('the five modalities, `per`, `from` and `until` have their own scopes', async () => {
  const found = await tokens(
    'duty sample.duty {\n  DCS must hold DASS\n  DCS must not hold DASS\n  DCS should hold DASS\n  DCS should not hold DASS\n  DCS may hold DASS\n}\n' +
      'post p {\n  tier 1 from 2017 until 2018-04-01 per doc "ref"\n}',
  );
  const modality = (line) => found.filter((token) => token.line === line && /modality/.test(token.scopes.join(' ')))[0];
  assert.match(modality(2).scopes.join(' '), /keyword\.other\.modality\.must\.dcs/);
  assert.equal(modality(3).text, 'must not');
  assert.match(modality(3).scopes.join(' '), /modality\.must-not/);
  assert.match(modality(4).scopes.join(' '), /modality\.should\.dcs/);
  assert.equal(modality(5).text, 'should not');
  assert.match(modality(6).scopes.join(' '), /modality\.may/);
  assert.match(scopesOf(found, 'per'), /keyword\.other\.evidence\.dcs/);
  assert.match(scopesOf(found, 'from'), /keyword\.other\.period\.dcs/);
  assert.match(scopesOf(found, 'until'), /keyword\.other\.period\.dcs/);
  assert.match(scopesOf(found, '2018-04-01'), /constant\.numeric\.date\.dcs/);
});

test('no shipped guidance or arrangement shows anything as invalid', needsRepository, async () => {
  const files = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.dcs')) files.push(full);
    }
  };
  walk(path.join(root, 'examples'));
  walk(path.join(root, 'policies'));
  assert.ok(files.length >= 8, `only ${files.length} files`);
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const found = await tokens(text);
    const invalid = found.filter((token) => token.scopes.some((scope) => scope.startsWith('invalid')));
    assert.deepEqual(invalid, [], path.relative(root, file));
    // Every item ends where it should: the last token is back at the top level.
    const items = text.split('\n').filter((line) => /^[a-z_]+ /.test(line) && !line.startsWith('//')).length;
    const starts = found.filter((token) => token.scopes.includes('storage.type.item.dcs') && token.text !== 'from').length;
    assert.equal(starts, items, `items found in ${path.relative(root, file)}`);
  }
});
