/**
 * What a terminal writes before a state from main (`terminal.output` with `replace`), in order
 * after the output still queued in it (term.reset() would act at once, before that output).
 *
 * `all`: RIS (ESC c), a full reset; the state rebuilds history and screen.
 * `screen`: the history stays (it is rebuilt by the `all` state that follows once the output
 * settles); leaves the alternate screen, turns off every mode a state can turn on (the serializer's
 * list: application cursor keys and keypad, bracketed paste, insert, origin, reverse wraparound,
 * focus events, mouse tracking; wraparound back on), soft-resets the rest (DECSTR: colours and
 * attributes, scroll region, charsets, cursor shown), clears the screen and homes the cursor. A full
 * reset there would rebuild 5,000 lines of history in the page on every state of a flood.
 */
export function statePrefix(kind: 'all' | 'screen'): string {
  return kind === 'all' ? RESET_ALL : RESET_SCREEN;
}

const RESET_ALL = '\x1bc';
const MODES_OFF = ['?1l', '?66l', '?2004l', '4l', '?6l', '?45l', '?1004l', '?7h', '?9l', '?1000l', '?1002l', '?1003l'].map((mode) => `\x1b[${mode}`).join('');
const RESET_SCREEN = `\x1b[?1049l${MODES_OFF}\x1b[!p\x1b[H\x1b[2J`;
