package attrib_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"quotecheck/article"
	"quotecheck/attrib"
)

// The floors the finder must hold on the hand-annotated fixtures.
const (
	minRecall    = 0.95 // statements and fragments found, of those in the gold
	minPrecision = 0.95 // statements and fragments found that are in the gold
	minSpeaker   = 0.90 // found quotes whose speaker matches the gold
)

type goldFile struct {
	Article string      `json:"article"`
	Quotes  []goldQuote `json:"quotes"`
}

type goldQuote struct {
	Text        string `json:"text"`
	Kind        string `json:"kind"`
	Speaker     string `json:"speaker"`
	SpeakerKind string `json:"speaker_kind"`
	Note        string `json:"note"`
}

// A tally counts, for one group of quotes, how the finder did.
type tally struct {
	gold, found, matched, foundMatched int
	speakerRight, kindRight            int
}

func (t tally) recall() float64    { return ratio(t.matched, t.gold) }
func (t tally) precision() float64 { return ratio(t.foundMatched, t.found) }
func (t tally) speaker() float64   { return ratio(t.speakerRight, t.matched) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// TestGold scores the finder against the gold annotations in
// fixtures/gold, prints the figures, and fails below the floors.
func TestGold(t *testing.T) {
	files, err := filepath.Glob("../fixtures/gold/*/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no gold files found: %v", err)
	}
	sort.Strings(files)
	byKind := map[string]*tally{"statement": {}, "fragment": {}, "term": {}}
	var sf tally                 // statements and fragments together
	bySet := map[string]*tally{} // statements and fragments, by fixture folder
	var misses []string
	for _, gf := range files {
		g := readGold(t, gf)
		set := filepath.Base(filepath.Dir(gf))
		if bySet[set] == nil {
			bySet[set] = &tally{}
		}
		st := bySet[set]
		a := loadArticle(t, filepath.Join("../fixtures", g.Article))
		found, _ := attrib.Find(a)
		used := make([]bool, len(found))
		for _, gq := range g.Quotes {
			k := byKind[gq.Kind]
			if k == nil {
				t.Fatalf("%s: unknown kind %q", gf, gq.Kind)
			}
			k.gold++
			if gq.Kind != "term" {
				sf.gold++
				st.gold++
			}
			fi := match(a, found, used, gq.Text)
			if fi < 0 {
				misses = append(misses, fmt.Sprintf("%s: missed %s %q", g.Article, gq.Kind, clip(gq.Text)))
				continue
			}
			used[fi] = true
			fq := found[fi]
			k.matched++
			if gq.Kind != "term" {
				sf.matched++
				st.matched++
			}
			if fq.Kind.String() == gq.Kind {
				k.kindRight++
			} else {
				misses = append(misses, fmt.Sprintf("%s: kind %s, want %s: %q", g.Article, fq.Kind, gq.Kind, clip(gq.Text)))
			}
			if sameSpeaker(fq, gq) {
				k.speakerRight++
				if gq.Kind != "term" {
					sf.speakerRight++
					st.speakerRight++
				}
			} else {
				misses = append(misses, fmt.Sprintf("%s: speaker %q (%s), want %q (%s): %q", g.Article, fq.Speaker, fq.SpeakerKind, gq.Speaker, gq.SpeakerKind, clip(gq.Text)))
			}
		}
		for i, fq := range found {
			k := byKind[fq.Kind.String()]
			k.found++
			if fq.Kind != attrib.Term {
				sf.found++
				st.found++
			}
			if used[i] {
				k.foundMatched++
				if fq.Kind != attrib.Term {
					sf.foundMatched++
					st.foundMatched++
				}
			} else {
				misses = append(misses, fmt.Sprintf("%s: extra %s %q", g.Article, fq.Kind, clip(a.Text[fq.Words.Start:fq.Words.End])))
			}
		}
	}
	t.Logf("%-22s %5s %5s %7s %9s %8s %6s", "kind", "gold", "found", "recall", "precision", "speaker", "kind")
	for _, name := range []string{"statement", "fragment", "term"} {
		k := byKind[name]
		t.Logf("%-22s %5d %5d %7.3f %9.3f %8.3f %6.3f", name, k.gold, k.found, k.recall(), k.precision(), k.speaker(), ratio(k.kindRight, k.matched))
	}
	t.Logf("%-22s %5d %5d %7.3f %9.3f %8.3f", "statement+fragment", sf.gold, sf.found, sf.recall(), sf.precision(), sf.speaker())
	sets := make([]string, 0, len(bySet))
	for name := range bySet {
		sets = append(sets, name)
	}
	sort.Strings(sets)
	for _, name := range sets {
		k := bySet[name]
		t.Logf("%-22s %5d %5d %7.3f %9.3f %8.3f", "  in "+name+"/", k.gold, k.found, k.recall(), k.precision(), k.speaker())
	}
	for _, m := range misses {
		t.Log(m)
	}
	if sf.recall() < minRecall {
		t.Errorf("recall on statements and fragments %.3f, below %.2f", sf.recall(), minRecall)
	}
	if sf.precision() < minPrecision {
		t.Errorf("precision on statements and fragments %.3f, below %.2f", sf.precision(), minPrecision)
	}
	if sf.speaker() < minSpeaker {
		t.Errorf("speaker accuracy %.3f, below %.2f", sf.speaker(), minSpeaker)
	}
}

func readGold(t *testing.T, path string) goldFile {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var g goldFile
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return g
}

func loadArticle(t *testing.T, path string) *article.Article {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Parse(path, data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return a
}

// match returns the first unused found quote whose words are the gold text,
// compared with quote marks and runs of white space folded (a quote over
// several paragraphs is annotated with its paragraphs joined by a newline).
func match(a *article.Article, found []attrib.Quote, used []bool, text string) int {
	want := fold(text)
	for i, q := range found {
		if !used[i] && fold(a.Text[q.Words.Start:q.Words.End]) == want {
			return i
		}
	}
	return -1
}

func fold(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '“', '”', '"', '«', '»':
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// sameSpeaker compares a found speaker with the gold one: the same kind and
// the same words, ignoring case and a leading article; unnamed sources agree
// when they have the same head noun ("the U.S. official", "one official"),
// as differently described unnamed sources are the same finding.
func sameSpeaker(q attrib.Quote, g goldQuote) bool {
	if g.SpeakerKind == "" {
		g.SpeakerKind = "none"
	}
	if q.SpeakerKind.String() != g.SpeakerKind {
		return false
	}
	a, b := normSpeaker(q.Speaker), normSpeaker(g.Speaker)
	if a == b {
		return true
	}
	if g.SpeakerKind == "unnamed" {
		return head(a) == head(b)
	}
	return false
}

func normSpeaker(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.ReplaceAll(s, "’", "'")
	for _, p := range []string{"the ", "a ", "an "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

func head(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.TrimSuffix(f[len(f)-1], "s")
}

func clip(s string) string {
	if len(s) > 70 {
		return s[:70] + "…"
	}
	return s
}
