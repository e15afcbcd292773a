package article

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// FromHTML makes an Article from the bytes of an HTML page.
//
// # Encoding
//
// Bytes that are valid UTF-8 are read as UTF-8 whatever the page declares
// (a page labelled Latin-1 that is valid UTF-8 is almost always mislabelled).
// Otherwise the encoding comes from a byte-order mark, then a <meta charset>
// or http-equiv declaration, and falls back to Windows-1252, the superset of
// Latin-1 that browsers use. The whole page is decoded at once: decoding
// through charset.NewReader would guess from the first 1024 bytes only and
// turn UTF-8 text after an ASCII head into mojibake.
//
// # Body
//
// The body is the [itemprop=articleBody] element, else the <article>
// element, with the most paragraph (<p>) text, unless some other block
// holds more than twice as much; else the block whose direct <p> children
// hold the most text (widened to its parent when that block is one of
// several sibling blocks sharing a class, as sites that split a story into
// columns do); else the whole <body>. Site chrome is never included: see
// junkTags, junkRoles and junkWords for the elements left out.
//
// # Text
//
// Each block element (p, h1–h6, li, blockquote, pre, td, a div's own text,
// …) becomes one paragraph, which is one line of Text; inline elements never
// split a paragraph; runs of white space become one space; <br> and <hr>
// end a paragraph. The text of <q> is put in curly quotes, “…” (‘…’ when
// nested). A <blockquote> that is not an embedded social-media post becomes
// paragraphs that each open with “, the last one closing with ”, unless
// its text already opens with a quotation mark; its credit (a final <cite>,
// a <footer>, or a last line starting with a dash) follows the closing mark
// on the same line as "— Name", where a dash credit can be read.
//
// HTMLPos maps an offset in Text back to a line and column of the page.
//
// Errors: ErrTooLong, ErrBinary (a NUL byte in a page without a UTF-16
// byte-order mark), ErrEmpty (nothing but white space), ErrNoBody (no text
// left once chrome is removed, or a page nested too deep to parse).
func FromHTML(source string, data []byte) (*Article, error) {
	if len(data) > MaxSize {
		return nil, errTooLong(len(data))
	}
	src, byteCols, err := decodeHTML(data)
	if err != nil {
		return nil, err
	}
	return fromPage(source, src, byteCols)
}

// FromHTMLString is FromHTML for a page already held in a string. A page
// that is valid UTF-8, as one decoded from JSON always is, is read
// without a copy.
func FromHTMLString(source, page string) (*Article, error) {
	if len(page) > MaxSize {
		return nil, errTooLong(len(page))
	}
	if strings.IndexByte(page, 0) >= 0 || !utf8.ValidString(page) {
		return FromHTML(source, []byte(page)) // an error, or another encoding
	}
	return fromPage(source, utf8Page(page), true)
}

// utf8Page is a page that is valid UTF-8 as FromHTML reads it: with a
// byte-order mark replaced by three spaces, so that offsets stay those of
// the file and the parser does not take the mark for body text.
func utf8Page(s string) string {
	if strings.HasPrefix(s, "\uFEFF") {
		s = "   " + s[3:]
	}
	return s
}

// fromPage is FromHTML once the page is decoded to src; byteCols says
// whether columns in src are byte columns of the file.
func fromPage(source, src string, byteCols bool) (*Article, error) {
	if strings.TrimFunc(src, isSpace) == "" {
		return nil, fmt.Errorf("%w (the file is empty or white space)", ErrEmpty)
	}
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		// The parser refuses elements nested more than 512 deep.
		return nil, fmt.Errorf("%w: the HTML parser gave up: %v", ErrNoBody, err)
	}
	doc := goquery.NewDocumentFromNode(root)

	w := &walker{src: src, locs: locateText(src, root), junk: newJunkTest()}
	w.score(root)
	body := w.pickBody(doc, root)

	e := &emitter{open: -1}
	if body != nil {
		// Room for the body's text, spaces included, so that the
		// buffer seldom has to grow.
		n := w.scores[body].text
		e.buf = make([]byte, 0, n+n/4)
		w.walk(e, body)
	}
	e.breakPara()
	if len(e.paras) == 0 {
		return nil, fmt.Errorf("%w: no article text found (looked for <article>, itemprop=articleBody, blocks of <p> and the page body)", ErrNoBody)
	}
	a := &Article{
		Source:     source,
		Text:       string(e.buf),
		Paragraphs: e.paras,
		html:       src,
		htmlPos:    e.pos,
		byteCols:   byteCols,
	}
	readMeta(doc, body, a)
	return a, nil
}

