import { useEffect, useState } from 'react';

/** Copies `text` to the clipboard and says so in words (announced politely). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 2_500);
    return () => window.clearTimeout(timer);
  }, [state]);
  return (
    <span className="copy">
      <button
        type="button"
        className="button secondary small"
        aria-label={label}
        onClick={() => navigator.clipboard.writeText(text).then(() => setState('copied'), () => setState('failed'))}
      >
        Copy
      </button>
      <span role="status" className="copy-result">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Could not copy: select the text and press Ctrl+C' : ''}
      </span>
    </span>
  );
}
