/**
 * Sets the solver's selection beside the jury's own: who is only in one of them, and the
 * marginal applications of the optimum — the weakest selected ("last in") and the strongest left
 * out ("first out"), by score, where a different envelope or rule would tip the choice first.
 */

export interface RankedItem {
  id: string;
  score: number;
}

export interface SelectionComparison {
  /** Selected by the solver, not (yet) by the jury; best score first. */
  onlyOptimal: string[];
  /** Selected by the jury, not by the solver; best score first. */
  onlyJury: string[];
  lastIn: string[];
  firstOut: string[];
}

export function compareSelections(
  items: readonly RankedItem[],
  optimal: Iterable<string>,
  jury: Iterable<string>,
  marginalCount = 3,
): SelectionComparison {
  const ranked = [...items].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const inOptimal = new Set(optimal);
  const inJury = new Set(jury);
  const selected = ranked.filter((item) => inOptimal.has(item.id));
  const left = ranked.filter((item) => !inOptimal.has(item.id));
  return {
    onlyOptimal: selected.filter((item) => !inJury.has(item.id)).map((item) => item.id),
    onlyJury: ranked.filter((item) => inJury.has(item.id) && !inOptimal.has(item.id)).map((item) => item.id),
    lastIn: selected.slice(-marginalCount).reverse().map((item) => item.id),
    firstOut: left.slice(0, marginalCount).map((item) => item.id),
  };
}
