/** Vite's `import.meta.env` for the agent app (undefined when a test runner loads the modules without Vite). */
interface ImportMetaEnv {
  readonly PROD: boolean;
}
interface ImportMeta {
  readonly env: ImportMetaEnv | undefined;
}
