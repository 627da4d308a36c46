/** Registers <sb-call-controls>, once: the widget and the agent app both load it. */
import { defineElement } from '../define-element.js';
import { SbCallControls } from './sb-call-controls.js';

defineElement('sb-call-controls', SbCallControls);

export { SbCallControls };
