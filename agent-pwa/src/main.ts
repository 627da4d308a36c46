/** The agent app's entry: registers the elements. A service worker will register here too (PWA issue). */
import './define.js';
