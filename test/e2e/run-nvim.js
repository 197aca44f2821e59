#!/usr/bin/env node
'use strict';
// Neovim (Debian's 0.7.x, headless, --clean) as a real LSP client of dist/server.js.
// test/e2e/nvim/lsp-test.lua drives nvim and writes what it saw to JSON; the shared checks
// (lib/client-checks.js) judge it. Exit code 0 only when every check passed; last line
// "nvim: N passed, N failed".

const path = require('path');
const { mainFor } = require('./lib/editor-client');

const LUA = path.join(__dirname, 'nvim', 'lsp-test.lua');

mainFor({
  name: 'nvim',
  title: 'nvim as LSP client of dist/server.js',
  cmd: 'nvim',
  args: (file) => ['--headless', '--clean', '-n', '-c', `luafile ${LUA}`, file],
  outVar: 'NEWSDUMP_NVIM_OUT',
});
