/** Reading an npm tarball (gzip'd ustar) in memory: the files it holds and their bytes. */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** One regular file of a tarball, its path without npm's leading `package/`. */
export interface TarballFile {
  readonly path: string;
  readonly bytes: Buffer;
}

function field(block: Buffer, offset: number, length: number): string {
  const raw = block.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString('utf8');
}

/** The regular files of the `.tgz` at `file`, in archive order. */
export function readTarball(file: string): TarballFile[] {
  const tar = gunzipSync(readFileSync(file));
  const files: TarballFile[] = [];
  let longPath: string | undefined;
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const size = parseInt(field(header, 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(header[156] ?? 0);
    const body = tar.subarray(offset + 512, offset + 512 + size);
    const prefix = field(header, 345, 155);
    const name = longPath ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    longPath = undefined;
    if (type === 'x') {
      // A pax header: its `path=` record names the next entry.
      longPath = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(body.toString('utf8'))?.[1];
    } else if (type === '0' || type === '\0') {
      files.push({ path: name.replace(/^[^/]+\//, ''), bytes: Buffer.from(body) });
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}