// decodeHTML returns data as a UTF-8 string (see FromHTML for how the
// encoding is chosen) and whether columns in it are byte columns of data.
// A UTF-8 byte-order mark is replaced (see utf8Page).
func decodeHTML(data []byte) (string, bool, error) {
	utf16 := bytes.HasPrefix(data, []byte{0xFE, 0xFF}) || bytes.HasPrefix(data, []byte{0xFF, 0xFE})
	if !utf16 {
		if i := bytes.IndexByte(data, 0); i >= 0 {
			return "", false, fmt.Errorf("%w (NUL byte at offset %d)", ErrBinary, i)
		}
		if utf8.Valid(data) {
			return utf8Page(string(data)), true, nil
		}
	}
	enc, name, _ := charset.DetermineEncoding(data, "")
	if name == "utf-8" {
		// Declared UTF-8 but not valid: keep the bytes; the emitter
		// writes U+FFFD for each invalid one.
		return string(data), true, nil
	}
	dec, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return string(data), true, nil
	}
	return string(dec), false, nil
}

// # Choosing the body

// junkTags are elements whose content is never article text. A <form> is
// junk only when it holds little paragraph text: some sites wrap the whole
// page in one.
var junkTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Iframe: true,
	atom.Svg: true, atom.Math: true, atom.Figcaption: true, atom.Template: true,
	atom.Button: true, atom.Select: true, atom.Option: true, atom.Input: true,
	atom.Textarea: true, atom.Label: true, atom.Dialog: true, atom.Object: true,
	atom.Embed: true, atom.Video: true, atom.Audio: true, atom.Canvas: true,
	atom.Map: true, atom.Head: true, atom.Title: true, atom.Meta: true,
	atom.Link: true, atom.Rt: true, atom.Rp: true, atom.Menu: true,
}

// formMinText is the paragraph text (in non-space bytes) below which a
// <form> is taken for a real form and left out.
const formMinText = 200

// junkRoles are ARIA roles of page chrome.
var junkRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"search": true, "dialog": true, "alertdialog": true, "menu": true,
	"menubar": true, "toolbar": true, "tooltip": true,
}

// junkWords are words of a class or id that mark chrome: consent banners,
// related-story lists, sharing and comment widgets, ads, newsletter boxes.
// A class or id is split into words at punctuation, spaces and case changes
// ("relatedStories" → related, stories), and a word marks chrome if it
// equals an entry or begins with an entry ending in "*". Class names that
// WordPress derives from a post's tags and categories ("tag-social-media")
// are ignored.
var junkWords = wordSet(
	"cookie*", "consent*", "gdpr*", "related*", "recommend*", "newsletter*",
	"share*", "sharing", "social*", "comment", "comments", "commentlist",
	"disqus*", "promo*", "advert*", "ad", "ads", "adsbygoogle", "adslot",
	"adunit", "sponsor*", "taboola*", "outbrain*", "mgid*", "subscribe*",
	"paywall*", "breadcrumb*", "sidebar*", "widget*", "popular", "trending",
	"readmore", "morestories", "sronly", "screenreader*", "visuallyhidden",
	"skiplink*", "byline*",
)

// junkPairs are two adjacent class or id words that together mark chrome.
var junkPairs = map[[2]string]bool{
	{"more", "stories"}: true, {"read", "more"}: true, {"sr", "only"}: true,
	{"visually", "hidden"}: true, {"most", "read"}: true, {"also", "read"}: true,
	{"screen", "reader"}: true, {"skip", "link"}: true, {"you", "may"}: true,
}

// embedWords are class words of a <blockquote> that is an embedded post
// (tweet, Instagram, TikTok, …) rather than a quotation.
var embedWords = wordSet(
	"twitter*", "tweet*", "instagram*", "tiktok*", "bluesky*", "reddit*",
	"facebook*", "fb", "threads*", "imgur*", "embed*", "embedly*", "mastodon*",
)

type wordMatcher struct {
	exact    map[string]bool
	prefixes []string
}

func wordSet(words ...string) wordMatcher {
	m := wordMatcher{exact: map[string]bool{}}
	for _, w := range words {
		if p, ok := strings.CutSuffix(w, "*"); ok {
			m.prefixes = append(m.prefixes, p)
		} else {
			m.exact[w] = true
		}
	}
	return m
}

