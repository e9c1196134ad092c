let context: AudioContext | null = null;

export interface ToneOptions {
  wave: OscillatorType;
  /** Seconds from one tone's start to the next. */
  step: number;
  volume: number;
}

/**
 * Whether the console can sound now. Browsers let a page sound only after a user gesture: a console
 * just reloaded is `blocked` until its first click or key, and must say so on screen.
 */
export type SoundState = 'blocked' | 'on' | 'unsupported';

const listeners = new Set<() => void>();

function audioClass(): typeof AudioContext | null {
  if (typeof window === 'undefined') return null;
  return (
    window.AudioContext ??
    (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext ??
    null
  );
}

export function soundState(): SoundState {
  if (!audioClass()) return 'unsupported';
  return context?.state === 'running' ? 'on' : 'blocked';
}

export function subscribeSound(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const changed = () => {
  for (const listener of listeners) listener();
};

/** Only ever from a gesture: a context made without one starts suspended in most browsers. */
function ensureContext(): AudioContext | null {
  const Ctx = audioClass();
  if (!Ctx) return null;
  if (!context) {
    context = new Ctx();
    context.addEventListener('statechange', changed);
    changed();
  }
  if (context.state === 'suspended') void context.resume().then(changed, () => undefined);
  return context;
}

/**
 * Called from a user gesture (any click or key on the page): the one moment a browser lets the
 * audio start. Creating or resuming the context then is what unlocks every later tone.
 */
export function unlockSound(): void {
  try {
    ensureContext();
  } catch {
    // No audio on this machine; the screen carries every alert.
  }
}

/**
 * Plays a few short tones from an oscillator: no audio file to fetch or allow in the CSP. Browsers
 * let a page sound only after a user gesture; until one has unlocked the sound (`unlockSound`) this
 * plays nothing, and the header says so: the screen always carries the alert as well.
 */
export function playTones(frequencies: number[], { wave, step, volume }: ToneOptions): void {
  try {
    const ctx = context;
    if (ctx?.state !== 'running') return;
    const start = ctx.currentTime + 0.02;
    for (const [i, freq] of frequencies.entries()) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = wave;
      osc.frequency.value = freq;
      const at = start + i * step;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(volume, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + step - 0.03);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + step - 0.02);
    }
  } catch {
    // Sound is a courtesy; the screen is the alert.
  }
}
