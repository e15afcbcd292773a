package article

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// page wraps body in a minimal HTML page.
func page(body string) string {
	return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>T</title></head>\n<body>\n" + body + "\n</body></html>\n"
}

func TestFromHTMLText(t *testing.T) {
	tests := []struct {
		name   string
		body   string
		want   []string
		reason string
	}{
		{name: "inline tags do not split a paragraph",
			body: `<p>He <em>said</em> <a href="#">“no”</a>, <b>twice</b>, <span>then <i>left</i></span>.</p>`,
			want: []string{"He said “no”, twice, then left."}},
		{name: "adjacent inline tags add no space",
			body: `<p>un<b>believ</b>able</p>`,
			want: []string{"unbelievable"}},
		{name: "white space collapses",
			body:   "<p>  a \n\t b&nbsp;&nbsp;c\u2003d  </p>",
			want:   []string{"a b c d"},
			reason: "no-break and em spaces are white space too"},
		{name: "entities decoded",
			body: `<p>&ldquo;Fish &amp; chips,&rdquo; she said &#8212; twice&#x2e; &quot;Yes.&quot;</p>`,
			want: []string{`“Fish & chips,” she said — twice. "Yes."`}},
		{name: "each block is a line",
			body: `<h2>Head</h2><p>One</p><ul><li>Two</li><li>Three</li></ul><table><tr><td>Four</td><th>Five</th></tr></table><dl><dt>Six</dt><dd>Seven</dd></dl>`,
			want: []string{"Head", "One", "Two", "Three", "Four", "Five", "Six", "Seven"}},
		{name: "a div's own text is a paragraph",
			body: `<div>Intro <b>bold</b><p>Para</p>Outro</div>`,
			want: []string{"Intro bold", "Para", "Outro"}},
		{name: "br and hr end a paragraph",
			body: `<p>Line one<br>Line two</p><hr><p>Three</p>`,
			want: []string{"Line one", "Line two", "Three"}},
		{name: "q gets curly quotes",
			body: `<p>She called it <q>a reckless act</q>.</p>`,
			want: []string{"She called it “a reckless act”."}},
		{name: "nested q gets single quotes",
			body: `<p>He wrote <q>she called it <q>reckless</q> twice</q>.</p>`,
			want: []string{"He wrote “she called it ‘reckless’ twice”."}},
		{name: "white space inside q is trimmed to the marks",
			body: `<p>It was <q> a mess </q>, he said.</p>`,
			want: []string{"It was “a mess”, he said."}},
		{name: "blockquote is wrapped in quotes",
			body: `<p>The agency said:</p><blockquote><p>We will not stop.</p></blockquote>`,
			want: []string{"The agency said:", "“We will not stop.”"}},
		{name: "blockquote of several paragraphs opens each",
			body:   `<blockquote><p>One.</p><p>Two.</p><p>Three.</p></blockquote>`,
			want:   []string{"“One.", "“Two.", "“Three.”"},
			reason: "the convention for a quotation over several paragraphs"},
		{name: "blockquote with bare text",
			body: `<blockquote>Bare text.</blockquote>`,
			want: []string{"“Bare text.”"}},
		{name: "cite credit follows the closing mark",
			body: `<blockquote><p>Be brief.</p><cite>Jane Doe</cite></blockquote>`,
			want: []string{"“Be brief.” — Jane Doe"}},
		{name: "footer credit with its dash",
			body: `<blockquote><p>Be brief.</p><footer>— <cite>Jane Doe</cite>, editor</footer></blockquote>`,
			want: []string{"“Be brief.” — Jane Doe, editor"}},
		{name: "dash line credit",
			body: `<blockquote><p>Be brief.</p><p>&mdash; Jane Doe, editor</p></blockquote>`,
			want: []string{"“Be brief.” — Jane Doe, editor"}},
		{name: "a last list item is not a credit",
			body: `<blockquote><p>We will:</p><p>- rebuild the bridge.</p></blockquote>`,
			want: []string{"“We will:", "“- rebuild the bridge.”"}},
		{name: "inline dash credit",
			body: `<blockquote><p>Be brief. – Jane Doe</p></blockquote>`,
			want: []string{"“Be brief.” — Jane Doe"}},
		{name: "cite inside the quote is not a credit",
			body: `<blockquote><p>I reread <cite>Hamlet</cite> every year.</p></blockquote>`,
			want: []string{"“I reread Hamlet every year.”"}},
		{name: "a dash inside the quote is not a credit",
			body:   `<blockquote><p>We came — and we stayed.</p></blockquote>`,
			want:   []string{"“We came — and we stayed.”"},
			reason: "what follows the dash is not a name after a finished sentence"},
		{name: "blockquote with its own marks is not wrapped",
			body: `<blockquote><p>"We will fight," he said.</p></blockquote>`,
			want: []string{`"We will fight," he said.`}},
		{name: "blockquote with its own curly marks is not wrapped",
			body: `<blockquote><p>“Done.”</p><p>“And dusted.”</p></blockquote>`,
			want: []string{"“Done.”", "“And dusted.”"}},
		{name: "q inside a wrapped blockquote nests",
			body: `<blockquote><p>He called it <q>fake</q>.</p></blockquote>`,
			want: []string{"“He called it ‘fake’.”"}},
		{name: "blockquote opening with q is not wrapped",
			body: `<blockquote><q>Fine</q>, she said.</blockquote>`,
			want: []string{"“Fine”, she said."}},
		{name: "empty blockquote adds nothing",
			body: `<p>Text.</p><blockquote> </blockquote><blockquote><cite>Nobody</cite></blockquote>`,
			want: []string{"Text."}},
		{name: "embedded tweet dropped",
			body: `<p>Text.</p><blockquote class="twitter-tweet"><p>Tweet “x”</p>&mdash; Someone (@someone)</blockquote>`,
			want: []string{"Text."}},
		{name: "embedded Instagram and TikTok posts dropped",
			body: `<p>Text.</p><blockquote class="instagram-media" data-instgrm-permalink="x"><p>Post</p></blockquote><blockquote class="tiktok-embed"><p>Clip</p></blockquote>`,
			want: []string{"Text."}},
		{name: "pre keeps its lines",
			body: "<pre>line one\n  line two\n\nline three</pre>",
			want: []string{"line one", "line two", "line three"}},
		{name: "invisible characters dropped",
			body:   "<p>co\u00adoperate\u200b now\u0007</p>",
			want:   []string{"cooperate now"},
			reason: "soft hyphen, zero-width space and control characters are not text"},
		{name: "figcaption dropped, figure kept",
			body: `<figure><img src="a.jpg" alt="alt text"><figcaption>Caption “x”</figcaption></figure><p>Text.</p>`,
			want: []string{"Text."}},
		{name: "custom elements are inline",
			body: `<p>One <story-link>two</story-link> three.</p>`,
			want: []string{"One two three."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := FromHTML("t.html", []byte(page(tc.body)))
			if err != nil {
				t.Fatal(err)
			}
			if got := paragraphs(a); !slices.Equal(got, tc.want) {
				t.Errorf("paragraphs:\n got %q\nwant %q", got, tc.want)
			}
			checkArticle(t, a)
		})
	}
}

