package compare

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"quotecheck/article"
	"quotecheck/attrib"
)

// loadBatch reads every .txt file of dir, in lexical order, and finds its
// quotes with the real quote finder.
func loadBatch(t *testing.T, dir string) *Batch {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in %s: %v", dir, err)
	}
	b := &Batch{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := article.FromText(f, data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		a.Outlet = strings.TrimSuffix(filepath.Base(f), ".txt")
		qs, _ := attrib.Find(a)
		b.Articles = append(b.Articles, a)
		b.Quotes = append(b.Quotes, qs)
	}
	return b
}

// quoteAt returns the quote of outlet whose words contain substr.
func quoteAt(b *Batch, outlet, substr string) (Ref, error) {
	for i, a := range b.Articles {
		if a.Outlet != outlet {
			continue
		}
		for j := range b.Quotes[i] {
			if strings.Contains(b.Text(Ref{i, j}), substr) {
				return Ref{i, j}, nil
			}
		}
		return Ref{}, fmt.Errorf("the finder found no quote holding %q in %s", substr, outlet)
	}
	return Ref{}, fmt.Errorf("no outlet %s", outlet)
}

// A loc names a quote of the crafted batch: its outlet and words it holds.
type loc struct{ outlet, words string }

// craftedCase is one planted case of fixtures/audit/EXPECTED.md.
type craftedCase struct {
	name string
	// A finding of this check and severity must name the quote at any of
	// the locs (wants a finding), or no finding of these checks may name
	// the quote at locs[0] (wants none).
	check    *Check
	severity Severity
	locs     []loc
	none     []*Check
	// The quote at locs[0] must share a group with these, or not.
	groupedWith    []loc
	notGroupedWith []loc
	top            bool // the finding must be the first of its check
}

var craftedCases = []craftedCase{
	{name: "W1 negation", check: Wording, severity: High, locs: []loc{{"courier", "The dam is at risk"}}},
	{name: "W2 number", check: Wording, severity: High, locs: []loc{{"tribune", "2,100 people"}}},
	{name: "W3 name", check: Wording, severity: High, locs: []loc{{"wire", "Governor Halvorsen"}}},
	{name: "W4 modality", check: Wording, severity: High, locs: []loc{{"bulletin", "should hold"}}},
	{name: "W5 word changed", check: Wording, severity: Medium, locs: []loc{{"courier", "predictable"}, {"herald", "avoidable"}}},
	{name: "W6 words added", check: Wording, severity: Medium, locs: []loc{{"bulletin", "careful and controlled"}}},
	{name: "A1 two people", check: Attribution, severity: High, locs: []loc{{"bulletin", "Our crews"}}},
	{name: "A2 named and unnamed", check: Attribution, severity: Low, locs: []loc{{"wire", "hairline cracks"}}},
	{name: "C1 out of context", check: Context, severity: Medium, locs: []loc{{"tribune", "electric bus fleet"}}, top: true},
	{name: "U1 council", check: Unconfirmed, severity: Low, locs: []loc{{"courier", "whole council"}}},
	{name: "U2 river road", check: Unconfirmed, severity: Low, locs: []loc{{"gazette", "Closing the river road"}}},

	{name: "L1 elision", none: []*Check{Wording}, locs: []loc{{"gazette", "hairline cracks"}}, groupedWith: []loc{{"herald", "hairline cracks"}}},
	{name: "L2 bracket", none: []*Check{Wording, Attribution, Context}, locs: []loc{{"tribune", "are not growing"}}, groupedWith: []loc{{"herald", "They are not growing"}}},
	{name: "L3 fragment", none: []*Check{Wording}, locs: []loc{{"courier", "a controlled way"}}, groupedWith: []loc{{"herald", "We are releasing water"}}},
	{name: "L4 spelling", none: []*Check{Wording}, locs: []loc{{"gazette", "organised"}}, groupedWith: []loc{{"herald", "Our crews"}}},
	{name: "L5 split quote", none: []*Check{Wording, Attribution, Unconfirmed}, locs: []loc{{"wire", "nobody will be charged"}},
		groupedWith: []loc{{"herald", "Everyone who wants a bed"}, {"wire", "Everyone who wants a bed"}}},
	{name: "L6 term hyphenation", none: []*Check{Wording, Attribution}, locs: []loc{{"wire", "noncritical"}}, groupedWith: []loc{{"herald", "non-critical"}}},
	{name: "L7 unnamed variants", none: []*Check{Attribution}, locs: []loc{{"gazette", "water level peaked"}}, groupedWith: []loc{{"herald", "water level peaked"}}},
	{name: "L8 canonical speaker", none: []*Check{Attribution}, locs: []loc{{"herald", "The dam is not at risk"}}, groupedWith: []loc{{"wire", "The dam is not at risk"}}},
	{name: "L8 canonical speaker, short name", none: []*Check{Attribution}, locs: []loc{{"herald", "We are releasing water"}}},
	{name: "P1 long common phrase", locs: []loc{{"courier", "whole council"}}, notGroupedWith: []loc{{"gazette", "Closing the river road"}}},
	{name: "P2 short common phrase", locs: []loc{{"bulletin", "a difficult decision"}}, notGroupedWith: []loc{{"tribune", "a difficult decision"}}},
}

