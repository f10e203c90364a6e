// A Vite plugin for the drop-in build: collapses the indentation inside Lit's html`` / svg`` / css``
// templates, which a JavaScript minifier leaves alone. Whitespace runs become one space, which
// renders the same outside <pre> (our templates have none; textareas bind `.value`).
const TAGS = /\b(?:html|svg|css)\s*$/;

/** Returns `code` with the static text of tagged templates collapsed; everything else untouched. */
export function minifyLiterals(code) {
  let out = '';
  let i = 0;
  const copyQuoted = (quote) => {
    const start = i++;
    while (i < code.length && code[i] !== quote) i += code[i] === '\\' ? 2 : 1;
    i++;
    out += code.slice(start, i);
  };
  // Reads a template starting at the backtick at i; returns its source, collapsed when tagged.
  const template = (tagged) => {
    let text = '`';
    i++;
    let segment = '';
    const flush = () => {
      text += tagged ? segment.replace(/\s+/g, ' ') : segment;
      segment = '';
    };
    while (i < code.length && code[i] !== '`') {
      if (code[i] === '\\') {
        segment += code.slice(i, i + 2);
        i += 2;
      } else if (code[i] === '$' && code[i + 1] === '{') {
        flush();
        text += '${';
        i += 2;
        text += expression();
        text += '}';
        i++;
      } else segment += code[i++];
    }
    flush();
    i++;
    return text + '`';
  };
  // Reads code up to the brace closing a ${...}, handling nested templates and strings.
  const expression = () => {
    const saved = out;
    out = '';
    let depth = 0;
    while (i < code.length && !(code[i] === '}' && depth === 0)) scan(() => (depth += code[i] === '{' ? 1 : code[i] === '}' ? -1 : 0));
    const text = out;
    out = saved;
    return text;
  };
  const scan = (onBrace) => {
    const c = code[i];
    if (c === '/' && code[i + 1] === '/') {
      const end = code.indexOf('\n', i);
      i = end < 0 ? code.length : end;
    } else if (c === '/' && code[i + 1] === '*') {
      i = code.indexOf('*/', i + 2) + 2;
    } else if (c === '"' || c === "'") copyQuoted(c);
    else if (c === '`') out += template(TAGS.test(out));
    else {
      if (onBrace) onBrace();
      out += c;
      i++;
    }
  };
  while (i < code.length) scan();
  return out;
}

export function minifyLiteralsPlugin() {
  return {
    name: 'ap-minify-literals',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|svg|css)`/.test(code)) return null;
      return { code: minifyLiterals(code), map: null };
    },
  };
}
