package attrib

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// A family groups the quotation marks that can pair with each other.
type family uint8

const (
	double    family = iota // " “ ” „
	single                  // ' ‘ ’ ‚
	guillemet               // « » ‹ ›
)

// A mark is one quotation-mark character that may open or close a quote.
type mark struct {
	pos      int // byte offset in the text
	size     int // bytes in the mark
	fam      family
	canOpen  bool
	canClose bool
	weak     bool // a closer that may as well be an apostrophe (residents’ homes)
}

// A pair is a matched opening and closing mark.
type pair struct {
	open, close mark
	depth       int // 0 for an outermost quote
}

// classify returns the mark at text[i], if the rune there is a quotation
// mark in this position rather than an apostrophe.
//
// Straight marks get their direction from what flanks them: a mark with a
// space (or the paragraph edge, or an opening bracket) before it and a word
// after it can open; one with a word or punctuation before it and a space or
// punctuation after it can close. A single mark between two letters (don't,
// it’s) or before a digit after a space (’90s) is an apostrophe.
func classify(text string, i int) (mark, bool) {
	r, n := utf8.DecodeRuneInString(text[i:])
	prev, next := ' ', ' '
	if i > 0 {
		prev, _ = utf8.DecodeLastRuneInString(text[:i])
	}
	if i+n < len(text) {
		next, _ = utf8.DecodeRuneInString(text[i+n:])
	}
	m := mark{pos: i, size: n}
	left, right := flanks(prev, next)
	switch r {
	case '"':
		m.fam = double
		m.canOpen, m.canClose = left, right
	case '“', '„':
		m.fam = double
		// A curly opener typed where a closer belongs ("word“ next").
		m.canOpen = left || !right
		m.canClose = right && !left
	case '”':
		m.fam = double
		m.canClose = right || !left
		m.canOpen = left && !right
	case '«', '‹':
		m.fam = guillemet
		m.canOpen = true
	case '»', '›':
		m.fam = guillemet
		m.canClose = true
	case '\'', '‘', '’', '‚':
		m.fam = single
		switch {
		case isWordRune(prev) && isWordRune(next):
			return m, false // don't, it’s, rock’n’roll
		case !isWordRune(prev) && unicode.IsDigit(next) && r != '‘':
			return m, false // ’90s
		}
		m.canOpen = left && r != '’'
		m.canClose = right && r != '‘'
		if r == '’' && left && !right {
			// ’Tis, ’em: an elision at a word's start, or a mistyped
			// opener. Let it open; an unmatched single opener is dropped.
			m.canOpen = true
		}
		// After a letter with a space and a word after it, a closing
		// single mark may be a plural possessive: residents’ homes.
		m.weak = m.canClose && isWordRune(prev) && unicode.IsSpace(next)
	default:
		return m, false
	}
	return m, m.canOpen || m.canClose
}

// flanks reports whether a mark between prev and next is left-flanking (can
// open: a word follows and no word precedes) and right-flanking (can close).
func flanks(prev, next rune) (left, right bool) {
	prevSpace := unicode.IsSpace(prev) || isOpenPunct(prev)
	nextSpace := unicode.IsSpace(next)
	prevPunct := unicode.IsPunct(prev) || unicode.IsSymbol(prev)
	nextPunct := unicode.IsPunct(next) || unicode.IsSymbol(next)
	left = !nextSpace && (!nextPunct || prevSpace || prevPunct)
	right = !prevSpace && (!prevPunct || nextSpace || nextPunct)
	if left && right {
		// Between two words or two punctuation marks: decide by which side
		// is the more word-like.
		switch {
		case prevPunct && !nextPunct:
			right = false
		case nextPunct && !prevPunct:
			left = false
		}
	}
	return left, right
}

func isOpenPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '—', '–', '-', '/':
		return true
	}
	return false
}

// isWordRune reports whether r is a letter or a digit. It is written to be
// inlined, as the tokenizer asks it of every character.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return isLetterOrDigit(r)
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// scanMarks appends the quotation marks in text[start:end] to out, in
// order.
func scanMarks(out []mark, text string, start, end int) []mark {
	text = text[:end]
	for i := start; i < len(text); {
		c := text[i]
		if c != '"' && c != '\'' && c < utf8.RuneSelf {
			i++
			continue
		}
		if m, ok := classify(text, i); ok {
			out = append(out, m)
		}
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	return out
}

// pairMarks matches the marks of one paragraph. carry holds double or
// guillemet openers left open by the previous paragraph when this paragraph
// continues the quote (see Find). It returns the matched pairs, in order of
// their opening marks, and the openers still unclosed at the end. The
// pairs are appended to pairs and the openers to stack, so that a caller
// can reuse their storage.
func pairMarks(marks, carry []mark, pairs []pair, stack []mark) ([]pair, []mark) {
	stack = append(stack, carry...)
	for i, m := range marks {
		top := -1
		for j := len(stack) - 1; j >= 0; j-- {
			if stack[j].fam == m.fam {
				top = j
				break
			}
		}
		closeNow := m.canClose && top >= 0
		if closeNow && m.fam == single && m.weak && laterCloser(marks[i+1:]) {
			closeNow = false // residents’ ... ’: the later mark closes
		}
		switch {
		case closeNow:
			o := stack[top]
			// Unmatched openers above it were apostrophes or strays.
			stack = stack[:top]
			pairs = append(pairs, pair{open: o, close: m})
		case m.canOpen:
			stack = append(stack, m)
		}
	}
	sortPairs(pairs)
	return pairs, stack
}

// laterCloser reports whether a single closing mark comes later in the
// paragraph before any single mark that only opens.
func laterCloser(rest []mark) bool {
	for _, m := range rest {
		if m.fam != single {
			continue
		}
		if m.canClose && !m.weak {
			return true
		}
		if m.canOpen && !m.canClose {
			return false
		}
	}
	return false
}

// sortPairs orders pairs by their opening marks and sets the depth of each
// pair that lies inside another. Pairs from one stack nest or stand apart,
// so the pairs still open around each one form a stack too.
func sortPairs(p []pair) {
	slices.SortFunc(p, func(a, b pair) int { return a.open.pos - b.open.pos })
	var around []int // closing positions of the pairs enclosing the current one
	for i := range p {
		for len(around) > 0 && around[len(around)-1] < p[i].open.pos {
			around = around[:len(around)-1]
		}
		p[i].depth = len(around)
		around = append(around, p[i].close.pos)
	}
}
