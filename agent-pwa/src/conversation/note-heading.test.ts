import { expect } from '@open-wc/testing';
import { noteHeading } from './note-heading.js';

const author = { id: 'a1', name: 'Ana Lima' };

describe('noteHeading', () => {
  it('introduces an internal note as one, not as a whisper', () => {
    expect(noteHeading({ kind: 'note', author })).to.equal('Internal note by Ana Lima');
    expect(noteHeading({ kind: 'whisper', author })).to.equal('Whisper from Ana Lima');
    expect(noteHeading({ kind: 'handover', author })).to.equal('Hand-over from Ana Lima');
  });
});
