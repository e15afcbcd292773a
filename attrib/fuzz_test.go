package attrib_test

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"quotecheck/article"
	"quotecheck/attrib"
)

// FuzzFind checks the finder's invariants on any text: no panic; every
// quote's spans lie inside the text, in order, without overlapping; the
// words lie inside the marks; a speaker mention and a cue lie outside the
// words; the words are valid UTF-8 when the text is.
func FuzzFind(f *testing.F) {
	seeds, _ := filepath.Glob("../fixtures/*/*.txt")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil && utf8.Valid(data) {
			f.Add(string(data))
		}
	}
	for _, s := range []string{
		`"Open and never closed, he said.`,
		"“Nested ‘single’ and \"straight\",” she said, “again.”",
		"‘Tis the ’90s, rock ’n’ roll, residents’ ‘view’.",
		"«Bonjour» — Jean, mayor\n\n“A\n\n“B\n\n“C”",
		`"" '' “” ‘’ «»`,
		"Mr. Smith said: \"x\" — ,said, \"y\" according to",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a, err := article.FromText("fuzz.txt", []byte(text))
		if err != nil {
			return
		}
		quotes, problems := attrib.Find(a)
		n := len(a.Text)
		prevEnd := 0
		for i, q := range quotes {
			if q.Outer.Start < prevEnd {
				t.Fatalf("quote %d at %d overlaps the one before, ending at %d", i, q.Outer.Start, prevEnd)
			}
			prevEnd = q.Outer.End
			if !(0 <= q.Outer.Start && q.Outer.Start <= q.Words.Start && q.Words.Start <= q.Words.End && q.Words.End <= q.Outer.End && q.Outer.End <= n) {
				t.Fatalf("quote %d spans out of order or bounds: words %v outer %v, text %d bytes", i, q.Words, q.Outer, n)
			}
			if q.Paragraph < 0 || q.Paragraph >= len(a.Paragraphs) {
				t.Fatalf("quote %d paragraph %d out of range", i, q.Paragraph)
			}
			if !utf8.ValidString(a.Text[q.Words.Start:q.Words.End]) {
				t.Fatalf("quote %d words cut a character: %q", i, a.Text[q.Words.Start:q.Words.End])
			}
			for _, s := range []article.Span{q.SpeakerSpan, q.CueSpan} {
				if s.IsZero() {
					continue
				}
				if s.Start < 0 || s.End > n || s.Start > s.End {
					t.Fatalf("quote %d mention %v out of bounds", i, s)
				}
				if s.Start < q.Words.End && q.Words.Start < s.End {
					t.Fatalf("quote %d mention %v lies inside its words %v", i, s, q.Words)
				}
			}
			if (q.Speaker == "") != (q.SpeakerKind == attrib.NoSpeaker) {
				t.Fatalf("quote %d speaker %q with kind %s", i, q.Speaker, q.SpeakerKind)
			}
		}
		for _, p := range problems {
			if p.Pos < 0 || p.Pos >= n {
				t.Fatalf("problem at %d out of bounds", p.Pos)
			}
		}
	})
}
