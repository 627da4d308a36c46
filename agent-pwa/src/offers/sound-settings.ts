/** The agent's offer sounds on this device (volume, mute), kept in local storage: speakers differ from desk to desk. */
export interface SoundSettings {
  muted: boolean;
  /** 0 to 1. */
  volume: number;
}

const KEY = 'switchboard.offerSounds';
export const DEFAULT_SOUND: SoundSettings = { muted: false, volume: 0.8 };

export function loadSoundSettings(): SoundSettings {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<SoundSettings> | null;
    const volume = Number(saved?.volume);
    return { muted: saved?.muted === true, volume: Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : DEFAULT_SOUND.volume };
  } catch {
    return { ...DEFAULT_SOUND };
  }
}

export function saveSoundSettings(settings: SoundSettings): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Storage refused: the setting holds until the page goes.
  }
}
