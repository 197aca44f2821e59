// `node scripts/run-ts.js bench/make-dump.ts OUT [MB]`: writes the scraper dump that
// `npm run bench` generates for that size (seed 42 + MB), e.g. to time the CLI on it.
import * as fs from 'fs';
import * as path from 'path';
import { loadFixtures, scraperDump } from './generate';

const out = process.argv[2] ?? '/tmp/big10.txt';
const mb = Number(process.argv[3] ?? '10');
const fixtures = loadFixtures(path.join(__dirname, '..', '..', 'bench', 'fixtures'));
fs.writeFileSync(out, scraperDump(fixtures, mb * 1024 * 1024, 42 + mb));
