package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// encodeArticleStdlib is what AppendArticleJSON must write: a by
// encoding/json, indented as an element of ExtractJSON's "articles".
func encodeArticleStdlib(t testing.TB, a Article) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("    ", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(a); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// trickyStrings are strings whose JSON form has escapes or is easy to get
// wrong.
var trickyStrings = []string{
	"",
	"plain words",
	`"quoted" and back\slash`,
	"<b>&amp;</b> > <",
	"tab\there, line\nbreak, return\r, backspace\b, form feed\f",
	"\x00\x01\x1f\x7f",
	"line separator \u2028 and paragraph separator \u2029",
	"invalid \xff byte, truncated \xe2\x80 rune, overlong \xc0\xaf, surrogate \xed\xa0\x80",
	"“curly” ‘quotes’ — dashes … and emoji 😀",
	"\ufffd already a replacement character",
	"ends in a lone byte \xe2",
}

func TestAppendArticleJSON(t *testing.T) {
	quote := func(s string) Quote {
		return Quote{ID: "a1.q1", Text: s, Kind: "statement", Speaker: s, SpeakerTitle: s,
			SpeakerKind: "person", Cue: s, Via: s, Paragraph: 3, Start: 120, End: -4}
	}
	tests := []struct {
		name string
		a    Article
	}{
		{name: "no quotes", a: Article{Source: "a.txt", Outlet: "X", Quotes: []Quote{}}},
		{name: "nil quotes", a: Article{Source: "a.txt"}},
		{name: "one quote", a: Article{Source: "feed.jsonl:3", Outlet: "Daily", Title: "T", Author: "A B", Published: "2024-01-02", Quotes: []Quote{quote("words")}}},
		{name: "two quotes", a: Article{Source: "s", Quotes: []Quote{quote("one"), quote("two")}}},
	}
	for i, s := range trickyStrings {
		tests = append(tests, struct {
			name string
			a    Article
		}{name: "tricky " + string(rune('a'+i)), a: Article{Source: s, Outlet: s, Title: s, Author: s, Published: s, Quotes: []Quote{quote(s), quote(s + s)}}})
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := AppendArticleJSON([]byte("keep"), tc.a)
			want := append([]byte("keep"), encodeArticleStdlib(t, tc.a)...)
			if !bytes.Equal(got, want) {
				t.Errorf("AppendArticleJSON wrote\n%s\nencoding/json writes\n%s", got, want)
			}
		})
	}
}

// TestAppendJSONStringEveryByte compares every one-byte string, and every
// byte inside text, with encoding/json.
func TestAppendJSONStringEveryByte(t *testing.T) {
	for b := 0; b < 256; b++ {
		for _, s := range []string{string([]byte{byte(b)}), "a" + string([]byte{byte(b)}) + "é"} {
			checkJSONString(t, s)
		}
	}
}

func checkJSONString(t *testing.T, s string) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	want := strings.TrimSuffix(buf.String(), "\n")
	if got := string(appendJSONString(nil, s)); got != want {
		t.Errorf("appendJSONString(%q) = %s, encoding/json writes %s", s, got, want)
	}
}

func FuzzAppendArticleJSON(f *testing.F) {
	for _, s := range trickyStrings {
		f.Add(s, s, 1, 2)
	}
	f.Fuzz(func(t *testing.T, s1, s2 string, n1, n2 int) {
		checkJSONString(t, s1)
		a := Article{Source: s1, Outlet: s2, Title: s1 + s2, Author: s2, Published: s1,
			Quotes: []Quote{{ID: s2, Text: s1, Kind: s2, Speaker: s1, Paragraph: n1, Start: n2, End: n1 - n2}}}
		if n1%3 == 0 {
			a.Quotes = nil
		}
		got := AppendArticleJSON(nil, a)
		if want := encodeArticleStdlib(t, a); !bytes.Equal(got, want) {
			t.Errorf("AppendArticleJSON wrote\n%s\nencoding/json writes\n%s", got, want)
		}
	})
}
