package polnear

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"quotecheck/article"
	"quotecheck/attrib"
)

func TestMatches(t *testing.T) {
	tests := []struct {
		name string
		w, g article.Span
		want bool
	}{
		{name: "same span", w: article.Span{Start: 3, End: 9}, g: article.Span{Start: 3, End: 9}, want: true},
		{name: "half of the longer exactly", w: article.Span{Start: 0, End: 10}, g: article.Span{Start: 5, End: 10}, want: true},
		{name: "under half of the longer", w: article.Span{Start: 0, End: 10}, g: article.Span{Start: 6, End: 10}, want: false},
		{name: "gold longer, found inside it", w: article.Span{Start: 0, End: 4}, g: article.Span{Start: 0, End: 9}, want: false},
		{name: "shifted by two", w: article.Span{Start: 2, End: 12}, g: article.Span{Start: 0, End: 10}, want: true},
		{name: "disjoint", w: article.Span{Start: 0, End: 5}, g: article.Span{Start: 5, End: 10}, want: false},
		{name: "both empty", w: article.Span{}, g: article.Span{}, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Matches(tt.w, tt.g); got != tt.want {
				t.Errorf("Matches(%v, %v) = %v, want %v", tt.w, tt.g, got, tt.want)
			}
		})
	}
}

func TestHeads(t *testing.T) {
	tests := []struct {
		source string
		want   []string
	}{
		{"Hillary Clinton", []string{"Clinton"}},
		{"a senior official", []string{"official"}},
		{"Sen. Jane Doe (D-Ore.)", []string{"Doe"}},
		{"Deputy Mayor John Q. Public Jr.", []string{"Public"}},
		{"Ana Ruiz, a lawyer in Miami,", []string{"Ruiz", "Miami"}},
		{"Her old partner, Lee B. Ng,", []string{"partner", "Ng"}},
		{"Ruiz’s", []string{"Ruiz"}},
		{"the governor's", []string{"governor"}},
		{"he", []string{"he"}},
		{"(AP)", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.source, func(t *testing.T) {
			if got := Heads(tt.source); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Heads(%q) = %q, want %q", tt.source, got, tt.want)
			}
		})
	}
}

func TestSpeakerAgrees(t *testing.T) {
	// Sources name spans of a notional text; only SpeakerSpan is compared
	// with them.
	src := func(text string, start int) []Source {
		return []Source{{Relation: "E1", Spans: []article.Span{{Start: start, End: start + len(text)}}, Text: text}}
	}
	tests := []struct {
		name    string
		speaker string
		span    article.Span
		sources []Source
		want    bool
		reason  string
	}{
		{name: "speaker span overlaps the source", speaker: "Someone Else", span: article.Span{Start: 12, End: 14}, sources: src("he", 12), want: true,
			reason: "a pronoun source agrees with a finder that read its speaker from that pronoun"},
		{name: "head in a fuller name", speaker: "Hillary Rodham Clinton", sources: src("Hillary Clinton", 0), want: true},
		{name: "head is the whole found name", speaker: "Clinton", sources: src("Hillary Clinton", 0), want: true},
		{name: "unnamed source", speaker: "a senior administration official", sources: src("a senior official", 0), want: true},
		{name: "head ignores case", speaker: "the Spokesman", sources: src("a spokesman", 0), want: true},
		{name: "parenthesised party dropped", speaker: "Jane Doe", sources: src("Sen. Jane Doe (D-Ore.)", 0), want: true},
		{name: "name after an appositive", speaker: "Lee Ng", sources: src("Her old partner, Lee B. Ng,", 0), want: true},
		{name: "name suffix passed over", speaker: "John Public", sources: src("Deputy Mayor John Q. Public Jr.", 0), want: true},
		{name: "possessive source", speaker: "Ana Ruiz", sources: src("Ruiz’s", 0), want: true},
		{name: "whole text when there is no head", speaker: "an (AP) reporter", sources: src("(AP)", 0), want: true},
		{name: "pronoun inside a longer word", speaker: "Stephen Hale", sources: src("he", 50), want: false,
			reason: "the head must match a whole word"},
		{name: "different person", speaker: "Mark Twain", span: article.Span{Start: 0, End: 4}, sources: src("Hillary Clinton", 10), want: false},
		{name: "no speaker", sources: src("Hillary Clinton", 0), want: false},
		{name: "no sources", speaker: "Hillary Clinton", want: false},
		{name: "second source agrees", speaker: "Zoë Ødegård", sources: append(src("she", 0), src("Señora Zoë Ødegård", 9)...), want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := attrib.Quote{Speaker: tt.speaker, SpeakerSpan: tt.span}
			if got := SpeakerAgrees(q, tt.sources); got != tt.want {
				t.Errorf("SpeakerAgrees(%q, %v) = %v, want %v %s", tt.speaker, tt.sources, got, tt.want, tt.reason)
			}
		})
	}
}

