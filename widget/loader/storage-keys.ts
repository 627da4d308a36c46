/** localStorage / sessionStorage keys, scoped by server so two Switchboard servers on one site do not mix. */
export const storageKeys = (serverUrl: string) => {
  const scope = `switchboard:${new URL(serverUrl).host}`;
  return {
    /** The signed visitor token (localStorage: survives reloads and new tabs on the site). */
    token: `${scope}:token`,
    /** Set while the visitor has an open conversation, so the loader restores the chat eagerly. */
    active: `${scope}:active`,
    /** Messages typed but not yet acknowledged, with their client ids (localStorage). */
    outbox: `${scope}:outbox`,
    /** Whether the panel was open, so it stays open across a navigation (sessionStorage). */
    panelOpen: `${scope}:panel-open`,
  };
};
