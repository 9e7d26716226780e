import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceDependencies, workspacePackages, type WorkspacePackage } from '../workspace';

const packages = workspacePackages();
const byName = new Map(packages.map((pkg) => [pkg.manifest.name, pkg]));

/** The first cycle found by a depth-first walk, as a path `a → b → a`, or undefined. */
function findCycle(edges: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'open');
    path.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Every `@passport-genauth/<name>` a package's src imports (tests may use the kit by source path instead). */
function importedWorkspacePackages(pkg: WorkspacePackage): string[] {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(c|m)?tsx?$/.test(entry.name)) {
        for (const match of readFileSync(path, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*)['"](@passport-genauth\/[a-z0-9-]+)['"]/g)) {
          if (match[1] && match[1] !== pkg.manifest.name) found.add(match[1]);
        }
      }
    }
  };
  try {
    walk(join(pkg.dir, 'src'));
  } catch {
    // a package without src (tests only) imports nothing at build time
  }
  return [...found].sort();
}

describe('the workspace packages', () => {
  it('are found from pnpm-workspace.yaml, core and the emulator among them', () => {
    expect(packages.map((pkg) => pkg.manifest.name)).toEqual(expect.arrayContaining(['@passport-genauth/core', '@passport-genauth/emulator']));
    expect(new Set(packages.map((pkg) => pkg.manifest.name)).size).toBe(packages.length);
  });

  it('depend through workspace: only on packages of the workspace', () => {
    const unknown = packages.flatMap((pkg) =>
      workspaceDependencies(pkg.manifest)
        .filter((name) => !byName.has(name))
        .map((name) => `${pkg.manifest.name} → ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it('form no cycle through dependencies, devDependencies, peerDependencies or optionalDependencies', () => {
    const edges = new Map(packages.map((pkg) => [pkg.manifest.name, workspaceDependencies(pkg.manifest)]));
    expect(findCycle(edges)?.join(' → ')).toBeUndefined();
  });

  it('are checked for cycles by a walk that finds one', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', []],
    ]);
    expect(findCycle(edges)).toEqual(['a', 'b', 'c', 'a']);
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toBeUndefined();
  });

  it('declare every workspace package their src imports as a dependency or peer, so the topological build builds it first', () => {
    const undeclared = packages.flatMap((pkg) => {
      const declared = new Set(workspaceDependencies(pkg.manifest, ['dependencies', 'peerDependencies', 'optionalDependencies']));
      return importedWorkspacePackages(pkg)
        .filter((name) => !declared.has(name))
        .map((name) => `${pkg.relativeDir}/src imports ${name}`);
    });
    expect(undeclared).toEqual([]);
  });

  it('that are published depend (dependencies, peers) only on published workspace packages', () => {
    const onPrivate = packages
      .filter((pkg) => pkg.manifest.private !== true)
      .flatMap((pkg) =>
        workspaceDependencies(pkg.manifest, ['dependencies', 'peerDependencies', 'optionalDependencies'])
          .filter((name) => byName.get(name)?.manifest.private === true)
          .map((name) => `${pkg.manifest.name} → ${name} (private)`),
      );
    expect(onPrivate).toEqual([]);
  });
});