// knownFinderMisreads are crafted cases that fail because the quote finder
// misreads the fixture, not because of the comparer; each says what the
// finder does. TestCraftedBatch reports them without failing, and fails
// when one starts to pass, so the entry is removed.
var knownFinderMisreads = map[string]string{}

func TestCraftedBatch(t *testing.T) {
	b := loadBatch(t, filepath.Join("..", "fixtures", "audit"))
	au := Run(b, Options{})
	group := map[Ref]int{}
	for gi, g := range au.Groups {
		for _, r := range g.Quotes {
			group[r] = gi
		}
	}
	inGroup := func(r Ref) int {
		if g, ok := group[r]; ok {
			return g
		}
		return -1
	}
	for _, tc := range craftedCases {
		t.Run(tc.name, func(t *testing.T) {
			problems := checkCrafted(b, au, tc, inGroup)
			why, known := knownFinderMisreads[tc.name]
			switch {
			case known && len(problems) > 0:
				t.Logf("known finder misread (%s): %s", why, strings.Join(problems, "; "))
			case known:
				t.Errorf("case passes now: remove it from knownFinderMisreads")
			default:
				for _, p := range problems {
					t.Error(p)
				}
			}
		})
	}
}

// checkCrafted returns what is wrong with one crafted case.
func checkCrafted(b *Batch, au *Audit, tc craftedCase, inGroup func(Ref) int) []string {
	var problems []string
	var refs []Ref
	for _, l := range tc.locs {
		r, err := quoteAt(b, l.outlet, l.words)
		if err != nil {
			return []string{err.Error()}
		}
		refs = append(refs, r)
	}
	if tc.check != nil {
		found := false
		first := true
		for _, f := range au.Findings {
			if f.Check != tc.check {
				continue
			}
			for _, r := range refs {
				if f.Quotes[len(f.Quotes)-1] == r || tc.check != Wording && slices.Contains(f.Quotes, r) {
					if f.Severity != tc.severity {
						problems = append(problems, fmt.Sprintf("%s finding is %v, want %v: %s", tc.check.Name, f.Severity, tc.severity, f.Message))
					}
					if tc.top && !first {
						problems = append(problems, fmt.Sprintf("the %s finding is not the first of its check", tc.check.Name))
					}
					found = true
				}
			}
			first = false
		}
		if !found {
			problems = append(problems, fmt.Sprintf("no %s finding names %v", tc.check.Name, tc.locs))
		}
	}
	for _, f := range au.Findings {
		if slices.Contains(tc.none, f.Check) && slices.Contains(f.Quotes, refs[0]) {
			if f.Check == Wording && f.Quotes[0] == refs[0] && len(f.Quotes) > 1 {
				continue // the quote is the reference another outlet differs from
			}
			problems = append(problems, fmt.Sprintf("unwanted %s finding: %s", f.Check.Name, f.Message))
		}
	}
	for _, l := range tc.groupedWith {
		r, err := quoteAt(b, l.outlet, l.words)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		if g := inGroup(refs[0]); g < 0 || g != inGroup(r) {
			problems = append(problems, fmt.Sprintf("%v and %v are not in one group", tc.locs[0], l))
		}
	}
	for _, l := range tc.notGroupedWith {
		r, err := quoteAt(b, l.outlet, l.words)
		if err != nil {
			problems = append(problems, err.Error())
			continue
		}
		if g := inGroup(refs[0]); g >= 0 && g == inGroup(r) {
			problems = append(problems, fmt.Sprintf("%v and %v are grouped", tc.locs[0], l))
		}
	}
	return problems
}

