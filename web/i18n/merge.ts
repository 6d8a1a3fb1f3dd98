export type Messages = Record<string, unknown>;

/**
 * Features keep their texts beside the shared ones in `parts/<feature>.<lang>.json`, each file
 * holding its own top-level keys, so that parallel work on features never edits one file.
 */
export function withParts(base: Messages, parts: Record<string, Messages>): Messages {
  const merged: Messages = { ...base };
  for (const [path, messages] of Object.entries(parts)) {
    for (const key of Object.keys(messages)) {
      if (key in merged) throw new Error(`${path} redefines the translation key "${key}"`);
    }
    Object.assign(merged, messages);
  }
  return merged;
}
