import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { LogOptions, LogTarget } from '../../../../main/contract';
import { bufferNotes, downloadText } from './log-buffer';
import { matchingLines, stepMatch } from './log-search';
import { LogView } from './log-view';
import { useLogStream } from './use-log-stream';
import './logs.css';

export interface ContainerChoice {
  name: string;
  init: boolean;
}

export interface LogsPanelProps {
  target: LogTarget;
  /** Containers to choose from (init containers marked); empty = the pod's default container. */
  containers: ContainerChoice[];
  /** For the download's file name and the view's label. */
  title: string;
}

const TAILS = [
  { label: 'Last 100 lines', value: 100 },
  { label: 'Last 1,000 lines', value: 1000 },
  { label: 'Last 10,000 lines', value: 10_000 },
  { label: 'All lines', value: -1 },
];
const SINCE = [
  { label: 'Any time', value: 0 },
  { label: 'Last 5 minutes', value: 300 },
  { label: 'Last hour', value: 3600 },
  { label: 'Last 24 hours', value: 86_400 },
  { label: 'Since a time…', value: -1 },
];

/** datetime-local text (local time) -> RFC 3339 UTC, or undefined when empty/invalid. */
export function sinceTimeFromInput(value: string): string | undefined {
  if (!value) return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Logs of a pod (or of every pod of a workload, interleaved and tagged): follow, container,
 * previous instance, tail, since, timestamps, wrap, search with highlights, download. What `kubectl
 * logs` offers, with a bounded, virtualised view so a pod printing 100 MB stays usable.
 */
export function LogsPanel({ target, containers, title }: LogsPanelProps) {
  const ids = useId();
  const firstMain = containers.find((c) => !c.init)?.name ?? containers[0]?.name ?? '';
  const [container, setContainer] = useState(firstMain);
  const [follow, setFollow] = useState(true);
  const [previous, setPrevious] = useState(false);
  const [tail, setTail] = useState(1000);
  const [since, setSince] = useState(0);
  const [sinceAt, setSinceAt] = useState('');
  const [timestamps, setTimestamps] = useState(false);
  const [wrap, setWrap] = useState(false);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(-1);
  const searchRef = useRef<HTMLInputElement>(null);

  const options: LogOptions = { follow, previous, timestamps };
  if (container) options.container = container;
  if (tail >= 0) options.tailLines = tail;
  if (since > 0) options.sinceSeconds = since;
  const sinceTime = since === -1 ? sinceTimeFromInput(sinceAt) : undefined;
  if (sinceTime) options.sinceTime = sinceTime;
  const stream = useLogStream(target, options);
  const tagged = target.kind === 'selector';

  // Searching 100,000 lines on every batch would cost a frame each time: search what was there
  // when the reader typed, refreshed at most twice a second while lines keep coming.
  const deferredQuery = useDeferredValue(query);
  const [searchTick, setSearchTick] = useState(0);
  useEffect(() => {
    if (!deferredQuery) return;
    const t = setTimeout(() => setSearchTick((n) => n + 1), 500);
    return () => clearTimeout(t);
  }, [deferredQuery, stream.version]);
  const matches = useMemo(() => matchingLines(stream.buffer.lines, deferredQuery), [stream.buffer, deferredQuery, searchTick]); // eslint-disable-line react-hooks/exhaustive-deps
  const currentLine = current >= 0 ? (matches[current] ?? -1) : -1;

  const download = (): void => {
    const blob = new Blob([downloadText(stream.buffer, tagged)], { type: 'text/plain;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${title.replace(/[^\w.-]+/g, '_')}${container && target.kind === 'pod' ? `_${container}` : ''}.log`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const failed = stream.sources.filter((s) => s.state === 'failed');
  const streaming = stream.sources.filter((s) => s.state === 'streaming').length;
  const ended = stream.sources.filter((s) => s.state === 'ended').length;
  const notes = bufferNotes(stream.buffer);
  const statusText = stream.starting
    ? 'Starting…'
    : `${stream.buffer.lines.length.toLocaleString('en-US')} lines · ${streaming ? (follow ? `following ${streaming}` : `reading ${streaming}`) : 'not streaming'}${ended ? ` · ${ended} ended` : ''}${tagged ? ` · ${stream.pods.length} pod${stream.pods.length === 1 ? '' : 's'}${stream.podsLeftOut ? ` (${stream.podsLeftOut} more not read)` : ''}` : ''}`;

  return (
    <div
      className="logs-panel"
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
          e.preventDefault();
          searchRef.current?.focus();
        }
      }}
    >
      <div className="logs-controls" role="toolbar" aria-label="Log options">
        {containers.length > 0 && (
          <label>
            Container{' '}
            <select value={container} onChange={(e) => setContainer(e.target.value)}>
              {containers.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name}
                  {c.init ? ' (init)' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow
        </label>
        <label>
          <input type="checkbox" checked={previous} onChange={(e) => setPrevious(e.target.checked)} /> Previous instance
        </label>
        <select aria-label="How many lines" value={tail} onChange={(e) => setTail(Number(e.target.value))}>
          {TAILS.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
        <select aria-label="Since" value={since} onChange={(e) => setSince(Number(e.target.value))}>
          {SINCE.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
        {since === -1 && <input type="datetime-local" aria-label="Since time" step={1} value={sinceAt} onChange={(e) => setSinceAt(e.target.value)} />}
        <label>
          <input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} /> Timestamps
        </label>
        <label>
          <input type="checkbox" checked={wrap} onChange={(e) => setWrap(e.target.checked)} /> Wrap
        </label>
        <span className="logs-search">
          <input
            ref={searchRef}
            type="search"
            placeholder="Search (Ctrl+F)"
            aria-label="Search the logs"
            aria-describedby={`${ids}-count`}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setCurrent(-1);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                setCurrent((c) => stepMatch(matches.length, c, !e.shiftKey));
              }
            }}
          />
          <span id={`${ids}-count`} className="muted" aria-live="polite">
            {deferredQuery ? (matches.length ? `${current >= 0 ? current + 1 : 0} of ${matches.length.toLocaleString('en-US')}` : 'no matches') : ''}
          </span>
          <button type="button" className="button secondary" aria-label="Previous match" disabled={!matches.length} onClick={() => setCurrent((c) => stepMatch(matches.length, c, false))}>
            ↑
          </button>
          <button type="button" className="button secondary" aria-label="Next match" disabled={!matches.length} onClick={() => setCurrent((c) => stepMatch(matches.length, c, true))}>
            ↓
          </button>
        </span>
        <button type="button" className="button secondary" onClick={download} disabled={stream.buffer.lines.length === 0}>
          Download
        </button>
      </div>
      {stream.error && (
        <p role="alert" className="error">
          {stream.error}
        </p>
      )}
      {failed.map((f) => (
        <p key={`${f.pod}/${f.container}`} role="alert" className="error logs-failed">
          {tagged ? `${f.pod}: ` : ''}
          {f.message ?? 'The log stream failed.'}
        </p>
      ))}
      {notes.map((n) => (
        <p key={n} className="logs-note">
          {n}
        </p>
      ))}
      <LogView buffer={stream.buffer} version={stream.version} query={deferredQuery} currentLine={currentLine} wrap={wrap} tagged={tagged} label={`Log lines of ${title}`} />
      <p className="logs-status muted" aria-live="off" data-testid="logs-status">
        {statusText}
      </p>
    </div>
  );
}
