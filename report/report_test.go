package report

import (
	"strings"
	"testing"

	"quotecheck/article"
	"quotecheck/attrib"
)

// span returns the span of the n-th (from 0) occurrence of sub in text; it
// fails the test if there is none.
func span(t *testing.T, text, sub string, n int) article.Span {
	t.Helper()
	from := 0
	for {
		i := strings.Index(text[from:], sub)
		if i < 0 {
			t.Fatalf("%q not found %d times in %q", sub, n+1, text)
		}
		if n == 0 {
			return article.Span{Start: from + i, End: from + i + len(sub)}
		}
		n--
		from += i + len(sub)
	}
}

func mustText(t *testing.T, text string) *article.Article {
	t.Helper()
	a, err := article.FromText("test.txt", []byte(text))
	if err != nil {
		t.Fatalf("FromText: %v", err)
	}
	return a
}

func TestQuoteText(t *testing.T) {
	multi := "He said:\n“The first part goes on,\n“and the second part goes on,\n\n“ and the end.”\nAfter."
	tests := []struct {
		name  string
		text  string
		words func(t *testing.T, text string) article.Span
		want  string
	}{
		{
			name:  "one paragraph",
			text:  "Intro.\n\"We will win,\" she said.\n",
			words: func(t *testing.T, s string) article.Span { return span(t, s, "We will win,", 0) },
			want:  "We will win,",
		},
		{
			name: "three paragraphs with curly continuation marks and a blank line",
			text: multi,
			words: func(t *testing.T, s string) article.Span {
				return article.Span{Start: span(t, s, "The first", 0).Start, End: span(t, s, "the end.", 0).End}
			},
			want: "The first part goes on,\nand the second part goes on,\nand the end.",
		},
		{
			name: "straight continuation mark",
			text: "\"One,\n\"two.\"",
			words: func(t *testing.T, s string) article.Span {
				return article.Span{Start: 1, End: span(t, s, "two.", 0).End}
			},
			want: "One,\ntwo.",
		},
		{
			name: "continuation paragraph without a mark keeps its first word",
			text: "\"One,\ntwo.\"",
			words: func(t *testing.T, s string) article.Span {
				return article.Span{Start: 1, End: span(t, s, "two.", 0).End}
			},
			want: "One,\ntwo.",
		},
		{
			name:  "empty span",
			text:  "Nothing here.",
			words: func(*testing.T, string) article.Span { return article.Span{Start: 3, End: 3} },
			want:  "",
		},
		{
			name:  "reversed span",
			text:  "Nothing here.",
			words: func(*testing.T, string) article.Span { return article.Span{Start: 8, End: 3} },
			want:  "",
		},
		{
			name:  "span past the end is clamped",
			text:  "abc \"def",
			words: func(*testing.T, string) article.Span { return article.Span{Start: 5, End: 500} },
			want:  "def",
		},
		{
			name:  "negative start is clamped",
			text:  "abc",
			words: func(*testing.T, string) article.Span { return article.Span{Start: -4, End: 2} },
			want:  "ab",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustText(t, tt.text)
			q := attrib.Quote{Words: tt.words(t, tt.text)}
			if got := QuoteText(a, q); got != tt.want {
				t.Errorf("QuoteText = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNewExtract(t *testing.T) {
	a1 := mustText(t, "\"One,\" he said. \"Two.\"")
	a2 := mustText(t, "No quotes.")
	a3 := mustText(t, "She called it \"insane\".")
	q1 := []attrib.Quote{
		{Words: span(t, a1.Text, "One,", 0), Speaker: "He", SpeakerKind: attrib.Person, Cue: "said"},
		{Words: span(t, a1.Text, "Two.", 0), Kind: attrib.Fragment, Paragraph: 0},
	}
	q3 := []attrib.Quote{{Words: span(t, a3.Text, "insane", 0), Kind: attrib.Term}}
	errs := []InputError{{Source: "bad.txt", Error: "not valid UTF-8"}}

	r := NewExtract([]*article.Article{a1, a2, a3}, [][]attrib.Quote{q1, nil, q3}, errs)

	if len(r.Articles) != 3 {
		t.Fatalf("got %d articles, want 3", len(r.Articles))
	}
	var ids, texts, kinds, speakerKinds []string
	for _, a := range r.Articles {
		if a.Quotes == nil {
			t.Errorf("%s: Quotes is nil, want an empty slice", a.Source)
		}
		for _, q := range a.Quotes {
			ids = append(ids, q.ID)
			texts = append(texts, q.Text)
			kinds = append(kinds, q.Kind)
			speakerKinds = append(speakerKinds, q.SpeakerKind)
		}
	}
	check := func(what string, got []string, want ...string) {
		t.Helper()
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s = %q, want %q", what, got, want)
		}
	}
	check("ids", ids, "a1.q1", "a1.q2", "a3.q1")
	check("texts", texts, "One,", "Two.", "insane")
	check("kinds", kinds, "statement", "fragment", "term")
	check("speaker kinds", speakerKinds, "person", "none", "none")
	if got := r.QuoteCount(); got != 3 {
		t.Errorf("QuoteCount = %d, want 3", got)
	}
	if len(r.Errors) != 1 || r.Errors[0] != errs[0] {
		t.Errorf("Errors = %v, want %v", r.Errors, errs)
	}

	// Fewer quote lists than articles means no quotes for the rest.
	short := NewExtract([]*article.Article{a1, a2}, nil, nil)
	if short.QuoteCount() != 0 || short.Errors == nil || short.Articles[1].Quotes == nil {
		t.Errorf("NewExtract with no quote lists = %+v, want two empty articles and empty errors", short)
	}
}
