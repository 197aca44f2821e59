-- Neovim (0.7.x, headless) as a second, independent LSP client for dist/server.js.
--
-- This script only drives the editor and records what it saw; the assertions live in
-- test/e2e/run-nvim.js, which reads the JSON written here. That split keeps the Lua small
-- and the checks in one language with the other suites.
--
-- Steps: start `node dist/server.js --stdio` with vim.lsp.start_client, attach the seed
-- buffer, wait for publishDiagnostics, ask documentSymbol and foldingRange, ask codeAction
-- for a sponsored-widget diagnostic and apply the preferred fix through nvim's own
-- apply_workspace_edit, wait for the server to re-publish, then ask the whole-document
-- source.fixAll.newsdump action and apply it too; finally restore the text and run the
-- server's newsdump.applyFixAll command, whose edit comes back as workspace/applyEdit.
--
-- Inputs (environment): NEWSDUMP_SERVER (path of dist/server.js), NEWSDUMP_NVIM_OUT (JSON
-- result file), NEWSDUMP_LANGUAGE_ID (languageId sent in didOpen; default "newsdump").
-- Run: nvim --headless --clean -n -c 'luafile test/e2e/nvim/lsp-test.lua' FILE

local server = assert(os.getenv('NEWSDUMP_SERVER'), 'NEWSDUMP_SERVER not set')
local out_path = assert(os.getenv('NEWSDUMP_NVIM_OUT'), 'NEWSDUMP_NVIM_OUT not set')
local language_id = os.getenv('NEWSDUMP_LANGUAGE_ID') or 'newsdump'
local WAIT_MS = 15000

local result = { steps = {}, errors = {} }
local t0 = vim.loop.hrtime()
local function step(name) table.insert(result.steps, { name = name, ms = math.floor((vim.loop.hrtime() - t0) / 1e6) }) end
local function err(msg) table.insert(result.errors, msg) end

