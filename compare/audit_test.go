package compare

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"quotecheck/article"
	"quotecheck/attrib"
)

// A planted quote: the article holding it is built around it, so the
// test decides the quote's words and speaker and does not depend on the
// quote finder.
type planted struct {
	words   string
	speaker string
	kind    attrib.SpeakerKind
	qkind   attrib.Kind
}

// person, unnamed and org make planted statements.
func person(name, words string) planted {
	return planted{words: words, speaker: name, kind: attrib.Person}
}
func unnamed(name, words string) planted {
	return planted{words: words, speaker: name, kind: attrib.Unnamed}
}
func bare(words string) planted { return planted{words: words} }

// batchOf builds a batch with one article per element of arts, each
// holding its planted quotes one per paragraph, with a line of prose
// about a dam before each. t may be nil outside tests (benchmarks' setup).
func batchOf(t testing.TB, arts ...[]planted) *Batch {
	if t != nil {
		t.Helper()
	}
	b := &Batch{}
	for i, qs := range arts {
		var text strings.Builder
		var spans []article.Span
		for _, q := range qs {
			text.WriteString("The authority released water from the dam on Monday.\n")
			text.WriteString("\"")
			start := text.Len()
			text.WriteString(q.words)
			spans = append(spans, article.Span{Start: start, End: text.Len()})
			text.WriteString("\" someone said.\n")
		}
		if len(qs) == 0 {
			text.WriteString("Nothing was quoted.\n")
		}
		a, err := article.FromText(fmt.Sprintf("outlet%d.txt", i+1), []byte(text.String()))
		if err != nil {
			if t == nil {
				panic(err)
			}
			t.Fatal(err)
		}
		a.Outlet = fmt.Sprintf("outlet%d", i+1)
		var quotes []attrib.Quote
		for j, q := range qs {
			para := 0
			for k, p := range a.Paragraphs {
				if p.Start <= spans[j].Start && spans[j].Start < p.End {
					para = k
				}
			}
			quotes = append(quotes, attrib.Quote{
				Words:       spans[j],
				Outer:       article.Span{Start: spans[j].Start - 1, End: spans[j].End + 1},
				Paragraph:   para,
				Kind:        q.qkind,
				Speaker:     q.speaker,
				SpeakerKind: q.kind,
			})
		}
		b.Articles = append(b.Articles, a)
		b.Quotes = append(b.Quotes, quotes)
	}
	return b
}

const statement = "We are releasing water in a controlled way to take pressure off the wall of the dam."

func TestGrouping(t *testing.T) {
	tests := []struct {
		name    string
		a, b    string
		grouped bool
		reason  string
	}{
		{name: "verbatim", a: statement, b: statement, grouped: true},
		{name: "cosmetic", a: statement, b: "we are releasing water in a controlled way to take pressure off the wall of the dam", grouped: true},
		{name: "fragment", a: statement, b: "a controlled way to take pressure off the wall", grouped: true,
			reason: "one outlet quotes part of what another prints in full"},
		{name: "elided", a: statement, b: "We are releasing water … to take pressure off the wall of the dam.", grouped: true},
		{name: "bracketed", a: "They are not growing, and that is what matters to the engineers.", b: "[The cracks] are not growing, and that is what matters to the engineers.", grouped: true},
		{name: "one word changed", a: statement, b: "We are releasing water in a careful way to take pressure off the wall of the dam.", grouped: true,
			reason: "a misquote is still the same quote"},
		{name: "hyphenation", a: "The mines are non-persistent and will go inert after two weeks.", b: "The mines are nonpersistent and will go inert after two weeks.", grouped: true},
		{name: "common phrase", a: "It was a difficult decision for the whole council, but the vote was clear.", b: "Closing the river road was a difficult decision for our crews.", grouped: false,
			reason: "five words in common, less than half of the shorter"},
		{name: "little words in common", a: "The reversal of years of considered decisions by presidents to curtail the use of landmines is reckless.", b: "need to curtail the use of (anti-personnel mines) worldwide.", grouped: false,
			reason: "five of seven words in common, but only one content word in two (see overlap)"},
		{name: "unrelated", a: statement, b: "Our new electric bus fleet will cut the city's emissions by a third.", grouped: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := batchOf(t, []planted{person("Elena Varga", tt.a)}, []planted{person("Elena Varga", tt.b)})
			au := Run(b, Options{})
			if got := len(au.Groups) == 1; got != tt.grouped {
				t.Errorf("grouped = %v, want %v (%s); groups: %v", got, tt.grouped, tt.reason, au.Groups)
			}
		})
	}
}

