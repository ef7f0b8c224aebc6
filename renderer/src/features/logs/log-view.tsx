import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { LogBuffer } from './log-buffer';
import { highlightParts } from './log-search';
import { shortPodName, tagHue } from './pod-tag';

const LINE_HEIGHT = 18;

export interface LogViewProps {
  buffer: LogBuffer;
  /** Changes when lines were added (the buffer itself is mutated in place). */
  version: number;
  query: string;
  /** Line index of the current search match, scrolled into view. */
  currentLine: number;
  wrap: boolean;
  /** Tag each line with its pod (a workload's interleaved logs). */
  tagged: boolean;
  label: string;
}

/**
 * The lines, virtualised: only the rows on screen are in the DOM, so 100,000 lines draw as fast
 * as 50. Sticks to the end while the reader is at the end (a live tail); scrolling up stops that
 * until they scroll back down or press End.
 */
export function LogView({ buffer, version, query, currentLine, wrap, tagged, label }: LogViewProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [atEnd, setAtEnd] = useState(true);
  const atEndRef = useRef(true);
  const count = buffer.lines.length;
  const pods = buffer.sources.map((s) => s.pod);
  // TanStack Virtual returns fresh functions each render, which the React Compiler cannot memoise
  // (as in the data table); this component is not compiled.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 20,
    // Wrapped lines have their own heights, cached by the line's place in the stream; unwrapped
    // ones are all one line tall (no measuring, keys by index).
    ...(wrap ? { measureElement: (el: Element) => el.getBoundingClientRect().height, getItemKey: (i: number) => buffer.lines[i]?.seq ?? i } : {}),
  });

  useEffect(() => {
    virtualizer.measure();
  }, [wrap, virtualizer]);

  // Keep to the end as lines arrive, while the reader has not scrolled away. Writing scrollTop
  // past the end (the browser clamps it) costs one layout; scrollToIndex reads the element's
  // scroll size and forces layout several times a frame, which showed in the 100 MB profile.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && atEndRef.current && count > 0) el.scrollTop = virtualizer.getTotalSize();
  }, [version, count, virtualizer]);

  useEffect(() => {
    if (currentLine >= 0 && currentLine < count) {
      atEndRef.current = false;
      setAtEnd(false);
      virtualizer.scrollToIndex(currentLine, { align: 'center' });
    }
    // Only when the match changes, not as lines arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentLine]);

  const onScroll = (): void => {
    const el = scrollRef.current;
    if (!el) return;
    const end = el.scrollHeight - el.scrollTop - el.clientHeight < LINE_HEIGHT * 2;
    atEndRef.current = end;
    if (end !== atEnd) setAtEnd(end);
  };
  const toEnd = (): void => {
    atEndRef.current = true;
    setAtEnd(true);
    const el = scrollRef.current;
    if (el) el.scrollTop = virtualizer.getTotalSize();
  };

  return (
    <div className="log-view-wrap">
      <div
        ref={scrollRef}
        className={`log-view${wrap ? ' wrap' : ''}`}
        role="region"
        aria-label={label}
        tabIndex={0}
        onScroll={onScroll}
        onKeyDown={(e) => {
          if (e.key === 'End') {
            e.preventDefault();
            toEnd();
          }
        }}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const line = buffer.lines[item.index];
            if (!line) return null;
            const pod = buffer.sources[line.source]?.pod ?? '';
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={wrap ? virtualizer.measureElement : undefined}
                className={`log-line${item.index === currentLine ? ' current' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, ...(wrap ? {} : { height: LINE_HEIGHT }) }}
              >
                {tagged && (
                  <span className="log-pod" title={pod} style={{ color: `hsl(${tagHue(pod)} 60% var(--log-tag-lightness))` }}>
                    {shortPodName(pod, pods)}
                  </span>
                )}
                {query
                  ? highlightParts(line.text, query).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))
                  : line.text}
              </div>
            );
          })}
        </div>
      </div>
      {!atEnd && count > 0 && (
        <button type="button" className="button secondary log-to-end" onClick={toEnd}>
          ↓ Follow the end (End)
        </button>
      )}
    </div>
  );
}
