import { parseLabelSelector, SelectorParseError } from '../../../../main/kube';

export type SelectorCheck =
  | { ok: true; selector: string }
  | { ok: false; message: string; position: number };

/**
 * Validates what the person typed in the label-selector box with Kubernetes' own grammar
 * (main/kube's port of apimachinery's parser), so only valid selectors are sent to main.
 * Positions are 0-based; the message names them 1-based, as a person counts characters.
 */
export function checkSelector(text: string): SelectorCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, selector: '' };
  try {
    parseLabelSelector(trimmed);
    return { ok: true, selector: trimmed };
  } catch (error) {
    if (!(error instanceof SelectorParseError)) throw error;
    const offset = text.indexOf(trimmed);
    const position = offset + error.position;
    const detail = error.message.replace(/^unable to parse requirement: /, '').replace(/ \(at position \d+\)$/, '');
    return { ok: false, position, message: `Not a valid label selector at character ${position + 1}: ${detail}. Examples: tier=frontend,release!=canary or env in (prod,qa),!legacy` };
  }
}

/**
 * Adds `key=value` (a clicked label chip) to a selector, unless it is already required.
 * An invalid selector is kept as typed, with the requirement appended, so nothing is lost.
 */
export function addLabelRequirement(selector: string, key: string, value: string): string {
  const requirement = `${key}=${value}`;
  const trimmed = selector.trim().replace(/,+$/, '');
  if (trimmed === '') return requirement;
  try {
    const parsed = parseLabelSelector(trimmed);
    const has = parsed.requirements.some((r) => r.key === key && (r.operator === '=' || r.operator === '==' || r.operator === 'in') && r.values.length === 1 && r.values[0] === value);
    if (has) return trimmed;
  } catch {
    // fall through: keep what was typed
  }
  return `${trimmed},${requirement}`;
}
