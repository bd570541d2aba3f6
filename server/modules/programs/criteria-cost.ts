/**
 * What a criterion may cost to run. A criterion runs on the event loop for every submission,
 * every organisation a matching run screens and every simulation, and CEL has no time budget:
 * comprehensions nested in comprehensions multiply (four `.all` over 60-element lists, some
 * 700 characters, took over five seconds for one applicant). So at most two comprehensions are
 * nested, and a list written in the expression has at most `MAX_LITERAL_LIST` elements (the
 * parser's `maxListElements`); the lists of facts (sectors, awards) are short by nature.
 */
export const MAX_NESTED_COMPREHENSIONS = 2;
export const MAX_LITERAL_LIST = 100;

const COMPREHENSIONS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);

type Node = { op: string; args: unknown };

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).op === 'string';

/**
 * How deeply comprehensions nest in a parsed expression (its `ast`): 0 without any. A
 * comprehension's body runs once per element of its range, so its depth is one more than its
 * body's; its range runs once, so a chain (`.map(…).exists(…)`) does not nest.
 */
export function comprehensionDepth(value: unknown): number {
  if (Array.isArray(value)) return Math.max(0, ...value.map(comprehensionDepth));
  if (!isNode(value)) return 0;
  const args = value.args;
  if (value.op === 'rcall' && Array.isArray(args) && COMPREHENSIONS.has(args[0] as string))
    return Math.max(comprehensionDepth(args[1]), 1 + comprehensionDepth(args.slice(2)));
  return comprehensionDepth(args);
}
