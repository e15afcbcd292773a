package compare

import (
	"strings"
	"unicode"
)

// A Transform is one named normalisation step applied to a single word.
// Two words are the same word when their forms after every transform in
// Transforms are equal.
type Transform struct {
	Name  string
	Doc   string
	Apply func(string) string
}

// Transforms are the word normalisations, in the order Normalize applies
// them. Token-level equivalences that span more than one word are done by
// the aligner, not here: punctuation tokens are dropped before alignment,
// and two adjacent words whose forms concatenate to one word on the other
// side ("anti personnel" / "antipersonnel") are joined (see Diff).
var Transforms = []Transform{
	{
		Name:  "fold-case",
		Doc:   "Lower-case every letter (Unicode simple folding): Ukraine = ukraine.",
		Apply: strings.ToLower,
	},
	{
		Name:  "fold-marks",
		Doc:   "Make every apostrophe and single quote mark (’ ‘ ʼ ′ `) a straight apostrophe: Russia’s = Russia's.",
		Apply: foldMarks,
	},
	{
		Name:  "fold-dashes",
		Doc:   "Make every hyphen and dash (‐ ‑ ‒ – — ― −) a hyphen-minus: 2022–23 = 2022-23.",
		Apply: foldDashes,
	},
	{
		Name:  "join-hyphens",
		Doc:   "Drop hyphens inside words and dots inside abbreviations: anti-personnel = antipersonnel, U.S. = US.",
		Apply: joinHyphens,
	},
	{
		Name:  "fold-spelling",
		Doc:   "Spell British forms the American way, from a small table (defence, grey, programme, travelled, …) and rules (-our → -or, -ise → -ize, -yse → -yze): armoured = armored.",
		Apply: foldSpelling,
	},
	{
		Name:  "fold-numbers",
		Doc:   "Write number words zero to twenty as digits and drop thousands separators: four = 4, 275,000 = 275000.",
		Apply: foldNumbers,
	},
}

// Normalize returns the normalised form of one word: the result of every
// transform in Transforms applied in order.
//
// A word of ASCII letters only, most words, takes a short cut with the
// same result: fold-marks, fold-dashes and join-hyphens leave it as it is.
func Normalize(word string) string {
	if w, ok := lowerLetters(word); ok {
		return foldNumbers(foldSpelling(w))
	}
	for _, t := range Transforms {
		word = t.Apply(word)
	}
	return word
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', 'ʼ', '′', '`', 'ʻ':
		return true
	}
	return false
}

func isDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―', '−':
		return true
	}
	return false
}

func foldMarks(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r != '\'' && isApostrophe(r) }) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return '\''
		}
		return r
	}, s)
}

func foldDashes(s string) string {
	if strings.IndexFunc(s, func(r rune) bool { return r != '-' && isDash(r) }) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isDash(r) {
			return '-'
		}
		return r
	}, s)
}

// joinHyphens drops hyphens and dots inside a word. One between digits
// (a range, 2022-23, or a decimal point, 4.6) is kept.
func joinHyphens(s string) string {
	if !strings.ContainsAny(s, "-.") {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		between := i > 0 && i+1 < len(rs) && unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1])
		if r == '.' && !between {
			continue
		}
		if r == '-' && i > 0 && i+1 < len(rs) && !(unicode.IsDigit(rs[i-1]) && unicode.IsDigit(rs[i+1])) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// numberWords maps number words to digits.
var numberWords = map[string]string{
	"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
	"six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
	"eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15",
	"sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20",
}

func foldNumbers(s string) string {
	if d, ok := numberWords[s]; ok {
		return d
	}
	if strings.IndexByte(s, ',') >= 0 {
		return strings.ReplaceAll(s, ",", "")
	}
	return s
}

// lowerLetters returns s lower-cased, as strings.ToLower does, and true
// when s is made of ASCII letters only; otherwise false.
func lowerLetters(s string) (string, bool) {
	upper := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z':
		case 'A' <= c && c <= 'Z':
			upper = true
		default:
			return "", false
		}
	}
	if !upper {
		return s, true
	}
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return string(b), true
}
