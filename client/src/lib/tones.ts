let context: AudioContext | null = null;

export interface ToneOptions {
  wave: OscillatorType;
  /** Seconds from one tone's start to the next. */
  step: number;
  volume: number;
}

/**
 * Plays a few short tones from an oscillator: no audio file to fetch or allow in the CSP. Browsers
 * let a page sound only after a user gesture; a console never clicked stays silent, so the screen
 * must always carry the alert as well.
 */
export function playTones(frequencies: number[], { wave, step, volume }: ToneOptions): void {
  try {
    const Ctx =
      window.AudioContext ??
      (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    context ??= new Ctx();
    const ctx = context;
    if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
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
