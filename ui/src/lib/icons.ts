// Line icons drawn on a 24×24 grid, stroked with currentColor.
// Each icon is a list of SVG path strings (circles and rectangles included).

function circle(cx: number, cy: number, r: number): string {
  return `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
}

function rect(x: number, y: number, w: number, h: number, r: number): string {
  return (
    `M${x + r} ${y}h${w - 2 * r}a${r} ${r} 0 0 1 ${r} ${r}v${h - 2 * r}` +
    `a${r} ${r} 0 0 1 ${-r} ${r}h${-(w - 2 * r)}a${r} ${r} 0 0 1 ${-r} ${-r}` +
    `v${-(h - 2 * r)}a${r} ${r} 0 0 1 ${r} ${-r}z`
  );
}

export const ICONS = {
  library: ['M3 5.5c2.6-1 5.6-1 9 1 3.4-2 6.4-2 9-1V19c-2.6-1-5.6-1-9 1-3.4-2-6.4-2-9-1z', 'M12 6.5V20'],
  review: [rect(3, 7, 13, 14, 2), 'M8 3.5h11a2 2 0 0 1 2 2V17', 'M7 14l2.2 2.2L13 12'],
  quiz: [circle(12, 12, 9), 'M9.4 9.4a2.6 2.6 0 1 1 3.7 2.4c-.7.3-1.1 1-1.1 1.7v.5', 'M12 17.2h.01'],
  progress: ['M3.5 3.5v17h17', 'M7.5 15l3.8-4.2 3 2.7 5.2-6'],
  highlights: ['M14.5 4.5l5 5-8.5 8.5H6v-5z', 'M12 7l5 5', 'M3.5 21h8'],
  cards: [rect(3, 4, 13, 16, 2), 'M7 9h5', 'M7 13h3', circle(17, 15, 3.2), 'M19.4 17.4 21.5 19.5'],
  settings: [
    'M4 6.5h9',
    'M19 6.5h1',
    circle(16, 6.5, 2.5),
    'M4 12h2',
    'M12 12h8',
    circle(9, 12, 2.5),
    'M4 17.5h11',
    'M21 17.5h-1',
    circle(17.5, 17.5, 2.5),
  ],
  plus: ['M12 5v14', 'M5 12h14'],
  alert: ['M10.3 3.9 1.9 18a2 2 0 0 0 1.7 3h16.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z', 'M12 9v4.5', 'M12 17.2h.01'],
  info: [circle(12, 12, 9), 'M12 11v5.5', 'M12 7.8h.01'],
  check: ['M20 6 9 17l-5-5'],
  close: ['M6 6l12 12', 'M18 6 6 18'],
  retry: ['M20.5 12a8.5 8.5 0 1 1-2.5-6l2.5 2.5', 'M20.5 3.5v5h-5'],
  clock: [circle(12, 12, 9), 'M12 7v5l3.2 2'],
  system: [rect(3, 4, 18, 12, 2), 'M8 20h8', 'M12 16v4'],
  sun: [
    circle(12, 12, 4),
    'M12 2.5v2',
    'M12 19.5v2',
    'M5.3 5.3l1.4 1.4',
    'M17.3 17.3l1.4 1.4',
    'M2.5 12h2',
    'M19.5 12h2',
    'M5.3 18.7l1.4-1.4',
    'M17.3 6.7l1.4-1.4',
  ],
  moon: ['M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z'],
  document: ['M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z', 'M14 3v5h5', 'M9 13h6', 'M9 17h4'],
  database: [
    'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3z',
    'M4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6',
    'M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  ],
} as const satisfies Record<string, readonly string[]>;

export type IconName = keyof typeof ICONS;