func TestShortQuotesAndSpeakers(t *testing.T) {
	tests := []struct {
		name    string
		a, b    planted
		grouped bool
		reason  string
	}{
		{name: "term across outlets", a: bare("non-persistent"), b: bare("nonpersistent"), grouped: true},
		{name: "same short words, same person", a: person("Tomas Reyes", "a difficult decision"), b: person("Reyes", "a difficult decision"), grouped: true},
		{name: "same short words, two people", a: person("Tomas Reyes", "a difficult decision"), b: person("Daniel Okafor", "a difficult decision"), grouped: false,
			reason: "three words alike are too few to say two people said the same thing"},
		{name: "words scattered in a long quote", a: person("Tomas Reyes", "Thank you for making it possible"),
			b:       person("Tomas Reyes", "I want to thank the engineers, and you know that for making it safe nobody was paid, but it is now possible to sleep"),
			grouped: false, reason: "every word is found, but only three of them together"},
		{name: "a stock phrase", a: person("Tomas Reyes", "I think he will"), b: person("Daniel Okafor", "I think he will do it"), grouped: false,
			reason: "four words in common, but of what they say only \"think\""},
		{name: "same short words, person and unnamed", a: person("Tomas Reyes", "a difficult decision"), b: unnamed("an official", "a difficult decision"), grouped: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			au := Run(batchOf(t, []planted{tt.a}, []planted{tt.b}), Options{})
			if got := len(au.Groups) == 1; got != tt.grouped {
				t.Errorf("grouped = %v, want %v (%s)", got, tt.grouped, tt.reason)
			}
		})
	}
}

// TestUnattributedDoesNotBridge checks that short words credited to two
// people are not made one group through an outlet that prints them
// without a speaker.
func TestUnattributedDoesNotBridge(t *testing.T) {
	const words = "a difficult decision"
	au := Run(batchOf(t,
		[]planted{person("Tomas Reyes", words)},
		[]planted{bare(words)},
		[]planted{person("Daniel Okafor", words)},
		[]planted{bare(words)},
	), Options{})
	for _, g := range au.Groups {
		names := map[string]bool{}
		for _, r := range g.Quotes {
			if sp := au.Speakers.Of(r); sp.Name != "" {
				names[sp.Name] = true
			}
		}
		if len(names) > 1 {
			t.Errorf("one group holds %v", names)
		}
	}
	if fs := findingsOf(au, Attribution); len(fs) > 0 {
		t.Errorf("attribution finding %q", fs[0].Message)
	}
	if len(au.Groups) != 1 || au.Groups[0].Articles != 2 || au.Speakers.Of(au.Groups[0].Quotes[0]).Name != "" {
		t.Errorf("want the two unattributed printings as the one group, got %d groups", len(au.Groups))
	}
}