func TestCraftedContextEvidence(t *testing.T) {
	b := loadBatch(t, filepath.Join("..", "fixtures", "audit"))
	fs := findingsOf(Run(b, Options{}), Context)
	if len(fs) == 0 {
		t.Fatal("no context finding")
	}
	ev := strings.Join(fs[0].Evidence, "\n")
	for _, want := range []string{"electric", "opposition", "fit score", "Elena Varga also appears in"} {
		if !strings.Contains(ev+fs[0].Message, want) {
			t.Errorf("context evidence lacks %q:\n%s", want, ev)
		}
	}
}

func TestSeeds(t *testing.T) {
	b := loadBatch(t, filepath.Join("..", "fixtures", "seeds"))
	au := Run(b, Options{})

	t.Run("Miller context finding is the top one", func(t *testing.T) {
		fs := findingsOf(au, Context)
		if len(fs) == 0 {
			t.Fatal("no context finding in the seeds")
		}
		top := fs[0]
		if text := b.Text(top.Quotes[0]); !strings.HasPrefix(text, "Since the beginning of its war of aggression") {
			t.Errorf("top context finding is about %q, want the Miller quote", text)
		}
		ev := strings.Join(top.Evidence, "\n")
		for _, want := range []string{"rhetoric", "Matthew Miller also appears in", "004_0d36762488340cf8"} {
			if !strings.Contains(ev, want) {
				t.Errorf("evidence lacks %q:\n%s", want, ev)
			}
		}
	})

	t.Run("non-persistent grouped without a wording finding", func(t *testing.T) {
		gi := -1
		for i, g := range au.Groups {
			if Normalize(strings.Trim(g.Text, ".,\" ")) == "nonpersistent" {
				gi = i
			}
		}
		if gi < 0 {
			t.Fatal("no group for non-persistent")
		}
		var forms []string
		for _, r := range au.Groups[gi].Quotes {
			forms = append(forms, b.Text(r))
		}
		joined := strings.Join(forms, " ")
		if !strings.Contains(joined, "nonpersistent") || !strings.Contains(joined, "non-persistent") {
			t.Errorf("group holds %q, want both spellings", forms)
		}
		for _, f := range au.Findings {
			if f.Check == Wording && f.Group == gi {
				t.Errorf("wording finding on non-persistent: %s", f.Message)
			}
		}
	})

	t.Run("no wording or attribution finding", func(t *testing.T) {
		for _, f := range au.Findings {
			if f.Check == Wording || f.Check == Attribution {
				t.Errorf("%s: %s (the seeds share no misquoted statement)", f.Check.Name, f.Message)
			}
		}
	})
}

// sameQuoteSets are the quotes of the crafted batch that are one quote,
// from EXPECTED.md, one set per statement.
var sameQuoteSets = [][]loc{
	{{"herald", "The dam is not at risk"}, {"courier", "The dam is at risk"}, {"gazette", "The dam is not"}, {"wire", "The dam is not"}},
	{{"herald", "We have moved 1,200"}, {"courier", "We have moved"}, {"tribune", "We have moved 2,100"}},
	{{"herald", "Governor Adeyemi"}, {"tribune", "Governor Adeyemi"}, {"wire", "Governor Halvorsen"}},
	{{"herald", "will hold for the next"}, {"gazette", "will hold"}, {"bulletin", "should hold"}},
	{{"herald", "avoidable"}, {"courier", "predictable"}},
	{{"herald", "We are releasing water"}, {"gazette", "We are releasing water"}, {"bulletin", "careful and controlled"}, {"courier", "a controlled way"}},
	{{"herald", "Our crews"}, {"gazette", "organised"}, {"bulletin", "Our crews"}},
	{{"herald", "hairline cracks"}, {"gazette", "hairline cracks"}, {"wire", "hairline cracks"}},
	{{"herald", "They are not growing"}, {"tribune", "are not growing"}},
	{{"herald", "Everyone who wants a bed"}, {"wire", "Everyone who wants a bed"}, {"wire", "nobody will be charged"}},
	{{"herald", "water level peaked"}, {"gazette", "water level peaked"}},
}