// found describes a quote a fake finder returns: its words, kind and
// speaker, spans given as substrings of the test text.
type found struct {
	words   string // substring of the text (first occurrence), or "" with start/end
	start   int    // byte offset where words is sought from
	cut     int    // bytes dropped from the end of words
	kind    attrib.Kind
	speaker string
	mention string // substring naming the speaker mention; "" for none
}

// fakeFinder returns a Finder that gives the quotes fs for any article.
func fakeFinder(t *testing.T, text string, fs []found) Finder {
	t.Helper()
	var quotes []attrib.Quote
	for _, f := range fs {
		i := strings.Index(text[f.start:], f.words)
		if i < 0 {
			t.Fatalf("%q not in the test text", f.words)
		}
		i += f.start
		q := attrib.Quote{Words: article.Span{Start: i, End: i + len(f.words) - f.cut}, Kind: f.kind, Speaker: f.speaker}
		if f.speaker != "" {
			q.SpeakerKind = attrib.Person
		}
		if f.mention != "" {
			j := strings.Index(text, f.mention)
			q.SpeakerSpan = article.Span{Start: j, End: j + len(f.mention)}
		}
		quotes = append(quotes, q)
	}
	return func(*article.Article) ([]attrib.Quote, []attrib.Problem) { return quotes, nil }
}

func TestScore(t *testing.T) {
	d := testDoc(t)
	c, err := Build(d)
	if err != nil {
		t.Fatal(err)
	}
	// The gold quotes of testDoc: "We will rebuild the bridge," (she,
	// Señora Zoë Ødegård), "It is not over," and "but the money is there."
	// (the mayor's aide), "done deal" (no source), and the quotation over
	// two paragraphs (Ødegård).
	type counts struct {
		Found, Partial, Checked, Right, WrongPronoun, NoSource, NoSourceSpeaker, Statements, OnGold int
		Items                                                                                       string // classes of the items, in order
	}
	tests := []struct {
		name   string
		quotes []found
		want   counts
		reason string
	}{
		{
			name:   "nothing found",
			want:   counts{Items: "missed missed missed missed missed"},
			reason: "every gold quote is missed and nothing overlaps",
		},
		{
			name: "everything found and attributed",
			quotes: []found{
				{words: "We will rebuild the bridge,", kind: attrib.Statement, speaker: "Zoë Ødegård"},
				{words: "It is not over,", kind: attrib.Statement, speaker: "the aide"},
				{words: "but the money is there.", kind: attrib.Statement, speaker: "the mayor’s aide"},
				{words: "done deal", kind: attrib.Term},
				{words: "The first paragraph runs on.\n\n“The second ends it,", kind: attrib.Statement, speaker: "Señora Zoë Ødegård"},
			},
			want: counts{Found: 5, Checked: 4, Right: 4, NoSource: 1, Statements: 4, OnGold: 4},
		},
		{
			name: "half of the longer span is enough, less is a partial miss",
			quotes: []found{
				{words: "We will rebuild the bridge,", cut: 14, kind: attrib.Fragment, speaker: "Ødegård"}, // 13 of 27 bytes
				{words: "It is not over,", cut: 7, kind: attrib.Fragment, speaker: "aide"},                 // 8 of 15 bytes
			},
			want: counts{Found: 1, Partial: 1, Checked: 1, Right: 1, Items: "missed missed missed missed"},
		},
		{
			name: "wrong speakers, one of them a pronoun source",
			quotes: []found{
				{words: "We will rebuild the bridge,", kind: attrib.Statement, speaker: "Mark Twain"},
				{words: "It is not over,", kind: attrib.Statement, speaker: "Zoë Ødegård", mention: "Señora Zoë Ødegård"},
				{words: "but the money is there.", kind: attrib.Statement, speaker: "Ødegård", mention: "the mayor’s aide"},
			},
			want:   counts{Found: 3, Checked: 3, Right: 1, Statements: 3, OnGold: 3, Items: "speaker speaker missed missed"},
			reason: "the first has sources she and Señora Zoë Ødegård, so it is not all pronouns; the third agrees through its mention",
		},
		{
			name: "most of a quotation over two paragraphs, wrong speaker",
			quotes: []found{
				{words: "The first paragraph runs on.", kind: attrib.Statement, speaker: "Mark Twain"},
			},
			want:   counts{Found: 1, Checked: 1, Statements: 1, OnGold: 1, Items: "missed missed missed missed speaker"},
			reason: "the first paragraph holds 28 of the 53 bytes of the quotation",
		},
		{
			name: "no gold source but a speaker given",
			quotes: []found{
				{words: "done deal", kind: attrib.Term, speaker: "the residents’ council"},
			},
			want: counts{Found: 1, NoSource: 1, NoSourceSpeaker: 1, Items: "missed missed missed missed"},
		},
		{
			name: "extra quotes",
			quotes: []found{
				{words: "spoke first", kind: attrib.Statement},
				{words: "nobody objected", kind: attrib.Term},
				{words: "We will rebuild the bridge,", kind: attrib.Statement, speaker: "she", mention: "she"},
			},
			want:   counts{Found: 1, Checked: 1, Right: 1, Statements: 2, OnGold: 1, Items: "missed missed missed missed extra extra"},
			reason: "a found quote that overlaps no gold quote is extra whatever its kind; only statements count towards precision",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score([]*Case{c}, fakeFinder(t, d.Text, tt.quotes))
			var classes []string
			for _, it := range r.Items {
				classes = append(classes, it.Class.String())
			}
			got := counts{r.Found, r.Partial, r.SpeakerChecked, r.SpeakerRight, r.WrongPronoun, r.NoSource, r.NoSourceSpeaker,
				r.Statements, r.StatementsOnGold, strings.Join(classes, " ")}
			if got != tt.want {
				t.Errorf("Score:\n got %+v\nwant %+v\n%s", got, tt.want, tt.reason)
			}
			if r.Articles != 1 || r.Gold != 5 || r.GoldWithSource != 4 || r.Quotes != len(tt.quotes) {
				t.Errorf("Articles, Gold, GoldWithSource, Quotes = %d, %d, %d, %d; want 1, 5, 4, %d",
					r.Articles, r.Gold, r.GoldWithSource, r.Quotes, len(tt.quotes))
			}
			sum := 0
			for _, n := range r.FoundByKind {
				sum += n
			}
			if sum != r.Found {
				t.Errorf("FoundByKind adds up to %d, Found is %d", sum, r.Found)
			}
		})
	}
}