// TestChainIsSplit checks that two different statements are not made one
// group because a third outlet quotes words both of them hold.
func TestChainIsSplit(t *testing.T) {
	const (
		gates    = "We will reinforce the spillway gates before the storm arrives tonight"
		leave    = "Residents should leave the valley before the storm arrives tonight"
		fragment = "before the storm arrives tonight"
	)
	au := Run(batchOf(t,
		[]planted{person("Tomas Reyes", gates)},
		[]planted{person("Tomas Reyes", fragment)},
		[]planted{person("Tomas Reyes", leave)},
	), Options{})
	for _, g := range au.Groups {
		var texts []string
		for _, r := range g.Quotes {
			texts = append(texts, au.Batch.Text(r))
		}
		if slices.Contains(texts, gates) && slices.Contains(texts, leave) {
			t.Errorf("one group holds both statements: %q", texts)
		}
	}
	if fs := findingsOf(au, Wording); len(fs) > 0 {
		t.Errorf("wording finding between different statements: %q", fs[0].Message)
	}
	if len(au.Groups) != 1 || len(au.Groups[0].Quotes) != 2 {
		t.Errorf("want the fragment grouped with one statement, got %d groups", len(au.Groups))
	}
}

func TestCanonicalSpeakers(t *testing.T) {
	b := batchOf(t,
		[]planted{person("Lloyd Austin", "one")},
		[]planted{person("Defense Secretary Lloyd Austin", "two")},
		[]planted{person("Austin", "three")},
		[]planted{person("Lloyd J. Austin", "four")},
		[]planted{person("Matthew Miller", "five"), person("State Department spokesperson Matthew Miller", "six")},
		[]planted{person("Miller", "seven"), unnamed("a U.S. official", "eight"), unnamed("two US officials", "nine")},
	)
	sp := canonicalSpeakers(b)
	austin := sp.Of(Ref{0, 0})
	if austin.Name != "Lloyd Austin" || austin.Key == "" {
		t.Fatalf("Lloyd Austin became %+v", austin)
	}
	for _, r := range []Ref{{1, 0}, {2, 0}, {3, 0}} {
		if sp.Of(r).Key != austin.Key {
			t.Errorf("%v (%q) has key %q, want Lloyd Austin's %q", r, b.Quote(r).Speaker, sp.Of(r).Key, austin.Key)
		}
	}
	if sp.Of(Ref{4, 0}).Key != sp.Of(Ref{5, 0}).Key || sp.Of(Ref{4, 0}).Key == austin.Key {
		t.Errorf("Miller keys: %q, %q", sp.Of(Ref{4, 0}).Key, sp.Of(Ref{5, 0}).Key)
	}
	if sp.Of(Ref{5, 1}).Key == sp.Of(Ref{5, 2}).Key {
		t.Errorf("two unnamed sources share a key: %q", sp.Of(Ref{5, 1}).Key)
	}
}

// findingsOf returns the findings of check c.
func findingsOf(au *Audit, c *Check) []Finding {
	var out []Finding
	for _, f := range au.Findings {
		if f.Check == c {
			out = append(out, f)
		}
	}
	return out
}

func TestWordingFindings(t *testing.T) {
	const q = "The dam is not at risk of collapse, and residents do not need to leave their homes tonight."
	tests := []struct {
		name     string
		other    string
		severity Severity // Info means no finding
		reason   string
	}{
		{name: "negation", other: "The dam is at risk of collapse, and residents do not need to leave their homes tonight.", severity: High},
		{name: "word changed", other: "The dam is not at risk of collapse, and residents do not have to leave their homes tonight.", severity: Medium},
		{name: "elided", other: "The dam is not at risk of collapse … residents do not need to leave their homes tonight.", reason: "an elision is a note"},
		{name: "fragment", other: "residents do not need to leave their homes", reason: "a partial quote is a note"},
		{name: "cosmetic", other: "the dam is not at risk of collapse - and residents do not need to leave their homes tonight", reason: "case and punctuation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := batchOf(t, []planted{person("Elena Varga", q)}, []planted{person("Elena Varga", q)}, []planted{person("Elena Varga", tt.other)})
			fs := findingsOf(Run(b, Options{}), Wording)
			if tt.severity == Info {
				if len(fs) != 0 {
					t.Errorf("want no wording finding (%s), got %q", tt.reason, fs[0].Message)
				}
				return
			}
			if len(fs) != 1 {
				t.Fatalf("want one wording finding, got %d", len(fs))
			}
			f := fs[0]
			if f.Severity != tt.severity {
				t.Errorf("severity %v, want %v: %s", f.Severity, tt.severity, f.Message)
			}
			if f.Quotes[len(f.Quotes)-1] != (Ref{2, 0}) {
				t.Errorf("finding is about %v, want the third outlet's quote: the two agreeing outlets are the reference", f.Quotes)
			}
			if !strings.Contains(f.Diff, "[-") && !strings.Contains(f.Diff, "{+") {
				t.Errorf("diff %q has no change markup", f.Diff)
			}
		})
	}
}

