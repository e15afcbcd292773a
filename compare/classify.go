package compare

import (
	"fmt"
	"strings"
)

// A Class says what kind of difference there is between two wordings of a
// quote. Classes are ordered from harmless to serious; the Class of a whole
// Diff is the most serious Class of its changes.
type Class int

// The classes of difference.
const (
	Identical   Class = iota // the same characters, apart from spacing and outer punctuation
	Cosmetic                 // the same words after normalisation: case, punctuation, marks, hyphens, spelling
	Elided                   // words omitted and marked with an ellipsis; the omitted words are in the fuller version
	Bracketed                // an editorial insertion in brackets stands for a pronoun or short phrase (≤ MaxBracketed words)
	Substantive              // words added, dropped or changed
)

var classNames = [...]string{"identical", "cosmetic", "elided", "bracketed", "substantive"}

// String returns the class's name: "identical", "cosmetic", "elided", "bracketed" or "substantive".
func (c Class) String() string {
	if c >= 0 && int(c) < len(classNames) {
		return classNames[c]
	}
	return fmt.Sprintf("class(%d)", int(c))
}

// MarshalText writes the class's name.
func (c Class) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// MaxBracketed is the longest phrase, in words, that a bracketed insertion
// may stand for and still be an editorial clarification rather than a
// change of wording.
const MaxBracketed = 4

// A Reason is why a substantive change may shift a quote's meaning. A
// change with any reason is of High severity.
type Reason int

// The reasons. Each is detected from the words of one change, on either side.
const (
	Negation Reason = iota // a negator added or dropped: not, never, no, n't, …
	Numeric                // a number, amount or quantity: 4, four, $, million, percent
	Date                   // a date or time word: Tuesday, January, yesterday
	Name                   // a capitalised word not starting a sentence (a name), title words aside
	Modality               // a modal verb: will, would, may, might, must, can, could, should, shall
)

var reasonNames = [...]string{"negation", "number", "date", "name", "modality"}

// String returns the reason's name: "negation", "number", "date", "name" or "modality".
func (r Reason) String() string {
	if r >= 0 && int(r) < len(reasonNames) {
		return reasonNames[r]
	}
	return fmt.Sprintf("reason(%d)", int(r))
}

// MarshalText writes the reason's name.
func (r Reason) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

var negators = map[string]bool{
	"not": true, "never": true, "no": true, "none": true, "nothing": true, "nobody": true,
	"neither": true, "nor": true, "cannot": true, "nowhere": true, "without": true,
}

// isNegator reports whether a normalised word negates.
func isNegator(norm string) bool {
	return negators[norm] || strings.HasSuffix(norm, "n't")
}

var modals = map[string]bool{
	"will": true, "would": true, "may": true, "might": true, "must": true, "can": true,
	"could": true, "should": true, "shall": true, "cannot": true, "won't": true,
	"wouldn't": true, "can't": true, "couldn't": true, "shouldn't": true, "mustn't": true,
	"mightn't": true, "shan't": true, "ought": true,
}

func isModal(norm string) bool {
	if modals[norm] {
		return true
	}
	// Contracted forms: I'll, we'd, they'll.
	return strings.HasSuffix(norm, "'ll") || strings.HasSuffix(norm, "'d")
}

var amountWords = map[string]bool{
	"$": true, "€": true, "£": true, "%": true, "percent": true, "hundred": true, "thousand": true,
	"million": true, "millions": true, "billion": true, "billions": true, "trillion": true,
	"dozen": true, "dozens": true, "half": true, "quarter": true, "dollars": true, "dollar": true,
	"euros": true, "pounds": true, "twice": true, "double": true, "triple": true, "once": true,
}

var dateWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true,
	"april": true, "june": true, "july": true, "august": true, "september": true,
	"october": true, "november": true, "december": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "today": true, "yesterday": true, "tomorrow": true, "tonight": true,
	"week": true, "weeks": true, "month": true, "months": true, "year": true, "years": true,
	"day": true, "days": true, "hours": true, "hour": true, "decade": true, "decades": true,
}

