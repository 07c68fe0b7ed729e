/**
 * Types for factcard: the classic script `factcard.js` (global `window.factcard`, events on card
 * elements) and the ES module entry `factcard.mjs` (the same API as named exports).
 * The card JSON is the one of docs/FORMAT.md and schema/cards.schema.json.
 */

/** ISO 8601 truncated to its precision: "2024", "2024-09" or "2024-09-03"; "~" in front when approximate. */
export type FactDate = string;

export type CardStatus = 'corroborated' | 'single-source' | 'contested';
export type ClaimKind = 'event' | 'statement' | 'quote' | 'figure';
export type EntityKind = 'person' | 'organization' | 'place' | 'other';
export type Stance = 'supports' | 'refutes';

/** The story a card belongs to. */
export interface StoryInfo {
  id: string;
  title?: string;
  /** BCP 47 tag of the story's text. */
  language?: string;
}

/** Who a card is about (or who said it), resolved from any of its names. */
export interface Entity {
  id: string;
  /** Canonical display name, exactly as in the story file ("Ukhnaagiin Khürelsükh"). */
  name: string;
  kind: EntityKind;
  /** Role or description. */
  description?: string;
}

/** One article. Optional fields are absent when unknown (never null). */
export interface Source {
  id: string;
  /** The outlet; absent when unknown. */
  publisher?: string;
  headline?: string;
  /** An http: or https: address. */
  url?: string;
  published?: FactDate;
}

/** A verbatim excerpt from one source. */
export interface Evidence {
  source: Source;
  quote: string;
  stance: Stance;
  speaker?: { id: string; name: string };
}

/** Claims that state the same thing, merged, with their corroboration and status (computed by the core). */
export interface Card {
  /** The id of its first claim. */
  id: string;
  /** Every merged claim id; each one finds this card (`data-claim`). */
  claims: string[];
  kind: ClaimKind;
  status: CardStatus;
  /** Distinct outlets among the supporting evidence. */
  corroboration: number;
  who: Entity;
  /** The claim in one sentence; for a quote, the quoted words. */
  what: string;
  when?: FactDate;
  /** The words the article used for the date ("last year"). */
  when_text?: string;
  where?: string;
  topic?: string;
  value?: string | number | boolean;
  /** Ids of cards on the same topic whose value disagrees. */
  contradicts: string[];
  evidence: Evidence[];
  /** What changed in its claims, newest first; absent when nothing did. */
  updates?: Update[];
}

/** A dated note on what changed in a claim (a correction). */
export interface Update {
  /** The day, YYYY-MM-DD. */
  date: string;
  /** What changed, as the newsroom wrote it. */
  note: string;
}

/** What the core answers for a valid story file or bundle (as `factcard cards` prints). */
export interface CardsResult {
  story: StoryInfo;
  cards: Card[];
}

/** An error the core reports, with its place in the input. */
export interface CoreError {
  line: number;
  column: number;
  message: string;
}

/** What the core answers for an invalid story file or bundle. */
export interface CardsErrors {
  errors: CoreError[];
}

/** `event.detail` of `factcard:render`. */
export interface RenderDetail {
  card: Card;
  story: StoryInfo;
}

/** `event.detail` of `factcard:error`: the warning text, "factcard: …". */
export interface ErrorDetail {
  message: string;
}

/** The state a card element reports in `data-factcard`. */
export type CardState = 'loading' | 'ready' | 'failed';

/**
 * The card's own words in one language (keys of the built-in tables; see README.md, "Languages").
 * "$" is replaced by a text, "#" by a count, and "{a|b|…}" by the count's plural form, forms in
 * the order zero, one, two, few, many, other, only those the language has (Intl.PluralRules).
 */
export interface Labels {
  corroborated: string;
  'single-source': string;
  contested: string;
  card: string;
  says: string;
  show: string;
  hide: string;
  source: string;
  sources: string;
  excerpts: string;
  fullCard: string;
  conflict: string;
  conflicts: string;
  disputes: string;
  unknownOutlet: string;
  untitled: string;
  reportedBy: string;
  unnamed: string;
  /** "Updated $": $ is the newest update's date. */
  updated: string;
}

/** `window.factcard`, and the named exports of the module entry. */
export interface FactcardAPI {
  /** The version of the widget that is doing the work on this page. */
  readonly version: string;
  /** Look for new cards now (they still load lazily). */
  scan(): void;
  /** Upgrade or redraw one card now. Resolves once it is drawn or has failed; never rejects. */
  render(element: Element): Promise<void>;
  /** Forget loaded stories and redraw every card drawn so far. */
  refresh(): void;
  /** Run the core on a story file or bundle (text or UTF-8 bytes). Rejects only when the wasm cannot load. */
  cards(input: string | Uint8Array): Promise<CardsResult | CardsErrors>;
}

export const version: FactcardAPI['version'];
export function scan(): void;
export function render(element: Element): Promise<void>;
export function refresh(): void;
export function cards(input: string | Uint8Array): Promise<CardsResult | CardsErrors>;

/** The events a card element dispatches; both bubble. */
export interface FactcardEventMap {
  'factcard:render': CustomEvent<RenderDetail>;
  'factcard:error': CustomEvent<ErrorDetail>;
}

/** `<fact-card story="…" claim="…">`: the custom element form of a card (attributes only; events as above). */
export interface HTMLFactCardElement extends HTMLElement {}

declare global {
  interface Window {
    /** The widget's API, set by whichever copy of factcard.js runs first. */
    factcard: FactcardAPI;
    /** More languages or other words, keyed by lower-case language tag ("fr", "pt-br"); read when a card is drawn. */
    factcardLabels?: Record<string, Partial<Labels>>;
  }
  interface HTMLElementEventMap extends FactcardEventMap {}
  interface DocumentEventMap extends FactcardEventMap {}
  interface WindowEventMap extends FactcardEventMap {}
  interface HTMLElementTagNameMap {
    'fact-card': HTMLFactCardElement;
  }
}
