import MarkdownIt from 'markdown-it';

/** The only link targets a draft may carry: web pages, email addresses and places in the page. */
const safeLink = /^(?:https?:\/\/|mailto:|#|\/(?!\/))/i;

function createRenderer(): ReturnType<typeof MarkdownIt> {
  // html: false escapes any HTML a draft contains; linkify stays off so that only links the
  // authors wrote become links.
  const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });
  markdown.validateLink = (url: string): boolean => safeLink.test(url.trim());
  // An image would be fetched from wherever it points each time a member opens the draft, telling
  // that server who read a confidential document and when.
  markdown.disable('image');
  const defaultLinkOpen = markdown.renderer.rules.link_open;
  markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
    tokens[index]?.attrSet('rel', 'noopener noreferrer nofollow');
    return defaultLinkOpen === undefined
      ? self.renderToken(tokens, index, options)
      : defaultLinkOpen(tokens, index, options, env, self);
  };
  return markdown;
}

const renderer = createRenderer();

/** A draft's Markdown as HTML safe to put in a page: no raw HTML, no images, only safe links. */
export function renderMarkdown(text: string): string {
  return renderer.render(text);
}
