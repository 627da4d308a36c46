/** The call controls' words in the agent's voice, from the agent app's catalogue. */
import type { CallControlsMessages } from '../../../ui/call/call-controls-messages.js';
import { en } from '../i18n/en.js';

export const agentCallMessages: CallControlsMessages = {
  controls: en.callControls,
  waiting: en.callRequeued,
  heldBySelf: en.callHeldByYou,
  heldByPeer: en.callHeldByVisitor,
  reconnecting: en.callReconnecting,
  connecting: en.callWaitingMedia,
  connected: en.callConnected,
  callTime: en.callTime,
  micLevel: en.micLevel,
  mute: en.mute,
  unmute: en.unmute,
  hold: en.hold,
  resume: en.resume,
  hangUp: en.hangUp,
  recorder: { record: en.record, stop: en.stopRecording, time: en.recordingTime, notAllowed: en.noRecordingConsent },
};
