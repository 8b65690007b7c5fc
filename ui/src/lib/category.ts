// Turning what people type into the Category field into a category path.
// "History -> Cold War / Berlin" becomes ["History", "Cold War", "Berlin"].

/** Separators accepted between levels: "->", "/", ">" and "›" (keep in step with the CLI). */
const SEPARATOR = /->|[/>›]/;

export const CATEGORY_SEPARATOR_DISPLAY = ' › ';

export function parseCategoryPath(input: string): string[] {
  return input
    .split(SEPARATOR)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '');
}

export function formatCategoryPath(path: readonly string[]): string {
  return path.join(CATEGORY_SEPARATOR_DISPLAY);
}