func TestReferenceIsTheMajority(t *testing.T) {
	const q = "We are releasing water in a controlled way to take pressure off the wall."
	const added = "We are releasing water in a careful and controlled way to take pressure off the wall."
	b := batchOf(t, []planted{person("Elena Varga", added)}, []planted{person("Elena Varga", q)}, []planted{person("Elena Varga", q)})
	au := Run(b, Options{})
	if len(au.Groups) != 1 {
		t.Fatalf("groups: %d", len(au.Groups))
	}
	if g := au.Groups[0]; g.Text != q {
		t.Errorf("reference %q, want the wording two outlets agree on, not the longest", g.Text)
	}
	fs := findingsOf(au, Wording)
	if len(fs) != 1 || fs[0].Quotes[1] != (Ref{0, 0}) || fs[0].Severity != Medium {
		t.Errorf("want one medium finding about outlet1's added words, got %+v", fs)
	}
}

// TestAlign checks that a group's alignment, worked out when asked for,
// aligns the reference with each member: the reference is identical to
// itself, and the notes are about members, by source.
func TestAlign(t *testing.T) {
	const q = "We are releasing water in a controlled way to take pressure off the wall."
	const elided = "We are releasing water ... to take pressure off the wall."
	const changed = "We are releasing water in a controlled way to take pressure off the dam."
	b := batchOf(t, []planted{person("Elena Varga", q)}, []planted{person("Elena Varga", elided)},
		[]planted{person("Elena Varga", q)}, []planted{person("Elena Varga", changed)})
	au := Run(b, Options{})
	if len(au.Groups) != 1 {
		t.Fatalf("groups: %d, want 1", len(au.Groups))
	}
	g := au.Groups[0]
	al := g.Align(b)
	if len(al.Diffs) != len(g.Quotes) {
		t.Fatalf("%d diffs for %d members", len(al.Diffs), len(g.Quotes))
	}
	want := map[string]Class{q: Identical, elided: Elided, changed: Substantive}
	for i, r := range g.Quotes {
		if got := al.Diffs[i].Class; got != want[b.Text(r)] {
			t.Errorf("member %v %q: class %v, want %v", r, b.Text(r), got, want[b.Text(r)])
		}
	}
	if len(al.Notes) != 1 || !strings.HasPrefix(al.Notes[0], b.Articles[1].Source+": ") {
		t.Errorf("notes %q, want one about the elided quote of %s", al.Notes, b.Articles[1].Source)
	}
	if again := g.Align(b); !reflect.DeepEqual(again, al) {
		t.Error("two alignments of one group differ")
	}
}