func (m wordMatcher) has(w string) bool {
	if m.exact[w] {
		return true
	}
	for _, p := range m.prefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// attrWords splits class or id values into lower-case words, dropping
// WordPress tag-, category- and topic- classes.
func attrWords(vals ...string) [][]string {
	var out [][]string
	for _, v := range vals {
		for _, name := range strings.Fields(v) {
			low := strings.ToLower(name)
			if strings.HasPrefix(low, "tag-") || strings.HasPrefix(low, "category-") || strings.HasPrefix(low, "topic-") {
				continue
			}
			var words []string
			start := -1
			var prev rune
			for i, r := range name {
				alnum := unicode.IsLetter(r) || unicode.IsDigit(r)
				if start >= 0 && (!alnum || unicode.IsUpper(r) && unicode.IsLower(prev)) {
					words = append(words, strings.ToLower(name[start:i]))
					start = -1
				}
				if alnum && start < 0 {
					start = i
				}
				prev = r
			}
			if start >= 0 {
				words = append(words, strings.ToLower(name[start:]))
			}
			out = append(out, words)
		}
	}
	return out
}

func hasJunkWords(n *html.Node) bool {
	for _, words := range attrWords(attr(n, "class"), attr(n, "id")) {
		for i, w := range words {
			if junkWords.has(w) {
				return true
			}
			if i > 0 && junkPairs[[2]string{words[i-1], w}] {
				return true
			}
		}
	}
	return false
}

// isEmbed reports whether a blockquote is an embedded social-media post.
func isEmbed(n *html.Node) bool {
	for _, words := range attrWords(attr(n, "class")) {
		for _, w := range words {
			if embedWords.has(w) {
				return true
			}
		}
	}
	for _, a := range n.Attr {
		if strings.HasPrefix(a.Key, "data-instgrm") || strings.HasPrefix(a.Key, "data-bluesky") || strings.HasPrefix(a.Key, "data-tweet") {
			return true
		}
	}
	return false
}

// junkTest decides which elements to leave out.
type junkTest struct {
	realForm map[*html.Node]bool // forms holding little paragraph text
}

func newJunkTest() *junkTest { return &junkTest{realForm: map[*html.Node]bool{}} }

// is reports whether element n and its content are chrome.
func (j *junkTest) is(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main:
		return false
	case atom.Form:
		return j.realForm[n]
	}
	if junkTags[n.DataAtom] {
		return true
	}
	if n.DataAtom == 0 && n.Namespace == "" && (n.Data == "amp-ad" || n.Data == "amp-embed") {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "role":
			if junkRoles[strings.ToLower(strings.TrimSpace(a.Val))] {
				return true
			}
		case "style":
			st := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden") {
				return true
			}
		}
	}
	if n.DataAtom == atom.Blockquote && isEmbed(n) {
		return true
	}
	return hasJunkWords(n)
}

// inJunk reports whether n or one of its ancestors is chrome.
func (j *junkTest) inJunk(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if j.is(n) {
			return true
		}
	}
	return false
}

// score records, for every element outside chrome, the non-space bytes of
// text it holds, of text inside its <p> descendants, and of text in its
// direct <p> children. It also decides which forms are chrome.
func (w *walker) score(root *html.Node) {
	w.scores = map[*html.Node]textScore{}
	var visit func(n *html.Node, depth int) (text, ptext int)
	visit = func(n *html.Node, depth int) (int, int) {
		switch n.Type {
		case html.TextNode:
			return nonSpace(n.Data), 0
		case html.ElementNode, html.DocumentNode:
		default:
			return 0, 0
		}
		if n.Type == html.ElementNode && n.DataAtom != atom.Form && w.junk.is(n) {
			return 0, 0
		}
		if depth > maxDepth {
			return 0, 0
		}
		w.elems = append(w.elems, n)
		text, ptext, direct := 0, 0, 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			t, p := visit(c, depth+1)
			if c.Type == html.ElementNode && c.DataAtom == atom.P {
				direct += t
			}
			text += t
			ptext += p
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.P {
			ptext = text
		}
		if n.DataAtom == atom.Form && n.Type == html.ElementNode && ptext < formMinText {
			w.junk.realForm[n] = true
			return 0, 0
		}
		w.scores[n] = textScore{text: text, ptext: ptext, direct: direct}
		return text, ptext
	}
	visit(root, 0)
}

// maxDepth bounds recursion over the element tree. The HTML parser refuses
// pages nested more than 512 elements deep; this is a second guard.
const maxDepth = 1000

func nonSpace(s string) int {
	n := 0
	for _, r := range s {
		if !isSpace(r) {
			n++
		}
	}
	return n
}

