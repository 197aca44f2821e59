#!/usr/bin/env node
'use strict';
// Emacs 28 + eglot 1.9 (Debian: emacs-nox elpa-eglot; optional, `scripts/install-e2e.sh
// --emacs`) as a real LSP client of dist/server.js. test/e2e/emacs/lsp-test.el drives it and
// writes the same JSON record as the neovim script; the shared checks judge it.
// Exit code 0 only when every check passed; last line "emacs: N passed, N failed".

const path = require('path');
const { mainFor } = require('./lib/editor-client');

const EL = path.join(__dirname, 'emacs', 'lsp-test.el');

mainFor({
  name: 'emacs',
  title: 'emacs + eglot as LSP client of dist/server.js',
  cmd: 'emacs',
  args: (file) => ['--batch', '-Q', '-l', EL, file],
  outVar: 'NEWSDUMP_EMACS_OUT',
});
