import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronJsFlags, MAIN_V8_FLAGS } from './main-process-flags';

const scripts = (JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

describe("main process V8 flags", () => {
  it('reach every process that runs the main side: the web host, the launcher, and the bench that plays main', () => {
    for (const name of ['web', 'start', 'bench']) {
      const node = /\bnode ([^&|]*)/.exec(scripts[name] ?? '')?.[1] ?? '';
      for (const flag of MAIN_V8_FLAGS) expect(node, `npm run ${name}`).toContain(flag);
    }
  });

  it('go to Electron as one --js-flags switch', () => {
    expect(electronJsFlags()).toBe(`--js-flags=${MAIN_V8_FLAGS.join(' ')}`);
  });
});