// pickBody returns the element holding the article text (see FromHTML), or
// nil if the page has none.
func (w *walker) pickBody(doc *goquery.Document, root *html.Node) *html.Node {
	var cand *html.Node
	best := 0
	for _, sel := range []string{"[itemprop~=articleBody]", "article"} {
		doc.Find(sel).Each(func(_ int, s *goquery.Selection) {
			n := s.Get(0)
			if w.junk.inJunk(n) {
				return
			}
			sc := w.scores[n].ptext
			if sc == 0 {
				sc = w.scores[n].text / 4 // text outside <p> counts for less
			}
			if sc > best {
				cand, best = n, sc
			}
		})
		if cand != nil {
			break
		}
	}
	var dense *html.Node
	most := 0
	for _, n := range w.elems { // in document order: the first of equals wins
		if d := w.scores[n].direct; d > most && !w.junk.inJunk(n) {
			dense, most = n, d
		}
	}
	if cand != nil && (dense == nil || contains(cand, dense) || best*2 >= most) {
		return cand
	}
	if dense != nil {
		return w.widen(dense)
	}
	if cand != nil {
		return cand
	}
	return findBody(root)
}

// widen returns the parent of n or of one of its two nearest ancestors when
// that element has a sibling of the same tag and class holding paragraph
// text: a story split into several blocks.
func (w *walker) widen(n *html.Node) *html.Node {
	a := n
	for depth := 0; depth < 3 && a.Parent != nil && a.Type == html.ElementNode; depth++ {
		if a.DataAtom == atom.Body || a.DataAtom == atom.Article {
			break
		}
		if cls := attr(a, "class"); cls != "" {
			for s := a.Parent.FirstChild; s != nil; s = s.NextSibling {
				if s != a && s.Type == html.ElementNode && s.Data == a.Data && attr(s, "class") == cls && w.scores[s].ptext > 0 {
					return a.Parent
				}
			}
		}
		a = a.Parent
	}
	return n
}

func contains(a, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

func findBody(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if b := findBody(c); b != nil {
			return b
		}
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// # Walking the body

// blockTags are elements that start and end a paragraph. Every other
// element, including unknown and custom ones, is inline.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Pre: true,
	atom.Blockquote: true, atom.Td: true, atom.Th: true, atom.Tr: true,
	atom.Table: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
	atom.Caption: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Figure: true, atom.Address: true, atom.Center: true, atom.Details: true,
	atom.Summary: true, atom.Fieldset: true, atom.Legend: true, atom.Hgroup: true,
	atom.Body: true, atom.Html: true, atom.Form: true, atom.Frameset: true,
}

// textScore is how much text an element holds, in non-space bytes.
type textScore struct {
	text   int // under the element
	ptext  int // … of it inside <p>
	direct int // … of it in direct <p> children
}

// walker turns the chosen body into paragraphs.
type walker struct {
	src    string                   // the decoded page
	locs   map[*html.Node]textLoc   // where each text node came from
	junk   *junkTest                // what to leave out
	scores map[*html.Node]textScore // text under the elements scored
	elems  []*html.Node             // the elements scored, in document order
	qDepth int                      // <q> and wrapped blockquotes open
	pre    bool                     // inside <pre>
	quote  *quoteCtx                // innermost blockquote being walked; nil if none
}

// quoteCtx is the state of a blockquote being walked.
type quoteCtx struct {
	root   *html.Node
	credit *emitter // text of its <cite> credit or <footer>
}

func (w *walker) walk(e *emitter, n *html.Node) {
	w.walkDepth(e, n, 0)
}

func (w *walker) walkDepth(e *emitter, n *html.Node, depth int) {
	if depth > maxDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		loc, ok := w.locs[n]
		e.text(w.src, n.Data, loc, ok, w.pre)
		return
	case html.ElementNode, html.DocumentNode:
	default:
		return
	}
	if q := w.quote; q != nil && n.Type == html.ElementNode {
		if n.DataAtom == atom.Footer || n.DataAtom == atom.Cite && !hasTextAfter(n, q.root) {
			w.quote = nil
			w.children(q.credit, n, depth)
			q.credit.breakPara()
			w.quote = q
			return
		}
	}
	if w.junk.is(n) {
		return
	}
	switch n.DataAtom {
	case atom.Br, atom.Hr:
		e.breakPara()
		return
	case atom.Q:
		if !w.hasVisibleText(n, 0) {
			return
		}
		open, close := "“", "”"
		if w.qDepth%2 == 1 {
			open, close = "‘", "’"
		}
		e.openMark(open)
		w.qDepth++
		w.children(e, n, depth)
		w.qDepth--
		e.closeMark(close)
		return
	case atom.Blockquote:
		if w.quote == nil {
			w.blockquote(e, n, depth)
			return
		}
	case atom.Pre:
		e.breakPara()
		was := w.pre
		w.pre = true
		w.children(e, n, depth)
		w.pre = was
		e.breakPara()
		return
	}
	block := n.Type == html.ElementNode && blockTags[n.DataAtom]
	if block {
		e.breakPara()
	}
	w.children(e, n, depth)
	if block {
		e.breakPara()
	}
}

