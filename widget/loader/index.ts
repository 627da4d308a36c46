/**
 * The widget loader, served as /widget.js and built as a classic script (IIFE): a page adds
 * `<script src="https://HOST/widget.js" async></script>` and gets the launcher.
 * Optional attributes: data-queue="sales", data-voice="false" (no Call button),
 * data-cobrowse="false" (the visitor is not offered to share the page; agents may still ask),
 * data-bot="true" (a first question is answered by the help bot from the knowledge base, with a person one click away),
 * data-locale="fr" (the widget's language; otherwise the visitor's browser languages choose, English when none is translated),
 * data-launcher="false" (no launcher: the site opens the widget from its own button with `Switchboard.open()`),
 * data-position="left" (launcher and panel at the inline start).
 */
import { installSwitchboard } from './install-switchboard.js';

const script = document.currentScript as HTMLScriptElement | null;

// The data attributes go to the widget as written; it reads them where they matter.
const install = () => installSwitchboard(window, { ...script?.dataset, serverUrl: script?.src ? new URL(script.src).origin : location.origin });

if (document.body) install();
else document.addEventListener('DOMContentLoaded', install, { once: true });
