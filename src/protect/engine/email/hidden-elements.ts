/**
 * Tracks HTML elements hidden with inline CSS, so their text can be dropped
 * (spammers hide word salad there to fool filters). The hidden element ends
 * where a browser ends it: at its end tag (counting nested same-name
 * elements), or where HTML closes it implicitly — a <p> at the next block, an
 * <li> at the next <li> or the list's end, a cell at the next cell or row.
 * Ending too late would hide text the reader sees, which scammers could use.
 */
import type { Tag } from './html-tokenizer.js';

export const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const BLOCKS = [
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'div',
  'dl',
  'fieldset',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
];

/** For elements whose end tag may be omitted: start tags and end tags that close them. */
const IMPLIED_END: Readonly<
  Record<string, { starts: ReadonlySet<string>; ends: ReadonlySet<string> }>
> = {
  p: {
    starts: new Set(BLOCKS),
    ends: new Set([
      'div',
      'td',
      'th',
      'li',
      'body',
      'blockquote',
      'section',
      'article',
      'form',
      'table',
    ]),
  },
  li: { starts: new Set(['li']), ends: new Set(['ul', 'ol']) },
  td: {
    starts: new Set(['td', 'th', 'tr']),
    ends: new Set(['tr', 'table', 'tbody', 'thead', 'tfoot']),
  },
  th: {
    starts: new Set(['td', 'th', 'tr']),
    ends: new Set(['tr', 'table', 'tbody', 'thead', 'tfoot']),
  },
  tr: { starts: new Set(['tr']), ends: new Set(['table', 'tbody', 'thead', 'tfoot']) },
  option: { starts: new Set(['option', 'optgroup']), ends: new Set(['select']) },
  dt: { starts: new Set(['dt', 'dd']), ends: new Set(['dl']) },
  dd: { starts: new Set(['dt', 'dd']), ends: new Set(['dl']) },
};

/** Inline CSS (or the `hidden` attribute) that hides an element from the reader. */
export function isHidden(tag: Tag): boolean {
  if (tag.attrs.has('hidden')) return true;
  const style = tag.attrs.get('style');
  if (style === undefined) return false;
  const css = style.toLowerCase().replace(/\s+/g, ''); // one class: linear
  return (
    css.includes('display:none') ||
    css.includes('visibility:hidden') ||
    zeroValue(css, 'font-size:') ||
    zeroValue(css, 'opacity:')
  );
}

/** `prop:0` not followed by a digit or '.' (so `font-size:0.9em` is not hidden). */
function zeroValue(css: string, prop: string): boolean {
  let at = css.indexOf(`${prop}0`);
  while (at >= 0) {
    const next = css.charCodeAt(at + prop.length + 1);
    if (!(next >= 0x30 && next <= 0x39) && next !== 0x2e) return true;
    at = css.indexOf(`${prop}0`, at + 1);
  }
  return false;
}

export class HiddenTracker {
  private tag: string | null = null;
  private depth = 0;

  get hidden(): boolean {
    return this.tag !== null;
  }

  /** Update with the next tag; the tag itself is already inside or outside accordingly. */
  see(tag: Tag): void {
    if (this.tag === null) {
      if (tag.isEnd || tag.selfClosing || VOID.has(tag.name) || !isHidden(tag)) return;
      this.tag = tag.name;
      this.depth = 1;
      return;
    }
    const implied = IMPLIED_END[this.tag];
    if (
      implied !== undefined &&
      this.depth === 1 &&
      (tag.isEnd ? implied.ends : implied.starts).has(tag.name)
    ) {
      this.tag = null;
      if (!tag.isEnd) this.see(tag); // the new element may itself be hidden
      return;
    }
    if (tag.name !== this.tag || VOID.has(tag.name) || tag.selfClosing) return;
    this.depth += tag.isEnd ? -1 : 1;
    if (this.depth === 0) this.tag = null;
  }
}
