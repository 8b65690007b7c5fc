// The category tree: built from the flat, depth-first list `category_tree`
// returns, and used to filter documents by a category and its subcategories.

import type { CategoryCount } from './bindings/CategoryCount';

export interface CategoryNode {
  path: string[];
  /** `path` joined with " / " (the e2e tests' `data-path`). */
  key: string;
  name: string;
  /** Documents directly in this category. */
  documents: number;
  /** Documents in it and its subcategories. */
  total: number;
  children: CategoryNode[];
}

export function categoryKey(path: readonly string[]): string {
  return path.join(' / ');
}

/**
 * Nests the flat list. Parents missing from the list (which the backend
 * should not produce) are made up with the counts of their children.
 */
export function buildCategoryTree(counts: readonly CategoryCount[]): CategoryNode[] {
  const roots: CategoryNode[] = [];
  const byKey = new Map<string, CategoryNode>();

  function nodeFor(path: string[]): CategoryNode {
    const key = categoryKey(path);
    let node = byKey.get(key);
    if (node) return node;
    node = { path, key, name: path[path.length - 1] ?? '', documents: 0, total: 0, children: [] };
    byKey.set(key, node);
    if (path.length === 1) roots.push(node);
    else nodeFor(path.slice(0, -1)).children.push(node);
    return node;
  }

  for (const count of counts) {
    if (count.path.length === 0) continue;
    const node = nodeFor([...count.path]);
    node.documents = count.documents;
    node.total = count.total;
  }
  // Made-up parents: total = own + children.
  const fill = (node: CategoryNode): number => {
    const childTotal = node.children.reduce((sum, child) => sum + fill(child), 0);
    if (node.total === 0) node.total = node.documents + childTotal;
    return node.total;
  };
  roots.forEach(fill);
  return roots;
}

/** True when `path` is `prefix` or lies under it. The empty prefix matches everything. */
export function inCategory(path: readonly string[], prefix: readonly string[]): boolean {
  if (prefix.length > path.length) return false;
  return prefix.every((part, i) => path[i] === part);
}

export function filterByCategory<T extends { categoryPath: readonly string[] }>(
  items: readonly T[],
  prefix: readonly string[] | null,
): T[] {
  if (!prefix || prefix.length === 0) return [...items];
  return items.filter((item) => inCategory(item.categoryPath, prefix));
}

/** The nodes shown, in order, given which keys are expanded. */
export function visibleNodes(
  roots: readonly CategoryNode[],
  expanded: ReadonlySet<string>,
): { node: CategoryNode; depth: number }[] {
  const out: { node: CategoryNode; depth: number }[] = [];
  const walk = (nodes: readonly CategoryNode[], depth: number) => {
    for (const node of nodes) {
      out.push({ node, depth });
      if (node.children.length > 0 && expanded.has(node.key)) walk(node.children, depth + 1);
    }
  };
  walk(roots, 1);
  return out;
}