func TestAttributionFindings(t *testing.T) {
	const q = "Our crews are organized and our defenses are ready for whatever the river brings."
	tests := []struct {
		name     string
		a, b     planted
		severity Severity
		none     bool
	}{
		{name: "two people", a: person("Elena Varga", q), b: person("Tomas Reyes", q), severity: High},
		{name: "person and unnamed", a: person("Elena Varga", q), b: unnamed("an official", q), severity: Low},
		{name: "person and organisation", a: person("Elena Varga", q), b: planted{words: q, speaker: "the authority", kind: attrib.Organization}, severity: Low},
		{name: "two unnamed", a: unnamed("a U.S. official", q), b: unnamed("two US officials", q), none: true},
		{name: "one person by two names", a: person("Regional Water Commissioner Elena Varga", q), b: person("Varga", q), none: true},
		{name: "unattributed", a: person("Elena Varga", q), b: bare(q), none: true},
		{name: "one label in two people's mouths", none: true,
			a: planted{words: "a managed release to protect the town", speaker: "Elena Varga", kind: attrib.Person, qkind: attrib.Term},
			b: planted{words: "a managed release to protect the town", speaker: "Tomas Reyes", kind: attrib.Person, qkind: attrib.Term}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := findingsOf(Run(batchOf(t, []planted{tt.a}, []planted{tt.b}), Options{}), Attribution)
			switch {
			case tt.none && len(fs) > 0:
				t.Errorf("want no attribution finding, got %q", fs[0].Message)
			case !tt.none && len(fs) != 1:
				t.Errorf("want one attribution finding, got %d", len(fs))
			case !tt.none && fs[0].Severity != tt.severity:
				t.Errorf("severity %v, want %v", fs[0].Severity, tt.severity)
			}
		})
	}
}

func TestUnconfirmed(t *testing.T) {
	b := batchOf(t,
		[]planted{person("Elena Varga", statement), person("Tomas Reyes", "The spillway gates will hold for the next two days at least.")},
		[]planted{person("Elena Varga", statement), unnamed("an official", "The water level peaked at dawn and has been falling since then.")},
	)
	fs := findingsOf(Run(b, Options{}), Unconfirmed)
	if len(fs) != 1 || fs[0].Quotes[0] != (Ref{0, 1}) || fs[0].Severity != Low {
		t.Errorf("want one low finding on Reyes's quote only (a carried quote and an unnamed one are not unconfirmed), got %+v", fs)
	}
	// One article: nothing to confirm against.
	if fs := findingsOf(Run(batchOf(t, []planted{person("Elena Varga", statement)}), Options{}), Unconfirmed); len(fs) != 0 {
		t.Errorf("single article: want no unconfirmed finding, got %d", len(fs))
	}
}

func TestSelfAuditIsClean(t *testing.T) {
	arts := []planted{
		person("Elena Varga", statement),
		unnamed("an official", "They are not growing, and that is what matters."),
		bare("non-persistent"),
	}
	au := Run(batchOf(t, arts, arts, arts), Options{})
	for _, f := range au.Findings {
		if f.Check == Wording || f.Check == Attribution {
			t.Errorf("three copies of one article raised %s: %s", f.Check.Name, f.Message)
		}
	}
	if len(au.Groups) != 3 {
		t.Errorf("groups = %d, want 3 (one per quote)", len(au.Groups))
	}
}

func TestDeterministic(t *testing.T) {
	b := generateBatch(30, 1)
	first := Run(b, Options{})
	for i := 0; i < 3; i++ {
		again := Run(b, Options{})
		if !reflect.DeepEqual(summarise(first), summarise(again)) {
			t.Fatal("two runs on one batch differ")
		}
	}
}

// summarise flattens an audit for comparison.
func summarise(au *Audit) []string {
	var out []string
	for _, g := range au.Groups {
		out = append(out, fmt.Sprint("group ", g.Quotes, g.Ref, g.Align(au.Batch).Notes))
	}
	for _, f := range au.Findings {
		out = append(out, fmt.Sprint(f.Check.Name, f.Severity, f.Quotes, f.Message, f.Diff, f.Evidence))
	}
	return out
}

func TestChecksDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Checks {
		if c.Name == "" || c.Title() == "" || c.Run == nil || !strings.Contains(c.Doc, "\n") {
			t.Errorf("check %q lacks a name, a title line and a body, or a Run", c.Name)
		}
		if seen[c.Name] {
			t.Errorf("check %q listed twice", c.Name)
		}
		seen[c.Name] = true
		if CheckNamed(c.Name) != c {
			t.Errorf("CheckNamed(%q) is not the check", c.Name)
		}
	}
}