func (w *walker) children(e *emitter, n *html.Node, depth int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walkDepth(e, c, depth+1)
	}
}

// hasVisibleText reports whether n holds text that the walk would emit.
func (w *walker) hasVisibleText(n *html.Node, depth int) bool {
	if depth > maxDepth {
		return false
	}
	if n.Type == html.TextNode {
		return nonSpace(n.Data) > 0
	}
	if n.Type != html.ElementNode || w.junk.is(n) {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if w.hasVisibleText(c, depth+1) {
			return true
		}
	}
	return false
}

// firstVisible returns the first character the walk would emit for n, with
// <q> counting as an opening mark; 0 if none.
func (w *walker) firstVisible(n *html.Node, depth int) rune {
	if depth > maxDepth {
		return 0
	}
	if n.Type == html.TextNode {
		for _, r := range n.Data {
			if !isSpace(r) {
				return r
			}
		}
		return 0
	}
	if n.Type != html.ElementNode || w.junk.is(n) {
		return 0
	}
	if n.DataAtom == atom.Q && w.hasVisibleText(n, depth) {
		return '“'
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if r := w.firstVisible(c, depth+1); r != 0 {
			return r
		}
	}
	return 0
}

// hasTextAfter reports whether visible text follows n inside stop.
func hasTextAfter(n, stop *html.Node) bool {
	for ; n != nil && n != stop; n = n.Parent {
		for s := n.NextSibling; s != nil; s = s.NextSibling {
			if s.Type == html.TextNode && nonSpace(s.Data) > 0 {
				return true
			}
			if s.Type == html.ElementNode && s.FirstChild != nil && nodeHasText(s, 0) {
				return true
			}
		}
	}
	return false
}

func nodeHasText(n *html.Node, depth int) bool {
	if n.Type == html.TextNode {
		return nonSpace(n.Data) > 0
	}
	if depth > maxDepth || n.Type == html.ElementNode && junkTags[n.DataAtom] {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if nodeHasText(c, depth+1) {
			return true
		}
	}
	return false
}

// Opening quotation marks: a blockquote whose text starts with one is
// taken to carry its own marks.
const openMarks = "\"“„«‘'‹「『‚”"

// creditLine is a line of a credit: a dash, then a name.
var creditLine = regexp.MustCompile(`^(?:—|–|―|--?|~)\s*(\p{Lu}.*)$`)

// inlineCredit returns where a credit at the end of a blockquote's last
// line starts, after a finished sentence and a dash (`… as it was. — Jane
// Doe`), and where the quoted words end; ok is false if there is none. The
// credit starts with a capital letter and has at most maxInlineCredit
// words and no sentence punctuation.
func inlineCredit(p string) (wordsEnd, credit int, ok bool) {
	i := strings.LastIndexAny(p, "—–―")
	n := 0
	if i >= 0 {
		_, n = utf8.DecodeRuneInString(p[i:])
	} else if i = strings.LastIndex(p, "--"); i >= 0 {
		n = 2
	} else {
		return 0, 0, false
	}
	before := strings.TrimRightFunc(p[:i], unicode.IsSpace)
	name := strings.TrimLeftFunc(p[i+n:], unicode.IsSpace)
	last, _ := utf8.DecodeLastRuneInString(before)
	first, _ := utf8.DecodeRuneInString(name)
	if len(before) == len(p[:i]) || !strings.ContainsRune(".!?…\"”’", last) || !unicode.IsUpper(first) ||
		strings.ContainsAny(name, ".!?—–―") || len(strings.Fields(name)) > maxInlineCredit {
		return 0, 0, false
	}
	return len(before), len(p) - len(name), true
}

// maxInlineCredit is the longest credit, in words, read from the end of a
// blockquote's line.
const maxInlineCredit = 8

// maxCreditWords is the longest credit, in words, taken from a dash line.
const maxCreditWords = 15

