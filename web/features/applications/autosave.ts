/**
 * Autosave without React: saves a pause after the last change (and at once when asked, e.g. on
 * leaving a field), one request at a time, never the same content twice, and stops at a
 * conflict instead of overwriting what another tab saved. Time is injectable for tests.
 */

export type SaveState =
  | { kind: 'idle' }
  /** Changes wait for a pause in typing. */
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number; at: string }
  /** Typing mistakes (an amount that is no amount) keep the draft from being sent. */
  | { kind: 'blocked' }
  | { kind: 'failed'; error: unknown }
  /** Someone saved a newer version; nothing is sent until the person decides. */
  | { kind: 'conflict'; error: unknown; currentVersion: number | null };

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const browserTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface AutosaverOptions<C, R> {
  version: number;
  /** The content saved last (the loaded one), so an unchanged draft is not sent. */
  savedContent: C;
  delayMs: number;
  /** The content as it stands, or null when typing mistakes keep it from being saved. */
  read(): C | null;
  save(version: number, content: C): Promise<R>;
  resultOf(result: R): { version: number; savedAt: string };
  onSaved(result: R, content: C): void;
  onState(state: SaveState): void;
  /** A conflict answer gives the version that is current now (or null when unknown); false for other errors. */
  conflictOf(error: unknown): { currentVersion: number | null } | false;
  timers?: Timers;
}

export class Autosaver<C, R> {
  private version: number;
  private lastSaved: string;
  private dirty = false;
  private timer: unknown = null;
  private inFlight: Promise<boolean> | null = null;
  private conflict = false;
  private state: SaveState = { kind: 'idle' };
  private readonly timers: Timers;

  constructor(private readonly options: AutosaverOptions<C, R>) {
    this.version = options.version;
    this.lastSaved = JSON.stringify(options.savedContent);
    this.timers = options.timers ?? browserTimers;
  }

  get currentVersion(): number {
    return this.version;
  }

  /** Whether there is anything not yet saved (also while a conflict waits for a decision). */
  get hasUnsavedChanges(): boolean {
    return this.dirty || this.inFlight !== null;
  }

  private setState(state: SaveState): void {
    this.state = state;
    this.options.onState(state);
  }

  /** A change was typed: save after the pause. */
  changed(): void {
    this.dirty = true;
    if (this.conflict) return;
    this.clearTimer();
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.flush();
    }, this.options.delayMs);
    if (this.state.kind !== 'saving') this.setState({ kind: 'pending' });
  }

  /** Saves now what is not saved yet; true once everything typed so far is saved. */
  async flush(): Promise<boolean> {
    this.clearTimer();
    while (this.inFlight) await this.inFlight;
    if (this.conflict) return false;
    if (!this.dirty) return true;
    const content = this.options.read();
    if (content === null) {
      this.setState({ kind: 'blocked' });
      return false;
    }
    const json = JSON.stringify(content);
    this.dirty = false;
    if (json === this.lastSaved) {
      // Typed and typed back: nothing to send.
      if (this.state.kind === 'pending' || this.state.kind === 'blocked' || this.state.kind === 'failed') this.setState({ kind: 'idle' });
      return true;
    }
    this.setState({ kind: 'saving' });
    // Changes typed while the request is under way have their own timer (changed()) and go out after it.
    this.inFlight = this.send(content, json);
    try {
      return await this.inFlight;
    } finally {
      this.inFlight = null;
    }
  }

  private async send(content: C, json: string): Promise<boolean> {
    try {
      const result = await this.options.save(this.version, content);
      const { version, savedAt } = this.options.resultOf(result);
      this.version = version;
      this.lastSaved = json;
      this.options.onSaved(result, content);
      this.setState(this.dirty ? { kind: 'pending' } : { kind: 'saved', version, at: savedAt });
      return true;
    } catch (error) {
      this.dirty = true;
      const conflict = this.options.conflictOf(error);
      if (conflict) {
        this.conflict = true;
        this.setState({ kind: 'conflict', error, currentVersion: conflict.currentVersion });
      } else {
        this.setState({ kind: 'failed', error });
      }
      return false;
    }
  }

  /** After loading the newest version: it becomes the base, and the draft shows it. */
  adopt(version: number, content: C): void {
    this.clearTimer();
    this.version = version;
    this.lastSaved = JSON.stringify(content);
    this.dirty = false;
    this.conflict = false;
    this.setState({ kind: 'idle' });
  }

  /** The person chose to save their own text over the newer version: a deliberate new version. */
  overwrite(currentVersion: number): Promise<boolean> {
    this.version = currentVersion;
    this.conflict = false;
    this.dirty = true;
    return this.flush();
  }

  dispose(): void {
    this.clearTimer();
  }

  private clearTimer(): void {
    if (this.timer !== null) {
      this.timers.clear(this.timer);
      this.timer = null;
    }
  }
}
