/** A link or password the server hands over once: the admin passes it on to the person, and the app forgets it. */

export interface OneTimeSecret {
  kind: 'invitation' | 'reset-link' | 'temporary-password';
  /** Whom it is for. */
  name: string;
  value: string;
  /** Links stop working then. */
  expiresAt?: number;
}
