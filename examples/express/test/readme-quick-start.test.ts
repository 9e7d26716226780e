import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const ciRun = readFileSync(join(root, '.ci/run'), 'utf8');

/** The text of a `## ` section of the README, up to the next `## ` heading. */
function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README.md has no "## ${heading}" section`);
  const next = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, next < 0 ? undefined : next);
}

/** The fenced code blocks of a piece of Markdown, without their fences. */
function fencedBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```[^\n]*\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');
}

function commandLines(block: string): string[] {
  return block.split('\n').filter((line) => line.trim() !== '');
}

describe("README.md's Quick start", () => {
  const blocks = fencedBlocks(section('Quick start'));

  it('is one fenced block of exactly two command lines: demo, then test', () => {
    expect(blocks).toHaveLength(1);
    expect(commandLines(blocks[0] ?? '')).toEqual(['npx -y pnpm@10 install && npx -y pnpm@10 demo', 'npx -y pnpm@10 install && npx -y pnpm@10 test']);
  });

  it('has its test command run verbatim by .ci/run', () => {
    const testLine = commandLines(blocks[0] ?? '')[1];
    expect(testLine).toBeDefined();
    expect(ciRun.split('\n')).toContain(testLine);
  });

  it('has its demo command run by .ci/run (after the one install)', () => {
    const demoLine = commandLines(blocks[0] ?? '')[0] ?? '';
    const demo = demoLine.split(' && ').at(-1);
    expect(demo).toBe('npx -y pnpm@10 demo');
    expect(ciRun.split('\n')).toContain(demo);
  });

  it('names scripts that exist in the root package.json', () => {
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.demo).toContain('examples/express/src/demo.ts');
    expect(scripts.test).toBeDefined();
  });
});

describe("README.md's Express example", () => {
  it('is the type-checked examples/express/src/minimal-app.ts, word for word', () => {
    const source = readFileSync(join(__dirname, '../src/minimal-app.ts'), 'utf8');
    expect(fencedBlocks(section('Use it in an Express app'))[0]).toBe(source);
  });
});
