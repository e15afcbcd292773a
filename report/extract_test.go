package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/olekukonko/tablewriter/pkg/twwidth"

	"quotecheck/article"
	"quotecheck/attrib"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata (read the diff before committing it)")

// sample returns a small Extract built from hand-made articles and quotes:
// two articles (the second read from standard input, with no quotes) and
// one input error. testdata/extract.json is its JSON form, written by hand.
func sample(t *testing.T) *Extract {
	t.Helper()
	text := "\"We need <more> & better\" Miller said.\nThe mines, termed a \"non-persistent\" kind, arrive soon.\n"
	a1 := mustText(t, text)
	a1.Source, a1.Outlet = "news/one.txt", "The Daily"
	a1.Title, a1.Author, a1.Published = "Mines for Kyiv", "A. Writer", "2024-11-19T10:00:00Z"
	a2 := mustText(t, "Nothing quoted.")
	a2.Source, a2.Outlet = "-", "stdin"
	qs := []attrib.Quote{
		{
			Words: span(t, text, "We need <more> & better", 0), Kind: attrib.Statement,
			Speaker: "Matthew Miller", SpeakerTitle: "State Department spokesperson",
			SpeakerKind: attrib.Person, Cue: "said",
		},
		{Words: span(t, text, "non-persistent", 0), Kind: attrib.Term, Paragraph: 1},
	}
	return NewExtract([]*article.Article{a1, a2}, [][]attrib.Quote{qs}, []InputError{{Source: "news/bad.txt", Error: "not valid UTF-8"}})
}

// many returns an Extract with n articles of q quotes each, with texts
// long enough to wrap, a speaker with a title and a relaying outlet, and
// characters that need escaping in Markdown and quoting in CSV.
func many(n, q int) *Extract {
	r := NewExtract(nil, nil, nil)
	for i := range n {
		a := Article{Source: fmt.Sprintf("dir/%03d.txt", i), Outlet: fmt.Sprintf("outlet %d", i), Quotes: []Quote{}}
		for j := range q {
			a.Quotes = append(a.Quotes, Quote{
				ID:           fmt.Sprintf("a%d.q%d", i+1, j+1),
				Text:         strings.Repeat("words, \"quoted\" | piped and long ", j%4+1) + "end\nsecond paragraph 漢字",
				Kind:         []string{"statement", "fragment", "term"}[j%3],
				Speaker:      "Harbor Authority chief engineer Priya Raman-Featherstonehaugh",
				SpeakerTitle: "chief engineer",
				SpeakerKind:  "person",
				Cue:          "according to",
				Via:          "The Washington Post",
				Paragraph:    j,
				Start:        j * 100,
				End:          j*100 + 50,
			})
		}
		r.Articles = append(r.Articles, a)
	}
	return r
}

func TestExtractJSONGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := ExtractJSON(&buf, sample(t), Options{}); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "extract.json")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("JSON differs from %s:\ngot:\n%s\nwant:\n%s", golden, buf.Bytes(), want)
	}
}

func TestExtractJSONContract(t *testing.T) {
	tests := []struct {
		name string
		r    *Extract
	}{
		{"sample", sample(t)},
		{"zero value", &Extract{}},
		{"article with nil quotes", &Extract{Articles: []Article{{Source: "x"}}}},
		{"many", many(3, 4)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := ExtractJSON(&buf, tt.r, Options{}); err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(buf.Bytes(), []byte("null")) {
				t.Errorf("JSON holds a null:\n%s", buf.Bytes())
			}
			var back Extract
			dec := json.NewDecoder(bytes.NewReader(buf.Bytes()))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&back); err != nil {
				t.Fatalf("decode: %v", err)
			}
			if back.QuoteCount() != tt.r.QuoteCount() || len(back.Articles) != len(tt.r.Articles) || len(back.Errors) != len(tt.r.Errors) {
				t.Errorf("round trip changed the counts: got %d articles %d quotes %d errors", len(back.Articles), back.QuoteCount(), len(back.Errors))
			}
			// Field order is the contract's: check each object's keys.
			var raw struct {
				Articles []json.RawMessage `json:"articles"`
			}
			if err := json.Unmarshal(buf.Bytes(), &raw); err != nil {
				t.Fatal(err)
			}
			if got := topKeys(t, buf.Bytes()); strings.Join(got, ",") != "articles,errors" {
				t.Errorf("top-level keys = %v, want articles, errors", got)
			}
			for _, a := range raw.Articles {
				if got, want := strings.Join(topKeys(t, a), ","), "source,outlet,title,author,published,quotes"; got != want {
					t.Errorf("article keys = %s, want %s", got, want)
				}
				var quotes struct {
					Quotes []json.RawMessage `json:"quotes"`
				}
				if err := json.Unmarshal(a, &quotes); err != nil {
					t.Fatal(err)
				}
				for _, q := range quotes.Quotes {
					want := "id,text,kind,speaker,speaker_title,speaker_kind,cue,via,paragraph,start,end"
					if got := strings.Join(topKeys(t, q), ","); got != want {
						t.Errorf("quote keys = %s, want %s", got, want)
					}
				}
			}
		})
	}
}