// blockquote writes a blockquote's paragraphs to e (see FromHTML).
func (w *walker) blockquote(e *emitter, n *html.Node, depth int) {
	wrap := !strings.ContainsRune(openMarks, w.firstVisible(n, depth))
	sub := &emitter{open: -1}
	q := &quoteCtx{root: n, credit: &emitter{open: -1}}
	w.quote = q
	if wrap {
		w.qDepth++
	}
	w.children(sub, n, depth)
	if wrap {
		w.qDepth--
	}
	w.quote = nil
	sub.breakPara()
	q.credit.breakPara()

	// Paragraphs of dashes alone are what is left of "— <cite>Name</cite>".
	var paras []Span
	for _, p := range sub.paras {
		if strings.Trim(string(sub.buf[p.Start:p.End]), "—–―-~ ") != "" {
			paras = append(paras, p)
		}
	}
	creditFrom, credits := q.credit, q.credit.paras
	if len(credits) == 0 && len(paras) >= 2 {
		last := paras[len(paras)-1]
		if m := creditLine.FindSubmatchIndex(sub.buf[last.Start:last.End]); m != nil && len(strings.Fields(string(sub.buf[last.Start+m[2]:last.End]))) <= maxCreditWords {
			creditFrom, credits = sub, []Span{{last.Start + m[2], last.End}}
			paras = paras[:len(paras)-1]
		}
	}
	if len(credits) == 0 && len(paras) > 0 {
		last := paras[len(paras)-1]
		if end, c, ok := inlineCredit(string(sub.buf[last.Start:last.End])); ok {
			creditFrom, credits = sub, []Span{{last.Start + c, last.End}}
			paras[len(paras)-1].End = last.Start + end
		}
	}
	if len(paras) == 0 {
		return // a credit with nothing quoted is not worth a line
	}
	var names []Span // "— Name" in a <footer> or <cite>: keep the name
	for _, c := range credits {
		for c.Start < c.End {
			r, n := utf8.DecodeRune(creditFrom.buf[c.Start:c.End])
			if !strings.ContainsRune("—–―-~ ", r) {
				break
			}
			c.Start += n
		}
		if c.Len() > 0 {
			names = append(names, c)
		}
	}
	credits = names
	e.breakPara()
	for i, p := range paras {
		if wrap {
			e.mark("“")
		}
		e.copyFrom(sub, p, w.src)
		if i == len(paras)-1 {
			if wrap {
				e.mark("”")
			}
			for j, c := range credits {
				if j == 0 {
					e.mark(" — ")
				} else {
					e.mark(" ")
				}
				e.copyFrom(creditFrom, c, w.src)
			}
		}
		e.breakPara()
	}
}

// # Emitting text

// An emitter collects paragraphs of text and where their characters came
// from.
type emitter struct {
	buf   []byte
	paras []Span
	open  int  // start of the open paragraph in buf; -1 if none
	space bool // a space is due before the next character
	hold  bool // white space is dropped until the next character
	pos   []posPair
}

// breakPara ends the open paragraph, if any.
func (e *emitter) breakPara() {
	if e.open >= 0 {
		e.paras = append(e.paras, Span{e.open, len(e.buf)})
		e.open = -1
	}
	e.space, e.hold = false, false
}

// begin prepares to write a visible character: it opens a paragraph or
// writes the space due.
func (e *emitter) begin() {
	if e.open < 0 {
		if len(e.buf) > 0 {
			e.buf = append(e.buf, '\n')
		}
		e.open = len(e.buf)
	} else if e.space {
		e.buf = append(e.buf, ' ')
	}
	e.space, e.hold = false, false
}

