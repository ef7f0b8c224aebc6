import { FitAddon } from '@xterm/addon-fit';
import { WebglAddon } from '@xterm/addon-webgl';
import { Terminal, type ITerminalInitOnlyOptions, type ITerminalOptions } from '@xterm/xterm';
import { debounceScrollbarHide } from './scrollbar-hide-timer';

export type TerminalRenderer = 'webgl' | 'dom';

export interface CreatedTerminal {
  term: Terminal;
  /** Sizes the terminal to its container. */
  fit(): void;
  /** Which renderer draws it now (WebGL falls back to the DOM when its context is lost). */
  renderer(): TerminalRenderer;
  dispose(): void;
}

type TerminalOptions = ITerminalOptions & ITerminalInitOnlyOptions;

const THEME = { background: '#111418', foreground: '#e6e8eb', cursor: '#e6e8eb', selectionBackground: '#3a4d6b' };

/** Berth's terminal options; `overrides` for what a caller must set (size in the benchmark). */
export function terminalOptions(overrides: TerminalOptions = {}): TerminalOptions {
  return {
    fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
    fontSize: 13,
    // Enough to scroll back through a step's output; the full transcript is in the step's log.
    scrollback: 5_000,
    cursorBlink: true,
    theme: THEME,
    ...overrides,
  };
}

/**
 * An xterm.js terminal opened in `container`, drawn with WebGL where the page has a GPU-backed
 * WebGL2 context (the DOM renderer restyles and lays out every row of the screen on each frame
 * while a fast printer scrolls), and with the DOM renderer where it has not, or once the context is
 * lost (the GPU process restarted, too many contexts). WebGL on a software rasteriser (SwiftShader,
 * llvmpipe: a VM or a machine without a usable GPU) is far slower than the DOM renderer: in
 * test/bench/terminal-throughput.ts SwiftShader's GPU process took ~30x the page's CPU time.
 */
export function createTerminal(container: HTMLElement, overrides: TerminalOptions = {}, drawWith: 'auto' | TerminalRenderer = 'auto'): CreatedTerminal {
  const term = new Terminal(terminalOptions(overrides));
  const fitAddon = new FitAddon();
  term.loadAddon(fitAddon);
  term.open(container);
  // One timer for the scrollbar's hiding instead of one per line printed (see the module); the
  // end-to-end tests read from this attribute that the xterm.js in the app still has the internals.
  container.dataset.scrollbarHide = debounceScrollbarHide(term) ? 'debounced' : 'xterm';
  let webgl: WebglAddon | undefined;
  // `webgl` forces it even on a software rasteriser (the benchmark measures both).
  if (drawWith === 'webgl' || (drawWith === 'auto' && hasHardwareWebgl())) {
    try {
      const addon = new WebglAddon();
      addon.onContextLoss(() => {
        // Disposing the addon hands drawing back to the DOM renderer.
        addon.dispose();
        if (webgl === addon) webgl = undefined;
      });
      term.loadAddon(addon);
      webgl = addon;
    } catch {
      // No WebGL2 context here (no GPU, WebGL disabled): the DOM renderer stays.
      webgl = undefined;
    }
  }
  return {
    term,
    fit: () => fitAddon.fit(),
    renderer: () => (webgl ? 'webgl' : 'dom'),
    dispose: () => term.dispose(),
  };
}

let hardwareWebgl: boolean | undefined;

/** Whether WebGL2 here runs on a GPU, not a software rasteriser; probed once per page. */
export function hasHardwareWebgl(): boolean {
  if (hardwareWebgl !== undefined) return hardwareWebgl;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return (hardwareWebgl = false);
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    hardwareWebgl = !/swiftshader|llvmpipe|softpipe|software/i.test(renderer);
  } catch {
    hardwareWebgl = false;
  }
  return hardwareWebgl;
}
