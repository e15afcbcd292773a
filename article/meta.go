package article

import (
	"encoding/json"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// readMeta fills a's Outlet, Title, Author, Published and URL from the
// page, each from the first of these sources that has it:
//
//	Outlet:    og:site_name, JSON-LD publisher.name, application-name
//	Title:     og:title, JSON-LD headline, <title>; a " | Outlet" or
//	           " - Outlet" suffix naming the outlet is cut
//	Author:    meta author, JSON-LD author (one or several, joined with
//	           ", "), article:author unless it is a URL, [rel=author] or
//	           [itemprop=author] text
//	Published: article:published_time, JSON-LD datePublished, the first
//	           <time datetime> in the body, then in the page
//	URL:       link rel=canonical, og:url
func readMeta(doc *goquery.Document, body *html.Node, a *Article) {
	ld := readJSONLD(doc)
	metas := doc.Find("meta[content]") // found once for every look-up below
	a.Outlet = first(metaContent(metas, "og:site_name"), ld.publisher, metaContent(metas, "application-name"))
	a.Title = cutOutlet(first(metaContent(metas, "og:title"), ld.headline, clean(doc.Find("title").First().Text())), a.Outlet)

	author := metaContent(metas, "author")
	if isURL(author) {
		author = ""
	}
	a.Author = first(cleanAuthor(author), joinNames(ld.authors), articleAuthor(metas), markupAuthor(doc))

	pub := first(metaContent(metas, "article:published_time"), ld.published)
	if pub == "" && body != nil {
		pub = clean(goquery.NewDocumentFromNode(body).Find("time[datetime]").First().AttrOr("datetime", ""))
	}
	if pub == "" {
		pub = clean(doc.Find("time[datetime]").First().AttrOr("datetime", ""))
	}
	a.Published = pub

	canon := ""
	doc.Find("link[rel][href]").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		for _, r := range strings.Fields(s.AttrOr("rel", "")) {
			if strings.EqualFold(r, "canonical") {
				canon = clean(s.AttrOr("href", ""))
				return false
			}
		}
		return true
	})
	a.URL = first(canon, metaContent(metas, "og:url"))
}

// metaContent returns the content of the first of metas, the page's
// <meta content> elements, whose property or name is key
// (case-insensitive), cleaned.
func metaContent(metas *goquery.Selection, key string) string {
	v := ""
	metas.EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if strings.EqualFold(strings.TrimSpace(s.AttrOr("property", "")), key) ||
			strings.EqualFold(strings.TrimSpace(s.AttrOr("name", "")), key) {
			if c := clean(s.AttrOr("content", "")); c != "" {
				v = c
				return false
			}
		}
		return true
	})
	return v
}

// articleAuthor returns the article:author metadata among metas, the
// page's <meta content> elements, that names people rather than linking to
// profile pages.
func articleAuthor(metas *goquery.Selection) string {
	var names []string
	metas.Each(func(_ int, s *goquery.Selection) {
		k := strings.TrimSpace(s.AttrOr("property", s.AttrOr("name", "")))
		if strings.EqualFold(k, "article:author") {
			if c := clean(s.AttrOr("content", "")); c != "" && !isURL(c) {
				names = append(names, cleanAuthor(c))
			}
		}
	})
	return joinNames(names)
}

// markupAuthor returns the text of [rel=author] links and [itemprop=author]
// elements (their [itemprop=name] if they have one, or a meta's content).
func markupAuthor(doc *goquery.Document) string {
	var names []string
	doc.Find(`[rel~=author], [itemprop~=author]`).Each(func(_ int, s *goquery.Selection) {
		if s.ParentsFiltered("[itemprop~=author]").Length() > 0 {
			return // counted with its ancestor
		}
		var v string
		if c, ok := s.Attr("content"); ok {
			v = c
		} else if n := s.Find("[itemprop~=name]").First(); n.Length() > 0 {
			v = n.AttrOr("content", n.Text())
		} else if goquery.NodeName(s) != "link" {
			v = s.Text()
		}
		if v = cleanAuthor(v); v != "" && !isURL(v) {
			names = append(names, v)
		}
	})
	return joinNames(names)
}

// ldInfo is what JSON-LD says about the article.
type ldInfo struct {
	headline, published, publisher string
	authors                        []string
}

// articleTypes are schema.org types of the object describing the article.
var articleTypes = map[string]bool{
	"Article": true, "NewsArticle": true, "ReportageNews": true, "AnalysisNewsArticle": true,
	"OpinionNewsArticle": true, "BackgroundNewsArticle": true, "ReviewNewsArticle": true,
	"BlogPosting": true, "LiveBlogPosting": true, "Report": true, "ScholarlyArticle": true,
	"SocialMediaPosting": true, "TechArticle": true,
}

