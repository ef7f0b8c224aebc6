// @ts-check
// Reads a password the way sudo and sg do: prompt on the terminal, echo off, line editing by hand
// (raw mode), Ctrl-C and Ctrl-D end it. The typed characters are never written anywhere.
import fs from 'node:fs';
import tty from 'node:tty';
import process from 'node:process';

/**
 * @typedef {{ kind: 'line', value: string } | { kind: 'eof' } | { kind: 'interrupt' } | { kind: 'no-tty' }} SecretResult
 */

/**
 * The terminal to talk to: stdin when it is one, else the controlling terminal (/dev/tty),
 * like sudo, which reads from /dev/tty even when stdin is a pipe.
 * @returns {{ input: tty.ReadStream, output: NodeJS.WritableStream, close: () => void } | undefined}
 */
export function openTerminal() {
  if (process.stdin.isTTY) return { input: /** @type {tty.ReadStream} */ (process.stdin), output: process.stderr, close: () => process.stdin.pause() };
  try {
    const fd = fs.openSync('/dev/tty', 'r+');
    const input = new tty.ReadStream(fd);
    const output = new tty.WriteStream(fd);
    return { input, output, close: () => input.destroy() };
  } catch {
    return undefined;
  }
}

/**
 * @param {string} prompt
 * @returns {Promise<SecretResult>}
 */
export function readSecretFromTerminal(prompt) {
  const term = openTerminal();
  if (!term) return Promise.resolve({ kind: 'no-tty' });
  const { input, output } = term;
  // Echo goes off before the prompt shows: anything typed once it is visible stays hidden.
  input.setRawMode(true);
  output.write(prompt);
  input.resume();
  return new Promise((resolve) => {
    let value = '';
    /** @param {SecretResult} result */
    const finish = (result) => {
      input.off('data', onData);
      input.setRawMode(false);
      term.close();
      // Echo is off, so the Enter the person typed did not move the cursor: do it for them.
      output.write('\n');
      resolve(result);
    };
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish({ kind: 'line', value });
        if (ch === '\x03') return finish({ kind: 'interrupt' });
        if (ch === '\x04') {
          if (!value) return finish({ kind: 'eof' });
          continue;
        }
        if (ch === '\x7f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else if (ch === '\x15') value = '';
        else if (ch >= ' ') value += ch;
      }
    };
    input.on('data', onData);
    input.on('end', () => finish({ kind: 'eof' }));
  });
}

/**
 * `sudo -S`: the password is the next line of stdin; the prompt goes to stderr.
 * @param {string} prompt
 * @returns {Promise<SecretResult>}
 */
export function readSecretFromStdin(prompt) {
  process.stderr.write(prompt);
  return new Promise((resolve) => {
    let buf = '';
    /** @param {Buffer} chunk */
    const onData = (chunk) => {
      buf += chunk.toString('utf8');
      const nl = buf.indexOf('\n');
      if (nl >= 0) done({ kind: 'line', value: buf.slice(0, nl).replace(/\r$/, '') });
    };
    const onEnd = () => done(buf ? { kind: 'line', value: buf } : { kind: 'eof' });
    /** @param {SecretResult} r */
    const done = (r) => {
      process.stdin.off('data', onData);
      process.stdin.off('end', onEnd);
      process.stdin.pause();
      process.stderr.write('\n');
      resolve(r);
    };
    process.stdin.on('data', onData);
    process.stdin.on('end', onEnd);
    process.stdin.resume();
  });
}