func TestScoreWrongPronoun(t *testing.T) {
	text := "“We are done,” he said. Later Ana Ruiz left."
	d := &Doc{ID: "p", Text: text, Relations: []Relation{{
		ID: "E1", Source: []Piece{piece(t, text, "he", 0)}, Content: []Piece{piece(t, text, "“We are done,”", 0)},
	}}}
	c, err := Build(d)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		quote    found
		right    int
		pronouns int
	}{
		{name: "named from another mention", quote: found{words: "We are done,", speaker: "Ana Ruiz", mention: "Ana Ruiz"}, right: 0, pronouns: 1},
		{name: "read from the pronoun", quote: found{words: "We are done,", speaker: "Ana Ruiz", mention: "he"}, right: 1, pronouns: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score([]*Case{c}, fakeFinder(t, text, []found{tt.quote}))
			if r.SpeakerRight != tt.right || r.WrongPronoun != tt.pronouns {
				t.Errorf("SpeakerRight, WrongPronoun = %d, %d; want %d, %d", r.SpeakerRight, r.WrongPronoun, tt.right, tt.pronouns)
			}
		})
	}
}

func TestResultRatios(t *testing.T) {
	r := &Result{Gold: 8, Found: 6, SpeakerChecked: 4, SpeakerRight: 3, Statements: 0}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"recall", r.Recall(), 0.75},
		{"speaker accuracy", r.SpeakerAccuracy(), 0.75},
		{"precision with no statements", r.StatementPrecision(), 0},
	} {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestWriteTable(t *testing.T) {
	r := &Result{
		Articles: 2, Gold: 8, GoldWithSource: 6, Quotes: 9, Found: 6, SpeakerChecked: 4, SpeakerRight: 3,
		Statements: 5, StatementsOnGold: 4,
		ByKind:      map[attrib.Kind]int{attrib.Statement: 5, attrib.Fragment: 3, attrib.Term: 1},
		FoundByKind: map[attrib.Kind]int{attrib.Statement: 4, attrib.Fragment: 2},
	}
	var b bytes.Buffer
	if err := WriteTable(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range [][]string{
		{"recall", "6", "8", "75.0"},
		{"matched by a statement", "4", "8", "50.0"},
		{"matched by a fragment", "2", "8", "25.0"},
		{"speaker accuracy", "3", "4", "75.0"},
		{"statement precision (rough)", "4", "5", "80.0"},
	} {
		if !hasRow(out, want) {
			t.Errorf("table has no row %q:\n%s", want, out)
		}
	}
}

// hasRow reports whether a line of table holds the cells in order.
func hasRow(table string, cells []string) bool {
	for _, line := range strings.Split(table, "\n") {
		var got []string
		for _, f := range strings.Split(line, "│") {
			if f = strings.TrimSpace(f); f != "" {
				got = append(got, f)
			}
		}
		if fmt.Sprint(got) == fmt.Sprint(cells) {
			return true
		}
	}
	return false
}
