/** One value kept in the page's storage, read and written without throwing where storage is blocked. */
export class StoredValue {
  constructor(
    private readonly storage: Storage | undefined,
    private readonly key: string,
  ) {}

  read(): string | undefined {
    try {
      return this.storage?.getItem(this.key) ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores `value`, or removes it when undefined. */
  write(value: string | undefined): void {
    try {
      if (value === undefined) this.storage?.removeItem(this.key);
      else this.storage?.setItem(this.key, value);
    } catch {
      // blocked storage: the session still works until the page unloads
    }
  }
}