func FuzzAuditSelf(f *testing.F) {
	f.Add(statement, "Elena Varga")
	f.Add("non-persistent", "")
	f.Add("[The cracks] are … not growing", "an official")
	f.Add("\xff", "x")
	f.Fuzz(func(t *testing.T, words, speaker string) {
		if strings.ContainsAny(words, "\"\n\r") || !utf8.ValidString(words) || strings.ContainsRune(words, 0) {
			return // the article must be one line of text around the quote
		}
		p := planted{words: words, speaker: speaker, kind: attrib.Person}
		au := Run(batchOf(t, []planted{p}, []planted{p}), Options{})
		for _, f := range au.Findings {
			if f.Check == Wording || f.Check == Attribution {
				t.Errorf("a quote compared with itself raised %s: %s", f.Check.Name, f.Message)
			}
		}
	})
}

// TestElsewhereCounts checks the context evidence on where else a speaker
// appears: the first elsewhereArticles other articles, one line each, then
// a count of the rest, never the quote's own article.
func TestElsewhereCounts(t *testing.T) {
	var arts [][]planted
	for i := range 14 {
		arts = append(arts, []planted{person("Elena Varga", fmt.Sprintf("Varga spoke for the %d time about the dam and its wall.", i+1))})
	}
	b := batchOf(t, arts...)
	au := Run(b, Options{Checks: []*Check{}})
	p := &Pass{Batch: b, Speakers: au.Speakers}
	c := newCorpus(b, map[string]bool{"Varga": true})
	for _, r := range []Ref{{0, 0}, {5, 0}, {13, 0}} {
		lines := c.elsewhere(p, r, au.Speakers.Of(r), newReader())
		if len(lines) != elsewhereArticles+1 {
			t.Fatalf("%v: %d lines, want %d: %q", r, len(lines), elsewhereArticles+1, lines)
		}
		own := b.Articles[r.Article].Source + " "
		for _, l := range lines[:elsewhereArticles] {
			if !strings.HasPrefix(l, "Elena Varga also appears in ") || strings.Contains(l, own) {
				t.Errorf("%v: line %q, want another article where Varga appears", r, l)
			}
		}
		if last := lines[elsewhereArticles]; last != "Elena Varga also appears in 3 more articles" {
			t.Errorf("%v: last line %q, want the 3 other articles counted", r, last)
		}
	}
}

// TestHeaviest checks the evidence terms' order: heaviest first, ties in
// order of appearance, skipped terms left out, at most n.
func TestHeaviest(t *testing.T) {
	c := &corpus{paras: 100, terms: map[string]*termStats{
		"mine": {weight: 2}, "treaty": {weight: 3}, "ban": {weight: 2}, "army": {weight: 1}, "kyiv": {weight: 3},
	}}
	ts := []string{"army", "mine", "treaty", "ban", "kyiv", "unseen"}
	forms := []string{"Army", "mines", "treaty", "banned", "Kyiv", "unseen"}
	for _, tc := range []struct {
		skip map[string]bool
		n    int
		want []string
	}{
		{nil, 3, []string{"unseen", "treaty", "Kyiv"}}, // a term in no paragraph weighs most
		{map[string]bool{"unseen": true}, 4, []string{"treaty", "Kyiv", "mines", "banned"}},
		{map[string]bool{"unseen": true, "treaty": true}, 10, []string{"Kyiv", "mines", "banned", "Army"}},
		{nil, 0, []string{}},
	} {
		if got := c.heaviest(ts, forms, tc.skip, tc.n); !slices.Equal(got, tc.want) {
			t.Errorf("heaviest(skip %v, %d) = %q, want %q", tc.skip, tc.n, got, tc.want)
		}
	}
}
