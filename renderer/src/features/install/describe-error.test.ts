import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error';
import { describeError } from './describe-error';

describe('describeError', () => {
  it('keeps the hint main sent with the error', () => {
    const error = new ApiError({ name: 'InstallError', message: 'A run is already going', code: 'busy', hint: 'Wait for it or cancel it.' });
    expect(describeError(error)).toEqual({ message: 'A run is already going', hint: 'Wait for it or cancel it.' });
  });

  it('handles plain errors and thrown values', () => {
    expect(describeError(new Error('boom'))).toEqual({ message: 'boom', hint: undefined });
    expect(describeError('text')).toEqual({ message: 'text' });
  });
});
