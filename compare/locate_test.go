package compare

import (
	"strings"
	"testing"
)

// hearing is a passage with the quotes' words scattered through other
// speech, so that aligning a short quote against all of it would match
// common words far apart.
const hearing = `MILLER: Good afternoon. We will take questions in a minute. First, on the aid package, we have been clear that the package will be delivered on time and that it will help Ukraine.
Q: And the mines?
MILLER: Since the beginning of its war of aggression against Ukraine, Russia has sought to coerce and intimidate its neighbours through irresponsible nuclear rhetoric and behavior. We have seen that again this week.
Q: Will the mines be used near towns?
MILLER: Ukraine has committed not to use them in densely populated areas, and we take that commitment seriously. The mines will not detonate once the battery runs out.`

func TestLocate(t *testing.T) {
	tests := []struct {
		name      string
		quote     string
		want      string // the text Locate must return
		minScore  float64
		maxScore  float64
		reasonWhy string
	}{
		{name: "verbatim", quote: "The mines will not detonate once the battery runs out.",
			want: "The mines will not detonate once the battery runs out", minScore: 1, maxScore: 1},
		{name: "elided", quote: "Russia has sought to coerce and intimidate... through irresponsible nuclear rhetoric",
			want: "Russia has sought to coerce and intimidate its neighbours through irresponsible nuclear rhetoric", minScore: 1, maxScore: 1,
			reasonWhy: "the window stretches over the elided words"},
		{name: "fragment", quote: "densely populated areas", want: "densely populated areas", minScore: 1, maxScore: 1},
		{name: "altered", quote: "The mines will detonate once the batteries run out",
			want: "The mines will not detonate once the battery runs out", minScore: 0.6, maxScore: 0.9,
			reasonWhy: "two of nine words differ, one word the passage has is missing"},
		{name: "bracketed", quote: "[Ukraine] has committed not to use them in densely populated areas",
			want: "Ukraine has committed not to use them in densely populated areas", minScore: 1, maxScore: 1,
			reasonWhy: "the bracketed word is not sought but aligns where the passage has it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start, end, score := Locate(tt.quote, hearing)
			if got := hearing[start:end]; got != tt.want {
				t.Errorf("Locate found %q, want %q (%s)", got, tt.want, tt.reasonWhy)
			}
			if score < tt.minScore || score > tt.maxScore {
				t.Errorf("score = %v, want in [%v, %v] (%s)", score, tt.minScore, tt.maxScore, tt.reasonWhy)
			}
		})
	}
}

func TestLocateAbsent(t *testing.T) {
	if s, e, score := Locate("Zebras gallop quickly", hearing); s != 0 || e != 0 || score != 0 {
		t.Errorf("Locate of absent words = %d, %d, %v; want 0, 0, 0", s, e, score)
	}
	if _, _, score := Locate("", hearing); score != 0 {
		t.Errorf("Locate of empty quote scored %v", score)
	}
	if _, _, score := Locate("the mines", ""); score != 0 {
		t.Errorf("Locate in empty passage scored %v", score)
	}
}

func TestLocateLongPassage(t *testing.T) {
	// The quote's words each occur hundreds of times, but in this order
	// only once, near the end.
	var b strings.Builder
	for i := 0; i < 500; i++ {
		b.WriteString("the mines will help and the battery will run. ")
	}
	quote := "the battery runs out and the mines will not detonate"
	b.WriteString("Then " + quote + ". Goodbye.")
	passage := b.String()
	start, end, score := Locate(quote, passage)
	if got := passage[start:end]; got != quote || score != 1 {
		t.Errorf("Locate = %q, %v; want %q, 1", got, score, quote)
	}
}

func FuzzDiffSelf(f *testing.F) {
	for _, s := range []string{
		"They will not detonate once the battery runs out.",
		"Russia has sought to coerce and intimidate... through [its] nuclear rhetoric",
		"anti personnel (land) mines … $4.6 billion",
		"[", "(...", "\xff\xfe", "U.S.", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := Diff(s, s)
		if d.Class > Cosmetic || d.Severity != Info || len(d.Reasons) > 0 {
			t.Errorf("Diff(s, s) for %q = %v %v %v, want no difference", s, d.Class, d.Severity, d.Reasons)
		}
		last := 0
		for _, tok := range Tokenize(s) {
			if tok.Span.Start < last || tok.Span.End > len(s) || tok.Span.Start >= tok.Span.End {
				t.Fatalf("token %q span %v out of order or bounds (len %d)", tok.Text, tok.Span, len(s))
			}
			last = tok.Span.End
		}
		start, end, score := Locate(s, s+" and more words after it")
		if start < 0 || end < start || score < 0 || score > 1 {
			t.Errorf("Locate(s, s+…) = %d, %d, %v", start, end, score)
		}
	})
}

func FuzzDiffPair(f *testing.F) {
	f.Add("They will not detonate", "They will detonate")
	f.Add("a [b] c … d", "(a) b ... c d")
	f.Fuzz(func(t *testing.T, a, b string) {
		d := Diff(a, b)
		if d.Matched > d.Words {
			t.Errorf("Matched %d > Words %d", d.Matched, d.Words)
		}
		_ = d.String()
	})
}
