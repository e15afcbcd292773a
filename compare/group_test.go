package compare

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkBound fails when mayContain rules out a pair of b's wordings that
// the alignment joins, or when the sketches rule out a pair that
// mayContain keeps. It returns the pairs of long wordings and how many
// of them each rules out.
func checkBound(t *testing.T, b *Batch) (pairs, ruledOut, sketchedOut int) {
	t.Helper()
	au := Run(b, Options{Checks: []*Check{}})
	opts := Options{}.withDefaults()
	ws, _ := wordings(b, au.Speakers, opts)
	bag := newDenseBag(ws)
	sketches := newSketches(ws)
	var held heldSketch
	for i, x := range ws {
		if x.words < opts.MinShared {
			continue
		}
		bag.load(x)
		held.load(x)
		for j, y := range ws[i+1:] {
			if y.words < opts.MinShared {
				continue
			}
			pairs++
			long, short := x, y
			if short.words > long.words {
				long, short = short, long
			}
			kept := mayContain(long, short, x, bag, opts)
			if !held.mayBeSame(&sketches[i], &sketches[i+1+j], opts) {
				sketchedOut++
				if kept {
					t.Errorf("the sketches rule out %q and %q, which the bound keeps", x.text, y.text)
				}
			}
			if kept {
				continue
			}
			ruledOut++
			if alignedSame(x, y, opts) {
				t.Errorf("the bound rules out %q and %q, which align", x.text, y.text)
			}
		}
	}
	return pairs, ruledOut, sketchedOut
}

// TestBoundIsSafe checks, over every pair of long wordings of the
// fixtures and a generated batch, that the bag-of-words bound of
// sameQuote never rules out a pair that the alignment would join, nor
// the sketches a pair that the bound keeps.
func TestBoundIsSafe(t *testing.T) {
	batches := map[string]*Batch{
		"audit":     loadBatch(t, filepath.Join("..", "fixtures", "audit")),
		"seeds":     loadBatch(t, filepath.Join("..", "fixtures", "seeds")),
		"crafted":   loadBatch(t, filepath.Join("..", "fixtures", "crafted")),
		"generated": generateBatch(60, 1),
	}
	for name, b := range batches {
		pairs, out, sketched := checkBound(t, b)
		t.Logf("%s: the bound rules out %d of %d pairs, the sketches %d", name, out, pairs, sketched)
		if sketched == 0 {
			t.Errorf("%s: the sketches rule out no pair", name)
		}
	}
}

// FuzzBound checks the bound on two quotes of two articles.
func FuzzBound(f *testing.F) {
	f.Add("the anti personnel mines are a threat to all", "antipersonnel mines are a threat")
	f.Add("We will not [back] down from this, ever", "we will ... not back down from this")
	f.Add("Four people were hurt in the blast on Monday", "4 people hurt in the blast Monday")
	f.Fuzz(func(t *testing.T, x, y string) {
		for _, s := range []string{x, y} {
			if !utf8.ValidString(s) || strings.ContainsAny(s, "\x00\r\n") {
				t.Skip("not one line of text")
			}
		}
		checkBound(t, batchOf(t, []planted{person("Ann Lee", x)}, []planted{person("Ann Lee", y)}))
	})
}

// TestWordTexts checks that wordTexts yields the texts of the Word and
// Number tokens Tokenize finds.
func TestWordTexts(t *testing.T) {
	for _, s := range []string{"", "U.S. troops [...] left... Mr. Austin said “no”.", "anti-personnel, 275,000 $4.6m (the mines) 2022–23",
		"\xff\xfeabc déjà vu—again", ". . . [ … ] ( ... )"} {
		checkWordTexts(t, s)
	}
}

func FuzzWordTexts(f *testing.F) {
	f.Add("U.S. troops [...] left... Mr. Austin said “no”.")
	f.Fuzz(checkWordTexts)
}

func checkWordTexts(t *testing.T, s string) {
	var want []string
	for _, tok := range Tokenize(s) {
		if tok.Kind == Word || tok.Kind == Number {
			want = append(want, tok.Text)
		}
	}
	got := slices.Collect(wordTexts(s))
	if !slices.Equal(got, want) {
		t.Errorf("wordTexts(%q) = %q, Tokenize gives %q", s, got, want)
	}
}

func TestAtLeastWords(t *testing.T) {
	for _, s := range []string{"", "one two three", "one ... two [three] four, 5 six", "U.S. troops [...] left... Mr. Austin said “no”.", ". . . … (…)"} {
		for n := range 9 {
			if got, want := atLeastWords(s, n), len(Words(s)) >= n; got != want {
				t.Errorf("atLeastWords(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}
