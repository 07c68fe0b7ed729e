// Type-checks factcard.d.ts as a user of the npm package sees it (smoke.mjs runs tsc on this file
// inside the folder where the packed tarball was installed, so `factcard` resolves through the
// package's "exports" to its "types").
import { cards, refresh, render, scan, version } from 'factcard';
import type { Card, CardStatus, Labels, StoryInfo } from 'factcard';

const found = document.querySelector('fact-card'); // HTMLFactCardElement | null
if (found) {
  found.addEventListener('factcard:render', (event) => {
    const card: Card = event.detail.card;
    const story: StoryInfo = event.detail.story;
    console.log(card.who.name, card.when ?? 'undated', story.id, card.evidence[0].source.publisher ?? 'unknown');
  });
  found.addEventListener('factcard:error', (event) => console.warn(event.detail.message.startsWith('factcard:')));
  void render(found).then(() => found.dataset.factcard);
}

// Events bubble: listeners on the document and window see them typed as well.
document.addEventListener('factcard:render', (event) => {
  const status: CardStatus = event.detail.card.status;
  console.log(status === 'corroborated' ? event.detail.card.corroboration : status);
});
window.addEventListener('factcard:error', (event) => console.log(event.detail.message));

const made = document.createElement('fact-card');
made.setAttribute('story', '/stories/example.json');
made.setAttribute('claim', 'example');
document.body.append(made);

const v: string = version;
scan();
refresh();
void cards('{"factcard": 1}').then((result) => {
  if ('errors' in result) console.log(result.errors.map((e) => `${e.line}:${e.column} ${e.message}`));
  else console.log(v, result.story.id, result.cards.filter((c) => c.contradicts.length > 0).length);
});
void cards(new TextEncoder().encode('{}'));

// The classic script's global.
void window.factcard.render(made);
window.factcard.scan();

// Another language, or other words.
const french: Partial<Labels> = { corroborated: 'Confirmé · # médias', show: 'Afficher $' };
window.factcardLabels = { fr: french, en: { 'single-source': 'One source' } };

// @ts-expect-error: not a key of the card's words
window.factcardLabels = { fr: { corroborate: 'Confirmé' } };
// @ts-expect-error: render() takes an element
void render('#card');
// @ts-expect-error: the version is read-only
window.factcard.version = '2';
