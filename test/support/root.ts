// The repository root, found from a bundled test's own folder (tests run from out/test/...).
import * as fs from 'fs';
import * as path from 'path';

export function findRoot(from: string): string {
  let dir = from;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'newsdump') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`newsdump root not found above ${from}`);
    dir = up;
  }
}
