package verify

import (
	"fmt"
	"strings"

	"quotecheck/compare"
)

// A Verdict says whether a draft's quote can be stood behind.
type Verdict int

// The verdicts, from clean to failed. The first four are fine to print.
const (
	Verbatim      Verdict = iota // the source's words exactly, spacing and outer punctuation aside
	Cosmetic                     // the same words, differing only as compare's Cosmetic class allows (case, marks, hyphens, spelling)
	Elided                       // an ellipsis stands for words that are in the source
	Bracketed                    // a bracketed editorial insertion stands for a short phrase of the source
	Altered                      // the wording differs: words added, dropped or changed
	Misattributed                // the words are in the source, but said by someone else
	Unverified                   // not found in any source, or found only in an article's own narrative
)

var verdictNames = [...]string{"verbatim", "cosmetic", "elided", "bracketed", "altered", "misattributed", "unverified"}

// Verdicts lists every verdict in order, for help texts and summaries.
var Verdicts = []Verdict{Verbatim, Cosmetic, Elided, Bracketed, Altered, Misattributed, Unverified}

// String returns the verdict's name in lower case: "verbatim", "altered", ….
func (v Verdict) String() string {
	if v >= 0 && int(v) < len(verdictNames) {
		return verdictNames[v]
	}
	return "unknown"
}

// MarshalText writes the verdict's name, so JSON carries "altered", not 4.
func (v Verdict) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// ParseVerdict returns the verdict with the given name, ignoring case.
func ParseVerdict(name string) (Verdict, error) {
	for i, n := range verdictNames {
		if strings.EqualFold(strings.TrimSpace(name), n) {
			return Verdict(i), nil
		}
	}
	return 0, fmt.Errorf("unknown verdict %q (want one of %s)", name, strings.Join(verdictNames[:], ", "))
}

// Fine reports whether v needs no correction: verbatim, cosmetic, elided
// or bracketed.
func (v Verdict) Fine() bool { return v <= Bracketed }

// fromClass gives the verdict for a wording difference of class c.
func fromClass(c compare.Class) Verdict {
	switch c {
	case compare.Identical:
		return Verbatim
	case compare.Cosmetic:
		return Cosmetic
	case compare.Elided:
		return Elided
	case compare.Bracketed:
		return Bracketed
	}
	return Altered
}