// TestThresholdSeparates measures the containment (the lesser of the
// all-word and content-word containment of the shorter quote in the
// longer) of every pair of quotes from different articles of the crafted
// batch and the seeds, and checks that DefaultMinContainment lies between
// the pairs that are one quote and those that are not. Run with -v to see
// the figures the README (quotecheck audit) quotes.
func TestThresholdSeparates(t *testing.T) {
	crafted := loadBatch(t, filepath.Join("..", "fixtures", "audit"))
	set := map[Ref]int{}
	for i, locs := range sameQuoteSets {
		for _, l := range locs {
			r, err := quoteAt(crafted, l.outlet, l.words)
			if err != nil {
				t.Fatal(err)
			}
			set[r] = i + 1
		}
	}
	same := func(x, y Ref) bool { return set[x] != 0 && set[x] == set[y] }
	lowestSame, highestOther := 1.0, 0.0
	var worstOther string
	for _, b := range []*Batch{crafted, loadBatch(t, filepath.Join("..", "fixtures", "seeds"))} {
		refs := b.refs()
		for i, x := range refs {
			for _, y := range refs[i+1:] {
				if x.Article == y.Article {
					continue
				}
				long, short := b.Text(x), b.Text(y)
				if len(Words(short)) > len(Words(long)) {
					long, short = short, long
				}
				d := Diff(long, short)
				if d.Words < DefaultMinShared {
					continue // short quotes are grouped only when their words are the same
				}
				words, content, contentTotal := overlap(d)
				c := min(share(words, d.Words), share(content, contentTotal))
				switch {
				case b == crafted && same(x, y):
					lowestSame = min(lowestSame, c)
				case c > highestOther:
					highestOther, worstOther = c, short
				}
			}
		}
	}
	t.Logf("one quote: lowest containment %.2f; different quotes: highest %.2f (%q)", lowestSame, highestOther, worstOther)
	if !(highestOther < DefaultMinContainment && DefaultMinContainment <= lowestSame) {
		t.Errorf("DefaultMinContainment %.2f does not separate them", DefaultMinContainment)
	}
}

// TestContextScores logs the fit of every statement the context check
// judges in the seeds and the crafted batch (run with -v for the figures
// the README (quotecheck audit) quotes) and checks that the planted out-of-context
// quote of each is the only one under the threshold.
func TestContextScores(t *testing.T) {
	tests := []struct {
		dir, planted string
	}{
		{"seeds", "Since the beginning of its war of aggression"},
		{"audit", "Our new electric bus fleet"},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			b := loadBatch(t, filepath.Join("..", "fixtures", tt.dir))
			au := Run(b, Options{})
			grouped := map[Ref]bool{}
			for _, g := range au.Groups {
				for _, r := range g.Quotes {
					grouped[r] = true
				}
			}
			c := newCorpus(b, nil)
			lowestOther := 1.0
			for _, r := range b.refs() {
				if grouped[r] {
					continue
				}
				f, ok := c.fit(b, r, au.Speakers.Of(r))
				if !ok {
					continue
				}
				t.Logf("%.3f %s", f.score, excerpt(b.Text(r), 60))
				isPlanted := strings.HasPrefix(b.Text(r), tt.planted)
				if isPlanted != (f.score < DefaultMaxFit) {
					t.Errorf("fit %.3f of %q is on the wrong side of %.2f", f.score, excerpt(b.Text(r), 50), DefaultMaxFit)
				}
				if !isPlanted {
					lowestOther = min(lowestOther, f.score)
				}
			}
			t.Logf("lowest fitting statement: %.3f", lowestOther)
		})
	}
}
