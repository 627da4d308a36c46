/**
 * Preloaded into a server under measurement (`node --expose-gc --import ./heap-probe.mjs …`): on
 * the IPC message "heap" it collects garbage twice (the second catches what finalizers released)
 * and answers with the heap in use and the resident set. Plain JavaScript, so that a production
 * build runs without tsx's loader adding to what is measured.
 */
process.on('message', (message) => {
  if (message !== 'heap') return;
  if (typeof globalThis.gc !== 'function') throw new Error('heap-probe needs node --expose-gc');
  globalThis.gc();
  globalThis.gc();
  const { heapUsed, rss } = process.memoryUsage();
  const timers = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  process.send?.({ heapUsed, rss, timers });
});
