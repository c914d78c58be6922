/**
 * HTML → the text a person would read, plus the links and forms in it.
 *
 * Linear: one forward pass with indexOf (see html-tokenizer.ts). Scripts,
 * styles, comments and content hidden with inline CSS (`display:none`,
 * `visibility:hidden`, `font-size:0`, the `hidden` attribute) are dropped —
 * spammers hide word salad there to fool filters; links inside are still
 * collected. Anchors keep their visible text, so "shows paypal.com but goes
 * to evil.example" can be detected.
 */
import { HiddenTracker } from './hidden-elements.js';
import { decodeEntities } from './html-entities.js';
import { readTag, skipMarkup, skipRawText, type Tag } from './html-tokenizer.js';
import { TextBuilder } from './text-builder.js';

export interface HtmlLink {
  readonly href: string;
  readonly text: string;
  readonly origin: 'anchor' | 'area';
  readonly start: number;
  readonly end: number;
}

export interface HtmlForm {
  readonly action: string;
  readonly hasPassword: boolean;
  readonly start: number;
  readonly end: number;
}

export interface HtmlText {
  readonly text: string;
  readonly links: HtmlLink[];
  readonly forms: HtmlForm[];
  /** True when maxChars was reached. */
  readonly truncated: boolean;
  readonly linksTruncated: boolean;
}

const RAW_TEXT = new Set(['script', 'style', 'title', 'template', 'xml', 'noembed', 'noframes']);
const PARAGRAPH = new Set([
  'p',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'ul',
  'ol',
  'hr',
  'pre',
]);
const BLOCK = new Set([
  'div',
  'tr',
  'li',
  'dt',
  'dd',
  'dl',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'center',
  'address',
  'form',
  'fieldset',
  'option',
  'caption',
  'tbody',
  'thead',
  'tfoot',
  'main',
  'figure',
  'figcaption',
]);
const CELL = new Set(['td', 'th']);
export const MAX_LINK_TEXT = 500;

export function htmlToText(html: string, maxChars: number, maxLinks: number): HtmlText {
  const w = new HtmlWalker(maxChars, maxLinks);
  let i = 0;
  while (i < html.length && !w.out.full) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    // Hidden text is dropped unread: decoding its entities would change nothing.
    if (textEnd > i && !w.inHidden) w.text(decodeEntities(html.slice(i, textEnd)));
    if (lt < 0) break;
    const c = html.charCodeAt(lt + 1);
    if (c === 0x21 || c === 0x3f) {
      i = skipMarkup(html, lt);
      continue;
    }
    const tag = readTag(html, lt);
    if (tag === null) {
      w.text('<');
      i = lt + 1;
      continue;
    }
    i = tag.next;
    if (!tag.isEnd && !tag.selfClosing && RAW_TEXT.has(tag.name))
      i = skipRawText(html, i, tag.name);
    else w.tag(tag);
  }
  return w.finish();
}

class HtmlWalker {
  readonly out: TextBuilder;
  private readonly links: HtmlLink[] = [];
  private readonly forms: HtmlForm[] = [];
  private linksTruncated = false;
  private anchor: { href: string; start: number; text: string } | null = null;
  private form: { action: string; start: number; hasPassword: boolean } | null = null;
  private readonly hidden = new HiddenTracker();

  constructor(
    maxChars: number,
    private readonly maxLinks: number,
  ) {
    this.out = new TextBuilder(maxChars);
  }

  /** True inside an element a person does not see. */
  get inHidden(): boolean {
    return this.hidden.hidden;
  }

  text(run: string): void {
    if (this.hidden.hidden) return;
    const emitted = this.out.append(run);
    if (emitted === null) return;
    // Spans start at the first text inside, after any line break the opening tag caused.
    if (this.form !== null && this.form.start < 0) this.form.start = emitted.start;
    if (this.anchor === null) return;
    if (this.anchor.start < 0) this.anchor.start = emitted.start;
    if (this.anchor.text.length < MAX_LINK_TEXT)
      this.anchor.text += emitted.separator + emitted.text;
  }

  tag(tag: Tag): void {
    this.hidden.see(tag);
    const { name } = tag;
    if (PARAGRAPH.has(name)) this.out.breakLine(2);
    else if (BLOCK.has(name) || name === 'br') this.out.breakLine(1);
    else if (CELL.has(name)) this.out.space();
    if (name === 'a') this.onAnchor(tag);
    else if (name === 'area' && !tag.isEnd)
      this.addLink(
        tag.attrs.get('href'),
        tag.attrs.get('alt') ?? '',
        'area',
        this.out.length,
        this.out.length,
      );
    else if (name === 'form') this.onForm(tag);
    else if (name === 'input' && (tag.attrs.get('type') ?? '').trim().toLowerCase() === 'password')
      this.onPassword();
  }

  private onAnchor(tag: Tag): void {
    this.closeAnchor(); // anchors do not nest: a new <a> ends the previous one
    const href = tag.attrs.get('href');
    if (!tag.isEnd && href !== undefined) this.anchor = { href, start: -1, text: '' };
  }

  private closeAnchor(): void {
    const a = this.anchor;
    if (a === null) return;
    this.anchor = null;
    const start = a.start < 0 ? this.out.length : a.start;
    this.addLink(a.href, a.text.slice(0, MAX_LINK_TEXT).trim(), 'anchor', start, this.out.length);
  }

  private addLink(
    href: string | undefined,
    text: string,
    origin: HtmlLink['origin'],
    start: number,
    end: number,
  ): void {
    const h = (href ?? '').trim();
    if (h === '') return;
    if (this.links.length >= this.maxLinks) {
      this.linksTruncated = true;
      return;
    }
    this.links.push({ href: h, text, origin, start, end });
  }

  private onForm(tag: Tag): void {
    if (this.form !== null) this.closeForm();
    if (!tag.isEnd)
      this.form = { action: tag.attrs.get('action') ?? '', start: -1, hasPassword: false };
  }

  private closeForm(): void {
    const f = this.form;
    if (f === null) return;
    this.form = null;
    if (this.forms.length >= 100) return;
    const start = f.start < 0 ? this.out.length : f.start;
    this.forms.push({ action: f.action, hasPassword: f.hasPassword, start, end: this.out.length });
  }

  private onPassword(): void {
    if (this.form !== null) this.form.hasPassword = true;
    else if (this.forms.length < 100)
      this.forms.push({
        action: '',
        hasPassword: true,
        start: this.out.length,
        end: this.out.length,
      });
  }

  finish(): HtmlText {
    this.closeAnchor();
    this.closeForm();
    return {
      text: this.out.toString(),
      links: this.links,
      forms: this.forms,
      truncated: this.out.full,
      linksTruncated: this.linksTruncated,
    };
  }
}
