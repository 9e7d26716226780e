import { createHash } from 'node:crypto';
import { PAGE_HTML } from './html';
import { SCRIPT_BASE } from './script-base';
import { SCRIPT_DETAIL } from './script-detail';
import { SCRIPT_EXCHANGES } from './script-exchanges';
import { SCRIPT_MAIN } from './script-main';
import { SCRIPT_PANELS } from './script-panels';
import { SCRIPT_SIMULATOR } from './script-simulator';
import { STYLE_FRAME } from './style-frame';
import { STYLE_DATA } from './style-data';

/** One file of the page, encoded once with its ETag. */
export interface PageAsset {
  readonly contentType: string;
  readonly body: Buffer;
  readonly etag: string;
}

function asset(contentType: string, text: string): PageAsset {
  const body = Buffer.from(text, 'utf8');
  return { contentType, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

/** The page's whole script: the parts in one function scope, so nothing leaks into the page's globals. */
export const PAGE_SCRIPT = `(function () {\n${[SCRIPT_BASE, SCRIPT_EXCHANGES, SCRIPT_DETAIL, SCRIPT_SIMULATOR, SCRIPT_PANELS, SCRIPT_MAIN].join('\n')}\n})();\n`;

/** The page and its two files, keyed by their name under the dashboard prefix. */
export interface PageAssets {
  readonly page: PageAsset;
  readonly files: Readonly<Record<string, PageAsset>>;
}

let built: PageAssets | undefined;

/**
 * The dashboard ships inside the package as strings, so it is served as is from the sources, the
 * ESM and CommonJS builds and the CLI bundle alike, with no files to copy and no build step. They are
 * encoded on first use, so an emulator without a dashboard pays nothing.
 */
export function pageAssets(): PageAssets {
  built ??= {
    page: asset('text/html; charset=utf-8', PAGE_HTML),
    files: {
      'app.js': asset('text/javascript; charset=utf-8', PAGE_SCRIPT),
      'app.css': asset('text/css; charset=utf-8', STYLE_FRAME + STYLE_DATA),
    },
  };
  return built;
}
