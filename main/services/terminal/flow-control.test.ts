import { describe, expect, it } from 'vitest';
import { FlowControl, HIGH_WATERMARK_BYTES, LOW_WATERMARK_BYTES } from './flow-control';

describe('FlowControl', () => {
  it('pauses above the high watermark and resumes below the low one', () => {
    const flow = new FlowControl();
    flow.attach('a');
    expect(flow.sent(HIGH_WATERMARK_BYTES)).toBe('none');
    expect(flow.sent(1)).toBe('pause');
    expect(flow.acked('a', HIGH_WATERMARK_BYTES - LOW_WATERMARK_BYTES)).toBe('none');
    expect(flow.acked('a', 2)).toBe('resume');
    expect(flow.isPaused).toBe(false);
  });

  it('is paced by the slowest attached page', () => {
    const flow = new FlowControl();
    flow.attach('fast');
    flow.attach('slow');
    expect(flow.sent(HIGH_WATERMARK_BYTES + 1)).toBe('pause');
    expect(flow.acked('fast', HIGH_WATERMARK_BYTES + 1)).toBe('none');
    expect(flow.unacknowledged).toBe(HIGH_WATERMARK_BYTES + 1);
    expect(flow.acked('slow', HIGH_WATERMARK_BYTES + 1)).toBe('resume');
  });

  it('lets a page that goes away stop holding the PTY back', () => {
    const flow = new FlowControl();
    flow.attach('stays');
    flow.attach('leaves');
    flow.sent(HIGH_WATERMARK_BYTES + 1);
    flow.acked('stays', HIGH_WATERMARK_BYTES + 1);
    expect(flow.detach('leaves')).toBe('resume');
    expect(flow.viewers).toBe(1);
  });

  it('counts nothing with no page attached, and ignores acks from pages that are not', () => {
    const flow = new FlowControl();
    expect(flow.sent(10 * HIGH_WATERMARK_BYTES)).toBe('none');
    expect(flow.unacknowledged).toBe(0);
    expect(flow.acked('stranger', 5)).toBe('none');
    flow.attach('late');
    expect(flow.unacknowledged).toBe(0);
  });
});