// titleWords are capitalised words that are titles, not names: dropping
// "President" before a name does not change who is meant.
var titleWords = map[string]bool{
	"president": true, "secretary": true, "minister": true, "prime": true, "vice": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "general": true, "sen": true,
	"senator": true, "rep": true, "representative": true, "gov": true, "governor": true,
	"chancellor": true, "king": true, "queen": true, "prince": true, "pope": true,
	"i": true, "i'm": true, "i've": true, "i'll": true, "i'd": true,
}

// Reasons returns the meaning-shifting reasons of a change that drops
// words del and adds words ins, sorted and without repeats.
//
//   - Negation when the number of negators differs between the sides, so
//     "will not" against "won't" is no negation change but "not" dropped is;
//   - Modality when the modal verbs of the sides differ as multisets;
//   - Numeric, Date when either side has such a word;
//   - Name when either side has a capitalised word (see Token.Capitalised)
//     that is not a title and whose normalised form is not on the other side.
func Reasons(del, ins []Token) []Reason {
	var out []Reason
	if count(del, isNegator) != count(ins, isNegator) {
		out = append(out, Negation)
	}
	if anyOf(del, numeric) || anyOf(ins, numeric) {
		out = append(out, Numeric)
	}
	if anyOf(del, dateWord) || anyOf(ins, dateWord) {
		out = append(out, Date)
	}
	if hasName(del, ins) || hasName(ins, del) {
		out = append(out, Name)
	}
	if !sameMultiset(filter(del, isModal), filter(ins, isModal)) {
		out = append(out, Modality)
	}
	return out
}

func numeric(t Token) bool  { return t.Kind == Number || amountWords[t.Norm] }
func dateWord(t Token) bool { return dateWords[t.Norm] }

func count(ts []Token, f func(string) bool) int {
	n := 0
	for _, t := range ts {
		if f(t.Norm) {
			n++
		}
	}
	return n
}

func anyOf(ts []Token, f func(Token) bool) bool {
	for _, t := range ts {
		if f(t) {
			return true
		}
	}
	return false
}

func filter(ts []Token, f func(string) bool) []string {
	var out []string
	for _, t := range ts {
		if f(t.Norm) {
			out = append(out, t.Norm)
		}
	}
	return out
}

func sameMultiset(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	n := map[string]int{}
	for _, s := range a {
		n[s]++
	}
	for _, s := range b {
		n[s]--
		if n[s] < 0 {
			return false
		}
	}
	return true
}

func hasName(side, other []Token) bool {
	for _, t := range side {
		if !t.Capitalised() || titleWords[strings.TrimSuffix(t.Norm, ".")] {
			continue
		}
		found := false
		for _, o := range other {
			if o.Norm == t.Norm {
				found = true
				break
			}
		}
		if !found {
			return true
		}
	}
	return false
}

// classify decides the Class of one change: words del of the reference
// replaced by words ins of the other wording.
//
//   - Elided: one side holds only elision marks (at least one) and the
//     other only words, or only elision marks: the ellipsis stands for
//     words the fuller version prints.
//   - Bracketed: one side is wholly inside brackets and the other has at
//     most MaxBracketed words and no elision mark.
//   - Substantive otherwise.
func classify(del, ins []Token) Class {
	if elisionOnly(ins) && !hasElision(del) || elisionOnly(del) && !hasElision(ins) {
		return Elided
	}
	if bracketOnly(ins) && len(del) <= MaxBracketed && !hasElision(del) ||
		bracketOnly(del) && len(ins) <= MaxBracketed && !hasElision(ins) {
		return Bracketed
	}
	return Substantive
}

func elisionOnly(ts []Token) bool {
	if len(ts) == 0 {
		return false
	}
	for _, t := range ts {
		if t.Kind != Elision {
			return false
		}
	}
	return true
}

func hasElision(ts []Token) bool {
	for _, t := range ts {
		if t.Kind == Elision {
			return true
		}
	}
	return false
}

func bracketOnly(ts []Token) bool {
	if len(ts) == 0 {
		return false
	}
	for _, t := range ts {
		if t.Bracket == 0 {
			return false
		}
	}
	return true
}