// TestFromHTMLJunk puts one piece of page furniture into an article and
// checks that only the article's own paragraph is left.
func TestFromHTMLJunk(t *testing.T) {
	const real = "The council voted on Monday to approve the plan."
	tests := []struct {
		name string
		junk string
		keep bool // the fragment is article text after all
	}{
		{name: "nav", junk: `<nav><a href="/">Home</a> <a href="/news">News</a></nav>`},
		{name: "header", junk: `<header><h1>Headline</h1><p>By Staff</p></header>`},
		{name: "footer", junk: `<footer><p>About us</p></footer>`},
		{name: "aside", junk: `<aside><p>Pull “quote”</p></aside>`},
		{name: "small form", junk: `<form><p>Search:</p><input name="q"><button>Go</button></form>`},
		{name: "cookie banner", junk: `<div class="cookie-banner"><p>We use cookies. Click “Accept all”.</p></div>`},
		{name: "consent id", junk: `<div id="consentModal"><p>Your privacy choices</p></div>`},
		{name: "gdpr", junk: `<section class="gdpr"><p>GDPR notice</p></section>`},
		{name: "related stories", junk: `<div class="related-stories"><ul><li>Other “story”</li></ul></div>`},
		{name: "recommended", junk: `<div class="recommendedArticles"><p>More</p></div>`},
		{name: "more stories", junk: `<div class="more-stories"><p>More</p></div>`},
		{name: "newsletter", junk: `<div class="newsletter-signup"><p>Sign up</p></div>`},
		{name: "share buttons", junk: `<div class="share-bar"><a>Share on X</a></div>`},
		{name: "social", junk: `<ul class="social_links"><li>Facebook</li></ul>`},
		{name: "comments section", junk: `<section id="comments"><p>“Great,” said a reader.</p></section>`},
		{name: "a comment", junk: `<div class="comment"><p>First!</p></div>`},
		{name: "promo", junk: `<div class="promo-box"><p>3 months for $1</p></div>`},
		{name: "advert", junk: `<div class="advertisement"><p>Advertisement</p></div>`},
		{name: "ad slot", junk: `<div id="ad-slot-2"><p>Ad</p></div>`},
		{name: "ads", junk: `<div class="ads inline"><p>Ad</p></div>`},
		{name: "taboola", junk: `<div id="taboola-below-article"><p>Sponsored</p></div>`},
		{name: "script", junk: `<script>var s = "Text";</script>`},
		{name: "style", junk: `<style>q::before { content: "“"; }</style>`},
		{name: "noscript", junk: `<noscript><p>Enable JavaScript</p></noscript>`},
		{name: "iframe", junk: `<iframe src="x">fallback</iframe>`},
		{name: "svg", junk: `<svg><text>Chart label</text></svg>`},
		{name: "hidden attribute", junk: `<p hidden>Hidden</p>`},
		{name: "aria-hidden", junk: `<p aria-hidden="true">Decor</p>`},
		{name: "display none", junk: `<p style="display: none">Hidden</p>`},
		{name: "role navigation", junk: `<div role="navigation"><p>Menu</p></div>`},
		{name: "screen-reader text", junk: `<span class="sr-only">Opens in a new window</span>`},
		{name: "button", junk: `<button>Subscribe</button>`},
		{name: "head-line class is not an ad", junk: `<p class="head-line">Kept line.</p>`, keep: true},
		{name: "commentary class is not a comment", junk: `<div class="commentary"><p>Kept line.</p></div>`, keep: true},
		{name: "download class is not an ad", junk: `<div class="download-info"><p>Kept line.</p></div>`, keep: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := "<article><p>" + real + "</p>" + tc.junk + "</article>"
			a, err := FromHTML("t.html", []byte(page(body)))
			if err != nil {
				t.Fatal(err)
			}
			want := []string{real}
			if tc.keep {
				want = append(want, "Kept line.")
			}
			if got := paragraphs(a); !slices.Equal(got, want) {
				t.Errorf("paragraphs = %q, want %q", got, want)
			}
		})
	}
}

