/**
 * Debian's Chromium (installed by .ci/run, never downloaded at test time), driven by
 * playwright-core, with a fresh profile and no network: any request that is not the
 * page's own file is aborted and recorded.
 *
 * @example
 *   const browser = await openPage('/tmp/report.html');
 *   await browser.page.getByText('client1').isVisible();
 *   await browser.close();
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface OpenedPage {
  page: Page;
  /** URLs the page tried to fetch beyond its own file (should stay empty). */
  requests: string[];
  close(): Promise<void>;
}

/** Opens a local HTML file in headless Chromium; `colorScheme` emulates the reader's setting. */
export async function openPage(file: string, options: { colorScheme?: 'light' | 'dark' } = {}): Promise<OpenedPage> {
  const profile = mkdtempSync(join(tmpdir(), 'kt-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1200, height: 900 },
  });
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  return {
    page,
    requests,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** True when `png` is a PNG image of at least `width` × `height` pixels. */
export function isPng(png: Buffer, width: number, height: number): boolean {
  const signature = png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return signature && png.readUInt32BE(16) >= width && png.readUInt32BE(20) >= height;
}
