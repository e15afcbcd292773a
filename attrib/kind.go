package attrib

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// labelWords introduce a scare-quoted label: described as "non-persistent",
// the so-called "peace plan".
var labelWords = set(`as called calls call dubbed dubs so-called termed terms labeled labelled
	branded brands named nicknamed word term phrase slogan motto billed`)

// kindOf decides what a quote is from its words and its place in the
// sentence st, where st[i] is the quote.
//
// A quote that opens its sentence, follows an introducer (a colon, a comma
// or a cue verb), or has a cue attached is a statement — unless it is a
// short run of capitalised words with no cue, which is a title. A quote set
// inside the writer's own sentence is a term when it is one or two words, a
// short title, or a short phrase after a labelling word ("described as");
// otherwise a fragment.
func kindOf(words string, st []token, i int, attached, cued bool) Kind {
	n := countWords(words, 9) // only up to 8 words matter
	leading := i == leadingIndex(st)
	if !leading && n <= 8 && isTitleCase(words) {
		return Term // a title: her book, “The Subscription Trap,” …
	}
	introduced := i > 0 && (st[i-1].punct(":", ",", "—", "–", "(") ||
		st[i-1].kind == tWord && st[i-1].in(cueVerb) && !st[i-1].in(weakCue) && startsUpper(words))
	if introduced && !leading && !attached && !startsUpper(words) && writerGoesOn(st, i) {
		// According to the agency, "more than 30 violations" were recorded.
		introduced = false
	}
	if leading || introduced {
		if !attached && n <= 8 && isTitleCase(words) {
			return Term
		}
		if !attached && n <= 2 && !leading && !endsSentence(words) {
			return Term
		}
		return Statement
	}
	labelled := labelled(st, i)
	if n == 1 && i > 0 && st[i-1].in(copula) {
		labelled = true // would be "nonpersistent"
	}
	if n <= 2 && (labelled || !cued) {
		return Term
	}
	if n <= 5 && isTitleCase(words) {
		return Term
	}
	if n <= 5 && labelled {
		return Term
	}
	return Fragment
}

// labelled reports whether the words before a quote present it as a label:
// described as "non-persistent", would be "nonpersistent", calls it
// "rent-seeking by remote control".
func labelled(st []token, i int) bool {
	if i == 0 || st[i-1].kind != tWord {
		return false
	}
	if st[i-1].in(labelWord) {
		return true
	}
	switch st[i-1].low {
	case "it", "them", "him", "her", "this", "that", "himself", "herself", "itself":
		return i > 1 && st[i-2].kind == tWord && (st[i-2].in(labelWord) || st[i-2].in(cueVerb))
	}
	return false
}

// copulas before a short quote make it a label: would be "nonpersistent".
var copulas = set(`be is are was were being been become became seem seems`)

// writerGoesOn reports whether the writer's own words follow the quote in
// its sentence.
func writerGoesOn(st []token, i int) bool {
	return i+1 < len(st) && st[i+1].kind == tWord
}

func startsUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
	}
	return false
}

// countWords returns the number of words in s, counting no further than
// most.
func countWords(s string, most int) int {
	n := 0
	in := false
	for _, r := range s {
		w := isWordRune(r) || r == '\'' || r == '’' || r == '-'
		if w && !in {
			n++
			if n == most {
				break
			}
		}
		in = w
	}
	return n
}

// isTitleCase reports whether every word of four letters or more starts
// with a capital, as titles of works do ("Saturday Night Live"), and the
// words do not end like a sentence.
func isTitleCase(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), ",;:")
	if s == "" || endsSentence(s) {
		return false
	}
	first := true
	words := 0
	for w := range strings.FieldsSeq(s) {
		words++
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if (first || utf8.RuneCountInString(w) >= 4) && !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
		first = false
	}
	return strings.ContainsFunc(s, unicode.IsUpper) && words > 1
}

func endsSentence(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), "'\"’”)")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "…")
}
