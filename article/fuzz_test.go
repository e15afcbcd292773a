package article

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// htmlSeeds are small pages that reach the corners of the HTML reader.
var htmlSeeds = []string{
	"",
	"<p>x</p>",
	"<!doctype html><title>T</title><p>One.</p><p>Two.</p>",
	"<article><p>A <q>b <q>c</q></q> d.</p></article>",
	"<blockquote><p>One.</p><p>Two.</p><footer>— <cite>Jane</cite></footer></blockquote>",
	"<blockquote>Be brief. — Jane Doe</blockquote><blockquote class=twitter-tweet>t</blockquote>",
	"<pre>a\n\n b\r\nc</pre><table><tr><td>x<td>y</table>text<br>more",
	"<p>&ldquo;x&rdquo; &amp &#x2014; &#0; &notanentity; &amplifier;</p>",
	"<div itemprop=articleBody><p>a</p></div><article><p>b</p></article>",
	"<form><p>" + strings.Repeat("long text ", 40) + "</p></form>",
	"<table><p>foster</p>parented<tr><td>cell</table>",
	"<p>un</span>closed <b><i>mis</b>nested</i></p>",
	"<p>a\u200bb\u00adc\u2028d\x01e</p>",
	"\xef\xbb\xbf<html><body><p>bom</p>",
	"\xff\xfe<\x00p\x00>\x00h\x00i\x00",
	"<meta charset=iso-8859-1><p>caf\xe9</p>",
	"<meta charset=utf-8><p>bad \xff byte</p>",
	"<script type=application/ld+json>{\"@graph\":[{\"@type\":\"NewsArticle\",\"author\":{\"@id\":\"#a\"}},{\"@id\":\"#a\",\"name\":\"N\"}]}</script><p>x</p>",
	"<q><p>block in q</p></q>",
	"<blockquote><blockquote><p>nested</p></blockquote><cite>c</cite></blockquote>",
	"<svg><p>foreign</p></svg><math><mi>x</mi></math><p>y</p>",
}

// textSeeds are small text files.
var textSeeds = []string{
	"", "a", "\n", "\r\n\r\n", "\ufeff", "\ufeffx\r\ny", "a\rb", " \u00a0 ", "x\x00",
	"\xe9", "“Quoted,” she said.\n\nNext.",
}

func FuzzFromHTML(f *testing.F) {
	for _, s := range htmlSeeds {
		f.Add([]byte(s))
	}
	for _, data := range fixtureFiles(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := FromHTML("fuzz.html", data)
		if s, serr := FromHTMLString("fuzz.html", string(data)); fmt.Sprint(serr) != fmt.Sprint(err) || !reflect.DeepEqual(s, a) {
			t.Errorf("FromHTMLString = %+v, %v; FromHTML gives %+v, %v", s, serr, a, err)
		}
		if err != nil {
			checkErr(t, err)
			return
		}
		checkArticle(t, a)
	})
}

func FuzzFromText(f *testing.F) {
	for _, s := range textSeeds {
		f.Add([]byte(s))
	}
	for _, data := range fixtureFiles(f) {
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := FromText("fuzz.txt", data)
		if err != nil {
			checkErr(t, err)
			return
		}
		if a.Text != string(data) {
			t.Fatal("Text differs from the file")
		}
		checkArticle(t, a)
	})
}

func FuzzIsChrome(f *testing.F) {
	for _, s := range []string{"", "Published", "Related: x", "Call or WhatsApp: 0803 561 7233", "A | B | C"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if IsChrome(s) && strings.TrimSpace(s) == "" {
			t.Fatal("white space is chrome")
		}
	})
}

// TestFixtures loads every file in ../fixtures and checks the invariants
// the fuzz tests check.
func TestFixtures(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "fixtures", "*", "*"))
	n := 0
	for _, f := range files {
		if !IsArticleFile(f) {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n++
		a, err := Parse(f, data)
		if err != nil {
			checkErr(t, err)
			continue
		}
		checkArticle(t, a)
	}
	if n == 0 {
		t.Skip("no fixtures")
	}
}

// fixtureFiles returns the contents of the article files in ../fixtures,
// if there are any.
func fixtureFiles(tb testing.TB) [][]byte {
	files, _ := filepath.Glob(filepath.Join("..", "fixtures", "*", "*"))
	var out [][]byte
	for _, f := range files {
		if !IsArticleFile(f) {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

func checkErr(t testing.TB, err error) {
	t.Helper()
	for _, e := range []error{ErrBinary, ErrEncode, ErrEmpty, ErrNoBody, ErrTooLong} {
		if errors.Is(err, e) {
			return
		}
	}
	t.Fatalf("error of no known kind: %v", err)
}

// checkArticle checks what every Article promises: valid UTF-8 text and
// paragraph spans in bounds, non-empty, in order, not overlapping, trimmed
// and within one line. For HTML it also checks that Text is the paragraphs
// joined by line breaks and that HTMLPos points inside the page.
func checkArticle(t testing.TB, a *Article) {
	t.Helper()
	if !utf8.ValidString(a.Text) {
		t.Fatalf("Text is not valid UTF-8: %q", a.Text)
	}
	if len(a.Paragraphs) == 0 {
		t.Fatal("no paragraphs")
	}
	prev := 0
	for i, p := range a.Paragraphs {
		if p.Start < prev || p.End <= p.Start || p.End > len(a.Text) {
			t.Fatalf("paragraph %d %v out of order or bounds (previous end %d, text %d bytes)", i, p, prev, len(a.Text))
		}
		if s := TrimSpan(a.Text, p.Start, p.End); s.Len() == 0 || s != p {
			t.Fatalf("paragraph %d %q is not trimmed", i, a.Text[p.Start:p.End])
		}
		if strings.ContainsAny(a.Text[p.Start:p.End], "\r\n") {
			t.Fatalf("paragraph %d %q spans lines", i, a.Text[p.Start:p.End])
		}
		prev = p.End
	}
	if a.html == "" {
		if got := SplitLines(a.Text); !slices.Equal(got, a.Paragraphs) {
			t.Fatalf("paragraphs %v are not the lines of the text %v", a.Paragraphs, got)
		}
		if _, _, ok := a.HTMLPos(0); ok {
			t.Fatal("HTMLPos ok for a text article")
		}
		return
	}
	if joined := strings.Join(paragraphs(a), "\n"); joined != a.Text {
		t.Fatalf("Text is not the paragraphs joined by line breaks:\n%q\n%q", a.Text, joined)
	}
	if len(a.htmlPos) == 0 {
		return // no text node was located; HTMLPos reports not ok
	}
	for _, p := range a.Paragraphs {
		for _, off := range []int{p.Start, (p.Start + p.End) / 2, p.End - 1, p.End} {
			line, col, ok := a.HTMLPos(off)
			if !ok || line < 1 || col < 1 {
				t.Fatalf("HTMLPos(%d) = %d, %d, %v", off, line, col, ok)
			}
			if a.byteCols {
				if pos := pageOffset(a.html, line, col); pos < 0 || pos > len(a.html) {
					t.Fatalf("HTMLPos(%d) = %d:%d, outside the page", off, line, col)
				}
			}
		}
	}
	for _, off := range []int{-1, len(a.Text) + 1} {
		if _, _, ok := a.HTMLPos(off); ok {
			t.Fatalf("HTMLPos(%d) ok, out of range", off)
		}
	}
}

// pageOffset returns the byte offset of a 1-based line and byte column in
// page; -1 if there is no such line.
func pageOffset(page string, line, col int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(page[off:], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	return off + col - 1
}
