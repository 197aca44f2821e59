'use strict';
// Debian's chromium driven by playwright-core. Never `playwright install`: that downloads a
// browser build, which this network refuses; playwright-core alone downloads nothing.

const fs = require('fs');
const path = require('path');
const { CHROMIUM, requireTool } = require('./common');

// Without the background-networking flags chromium keeps dialling Google hosts that the
// closed network refuses. --no-sandbox because we run as root. The user-data-dir is chosen
// by playwright (a fresh temp dir); passing one in args is rejected.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

async function launchBrowser(runDir) {
  const { chromium } = requireTool('playwright-core');
  const home = path.join(runDir, 'chrome-home'); // keeps ~/.config/chromium out of the real home
  fs.mkdirSync(home, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, HOME: home },
    timeout: 60000,
  });
}

module.exports = { launchBrowser, CHROMIUM_ARGS };