// text writes the text of one text node, which starts at loc in src if ok.
// In pre mode a line break in the text ends the paragraph.
func (e *emitter) text(src, s string, loc textLoc, ok, pre bool) {
	pi := -1
	for i := 0; i < len(s); {
		if isPrintASCII(s[i]) {
			// A run of printable ASCII is kept as it is, as the loop below
			// would keep it character by character.
			j := i + 1
			for j < len(s) && isPrintASCII(s[j]) {
				j++
			}
			e.begin()
			if pi < 0 && ok {
				raw := loc.raw + rawAdvance(src[loc.raw:loc.rawEnd], i)
				e.pos = append(e.pos, posPair{text: len(e.buf), raw: raw, rawEnd: loc.rawEnd})
				pi = len(e.pos) - 1
			}
			e.buf = append(e.buf, s[i:j]...)
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch c := charClass(r, n); {
		case c == charDrop:
		case c == charSpace:
			if pre && (r == '\n' || r == '\r') {
				e.breakPara()
			} else if e.open >= 0 && !e.hold {
				e.space = true
			}
		default:
			e.begin()
			if pi < 0 && ok {
				raw := loc.raw + rawAdvance(src[loc.raw:loc.rawEnd], i)
				e.pos = append(e.pos, posPair{text: len(e.buf), raw: raw, rawEnd: loc.rawEnd})
				pi = len(e.pos) - 1
			}
			if c == charBad {
				r = utf8.RuneError
			}
			e.buf = utf8.AppendRune(e.buf, r)
		}
		i += n
	}
	if pi >= 0 {
		e.pos[pi].textEnd = len(e.buf)
	}
}

// isPrintASCII reports whether c is a printable ASCII character other than
// the space: one charClass keeps.
func isPrintASCII(c byte) bool { return c > ' ' && c < 0x7F }

// openMark writes an opening quotation mark; white space after it is
// dropped.
func (e *emitter) openMark(s string) {
	e.begin()
	e.buf = append(e.buf, s...)
	e.hold = true
}

// closeMark writes a closing quotation mark right after the last character,
// reopening the last paragraph if a block inside the quote ended it.
func (e *emitter) closeMark(s string) {
	if e.open < 0 && len(e.paras) > 0 && e.paras[len(e.paras)-1].End == len(e.buf) {
		e.open = e.paras[len(e.paras)-1].Start
		e.paras = e.paras[:len(e.paras)-1]
	}
	e.space = false
	e.begin()
	e.buf = append(e.buf, s...)
}

// mark writes s as is, opening a paragraph if none is open.
func (e *emitter) mark(s string) {
	e.space = false
	e.begin()
	e.buf = append(e.buf, s...)
}

// copyFrom writes the text of span sp of another emitter, with its
// positions; page is the decoded page the positions refer to.
func (e *emitter) copyFrom(src *emitter, sp Span, page string) {
	if sp.Len() <= 0 {
		return
	}
	e.begin()
	delta := len(e.buf) - sp.Start
	for _, p := range src.pos {
		switch {
		case p.text < sp.Start && sp.Start < p.textEnd:
			// A run that starts before the span, as "— " does before a
			// credit: start it where the span does.
			p.raw = p.locate(page, sp.Start)
			p.text = sp.Start
		case p.text < sp.Start || p.text >= sp.End:
			continue
		}
		p.text += delta
		p.textEnd = min(p.textEnd+delta, len(e.buf)+sp.Len())
		e.pos = append(e.pos, p)
	}
	e.buf = append(e.buf, src.buf[sp.Start:sp.End]...)
}

const (
	charKeep  = iota
	charSpace // collapsed with its neighbours into one space
	charDrop  // invisible: left out
	charBad   // an invalid byte: written as U+FFFD
)

// charClass says what the emitter does with rune r of encoded length n.
func charClass(r rune, n int) int {
	switch {
	case r == utf8.RuneError && n == 1:
		return charBad
	case r == 0x200B || r == 0xFEFF || r == 0x00AD || r == 0x2060:
		return charDrop // zero-width space, BOM, soft hyphen, word joiner
	case isSpace(r):
		return charSpace
	case r < 0x20 || r >= 0x7F && r < 0xA0:
		return charDrop // control characters
	}
	return charKeep
}

// # Positions in the page

// textLoc is where a text node's data came from: the byte range of its
// token in the decoded page.
type textLoc struct{ raw, rawEnd int }

// A posPair ties the first character of a text run in Text to its place in
// the decoded page.
type posPair struct {
	text, textEnd int // the run's bytes in Text
	raw, rawEnd   int // where its first character is in the page, and where its token ends
}

// HTMLPos returns the 1-based line and column in the HTML page of the
// character at byte offset off of Text, for pointing a finding back at the
// page. Columns count bytes for a UTF-8 page and characters for a page in
// another encoding (the same thing for Latin-1). Marks and credits that
// FromHTML added point at the text next to them. ok is false if a is not
// from HTML or off is out of range.
//
// It counts lines from the start of the page on each call.
func (a *Article) HTMLPos(off int) (line, col int, ok bool) {
	if a.html == "" || len(a.htmlPos) == 0 || off < 0 || off > len(a.Text) {
		return 0, 0, false
	}
	ps := a.htmlPos
	lo, hi := 0, len(ps) // first pair starting after off
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ps[m].text <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	i := lo - 1
	var r int
	switch {
	case i < 0:
		r = ps[0].raw
	case off < ps[i].textEnd:
		r = ps[i].locate(a.html, off)
	case i+1 < len(ps):
		r = ps[i+1].raw
	default:
		r = ps[i].rawEnd
	}
	r = max(0, min(r, len(a.html)))
	line = 1 + strings.Count(a.html[:r], "\n")
	ls := strings.LastIndexByte(a.html[:r], '\n') + 1
	if a.byteCols {
		col = r - ls + 1
	} else {
		col = utf8.RuneCountInString(a.html[ls:r]) + 1
	}
	return line, col, true
}

// locate returns the page offset of Text offset off, which is inside p's
// run, by decoding the page forward from the run's first character as the
// emitter did.
func (p posPair) locate(page string, off int) int {
	t, r := p.text, p.raw
	end := min(p.rawEnd, len(page))
	inSpace := false
	for r < end {
		dec, n := decodeUnit(page[r:end])
		if n <= 0 {
			break
		}
		w, space := 0, false
		for i := 0; i < len(dec); {
			c, k := utf8.DecodeRuneInString(dec[i:])
			switch charClass(c, k) {
			case charKeep:
				w += k
			case charBad:
				w += utf8.RuneLen(utf8.RuneError)
			case charSpace:
				space = true
			}
			i += k
		}
		switch {
		case w > 0:
			if t+w > off {
				return r
			}
			t += w
			inSpace = false
		case space && !inSpace:
			if t >= off {
				return r
			}
			t++ // a run of white space is one space in Text
			inSpace = true
		}
		r += n
	}
	return r
}

// decodeUnit decodes the first character or character reference of raw
// page text, returning its text and its length in the page.
func decodeUnit(raw string) (string, int) {
	if raw == "" {
		return "", 0
	}
	switch raw[0] {
	case '\r':
		if len(raw) > 1 && raw[1] == '\n' {
			return "\n", 2
		}
		return "\n", 1
	case '&':
		i := 1
		if i < len(raw) && raw[i] == '#' {
			i++
			if i < len(raw) && (raw[i] == 'x' || raw[i] == 'X') {
				i++
			}
		}
		for i < len(raw) && i < 40 && isAlnum(raw[i]) {
			i++
		}
		if i < len(raw) && raw[i] == ';' {
			i++
		}
		return html.UnescapeString(raw[:i]), i
	}
	_, n := utf8.DecodeRuneInString(raw)
	return raw[:n], n
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// rawAdvance returns how many bytes of raw page text decode to the first n
// bytes of its text.
func rawAdvance(raw string, n int) int {
	r, t := 0, 0
	for r < len(raw) && t < n {
		dec, k := decodeUnit(raw[r:])
		if k <= 0 {
			break
		}
		r += k
		t += len(dec)
	}
	return r
}

// textToken is one text token of the page.
type textToken struct {
	raw, rawEnd int    // its bytes in the page
	text        string // its decoded text
}

// textWindow is how many tokens ahead a text node is looked for when the
// parser moved or dropped text.
const textWindow = 64

// locateText finds where in src the data of each text node of the parsed
// tree came from. The parser does not record positions, so src is
// tokenized again and the tree's text nodes, in document order, are matched
// to the text tokens in order. A node the parser moved (such as text foster-
// parented out of a table) or built from several tokens may be missed or
// placed at its first token; HTMLPos then points near the text, not at it.
func locateText(src string, root *html.Node) map[*html.Node]textLoc {
	// Text tokens lie between tags, so a page seldom has more of them
	// than it has '<': room for that many up front.
	toks := make([]textToken, 0, strings.Count(src, "<")+1)
	z := html.NewTokenizer(strings.NewReader(src))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		n := len(z.Raw())
		if tt == html.TextToken {
			text := src[off : off+n]
			if t := z.Text(); string(t) != text {
				text = string(t) // unescaped: a copy of its own
			}
			toks = append(toks, textToken{raw: off, rawEnd: off + n, text: text})
		}
		off += n
	}

	locs := make(map[*html.Node]textLoc, len(toks))
	ti, to := 0, 0 // the next token, and how much of its text is used
	var visit func(n *html.Node, depth int)
	visit = func(n *html.Node, depth int) {
		if depth > maxDepth {
			return
		}
		if n.Type == html.TextNode && n.Data != "" {
			d := n.Data
			for k := ti; k < len(toks) && k < ti+textWindow; k++ {
				start := 0
				if k == ti {
					start = min(to, len(toks[k].text))
				}
				rest := toks[k].text[start:]
				tok := toks[k]
				at := func(i int) textLoc {
					return textLoc{raw: tok.raw + rawAdvance(src[tok.raw:tok.rawEnd], start+i), rawEnd: tok.rawEnd}
				}
				if i := strings.Index(rest, d); i >= 0 {
					locs[n] = at(i)
					ti, to = k, start+i+len(d)
					if to >= len(tok.text) {
						ti, to = k+1, 0
					}
					break
				}
				if rest != "" && strings.HasPrefix(d, rest) {
					// Text the parser merged from several tokens.
					loc := at(0)
					remain := d[len(rest):]
					k2, to2 := k+1, 0
					for remain != "" && k2 < len(toks) {
						t := toks[k2].text
						if strings.HasPrefix(remain, t) {
							remain = remain[len(t):]
							loc.rawEnd = toks[k2].rawEnd
							k2++
							continue
						}
						if strings.HasPrefix(t, remain) {
							to2 = len(remain)
							loc.rawEnd = toks[k2].rawEnd
							remain = ""
						}
						break
					}
					locs[n] = loc
					ti, to = k2, to2
					break
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, depth+1)
		}
	}
	visit(root, 0)
	return locs
}
