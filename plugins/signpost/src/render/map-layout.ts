/**
 * A tidy tree (Reingold and Tilford's): each level of the tree in its own column (or row),
 * each subtree drawn as close to its neighbours as its outline allows on every level, a
 * parent beside its children, children in the order given. No recursion: constant stack
 * whatever the tree's depth, and the same picture for the same tree. Each subtree is set
 * beside the ones before it level by level, so the time grows with the boxes times the depth
 * of a map, which the maps' budget (map-plan.ts) bounds.
 *
 * Coordinates are along two axes, `depth` (level after level) and `across` (siblings side by
 * side), so that the caller can lay a map out left to right or top to bottom.
 */

export interface TreeItem {
  /** The item's size along the depth axis. */
  depth: number;
  /** The room it needs across: its size, or more for its label. */
  across: number;
  /** Its children, by index; every child's index is greater than its parent's. */
  children: number[];
}

export interface TreeLayout {
  /** Each item's level (the root's is 0). */
  level: number[];
  /** Where each level starts along the depth axis, and its size (its deepest item's). */
  levelStart: number[];
  levelSize: number[];
  /** Each item's centre across. */
  centre: number[];
  /** The size of the whole picture: along the depth axis, and across. */
  depthExtent: number;
  acrossExtent: number;
}

/**
 * Lays out the tree of `items` rooted at item 0, with `levelGap(level)` between a level and the
 * next: each parent centred on its children, or level with its first child (`first`, which
 * reads down the page like an outline).
 */
export function layoutTree(
  items: TreeItem[],
  levelGap: (level: number) => number,
  siblingGap: number,
  align: 'centre' | 'first' = 'centre',
): TreeLayout {
  const count = items.length;
  const level = Array.from({ length: count }, () => 0);
  for (let index = 0; index < count; index++) {
    for (const child of items[index]!.children) level[child] = level[index]! + 1;
  }
  const levels = level.reduce((most, value) => Math.max(most, value + 1), 0);
  const levelSize = Array.from({ length: levels }, () => 0);
  for (let index = 0; index < count; index++) levelSize[level[index]!] = Math.max(levelSize[level[index]!]!, items[index]!.depth);
  const levelStart: number[] = [];
  let at = 0;
  levelSize.forEach((size, index) => {
    levelStart.push(at);
    at += size + (index + 1 < levels ? levelGap(index) : 0);
  });

  // Bottom up: each subtree's outline, the extent across of each of its levels, relative to
  // its root's centre; children set side by side as close as their outlines allow.
  const outline: ([number, number][] | undefined)[] = Array.from({ length: count }, () => undefined);
  const offset = Array.from({ length: count }, () => 0);
  for (let index = count - 1; index >= 0; index--) {
    const { children, across } = items[index]!;
    const merged: [number, number][] = [];
    const shifts: number[] = [];
    for (const child of children) {
      const own = outline[child]!;
      let shift = 0;
      if (shifts.length > 0) {
        shift = -Infinity;
        for (let depth = 0; depth < Math.min(own.length, merged.length); depth++) {
          shift = Math.max(shift, merged[depth]![1] + siblingGap - own[depth]![0]);
        }
      }
      shifts.push(shift);
      own.forEach(([low, high], depth) => {
        const known = merged[depth];
        merged[depth] = known ? [Math.min(known[0], shift + low), Math.max(known[1], shift + high)] : [shift + low, shift + high];
      });
      outline[child] = undefined;
    }
    const middle = shifts.length === 0 || align === 'first' ? 0 : (shifts[0]! + shifts.at(-1)!) / 2;
    children.forEach((child, order) => (offset[child] = shifts[order]! - middle));
    outline[index] = [[-across / 2, across / 2], ...merged.map(([low, high]): [number, number] => [low - middle, high - middle])];
  }
  const whole = outline[0] ?? [];
  const low = whole.reduce((least, [value]) => Math.min(least, value), 0);
  const high = whole.reduce((most, [, value]) => Math.max(most, value), 0);
  // Top down: each centre from its parent's.
  const centre = Array.from({ length: count }, () => 0);
  if (count > 0) centre[0] = -low;
  for (let index = 0; index < count; index++) {
    for (const child of items[index]!.children) centre[child] = centre[index]! + offset[child]!;
  }
  return {
    level,
    levelStart,
    levelSize,
    centre,
    depthExtent: at,
    acrossExtent: high - low,
  };
}
