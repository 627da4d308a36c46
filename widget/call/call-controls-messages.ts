/** The call controls' words in the visitor's voice, taken from the widget's catalogue (which a page may replace). */
import type { CallControlsMessages } from '../../ui/call/call-controls-messages.js';
import type { Catalogue } from '../i18n/en.js';

export function visitorCallMessages(c: Catalogue): CallControlsMessages {
  return {
    controls: c.callControls,
    waiting: c.callWaiting,
    heldBySelf: c.callOnHoldByYou,
    heldByPeer: c.callOnHoldByAgent,
    reconnecting: c.callReconnecting,
    connecting: c.callConnecting,
    connected: c.callWith,
    callTime: c.callTime,
    micLevel: c.micLevel,
    mute: c.mute,
    unmute: c.unmute,
    hold: c.hold,
    resume: c.resume,
    hangUp: c.hangUp,
    consent: { allow: c.allowRecording, allowed: c.recordingAllowed },
  };
}