local function write_and_quit()
  local f = io.open(out_path, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

local bufnr = vim.api.nvim_get_current_buf()
local function buffer_text()
  local text = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  -- a buffer holds lines; the file's final newline is the 'eol' option, not text
  if vim.bo[bufnr].eol then text = text .. '\n' end
  return text
end

-- Record every publishDiagnostics exactly as the server sent it (vim.diagnostic keeps a
-- converted copy without tags), then let nvim's own handler process it as usual.
local publishes = {}
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(e, res, ctx, config)
  table.insert(publishes, res)
  return default_publish(e, res, ctx, config)
end
local function latest_diags() return publishes[#publishes] and publishes[#publishes].diagnostics or nil end

local ok, failure = xpcall(function()
  vim.bo[bufnr].filetype = 'newsdump'
  local client_id = vim.lsp.start_client({
    name = 'newsdump',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':h'),
    get_language_id = function() return language_id end,
    flags = { debounce_text_changes = 50 },
    on_exit = function(code, signal) if code ~= 0 then err(('server exited with code %s signal %s'):format(code, signal)) end end,
  })
  assert(client_id, 'start_client failed')
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  result.initialized = vim.wait(WAIT_MS, function() return client.initialized end, 20) and true or false
  step('initialized')
  result.offset_encoding = client.offset_encoding
  result.original_text = buffer_text()

  -- 1. diagnostics pushed after didOpen
  vim.wait(WAIT_MS, function() local d = latest_diags(); return d ~= nil and #d > 0 end, 20)
  result.diagnostics = latest_diags() or {}
  result.editor_diagnostic_count = #vim.diagnostic.get(bufnr)
  step('diagnostics')

  local tdi = { uri = vim.uri_from_bufnr(bufnr) }
  local function request(method, params)
    local r, e = client.request_sync(method, params, WAIT_MS, bufnr)
    if not r then err(method .. ': ' .. tostring(e)); return nil end
    if r.err then err(method .. ': ' .. vim.inspect(r.err)); return nil end
    return r.result
  end

  -- 2. outline and folding
  result.symbols = request('textDocument/documentSymbol', { textDocument = tdi }) or {}
  step('documentSymbol')
  result.folds = request('textDocument/foldingRange', { textDocument = tdi }) or {}
  step('foldingRange')

  -- hover on the first sponsored widget: the server explains the rule
  local first_widget
  for _, d in ipairs(result.diagnostics) do
    if d.code == 'sponsored-widget' then first_widget = d; break end
  end
  if first_widget then
    result.hover = request('textDocument/hover', { textDocument = tdi, position = first_widget.range.start })
    step('hover')
  end

  -- 3. quick fix for the first sponsored-widget diagnostic
  local widget
  for _, d in ipairs(result.diagnostics) do
    if d.code == 'sponsored-widget' then widget = d; break end
  end
  if not widget then error('no sponsored-widget diagnostic') end
  result.widget = widget
  result.widget_text = table.concat(vim.api.nvim_buf_get_text(bufnr, widget.range.start.line, widget.range.start.character,
    widget.range['end'].line, widget.range['end'].character, {}), '\n')
  local actions = request('textDocument/codeAction', {
    textDocument = tdi, range = widget.range, context = { diagnostics = { widget }, only = { 'quickfix' } },
  }) or {}
  result.quickfix_actions = actions
  step('codeAction quickfix')
  local preferred
  for _, a in ipairs(actions) do if a.isPreferred then preferred = a; break end end
  preferred = preferred or actions[1]
  if not preferred then error('no quick fix offered') end
  local function apply(action)
    if action.edit then vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding) end
    local cmd = type(action.command) == 'table' and action.command or nil
    if cmd then request('workspace/executeCommand', { command = cmd.command, arguments = cmd.arguments }) end
  end
  local n_before = #publishes
  apply(preferred)
  result.after_quickfix_text = buffer_text()
  -- didChange goes out after the debounce; wait for the server's answer to it
  vim.wait(WAIT_MS, function() return #publishes > n_before end, 20)
  result.diagnostics_after_quickfix = latest_diags() or {}
  step('quick fix applied')

  -- 4. fix-all over the whole document
  local last = vim.api.nvim_buf_line_count(bufnr)
  local all = request('textDocument/codeAction', {
    textDocument = tdi,
    range = { start = { line = 0, character = 0 }, ['end'] = { line = last, character = 0 } },
    context = { diagnostics = latest_diags() or {}, only = { 'source.fixAll.newsdump' } },
  }) or {}
  result.fixall_actions = all
  step('codeAction fixAll')
  local fixall
  for _, a in ipairs(all) do if a.kind == 'source.fixAll.newsdump' then fixall = a; break end end
  if fixall then
    n_before = #publishes
    apply(fixall)
    result.after_fixall_text = buffer_text()
    vim.wait(WAIT_MS, function() return #publishes > n_before end, 20)
    result.diagnostics_after_fixall = latest_diags() or {}
    step('fix-all applied')
  end

  -- 5. the server-side command behind VS Code's "Clean dump": workspace/executeCommand
  --    newsdump.applyFixAll makes the server send workspace/applyEdit back to the client,
  --    which nvim's default handler applies. First put the original text back.
  local original_lines = vim.split(result.original_text:gsub('\n$', ''), '\n', true)
  n_before = #publishes
  vim.api.nvim_buf_set_lines(bufnr, 0, -1, false, original_lines)
  -- the server must have the restored version before it computes versioned edits
  vim.wait(WAIT_MS, function() local d = latest_diags(); return #publishes > n_before and d and #d > 0 end, 20)
  result.restored_text = buffer_text()
  result.command_result = request('workspace/executeCommand', { command = 'newsdump.applyFixAll', arguments = { tdi.uri } })
  result.after_command_text = buffer_text()
  step('executeCommand applyFixAll')

  -- 6. orderly shutdown (shutdown request + exit notification)
  client.stop()
  result.stopped = vim.wait(5000, function() return client.is_stopped() end, 20) and true or false
  step('stopped')
end, debug.traceback)

if not ok then err(tostring(failure)) end
write_and_quit()