// readJSONLD reads the page's JSON-LD blocks and returns what the first
// article object (or, failing that, the first object with a headline) says.
// Blocks that are not valid JSON are skipped. References by @id to objects
// elsewhere in the page (as in a Yoast "@graph") are followed.
func readJSONLD(doc *goquery.Document) ldInfo {
	var objs []map[string]any
	doc.Find("script[type]").Each(func(_ int, s *goquery.Selection) {
		if !strings.EqualFold(strings.TrimSpace(s.AttrOr("type", "")), "application/ld+json") {
			return
		}
		var v any
		if json.Unmarshal([]byte(s.Text()), &v) != nil {
			return
		}
		collectObjects(v, &objs, 0)
	})
	byID := map[string]map[string]any{}
	for _, o := range objs {
		if id, ok := o["@id"].(string); ok && len(o) > 1 {
			if _, dup := byID[id]; !dup {
				byID[id] = o
			}
		}
	}
	var art map[string]any
	for _, o := range objs {
		if hasType(o, articleTypes) {
			art = o
			break
		}
	}
	if art == nil {
		for _, o := range objs {
			if _, ok := o["headline"].(string); ok {
				art = o
				break
			}
		}
	}
	if art == nil {
		return ldInfo{}
	}
	info := ldInfo{
		headline:  clean(str(art["headline"])),
		published: clean(str(art["datePublished"])),
	}
	if p := names(art["publisher"], byID, 0); len(p) > 0 {
		info.publisher = p[0]
	}
	for _, n := range names(art["author"], byID, 0) {
		info.authors = append(info.authors, cleanAuthor(n))
	}
	return info
}

// maxLDDepth bounds recursion into JSON-LD.
const maxLDDepth = 16

// collectObjects appends the JSON objects in v, with those of an @graph,
// and of top-level arrays.
func collectObjects(v any, out *[]map[string]any, depth int) {
	if depth > maxLDDepth {
		return
	}
	switch v := v.(type) {
	case map[string]any:
		*out = append(*out, v)
		if g, ok := v["@graph"]; ok {
			collectObjects(g, out, depth+1)
		}
	case []any:
		for _, x := range v {
			collectObjects(x, out, depth+1)
		}
	}
}

func hasType(o map[string]any, types map[string]bool) bool {
	switch t := o["@type"].(type) {
	case string:
		return types[t]
	case []any:
		for _, x := range t {
			if s, ok := x.(string); ok && types[s] {
				return true
			}
		}
	}
	return false
}

// names returns the names in a JSON-LD author or publisher value: a
// string, an object with a name (or an @id naming another object), or an
// array of those.
func names(v any, byID map[string]map[string]any, depth int) []string {
	if depth > maxLDDepth {
		return nil
	}
	switch v := v.(type) {
	case string:
		if s := clean(v); s != "" && !isURL(s) {
			return []string{s}
		}
	case map[string]any:
		if n := clean(str(v["name"])); n != "" {
			return []string{n}
		}
		if id, ok := v["@id"].(string); ok {
			if o, ok := byID[id]; ok && !sameMap(o, v) {
				return names(o, byID, depth+1)
			}
		}
	case []any:
		var out []string
		for _, x := range v {
			out = append(out, names(x, byID, depth+1)...)
		}
		return out
	}
	return nil
}

func sameMap(a, b map[string]any) bool {
	return len(a) == len(b) && a["@id"] == b["@id"] && a["name"] == b["name"]
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// clean collapses runs of white space (see isSpace) to one space and trims
// the ends: strings.Join(strings.FieldsFunc(s, isSpace), " "), but s itself
// when it is already clean.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	start := -1 // start of the word being read; -1 between words
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case !isSpace(r):
			if start < 0 {
				start = i
			}
		case start >= 0:
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s[start:i])
			start = -1
		}
		i += n
	}
	if start >= 0 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s[start:])
	}
	return b.String()
}

// isClean reports whether clean would return s unchanged: its only white
// space is single ASCII spaces between words.
func isClean(s string) bool {
	prevSpace := true // at the start, a space would be leading
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ':
				if prevSpace {
					return false
				}
				prevSpace = true
			case '\t', '\n', '\v', '\f', '\r':
				return false
			default:
				prevSpace = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isSpace(r) {
			return false
		}
		prevSpace = false
		i += n
	}
	return !prevSpace || s == ""
}

// cleanAuthor cleans an author name and drops a leading "By".
func cleanAuthor(s string) string {
	s = clean(s)
	if len(s) > 3 && strings.EqualFold(s[:3], "by ") {
		s = strings.TrimSpace(s[3:])
	}
	return s
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "www.") || strings.HasPrefix(l, "//")
}

// joinNames joins the distinct non-empty names with ", ".
func joinNames(ns []string) string {
	var out []string
	seen := map[string]bool{}
	for _, n := range ns {
		k := strings.ToLower(n)
		if n == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	return strings.Join(out, ", ")
}

func first(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

// titleSeps separate a page title from the site name after it.
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " // "}

// cutOutlet removes a trailing " | Outlet" (or " - Outlet", …) from title.
func cutOutlet(title, outlet string) string {
	if outlet == "" {
		return title
	}
	for _, sep := range titleSeps {
		suf := sep + outlet
		if len(title) > len(suf) && strings.EqualFold(title[len(title)-len(suf):], suf) {
			return strings.TrimSpace(title[:len(title)-len(suf)])
		}
	}
	return title
}
