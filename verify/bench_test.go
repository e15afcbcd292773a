package verify

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"quotecheck/attrib"
	"quotecheck/transcript"
)

// hearingWords is the length of the generated hearing transcript.
const hearingWords = 200_000

// A plant is a sentence put into the generated hearing, said by one
// speaker, with draft quotes made from it.
type plant struct {
	speaker string // the label's name as the transcript resolves it
	label   string // the speaker label written in the transcript
	text    string
}

// plants are the sentences the draft quotes come from. Their words are
// ordinary hearing vocabulary, so that the index has to tell them apart
// from the generated text around them.
var plants = []plant{
	{"Reed", "CHAIRMAN REED", "We will not send cluster munitions to any partner without a full review of how they are used"},
	{"Warren", "SEN. WARREN", "The department has spent four billion dollars on a program that still cannot pass its own tests"},
	{"Lloyd Austin", "SECRETARY LLOYD AUSTIN", "I have directed the services to report every shortfall to this committee within thirty days"},
	{"Brown", "GEN. BROWN", "Our forces in the region are ready. The munitions stockpile is another matter, and it is lower than I would like"},
	{"Warren", "SEN. WARREN", "Frankly the contractors have been paid twice for work that was never finished"},
}

// genHearing writes a hearing transcript of about words words: turns by a
// handful of senators and witnesses and Q, sentences drawn from the
// vocabulary of the briefing fixture with a Zipf distribution (so that
// common words are very common), and each plant once, inside a turn by its
// speaker, at a place chosen by the seed.
func genHearing(tb testing.TB, words int, seed uint64) string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "fixtures", "check", "briefing.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	// Vocabulary by frequency in the fixture, commonest first.
	counts := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(string(data)), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	}) {
		counts[w]++
	}
	vocab := make([]string, 0, len(counts))
	for w := range counts {
		vocab = append(vocab, w)
	}
	sortByCount(vocab, counts)

	r := rand.New(rand.NewPCG(seed, 1))
	zipf := rand.NewZipf(rand.New(rand.NewPCG(seed, 2)), 1.1, 2, uint64(len(vocab)-1))
	speakers := []string{"CHAIRMAN REED", "SEN. WARREN", "SEN. COTTON", "SEN. KING", "SECRETARY LLOYD AUSTIN", "SECRETARY AUSTIN", "GEN. BROWN", "Q"}
	// Where each plant goes: after this many words.
	at := make([]int, len(plants))
	for i := range at {
		at[i] = (i*words)/len(plants) + r.IntN(words/len(plants)/2)
	}

	var b strings.Builder
	b.WriteString("HEARING OF THE SENATE ARMED SERVICES COMMITTEE\nGenerated transcript for benchmarks\n\n")
	n, next := 0, 0
	for n < words {
		label := speakers[r.IntN(len(speakers))]
		if next < len(plants) && n+300 >= at[next] {
			label = plants[next].label
		}
		b.WriteString(label)
		b.WriteString(": ")
		turn := 40 + r.IntN(260)
		for t := 0; t < turn; {
			if next < len(plants) && n >= at[next] && label == plants[next].label {
				b.WriteString(plants[next].text)
				b.WriteString(". ")
				k := len(strings.Fields(plants[next].text))
				t, n = t+k, n+k
				next++
				continue
			}
			k := 6 + r.IntN(20)
			for j := 0; j < k; j++ {
				w := vocab[zipf.Uint64()]
				if j == 0 {
					w = strings.ToUpper(w[:1]) + w[1:]
				}
				b.WriteString(w)
				if j < k-1 {
					b.WriteByte(' ')
				}
			}
			b.WriteString(". ")
			t, n = t+k, n+k
			if r.IntN(5) == 0 {
				b.WriteString("\n") // a new paragraph within the turn
			}
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// sortByCount sorts words by descending count, then alphabetically.
func sortByCount(words []string, counts map[string]int) {
	for i := 1; i < len(words); i++ {
		for j := i; j > 0; j-- {
			a, b := words[j-1], words[j]
			if counts[a] > counts[b] || counts[a] == counts[b] && a < b {
				break
			}
			words[j-1], words[j] = b, a
		}
	}
}

// A benchQuote is a draft quote checked against the generated hearing and
// the verdict it must get.
type benchQuote struct {
	name    string
	text    string
	speaker string
	verdict Verdict
}

// benchQuotes are made from the plants: one of each verdict.
var benchQuotes = []benchQuote{
	{"verbatim", "We will not send cluster munitions to any partner without a full review", "Jack Reed", Verbatim},
	{"cosmetic", "the Department has spent four billion dollars on a programme that still cannot pass its own tests", "Elizabeth Warren", Cosmetic},
	{"elided", "I have directed the services ... within thirty days", "Lloyd Austin", Elided},
	{"bracketed", "[The stockpile] is lower than I would like", "Charles Brown", Bracketed},
	{"altered", "We will send cluster munitions to any partner without a full review of how they are used", "Jack Reed", Altered},
	{"misattributed", "the contractors have been paid twice for work that was never finished", "Lloyd Austin", Misattributed},
	{"unverified", "The committee will hold the department to account for every dollar it has wasted on this program", "Jack Reed", Unverified},
}

// hearingChecker generates the hearing and indexes it.
func hearingChecker(tb testing.TB) (*Checker, string) {
	tb.Helper()
	text := genHearing(tb, hearingWords, 7)
	tr, probs := transcript.ParseFormat("hearing.txt", text, transcript.Plain)
	if len(probs) > 0 {
		tb.Fatalf("problems: %v", probs[:min(3, len(probs))])
	}
	return NewChecker([]*Source{FromTranscript(tr)}), text
}

// TestGeneratedHearing checks that the planted quotes get their verdicts
// in a 200,000-word transcript, where common phrases recur thousands of
// times.
func TestGeneratedHearing(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a 200,000-word transcript")
	}
	c, text := hearingChecker(t)
	if n := len(strings.Fields(text)); n < hearingWords {
		t.Fatalf("generated %d words, want at least %d", n, hearingWords)
	}
	for _, q := range benchQuotes {
		t.Run(q.name, func(t *testing.T) {
			r := c.Quote(attrib.Quote{Speaker: q.speaker, SpeakerKind: attrib.Person}, q.text)
			if r.Verdict != q.verdict {
				where := ""
				if r.Match != nil {
					where = fmt.Sprintf(" at %s:%d by %s: %s", r.Match.Source.Path, lineOf(r.Match), r.Match.Speaker, r.Match.Diff)
				}
				t.Errorf("verdict %v, want %v (%s)%s", r.Verdict, q.verdict, r.Note, where)
			}
		})
	}
}

func lineOf(m *Match) int {
	l, _ := m.Position()
	return l
}

// BenchmarkCheckQuote measures checking one draft quote against the
// indexed 200,000-word hearing, for a quote of each verdict. ns/op is the
// time per quote.
func BenchmarkCheckQuote(b *testing.B) {
	c, _ := hearingChecker(b)
	for _, q := range benchQuotes {
		b.Run(q.name, func(b *testing.B) {
			aq := attrib.Quote{Speaker: q.speaker, SpeakerKind: attrib.Person}
			for b.Loop() {
				c.Quote(aq, q.text)
			}
		})
	}
}

// BenchmarkIndexHearing measures reading the 200,000-word hearing as a
// transcript and indexing it: paid once per run of the check, whatever
// the number of quotes.
func BenchmarkIndexHearing(b *testing.B) {
	text := genHearing(b, hearingWords, 7)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		tr, _ := transcript.ParseFormat("hearing.txt", text, transcript.Plain)
		NewChecker([]*Source{FromTranscript(tr)})
	}
}
