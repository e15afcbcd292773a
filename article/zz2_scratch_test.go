package article

import (
	"fmt"
	"testing"
)

func TestZZHTML(t *testing.T) {
	page := `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Mines approved | The Daily</title>
<meta property="og:site_name" content="The Daily">
<meta name="author" content="By Jane Roe">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"LD headline","datePublished":"2024-11-20T10:00:00Z","author":[{"@type":"Person","name":"Jane Roe"},{"name":"John Poe"}],"publisher":{"name":"Daily Inc"}}</script>
<link rel="canonical" href="https://example.com/a">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<header><h1>Site header</h1></header>
<div class="cookie-banner"><p>We use cookies to improve your experience on this website, accept?</p></div>
<article>
  <header><h1>Mines approved</h1><p class="byline">By Jane Roe</p></header>
  <p>The official said the mines were &ldquo;non-persistent&rdquo; and <em>would</em> <a href="#">deactivate</a>  after
  a set period.</p>
  <p>She called it <q>a <q>reckless</q> act</q>, according to reports.</p>
  <div class="related-stories"><ul><li>Other story</li></ul></div>
  <blockquote><p>We will not stop.</p><p>Never.</p><footer>— <cite>Jane Doe</cite></footer></blockquote>
  <blockquote class="twitter-tweet"><p>tweet text</p>&mdash; Someone (@someone)</blockquote>
  <blockquote><p>"Already quoted," he said.</p></blockquote>
  <blockquote><p>Quoted text.</p><p>— John Smith, CEO</p></blockquote>
  <div>Direct div text<p>and a para</p>tail text</div>
  <p>Line one<br>Line two</p>
  <aside><p>Aside text</p></aside>
  <script>var x = "no";</script>
</article>
<footer><p>Copyright 2024</p></footer>
</body></html>`
	a, err := FromHTML("x.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("%q %q %q %q %q\n", a.Outlet, a.Title, a.Author, a.Published, a.URL)
	for i := range a.Paragraphs {
		p := a.Paragraphs[i]
		l, c, ok := a.HTMLPos(p.Start)
		l2, c2, _ := a.HTMLPos(p.End - 1)
		fmt.Printf("%d %q  %d:%d %v  end %d:%d\n", i, a.Para(i), l, c, ok, l2, c2)
	}
}
