import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AppShell } from './pages/app-shell';
import { HomePage } from './pages/home-page';
import { launchChromium } from './support/browser';
import { startWebHostProcess, type RunningWebHost } from './support/web-host-process';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

describe('web host in Chromium', () => {
  let host: RunningWebHost;
  let browser: Browser;

  beforeAll(async () => {
    host = await startWebHostProcess();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('prints one URL line with a port and a token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    expect(host.output().match(/http:\/\/127\.0\.0\.1/g)).toHaveLength(1);
  });

  it('answers a call through the contract and streams events to the page', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(host.url);
    const home = new HomePage(page);
    const shell = new AppShell(page);
    await home.heading().waitFor();
    // Round trip: app.info answered by main.
    await expect.poll(() => home.version().textContent()).toBe(version);
    expect(await home.transport().textContent()).toBe('Web host (browser)');
    // Event stream: the host's heartbeat reaches the page.
    await shell.hostStatus().waitFor({ timeout: 10_000 });
    expect(await shell.hostStatus().textContent()).toMatch(/host up \d+s · 1 window/);
    expect(await shell.connectionState().textContent()).toBe('Connected to Berth');
    // The token left the address bar; a reload still works (HttpOnly cookie).
    expect(page.url()).not.toContain('token=');
    await page.reload();
    await expect.poll(() => home.version().textContent()).toBe(version);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows the system colour scheme, and the Theme choice overrides it and is remembered', async () => {
    const page = await browser.newPage({ colorScheme: 'dark' });
    await page.goto(host.url);
    await new HomePage(page).heading().waitFor();
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const theme = page.getByRole('combobox', { name: 'Theme' });
    expect(await background()).toBe('rgb(20, 22, 26)');
    await theme.selectOption('light');
    expect(await background()).toBe('rgb(246, 247, 249)');
    await page.reload();
    await new HomePage(page).heading().waitFor();
    expect(await background()).toBe('rgb(246, 247, 249)');
    await theme.selectOption('system');
    expect(await background()).toBe('rgb(20, 22, 26)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe('rgb(246, 247, 249)');
    await theme.selectOption('dark');
    expect(await background()).toBe('rgb(20, 22, 26)');
    await page.close();
  });

  it('refuses the page without the right token', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${host.origin}/?token=wrong`);
    expect(response?.status()).toBe(403);
    expect(await page.textContent('body')).toContain('Wrong or missing token');
    await page.close();
  });

  it('refuses a WebSocket with a wrong token or a foreign Origin, and a foreign Host', async () => {
    const attempt = (url: string, headers: Record<string, string>) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url, { headers });
        ws.on('open', () => {
          ws.close();
          resolve('open');
        });
        ws.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
        ws.on('error', (e) => resolve(`error: ${e.message}`));
      });
    const api = `ws://127.0.0.1:${host.port}/api`;
    expect(await attempt(`${api}?token=${host.token}`, { Origin: host.origin })).toBe('open');
    expect(await attempt(`${api}?token=wrong`, { Origin: host.origin })).toMatch(/403|error/);
    expect(await attempt(`${api}?token=${host.token}`, { Origin: 'http://evil.example' })).toMatch(/403|error/);
    expect(await attempt(`${api}?token=${host.token}`, { Origin: host.origin, Host: `rebind.example:${host.port}` })).toMatch(/403|error/);
    // A page on a rebound DNS name reaches us with its own name in Host: refused.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      request({ host: '127.0.0.1', port: host.port, path: `/?token=${host.token}`, headers: { Host: `rebind.example:${host.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
  });

  it('answers an invalid call with a clear error and keeps serving', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, { headers: { Origin: host.origin } });
    await new Promise((r) => ws.once('open', r));
    const results: unknown[] = [];
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { type: string };
      if (frame.type === 'result') results.push(frame);
    });
    ws.send(JSON.stringify({ type: 'call', id: 1, channel: 'app.openExternal', payload: { url: 'file:///etc/passwd' } }));
    ws.send(JSON.stringify({ type: 'call', id: 2, channel: 'nope.nothing', payload: {} }));
    ws.send(JSON.stringify({ type: 'call', id: 3, channel: 'app.info', payload: {} }));
    await expect.poll(() => results.length).toBe(3);
    expect(results).toEqual([
      { type: 'result', id: 1, envelope: { ok: false, error: expect.objectContaining({ code: 'invalid-request' }) } },
      { type: 'result', id: 2, envelope: { ok: false, error: expect.objectContaining({ code: 'unknown-call' }) } },
      { type: 'result', id: 3, envelope: { ok: true, value: expect.objectContaining({ name: 'Berth', version }) } },
    ]);
    ws.close();
  });
});

describe('npm start where Electron cannot run', () => {
  it('says why in one line and serves the web host instead', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'berth-start-'));
    const child = spawn(process.execPath, ['out/main/start.js', '--port', '0', '--no-open'], {
      env: { ...process.env, BERTH_DATA_DIR: dataDir, DISPLAY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    try {
      await expect.poll(() => output, { timeout: 30_000 }).toMatch(/Berth web host: http:\/\/127\.0\.0\.1:\d+\/\?token=/);
      const lines = output.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^Berth: the desktop app cannot open because .+; serving the web host instead\.$/);
    } finally {
      child.kill('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

