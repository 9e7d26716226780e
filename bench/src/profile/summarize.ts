import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface Hotspot {
  readonly name: string;
  readonly selfMs: number;
  readonly selfShare: number;
}

export interface Inclusive {
  readonly name: string;
  readonly totalMs: number;
  readonly share: number;
}

function shortUrl(url: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length).replace(/^\.pnpm\/[^/]+\/node_modules\//, '');
  const pk = url.indexOf('/packages/');
  if (pk >= 0) return url.slice(pk + 1);
  return url.replace(/^file:\/\//, '').replace(/^node:/, 'node:');
}

export function frameName(frame: CallFrame): string {
  const fn = frame.functionName || '(anonymous)';
  if (!frame.url) return fn;
  return `${fn} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
}

/** Reads a .cpuprofile and returns self time per function and total (inclusive) time per matcher. */
export function summarize(
  path: string,
  groups: ReadonlyArray<readonly [string, (frame: CallFrame) => boolean]>,
): {
  readonly totalMs: number;
  readonly idleMs: number;
  readonly hotspots: Hotspot[];
  readonly inclusive: Inclusive[];
} {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i += 1) {
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  let totalUs = 0;
  let idleUs = 0;
  const bySelf = new Map<string, number>();
  const groupUs = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    totalUs += us;
    if (node.callFrame.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    const name = frameName(node.callFrame);
    bySelf.set(name, (bySelf.get(name) ?? 0) + us);
    // Inclusive: charge each group at most once per sample stack.
    const seen = new Set<string>();
    for (let cursor: number | undefined = id; cursor !== undefined; cursor = parent.get(cursor)) {
      const frame = byId.get(cursor)!.callFrame;
      for (const [group, match] of groups) {
        if (!seen.has(group) && match(frame)) {
          seen.add(group);
          groupUs.set(group, (groupUs.get(group) ?? 0) + us);
        }
      }
    }
  }
  const busyUs = totalUs - idleUs;
  const hotspots = [...bySelf].map(([name, us]) => ({ name, selfMs: us / 1000, selfShare: us / busyUs })).sort((a, b) => b.selfMs - a.selfMs);
  const inclusive = [...groupUs].map(([name, us]) => ({ name, totalMs: us / 1000, share: us / busyUs })).sort((a, b) => b.totalMs - a.totalMs);
  return { totalMs: totalUs / 1000, idleMs: idleUs / 1000, hotspots, inclusive };
}

/** Which package a frame belongs to: the folder under node_modules, `core` for our package, else undefined. */
export function ownerOf(frame: CallFrame): string | undefined {
  const url = frame.url;
  if (!url) return undefined;
  if (url.includes('/packages/core/') || url.includes('bench-scratch')) return '@passport-genauth/core';
  if (url.includes('/packages/wechat/')) return '@passport-genauth/wechat';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.includes('/bench/src/children/')) return 'bench backend';
  return undefined;
}

/**
 * Self time charged to the package that owns the innermost library frame of each sample, so Node
 * internals (crypto, sockets, streams) count for the library that called them. GC and (program)
 * stay separate.
 */
export function byOwner(path: string): { readonly busyMs: number; readonly owners: Array<{ owner: string; ms: number; share: number }> } {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const owners = new Map<string, number>();
  let busyUs = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    const id = profile.samples[i]!;
    const us = profile.timeDeltas[i] ?? 0;
    const leaf = byId.get(id)!.callFrame;
    if (leaf.functionName === '(idle)') continue;
    busyUs += us;
    let owner: string | undefined;
    if (leaf.functionName === '(garbage collector)' || leaf.functionName === '(program)') owner = leaf.functionName;
    for (let cursor: number | undefined = id; owner === undefined && cursor !== undefined; cursor = parent.get(cursor)) {
      owner = ownerOf(byId.get(cursor)!.callFrame);
    }
    owner ??= 'node internals (no library caller)';
    owners.set(owner, (owners.get(owner) ?? 0) + us);
  }
  return {
    busyMs: busyUs / 1000,
    owners: [...owners].map(([owner, us]) => ({ owner, ms: us / 1000, share: us / busyUs })).sort((a, b) => b.ms - a.ms),
  };
}