// topKeys returns the keys of the JSON object in data, in written order.
func topKeys(t *testing.T, data []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %.40s", data)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

func TestExtractCSV(t *testing.T) {
	tests := []struct {
		name string
		r    *Extract
	}{
		{"sample", sample(t)},
		{"no articles", NewExtract(nil, nil, nil)},
		{"quotes with commas, marks, pipes and line breaks", many(2, 5)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := ExtractCSV(&buf, tt.r, Options{}); err != nil {
				t.Fatal(err)
			}
			rows, err := csv.NewReader(&buf).ReadAll()
			if err != nil {
				t.Fatalf("output is not CSV: %v", err)
			}
			if len(rows) == 0 || strings.Join(rows[0], ",") != "source,outlet,id,kind,speaker,speaker_title,speaker_kind,cue,via,paragraph,start,end,text" {
				t.Fatalf("header = %v", rows[:min(1, len(rows))])
			}
			if got, want := len(rows)-1, tt.r.QuoteCount(); got != want {
				t.Fatalf("%d quote rows, want %d", got, want)
			}
			i := 1
			for _, a := range tt.r.Articles {
				for _, q := range a.Quotes {
					row := rows[i]
					i++
					want := []string{a.Source, a.Outlet, q.ID, q.Kind, q.Speaker, q.SpeakerTitle, q.SpeakerKind,
						q.Cue, q.Via, fmt.Sprint(q.Paragraph), fmt.Sprint(q.Start), fmt.Sprint(q.End), q.Text}
					if strings.Join(row, "\x00") != strings.Join(want, "\x00") {
						t.Errorf("row %d = %q, want %q", i-1, row, want)
					}
				}
			}
		})
	}
}

// unescapedPipe matches a | that is not escaped by a backslash.
var unescapedPipe = regexp.MustCompile(`(^|[^\\])(\\\\)*\|`)

func TestExtractMarkdown(t *testing.T) {
	tests := []struct {
		name string
		r    *Extract
	}{
		{"sample", sample(t)},
		{"pipes and line breaks in quotes", many(3, 4)},
		{"no articles", NewExtract(nil, nil, []InputError{{Source: "a`b.txt", Error: "x | y"}})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := ExtractMarkdown(&buf, tt.r, Options{}); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			var headings, tables, rows int
			for _, l := range lines {
				switch {
				case strings.HasPrefix(l, "## ") && l != "## Could not read":
					headings++
				case strings.HasPrefix(l, "| # "):
					tables++
				case strings.HasPrefix(l, "|:") || strings.HasPrefix(l, "| :") || strings.HasPrefix(l, "|-"):
					// the delimiter row
				case strings.HasPrefix(l, "|"):
					rows++
				}
				if strings.HasPrefix(l, "|") {
					// Every table line has exactly 6 unescaped pipes: 5 columns.
					if n := len(unescapedPipe.FindAllStringIndex(l, -1)); n != 6 {
						t.Errorf("%d unescaped pipes in %q, want 6", n, l)
					}
				}
			}
			if headings != len(tt.r.Articles) || tables != len(tt.r.Articles) {
				t.Errorf("%d headings and %d tables for %d articles:\n%s", headings, tables, len(tt.r.Articles), out)
			}
			if rows != tt.r.QuoteCount() {
				t.Errorf("%d table rows for %d quotes:\n%s", rows, tt.r.QuoteCount(), out)
			}
			for _, a := range tt.r.Articles {
				if !strings.Contains(out, "## `"+a.Source+"`") {
					t.Errorf("no heading for %s", a.Source)
				}
			}
			for _, e := range tt.r.Errors {
				if !strings.Contains(out, markdownCode(e.Source)) {
					t.Errorf("input error %s not listed", e.Source)
				}
			}
			if strings.Contains(out, "\x1b[") {
				t.Errorf("Markdown holds ANSI escapes")
			}
		})
	}
}

