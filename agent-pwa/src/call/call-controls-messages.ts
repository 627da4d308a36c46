/** The call controls' words in the agent's voice, from the agent app's catalogue. */
import type { CallControlsMessages } from '../../../ui/call/call-controls-messages.js';
import { t } from '../i18n/en.js';

/** In the agent's language now; `{name}` stays for the call controls to fill. */
export const agentCallMessages = (): CallControlsMessages => ({
  controls: t('callControls'),
  waiting: t('callRequeued'),
  heldBySelf: t('callHeldByYou'),
  heldByPeer: t('callHeldByVisitor'),
  reconnecting: t('callReconnecting'),
  connecting: t('callWaitingMedia'),
  connected: t('callConnected'),
  callTime: t('callTime'),
  micLevel: t('micLevel'),
  mute: t('mute'),
  unmute: t('unmute'),
  hold: t('hold'),
  resume: t('resume'),
  hangUp: t('hangUp'),
  recorder: { record: t('record'), stop: t('stopRecording'), time: t('recordingTime'), notAllowed: t('noRecordingConsent') },
});
