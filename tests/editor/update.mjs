#!/usr/bin/env node
// @ts-check
// The editor's update rule (demo/editor/update.mjs) on small stories written here: a new draft
// adds excerpts and claims to an edited story and undoes nothing the editor did.
//   node tests/editor/update.mjs
import { applyDraft, claimKeys, evidenceKey, forgetDeleted, rememberDeleted } from '../../demo/editor/update.mjs';
import { createReport } from '../browser/harness.mjs';

const report = createReport('editor update');
const { check } = report;

const ev = (source, quote) => ({ source, quote });
const claim = (id, what, evidence, who = 'mayor') => ({ id, kind: 'event', who, what, evidence });
const story = (claims, sources = ['gazette', 'courier'], entities = [{ id: 'mayor', name: 'Ingrid Solberg' }]) => ({
  factcard: 1,
  story: { id: 'barrier' },
  entities: structuredClone(entities),
  sources: sources.map((id) => ({ id, headline: `${id} headline`, url: undefined })),
  claims: structuredClone(claims),
});

{
  const edited = story([
    claim('vote', 'The council approved the barrier (edited).', [ev('gazette', 'The council voted on Monday.')]),
    claim('cost', 'The cost doubled.', [ev('courier', 'The cost had doubled.')]),
  ]);
  const memory = { deleted: [evidenceKey('courier', 'Drilling began in January.')] };
  const draft = story([
    claim('vote', 'The council approved the barrier.', [ev('gazette', 'The council voted  on Monday.'), ev('post', 'Councillors backed it.')]),
    claim('drilling', 'Drilling began.', [ev('courier', 'Drilling began in January.'), ev('post', 'Drilling began in February.')]),
    claim('vote', 'Traders welcomed the vote.', [ev('post', 'Shopkeepers welcomed it.')]),
  ], ['gazette', 'courier', 'post']);
  const changes = applyDraft(edited, draft, memory);
  const vote = edited.claims.find((c) => c.id === 'vote');
  check('an edited claim keeps its words and gains the new outlet\'s excerpt (spacing and case aside)',
    vote.what.endsWith('(edited).') && vote.evidence.length === 2 && vote.evidence[1].source === 'post'
      && JSON.stringify(changes.evidence) === JSON.stringify({ vote: [evidenceKey('post', 'Councillors backed it.')] }), JSON.stringify(vote));
  check('a deleted claim stays deleted, and its new excerpts are remembered with it',
    !edited.claims.some((c) => c.id === 'drilling') && changes.skipped === 1
      && memory.deleted.includes(evidenceKey('post', 'Drilling began in February.')), JSON.stringify(memory));
  check('a new claim is added under a free id, and the new source with it',
    changes.added.length === 1 && changes.added[0] === 'vote-2' && edited.claims.at(-1).id === 'vote-2'
      && edited.sources.map((s) => s.id).join() === 'gazette,courier,post', JSON.stringify(changes));
  const again = applyDraft(edited, draft, memory);
  check('the same draft applied twice adds nothing the second time',
    !again.added.length && !Object.keys(again.evidence).length && edited.claims.length === 3, JSON.stringify(again));
}

{
  // The editor split one drafted claim in two; the next draft has them as one, with a third excerpt.
  const split = story([
    claim('a', 'The mayor spoke.', [ev('gazette', 'Solberg said it was historic.')]),
    claim('b', 'The mayor promised more.', [ev('courier', 'Solberg promised more barriers.')]),
  ]);
  const draft = story([claim('x', 'The mayor spoke.', [ev('gazette', 'Solberg said it was historic.'),
    ev('courier', 'Solberg promised more barriers.'), ev('post', 'The mayor called it historic.')])], ['gazette', 'courier', 'post']);
  const changes = applyDraft(split, draft, { deleted: [] });
  check('claims the editor split stay split; a new excerpt joins the first claim that shares one',
    split.claims.length === 2 && split.claims[0].evidence.length === 2 && split.claims[1].evidence.length === 1 && !changes.added.length,
    JSON.stringify(split.claims));
}

{
  // A story opened from a file: its source and entity ids differ from the draft's.
  const opened = story([claim('arrival', 'Putin arrived.', [ev('mt', 'He arrived late on Monday.')], 'putin')], ['mt'],
    [{ id: 'putin', name: 'Vladimir Putin', aliases: ['Putin'] }]);
  opened.sources[0].url = 'https://example.org/mt';
  const draft = story([claim('putin-landed', 'Putin landed.', [ev('article-1', 'He arrived late on Monday.'), ev('article-2', 'Putin landed.')], 'vladimir-putin'),
    claim('mt', 'Putin met the president.', [ev('article-2', 'Putin met Khurelsukh.')], 'vladimir-putin')],
  ['article-1', 'article-2'], [{ id: 'vladimir-putin', name: 'Putin' }]);
  draft.sources[0].url = 'https://example.org/mt';
  const changes = applyDraft(opened, draft, { deleted: [] });
  const added = opened.claims.find((c) => c.id === changes.added[0]);
  check('a drafted source with the same URL is the story\'s source; a drafted entity named like one of its spellings is that entity',
    opened.sources.length === 2 && opened.claims[0].evidence.length === 2 && opened.entities.length === 1
      && added && added.who === 'putin' && added.id === 'mt', JSON.stringify({ sources: opened.sources, added }));
}

{
  const memory = { deleted: [] };
  const doomed = claim('c', 'W.', [ev('gazette', 'Q one.'), ev('courier', 'Q two.')]);
  rememberDeleted(memory, doomed);
  const remembered = memory.deleted.length;
  forgetDeleted(memory, doomed);
  check('a deletion is remembered by its excerpts and forgotten when undone',
    remembered === 2 && !memory.deleted.length && claimKeys(doomed).length === 2);
}

report.finish();