func TestExtractTable(t *testing.T) {
	tests := []struct {
		name  string
		r     *Extract
		width int
	}{
		{"sample at 120", sample(t), 120},
		{"many at 80", many(2, 6), 80},
		{"many at 60", many(2, 6), 60},
		{"many at the default width", many(1, 3), 0},
		{"errors only", NewExtract(nil, nil, []InputError{{Source: "x.txt", Error: "binary file"}}), 80},
	}
	for _, tt := range tests {
		for _, color := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s color=%v", tt.name, color), func(t *testing.T) {
				var buf bytes.Buffer
				if err := ExtractTable(&buf, tt.r, Options{Width: tt.width, Color: color}); err != nil {
					t.Fatal(err)
				}
				out := buf.String()
				if got := strings.Contains(out, "\x1b["); got != color {
					t.Errorf("ANSI escapes present = %v, want %v", got, color)
				}
				limit := tt.width
				if limit == 0 {
					limit = DefaultWidth
				}
				for _, l := range strings.Split(out, "\n") {
					if w := twwidth.Width(l); w > limit {
						t.Errorf("line %d columns wide, limit %d: %s", w, limit, l)
					}
				}
				for _, a := range tt.r.Articles {
					if !strings.Contains(out, articleHeading(a)) {
						t.Errorf("no heading %q", articleHeading(a))
					}
					for _, q := range a.Quotes {
						// Every word of every quote is shown, in order.
						if !containsWordsInOrder(stripANSI(out), strings.Fields(q.Text)) {
							t.Errorf("quote %s not shown whole", q.ID)
						}
					}
				}
				for _, e := range tt.r.Errors {
					if !strings.Contains(out, e.Source+": "+e.Error) {
						t.Errorf("input error %s not listed", e.Source)
					}
				}
				lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
				if last := stripANSI(lines[len(lines)-1]); last != summary(tt.r) {
					t.Errorf("last line = %q, want the summary %q", last, summary(tt.r))
				}
			})
		}
	}
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

func stripANSI(s string) string { return ansi.ReplaceAllString(s, "") }

// containsWordsInOrder reports whether each word appears in s after the
// previous one.
func containsWordsInOrder(s string, words []string) bool {
	for _, w := range words {
		i := strings.Index(s, w)
		if i < 0 {
			return false
		}
		s = s[i+len(w):]
	}
	return true
}

func TestSummary(t *testing.T) {
	tests := []struct {
		name string
		r    *Extract
		want string
	}{
		{"empty", NewExtract(nil, nil, nil), "0 articles, 0 quotes (0 statements, 0 fragments, 0 terms)"},
		{"sample", sample(t), "2 articles, 2 quotes (1 statement, 0 fragments, 1 term), 1 input not read"},
		{"many", many(2, 4), "2 articles, 8 quotes (4 statements, 2 fragments, 2 terms)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := summary(tt.r); got != tt.want {
				t.Errorf("summary = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestExtractRenderer(t *testing.T) {
	for _, name := range Formats {
		if f, err := ExtractRenderer(name); err != nil || f == nil {
			t.Errorf("ExtractRenderer(%q) = %v, %v; want a renderer", name, f, err)
		}
	}
	tests := []struct{ name, format string }{
		{"unknown", "xml"},
		{"empty", ""},
		{"wrong case", "JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ExtractRenderer(tt.format)
			want := fmt.Sprintf("unknown format %q (want table, json, csv or markdown)", tt.format)
			if err == nil || err.Error() != want {
				t.Errorf("error = %v, want %q", err, want)
			}
		})
	}
}

// failWriter fails every write after the first n bytes.
type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		return 0, fmt.Errorf("disk full")
	}
	f.n -= len(p)
	return len(p), nil
}

func TestRenderersReportWriteErrors(t *testing.T) {
	for _, name := range Formats {
		for _, after := range []int{0, 10, 200} {
			t.Run(fmt.Sprintf("%s after %d bytes", name, after), func(t *testing.T) {
				f, _ := ExtractRenderer(name)
				if err := f(&failWriter{n: after}, many(2, 3), Options{}); err == nil {
					t.Errorf("no error from a failing writer")
				}
			})
		}
	}
}
