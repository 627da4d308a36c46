import { expect } from '@open-wc/testing';
import { assertNever } from './assert-never.js';

describe('assertNever', () => {
  it('throws, naming the value a switch did not expect', () => {
    const unexpected = { type: 'from-the-future' } as never;
    expect(() => assertNever(unexpected)).to.throw('Unexpected value: {"type":"from-the-future"}');
  });
});
