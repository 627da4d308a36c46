import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import type { AttachmentRef } from '../../signaling/protocol/attachments.js';
import { formatFileLimit } from './file-size.js';
import { UploadsController } from './uploads-controller.js';

/** A host that only counts its renders: the controller needs no element to be tested. */
function host(): ReactiveControllerHost & { renders: number } {
  return { renders: 0, addController() {}, removeController() {}, requestUpdate() { this.renders++; }, updateComplete: Promise.resolve(true) };
}

describe('UploadsController with a size limit', () => {
  it('fails a larger file at once, without uploading it, and still uploads one within the limit', async () => {
    const uploaded: string[] = [];
    const sent: AttachmentRef[] = [];
    const controller = new UploadsController(
      host(),
      () => async (file) => {
        uploaded.push(file.name);
        return { id: file.name, name: file.name, mimeType: 'image/png', size: file.size };
      },
      (file) => sent.push(file),
      () => 2048,
    );
    controller.add([new File([new Uint8Array(4096)], 'big.png'), new File([new Uint8Array(100)], 'small.png')]);
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve));
    expect(controller.value.map((u) => [u.file.name, u.status, u.reason])).to.deep.equal([['big.png', 'failed', 'file-too-large']]);
    expect(uploaded).to.deep.equal(['small.png']);
    expect(sent.map((f) => f.name)).to.deep.equal(['small.png']);
    // Retrying cannot make it smaller: it fails again without a request.
    controller.retry(controller.value[0]!.key);
    expect(controller.value[0]!.status).to.equal('failed');
    expect(uploaded).to.deep.equal(['small.png']);
  });

  it('names limits in the units admins set them in', () => {
    expect(formatFileLimit(10 * 1024 * 1024, 'en')).to.equal('10 MB');
    expect(formatFileLimit(2048, 'en')).to.equal('2 kB');
    expect(formatFileLimit(100 * 1024 * 1024, 'de')).to.equal('100 MB');
  });
});