func TestFromHTMLBody(t *testing.T) {
	long := func(s string) string { return s + strings.Repeat(" More words of the same story.", 6) }
	tests := []struct {
		name   string
		body   string
		want   []string
		reason string
	}{
		{name: "article chosen over the rest of the page",
			body: `<div class="top"><p>Top bar text</p></div><article><p>Story.</p></article><div><p>Bottom text</p></div>`,
			want: []string{"Story."}},
		{name: "the longer of two articles",
			body: `<article><p>Short teaser.</p></article><article><p>` + long("Main story.") + `</p><p>Second.</p></article>`,
			want: []string{long("Main story."), "Second."}},
		{name: "itemprop articleBody preferred over article",
			body: `<article><p>Standfirst outside the body.</p><div itemprop="articleBody"><p>Body one.</p><p>Body two.</p></div></article>`,
			want: []string{"Body one.", "Body two."}},
		{name: "teaser articles lose to a much denser block",
			body:   `<div class="main"><p>` + long("One.") + `</p><p>` + long("Two.") + `</p></div><article class="card"><p>Teaser.</p></article>`,
			want:   []string{long("One."), long("Two.")},
			reason: "an <article> with less than half the paragraph text of another block is a teaser"},
		{name: "densest block of paragraphs",
			body: `<div id="a"><p>Short.</p></div><div id="b"><p>` + long("Long one.") + `</p><p>Long two.</p></div>`,
			want: []string{long("Long one."), "Long two."}},
		{name: "story split into sibling blocks of one class",
			body: `<div id="story"><div class="col"><p>` + long("A.") + `</p><p>A2.</p></div><div class="col"><p>B.</p></div></div><div id="other"><p>Other.</p></div>`,
			want: []string{long("A."), "A2.", "B."}},
		{name: "text without paragraphs falls back to the body",
			body: `<div>Just text here.</div><nav>Menu</nav>`,
			want: []string{"Just text here."}},
		{name: "a form wrapping the page is not a form",
			body: `<form id="aspnetForm"><div><p>` + long("Story text.") + `</p><p>` + long("More.") + `</p></div></form>`,
			want: []string{long("Story text."), long("More.")}},
		{name: "WordPress tag classes do not make the article junk",
			body: `<article class="post tag-social-media category-comments"><p>Story.</p></article>`,
			want: []string{"Story."}},
		{name: "article inside chrome is not a candidate",
			body: `<aside class="sidebar"><article><p>` + long("Sidebar.") + `</p></article></aside><div><p>Story.</p></div>`,
			want: []string{"Story."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := FromHTML("t.html", []byte(page(tc.body)))
			if err != nil {
				t.Fatal(err)
			}
			if got := paragraphs(a); !slices.Equal(got, tc.want) {
				t.Errorf("paragraphs:\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestFromHTMLErrors(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		wantErr error
	}{
		{"empty", "", ErrEmpty},
		{"spaces", " \n\t", ErrEmpty},
		{"nested too deep", strings.Repeat("<div>", 600) + "text", ErrNoBody},
		{"only chrome", page(`<nav>Home</nav><header><h1>Site</h1></header><footer><p>© 2024</p></footer>`), ErrNoBody},
		{"only scripts and styles", page(`<script>var a = "b";</script><style>p{}</style>`), ErrNoBody},
		{"white space", page("  \n\t "), ErrNoBody},
		{"NUL byte", "<p>a\x00b</p>", ErrBinary},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := FromHTML("t.html", []byte(tc.data))
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("err = %v, want %v", err, tc.wantErr)
			}
		})
	}
	if _, err := FromHTML("big.html", make([]byte, MaxSize+1)); !errors.Is(err, ErrTooLong) {
		t.Errorf("too long: err = %v, want ErrTooLong", err)
	}
	_, err := FromHTML("t.html", []byte(page("<nav>x</nav>")))
	if err == nil || !strings.Contains(err.Error(), "<article>") {
		t.Errorf("error %v does not say what was looked for", err)
	}
}

func TestFromHTMLEncoding(t *testing.T) {
	utf16le := func(s string) string {
		b := []byte{0xFF, 0xFE}
		for _, r := range s { // ASCII only
			b = append(b, byte(r), 0)
		}
		return string(b)
	}
	tests := []struct {
		name   string
		data   string
		want   string
		reason string
	}{
		{name: "meta charset Latin-1",
			data: "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 \xa35</p></body></html>",
			want: "Café £5"},
		{name: "http-equiv charset",
			data: "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body><p>na\xefve</p></body></html>",
			want: "naïve"},
		{name: "undeclared Windows-1252 curly quotes",
			data:   "<html><body><p>\x93Hi,\x94 she said \x96 twice.</p></body></html>",
			want:   "“Hi,” she said – twice.",
			reason: "bytes that are not UTF-8 default to Windows-1252"},
		{name: "undeclared, UTF-8 after a long ASCII head",
			data:   "<html><head><title>" + strings.Repeat("x", 2000) + "</title></head><body><p>café “x”</p></body></html>",
			want:   "café “x”",
			reason: "the whole page decides, not its first 1024 bytes"},
		{name: "declared Latin-1 but valid UTF-8",
			data:   "<html><head><meta charset=\"iso-8859-1\"></head><body><p>café</p></body></html>",
			want:   "café",
			reason: "a mislabelled UTF-8 page"},
		{name: "UTF-8 byte-order mark",
			data: "\xef\xbb\xbf<!doctype html><html><head><title>T</title></head><body><p>Text.</p></body></html>",
			want: "Text."},
		{name: "UTF-16LE with a byte-order mark",
			data: utf16le("<html><body><p>Wide text.</p></body></html>"),
			want: "Wide text."},
		{name: "declared UTF-8 with a bad byte",
			data: "<html><head><meta charset=\"utf-8\"></head><body><p>caf\xe9 ok</p></body></html>",
			want: "caf\uFFFD ok"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := FromHTML("t.html", []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != tc.want {
				t.Errorf("Text = %q, want %q", a.Text, tc.want)
			}
			checkArticle(t, a)
		})
	}
}

func TestFromHTMLMeta(t *testing.T) {
	type meta struct{ Outlet, Title, Author, Published, URL string }
	tests := []struct {
		name string
		head string
		body string // default <p>Body.</p>
		want meta
	}{
		{name: "Open Graph and meta tags",
			head: `<meta property="og:site_name" content="The Daily"><meta property="og:title" content="Mines approved">
<meta name="author" content="Jane Roe"><meta property="article:published_time" content="2024-11-20T10:00:00Z">
<link rel="canonical" href="https://example.com/a"><meta property="og:url" content="https://example.com/og">`,
			want: meta{"The Daily", "Mines approved", "Jane Roe", "2024-11-20T10:00:00Z", "https://example.com/a"}},
		{name: "title suffix naming the outlet is cut",
			head: `<title>Mines approved | The Daily</title><meta property="og:site_name" content="The Daily">`,
			want: meta{Outlet: "The Daily", Title: "Mines approved"}},
		{name: "title dash suffix is cut",
			head: `<title>Mines approved - The Daily</title><meta property="og:site_name" content="The Daily">`,
			want: meta{Outlet: "The Daily", Title: "Mines approved"}},
		{name: "title suffix that is not the outlet is kept",
			head: `<title>Mines approved | World news</title><meta property="og:site_name" content="The Daily">`,
			want: meta{Outlet: "The Daily", Title: "Mines approved | World news"}},
		{name: "JSON-LD fills what meta tags lack",
			head: `<title>Page title</title><script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"LD headline","datePublished":"2024-01-02",
 "author":[{"@type":"Person","name":"Ann One"},{"@type":"Person","name":"Bob Two"}],
 "publisher":{"@type":"Organization","name":"LD Outlet"}}</script>`,
			want: meta{"LD Outlet", "LD headline", "Ann One, Bob Two", "2024-01-02", ""}},
		{name: "JSON-LD author as a string",
			head: `<script type="application/ld+json">{"@type":"Article","author":"By Cy Three"}</script>`,
			want: meta{Title: "T", Author: "Cy Three"}},
		{name: "JSON-LD author as an object, type as a list",
			head: `<script type="application/ld+json">{"@type":["NewsArticle"],"author":{"@type":"Person","name":"Di Four"}}</script>`,
			want: meta{Title: "T", Author: "Di Four"}},
		{name: "JSON-LD graph with references",
			head: `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
{"@type":"WebPage","@id":"https://x/#page","name":"Page"},
{"@type":"NewsArticle","@id":"https://x/#article","headline":"Graph headline","author":{"@id":"https://x/#/person/1"},"publisher":{"@id":"https://x/#org"}},
{"@type":"Person","@id":"https://x/#/person/1","name":"Eve Five"},
{"@type":"Organization","@id":"https://x/#org","name":"Graph Outlet"}]}</script>`,
			want: meta{"Graph Outlet", "Graph headline", "Eve Five", "", ""}},
		{name: "invalid JSON-LD is ignored",
			head: `<title>Page title</title><script type="application/ld+json">{"@type":"NewsArticle", headline: oops}</script>`,
			want: meta{Title: "Page title"}},
		{name: "article:author URL skipped for rel=author",
			head: `<meta property="article:author" content="https://facebook.com/someone">`,
			body: `<p>Body.</p><p>By <a rel="author" href="/staff/fay">Fay Six</a></p>`,
			want: meta{Title: "T", Author: "Fay Six"}},
		{name: "article:author name used",
			head: `<meta property="article:author" content="Gus Seven">`,
			want: meta{Title: "T", Author: "Gus Seven"}},
		{name: "itemprop author with a nested name",
			body: `<p>Body.</p><div itemprop="author" itemscope><span itemprop="name">Hal Eight</span><span>Reporter</span></div>`,
			want: meta{Title: "T", Author: "Hal Eight"}},
		{name: "author's By is dropped",
			head: `<meta name="author" content="By  Ivy Nine">`,
			want: meta{Title: "T", Author: "Ivy Nine"}},
		{name: "application-name as outlet",
			head: `<meta name="application-name" content="App Outlet"><title>Story | App Outlet</title>`,
			want: meta{Outlet: "App Outlet", Title: "Story"}},
		{name: "time in the body",
			body: `<article><time datetime="2024-03-04T05:06:07Z">March 4</time><p>Body.</p></article>`,
			want: meta{Title: "T", Published: "2024-03-04T05:06:07Z"}},
		{name: "og:url without canonical",
			head: `<meta property="og:url" content="https://example.com/og">`,
			want: meta{Title: "T", URL: "https://example.com/og"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			head := tc.head
			if !strings.Contains(head, "<title>") {
				head += "<title>T</title>"
			}
			body := tc.body
			if body == "" {
				body = "<p>Body.</p>"
			}
			doc := "<!doctype html><html><head>" + head + "</head><body>" + body + "</body></html>"
			a, err := FromHTML("t.html", []byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			got := meta{a.Outlet, a.Title, a.Author, a.Published, a.URL}
			if got != tc.want {
				t.Errorf("metadata:\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

// posPage has entities, inline tags, CRLF line breaks, a q and a
// blockquote, to check that HTMLPos finds words in the page.
const posPage = "<!DOCTYPE html>\r\n<html><head><title>T</title></head>\r\n<body><article>\r\n" +
	"  <p>The official said the mines were &ldquo;non-persistent&rdquo; and <em>would</em>\r\n" +
	"     deactivate after a set\r\n period.</p>\r\n" +
	"  <p>She called it <q>a reckless act</q>, twice.</p>\r\n" +
	"  <blockquote><p>One.</p><p>Two &amp; three.</p><footer>— <cite>Jane Doe</cite></footer></blockquote>\r\n" +
	"</article></body></html>\r\n"

func TestHTMLPos(t *testing.T) {
	a, err := FromHTML("pos.html", []byte(posPage))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		find string // in Text
		want string // what the page holds at the position HTMLPos gives
	}{
		{"first word", "The official", "The official"},
		{"an entity", "“non", "&ldquo;non"},
		{"after an entity", "non-persistent”", "non-persistent&rdquo;"},
		{"after an entity and a tag", "and would", "and <em>would"},
		{"inside an inline tag", "would", "would"},
		{"after a line break", "deactivate", "deactivate"},
		{"after collapsed CRLF", "period.", "period."},
		{"an added q mark points at the quoted words", "“a reckless", "a reckless"},
		{"inside q", "reckless act", "reckless act"},
		{"after a q", "twice", "twice"},
		{"blockquote paragraph", "One.", "One."},
		{"second blockquote paragraph after an entity", "three.", "three."},
		{"credit", "Jane Doe", "Jane Doe"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			off := strings.Index(a.Text, tc.find)
			if off < 0 {
				t.Fatalf("%q not in %q", tc.find, a.Text)
			}
			line, col, ok := a.HTMLPos(off)
			if !ok {
				t.Fatal("not ok")
			}
			pos := pageOffset(posPage, line, col)
			if pos < 0 || !strings.HasPrefix(posPage[pos:], tc.want) {
				t.Errorf("HTMLPos(%d) = %d:%d, page there: %.20q, want %q", off, line, col, posPage[max(pos, 0):], tc.want)
			}
		})
	}
}

func TestHTMLPosColumns(t *testing.T) {
	tests := []struct {
		name      string
		data      string
		find      string
		line, col int
		reason    string
	}{
		{name: "UTF-8 counts bytes", data: "<html><body>\n\n<p>café au lait</p>", find: "au", line: 3, col: 10,
			reason: "é is two bytes"},
		{name: "Latin-1 counts characters", data: "<html><head><meta charset=\"latin1\"></head><body>\n\n<p>caf\xe9 au lait</p>", find: "au", line: 3, col: 9,
			reason: "one byte and one character each in the file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := FromHTML("t.html", []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			line, col, ok := a.HTMLPos(strings.Index(a.Text, tc.find))
			if !ok || line != tc.line || col != tc.col {
				t.Errorf("HTMLPos = %d:%d %v, want %d:%d", line, col, ok, tc.line, tc.col)
			}
		})
	}
}

func TestHTMLPosOutOfRange(t *testing.T) {
	a, err := FromHTML("t.html", []byte(page("<p>Text.</p>")))
	if err != nil {
		t.Fatal(err)
	}
	for _, off := range []int{-1, len(a.Text) + 1} {
		if _, _, ok := a.HTMLPos(off); ok {
			t.Errorf("HTMLPos(%d) ok", off)
		}
	}
	if _, _, ok := a.HTMLPos(len(a.Text)); !ok {
		t.Error("HTMLPos at the end of Text not ok")
	}
	txt, err := FromText("t.txt", []byte("Text."))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok := txt.HTMLPos(0); ok {
		t.Error("HTMLPos ok for a text article")
	}
	text := a.Text
	a.DropPage()
	if _, _, ok := a.HTMLPos(0); ok {
		t.Error("HTMLPos ok after DropPage")
	}
	if a.Text != text {
		t.Errorf("DropPage changed the text to %q", a.Text)
	}
}

// TestHTMLFixtures checks the crafted HTML articles: the junk their gold
// notes name must be gone, the body's quotes must be there.
func TestHTMLFixtures(t *testing.T) {
	tests := []struct {
		file    string
		has     []string // in Text
		hasNot  []string // not in Text
		outlet  string
		author  string
		reason  string
		wantPar int // number of paragraphs
	}{
		{file: "html-article.html",
			has: []string{
				"“Nobody on this board wanted to do this",
				"“We’re the ones who can’t just drive instead,”",
				"“The board recognizes the burden",
				"“a solution to this year’s problem that makes next year’s worse”",
				`the nuts & bolts money,"`,
			},
			hasNot: []string{"Accept all", "Affordable", "a mess", "we’re close", "The Commute", "busrider88", "All rights reserved", "window.dataLayer"},
			outlet: "The Harbor City Sentinel", author: "Dana Whitfield"},
		{file: "html-dense.html",
			has:    []string{"“Fines were never really about money.", "“Welcome Back Week”", "“I should get a refund,” he joked."},
			hasNot: []string{"fine-free”?", "The best local news", "Why I’m leaving", "suspicious", "Advertisement", "BREAKING"},
			outlet: "The Millbrook Beacon", author: "Theo Lindqvist"},
		{file: "html-itemprop.html",
			has:    []string{"“We have buses without", "“I’m not going to put kids in that.”", "shortened school days.”"},
			hasNot: []string{"Stay cool", "Ledger Daily", "Subscribe now", "Share on Facebook", "Reach him at", "Tags:"},
			outlet: "The Sonoran Ledger", author: "Miguel Arriaga"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("..", "fixtures", "crafted", tc.file))
			if err != nil {
				t.Skip("fixture not present:", err)
			}
			a, err := Parse(tc.file, data)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range tc.has {
				if !strings.Contains(a.Text, s) {
					t.Errorf("text lacks %q", s)
				}
			}
			for _, s := range tc.hasNot {
				if strings.Contains(a.Text, s) {
					t.Errorf("text has %q", s)
				}
			}
			if a.Outlet != tc.outlet || a.Author != tc.author {
				t.Errorf("outlet, author = %q, %q; want %q, %q", a.Outlet, a.Author, tc.outlet, tc.author)
			}
			checkArticle(t, a)
		})
	}
}

func BenchmarkFromHTML(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "fixtures", "crafted", "html-article.html"))
	if err != nil {
		b.Skip("fixture not present:", err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := FromHTML("a.html", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFromHTMLLarge reads a 1 MB page of many paragraphs with inline
// tags, entities and chrome between them.
func BenchmarkFromHTMLLarge(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("<!doctype html><html><head><title>Big</title></head><body><nav>Home</nav><article>")
	for sb.Len() < 1<<20 {
		sb.WriteString(`<p>The <a href="/x">official</a> said the mines were &ldquo;<em>non-persistent</em>&rdquo; and would deactivate.</p>`)
		sb.WriteString(`<div class="ad"><p>Advertisement</p></div><blockquote><p>We will not stop.</p><cite>Jane Doe</cite></blockquote>`)
	}
	sb.WriteString("</article><footer>©</footer></body></html>")
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := FromHTML("big.html", data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHTMLPos(b *testing.B) {
	a, err := FromHTML("pos.html", []byte(posPage))
	if err != nil {
		b.Fatal(err)
	}
	off := strings.Index(a.Text, "Jane Doe")
	for b.Loop() {
		a.HTMLPos(off)
	}
}

// TestHTMLPosFixtures checks HTMLPos on every word of the HTML fixtures:
// the page must hold the word where HTMLPos says it is.
func TestHTMLPosFixtures(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "fixtures", "*", "*.html"))
	words := regexp.MustCompile(`[A-Za-z]{4,}`)
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := FromHTML(f, data)
		if err != nil {
			continue
		}
		for _, m := range words.FindAllStringIndex(a.Text, -1) {
			w := a.Text[m[0]:m[1]]
			line, col, ok := a.HTMLPos(m[0])
			pos := pageOffset(string(data), line, col)
			if !ok || pos < 0 || !strings.HasPrefix(string(data[pos:]), w) {
				t.Errorf("%s: HTMLPos(%d) for %q = %d:%d, page there: %.20q", f, m[0], w, line, col, data[max(pos, 0):])
			}
			n++
		}
	}
	if n == 0 {
		t.Skip("no HTML fixtures")
	}
}
