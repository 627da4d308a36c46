/** Searching in the customer's language: stems and stop words of each language, Chinese cut into words. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextSearch } from './text-search.js';

const articles = [
  { id: 'en-ship', language: 'en', title: 'Shipping times', body: 'Orders ship within two working days.' },
  { id: 'en-refund', language: 'en', title: 'Refunds', body: 'We refund returned items within 14 days.' },
  { id: 'es-ship', language: 'es', title: 'Plazos de envío', body: 'Enviamos los pedidos en dos días laborables.' },
  { id: 'es-refund', language: 'es', title: 'Reembolsos', body: 'Devolvemos el dinero de los artículos devueltos en 14 días.' },
  { id: 'de-ship', language: 'de', title: 'Lieferzeiten', body: 'Bestellungen werden innerhalb von zwei Werktagen versandt.' },
  { id: 'fr-ship', language: 'fr', title: 'Délais de livraison', body: 'Nous expédions les commandes sous deux jours ouvrés.' },
  { id: 'da-ship', language: 'da', title: 'Leveringstid', body: 'Vi sender bestillinger inden for to hverdage.' },
  { id: 'zh-ship', language: 'zh', title: '配送时间', body: '我们会在两个工作日内发货您的订单。' },
  { id: 'zh-refund', language: 'zh', title: '退款', body: '退回的商品将在14天内退款。' },
  { id: 'ar-ship', language: 'ar', title: 'مواعيد الشحن', body: 'نشحن الطلبات خلال يومي عمل.' },
  { id: 'ar-refund', language: 'ar', title: 'استرداد الأموال', body: 'نعيد المبلغ عن المنتجات المرتجعة خلال 14 يومًا.' },
];
const search = new TextSearch(articles);
const first = (q: string, language: string) => search.search(q, 3, () => true, [language])[0]?.item.id;

describe('TextSearch in each language', () => {
  it('finds a Spanish article from another form of the word, ignoring Spanish stop words', () => {
    assert.equal(first('¿Dónde está mi pedido?', 'es-MX'), 'es-ship');
    assert.equal(first('quiero un reembolso por favor', 'es'), 'es-refund');
  });

  it('stems German, French and Danish', () => {
    assert.equal(first('Wo ist meine Bestellung?', 'de-DE'), 'de-ship');
    assert.equal(first('Où en est ma commande ?', 'fr'), 'fr-ship');
    assert.equal(first('Hvor er min bestilling?', 'da'), 'da-ship');
  });

  it('cuts Chinese into words, so a question without spaces finds its article', () => {
    assert.equal(first('我的订单什么时候发货？', 'zh-CN'), 'zh-ship');
    assert.equal(first('怎么申请退款', 'zh'), 'zh-refund');
  });

  it('reads Arabic with its stems, with or without the article and vowel marks', () => {
    assert.equal(first('أين طلبي؟', 'ar'), 'ar-ship');
    assert.equal(first('أريد استرداد أموالي', 'ar-SA'), 'ar-refund');
  });

  it('answers a question of only stop words and greetings with nothing', () => {
    assert.deepEqual(search.search('hola, ¿qué tal? gracias', 3, () => true, ['es']), []);
  });

  it('keeps to the asked languages, and searches all when none is given', () => {
    assert.ok(search.search('refund', 5, () => true, ['es']).every((h) => h.item.language === 'es'));
    assert.equal(search.search('refund', 1)[0]?.item.id, 'en-refund');
  });
});
