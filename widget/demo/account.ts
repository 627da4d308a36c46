/**
 * The demo store's account page, built the way a single-page app builds one: the order table,
 * product cards and lists come from data, and the tabs are client-side routes (hash and
 * history). About 1,500 elements: also the page the co-browse benchmark measures.
 */
// Vite copies the image and rewrites this address at build time.
const productImage = new URL('./product.svg', import.meta.url).href;

const ITEMS = ['Trail jacket', 'Wool socks', 'Summit pack', 'Camp mug', 'Rain shell', 'Fleece hat', 'Hiking boots', 'Headlamp'];
const STATUSES = ['Delivered', 'Shipped', 'Processing', 'Returned'];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const orders = document.querySelector('table.orders tbody')!;
for (let i = 0; i < 50; i++) {
  const total = ((i * 37) % 240) + 19.99;
  orders.append(
    el('tr', { class: 'order-row', 'data-order': String(10400 + i) },
      el('td', {}, el('a', { href: `#order-${10400 + i}` }, `#${10400 + i}`)),
      el('td', {}, el('time', { datetime: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}` }, `${(i % 27) + 1} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][i % 12]}`)),
      el('td', {}, `${ITEMS[i % ITEMS.length]}${i % 3 ? ` and ${i % 3} more` : ''}`),
      el('td', { class: 'num' }, `$${total.toFixed(2)}`),
      el('td', {}, el('span', { class: `status status-${STATUSES[i % 4]!.toLowerCase()}` }, STATUSES[i % 4]!)),
      el('td', {}, el('button', { type: 'button', class: 'link' }, 'Details')),
    ),
  );
}

const cards = document.querySelector('ul.cards')!;
for (let i = 0; i < 24; i++) {
  cards.append(
    el('li', { class: 'card' },
      el('article', {},
        el('img', { src: productImage, alt: '', width: '64', height: '64', loading: 'lazy' }),
        el('h3', {}, `${ITEMS[i % ITEMS.length]} ${['Lite', 'Pro', 'Classic'][i % 3]}`),
        el('p', { class: 'muted' }, 'Built for long days outside, tested by our own guides.'),
        el('div', { class: 'card-foot' }, el('span', { class: 'price' }, `$${(49 + i * 7).toFixed(2)}`), el('button', { type: 'button', class: 'buy' }, 'Add to cart')),
      ),
    ),
  );
}

const faq = document.querySelector('ul.faq')!;
for (let i = 0; i < 35; i++) {
  faq.append(el('li', {}, el('details', {}, el('summary', {}, `Question ${i + 1}: how does ${ITEMS[i % ITEMS.length]!.toLowerCase()} sizing work?`), el('p', {}, 'Check the size chart on the product page, or ask us in the chat.'))));
}

const stores = document.querySelector('ul.stores')!;
const CITIES = ['Portland', 'Seattle', 'Denver', 'Boise', 'Tahoe', 'Bend', 'Missoula', 'Boulder', 'Flagstaff', 'Bozeman'];
for (let i = 0; i < 75; i++) {
  stores.append(el('li', {}, el('strong', {}, `${CITIES[i % 10]} ${Math.floor(i / 10) + 1}`), ' ', el('span', { class: 'muted' }, `${100 + i} Main Street`), ' ', el('a', { href: `#store-${i}` }, 'Directions')));
}

const footer = document.querySelector('ul.footer-links')!;
for (let i = 0; i < 100; i++) footer.append(el('li', {}, el('a', { href: `#link-${i}` }, `Link ${i + 1}`)));

/** Client-side routes: each tab shows one section, as a single-page app would. */
function route(): void {
  const name = location.hash.slice(1) || 'profile';
  const known = document.querySelector(`[data-route="${CSS.escape(name)}"]`) ? name : 'profile';
  for (const section of document.querySelectorAll<HTMLElement>('[data-route]')) section.hidden = section.dataset.route !== known;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.tabs a')) link.toggleAttribute('aria-current', link.hash === `#${known}`);
  document.title = `${known[0]!.toUpperCase()}${known.slice(1)} — Your account — Northwind Outfitters`;
}
window.addEventListener('hashchange', route);
route();

// The profile form is for show (and for co-browsing); it never posts anywhere.
document.querySelector('form.account-form')?.addEventListener('submit', (event) => event.preventDefault());
