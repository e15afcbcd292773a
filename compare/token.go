package compare

import (
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"quotecheck/article"
)

// A TokenKind says what a Token is.
type TokenKind uint8

// The kinds of token.
const (
	Word    TokenKind = iota // a word: letters, possibly with internal apostrophes, hyphens or dots
	Number                   // a token holding a digit, or a number word ("four")
	Elision                  // an ellipsis marking omitted words: "...", "…", ". . .", "[...]", "(…)"
	Punct                    // any other mark; kept for display, never aligned
)

var tokenKindNames = [...]string{"word", "number", "elision", "punct"}

// String returns the kind's name: "word", "number", "elision" or "punct".
func (k TokenKind) String() string {
	if int(k) < len(tokenKindNames) {
		return tokenKindNames[k]
	}
	return "unknown"
}

// A Token is one word, number, elision mark or punctuation mark of a
// piece of quoted text.
type Token struct {
	Text string       // as written
	Norm string       // Text after the transforms (see Normalize); empty for Punct
	Span article.Span // byte offsets [Start, End) in the string given to Tokenize

	// Bracket is the 1-based number of the bracketed editorial insertion
	// ("[the mines]", "(anti-personnel mines)") holding the token, counted
	// from the start of the text; 0 outside brackets.
	Bracket int32

	Kind TokenKind

	// Initial is true for the first word of a sentence (the first word of
	// the text, or one after . ! ? or an ellipsis), where a capital letter
	// says nothing about the word being a name.
	Initial bool
}

// Aligned reports whether t takes part in alignment: words, numbers and
// elision marks do, punctuation does not.
func (t Token) Aligned() bool { return t.Kind != Punct }

// Capitalised reports whether t is written with a leading capital letter
// where a sentence does not start, the mark of a name.
func (t Token) Capitalised() bool {
	if t.Initial || t.Kind != Word {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// elisionNorm is the normalised form of every elision mark.
const elisionNorm = "…"

// abbreviations keep their full stop: "Mr. Austin" is not the end of a
// sentence followed by a capitalised first word.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "gen": true, "sen": true, "rep": true,
	"gov": true, "lt": true, "col": true, "sgt": true, "st": true, "jr": true, "sr": true,
	"prof": true, "adm": true, "maj": true, "capt": true, "rev": true, "vs": true, "no": false,
}

// Tokenize splits quoted text into tokens, in order, covering every
// non-space byte of s once. It never fails: any byte sequence, valid UTF-8
// or not, gives tokens whose spans are in bounds and do not overlap.
//
// Words keep internal apostrophes ("don't", "Russia’s"), hyphens and dashes
// between letters or digits ("anti-personnel", "2022–23"), dots between
// letters ("U.S.") and separators inside numbers ("4.6", "275,000"). A
// currency sign or per-cent sign is a word of its own ("$", "%"), since
// dropping one changes an amount. Square brackets and parentheses around
// words mark an editorial insertion (Token.Bracket); an ellipsis alone or
// inside brackets is one Elision token.
func Tokenize(s string) []Token { return appendTokens(nil, s) }

// appendTokens appends the tokens of s (see Tokenize) to toks.
func appendTokens(toks []Token, s string) []Token {
	bracket := 0    // number of the current bracketed insertion
	inBracket := 0  // depth
	initial := true // next word starts a sentence
	closers := matchBrackets(s)
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isSpaceRune(r):
			i += n
			continue
		case r == utf8.RuneError && n <= 1:
			toks = append(toks, Token{Text: s[i : i+1], Span: article.Span{Start: i, End: i + 1}, Kind: Punct})
			i++
			continue
		}
		if end, ok := elisionAt(s, i); ok {
			toks = append(toks, Token{Text: s[i:end], Norm: elisionNorm, Span: article.Span{Start: i, End: end}, Kind: Elision, Bracket: bracketIf(inBracket, bracket)})
			initial = true
			i = end
			continue
		}
		if r == '[' || r == '(' {
			if closers[i] {
				bracket++
				inBracket++
			}
			toks = append(toks, Token{Text: s[i : i+n], Span: article.Span{Start: i, End: i + n}, Kind: Punct})
			i += n
			continue
		}
		if (r == ']' || r == ')') && inBracket > 0 {
			inBracket--
			toks = append(toks, Token{Text: s[i : i+n], Span: article.Span{Start: i, End: i + n}, Kind: Punct})
			i += n
			continue
		}
		if isWordRune(r) || r == '$' || r == '€' || r == '£' || r == '%' {
			end := wordEnd(s, i)
			t := Token{Text: s[i:end], Span: article.Span{Start: i, End: end}, Kind: Word, Bracket: bracketIf(inBracket, bracket)}
			t.Norm = Normalize(t.Text)
			if isNumberToken(t.Text, t.Norm) {
				t.Kind = Number
			}
			t.Initial = initial
			initial = false
			toks = append(toks, t)
			i = end
			continue
		}
		toks = append(toks, Token{Text: s[i : i+n], Span: article.Span{Start: i, End: i + n}, Kind: Punct, Bracket: bracketIf(inBracket, bracket)})
		if r == '.' || r == '!' || r == '?' {
			initial = true
		}
		i += n
	}
	return toks
}

func bracketIf(depth, n int) int32 {
	if depth > 0 {
		return int32(n)
	}
	return 0
}

// matchBrackets returns the offsets of the opening brackets of s that have
// a matching closer, so an unclosed "(" does not bracket the rest.
func matchBrackets(s string) map[int]bool {
	var stack []int
	var open map[int]bool
	for i, r := range s {
		switch r {
		case '[', '(':
			stack = append(stack, i)
		case ']', ')':
			if len(stack) > 0 {
				if open == nil {
					open = map[int]bool{}
				}
				open[stack[len(stack)-1]] = true
				stack = stack[:len(stack)-1]
			}
		}
	}
	return open
}

// elisionAt reports whether an elision mark starts at s[i] and where it
// ends: "...", "…", ". . .", or one of those alone inside [ ] or ( ).
func elisionAt(s string, i int) (int, bool) {
	if s[i] == '[' || s[i] == '(' {
		closer := byte(']')
		if s[i] == '(' {
			closer = ')'
		}
		j := i + 1
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if end, ok := bareElision(s, j); ok {
			for end < len(s) && s[end] == ' ' {
				end++
			}
			if end < len(s) && s[end] == closer {
				return end + 1, true
			}
		}
		return 0, false
	}
	return bareElision(s, i)
}

func bareElision(s string, i int) (int, bool) {
	if strings.HasPrefix(s[i:], "…") {
		return i + len("…"), true
	}
	if strings.HasPrefix(s[i:], "...") {
		end := i + 3
		for end < len(s) && s[end] == '.' {
			end++
		}
		return end, true
	}
	if strings.HasPrefix(s[i:], ". . .") {
		return i + 5, true
	}
	return 0, false
}

// isWordRune reports whether r can start or continue a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isJoiner reports whether r joins two word runes into one word:
// apostrophes, hyphens and dashes.
func isJoiner(r rune) bool {
	return isApostrophe(r) || isDash(r)
}

// wordEnd returns the end of the word starting at s[i].
func wordEnd(s string, i int) int {
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == '$' || r == '€' || r == '£' || r == '%' {
		return i + n
	}
	end := i + n
	dotted := false
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if isWordRune(r) {
			end += n
			continue
		}
		if end+n < len(s) {
			next, _ := utf8.DecodeRuneInString(s[end+n:])
			prev, _ := utf8.DecodeLastRuneInString(s[:end])
			switch {
			case isJoiner(r) && isWordRune(next):
				end += n
				continue
			case r == '.' && unicode.IsLetter(prev) && unicode.IsLetter(next) && singleLetterBefore(s[i:end]):
				// U.S., U.N.
				dotted = true
				end += n
				continue
			case (r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(next):
				end += n
				continue
			}
		}
		if r == '.' && (dotted || abbreviations[strings.ToLower(s[i:end])]) {
			end += n
		}
		break
	}
	return end
}

// singleLetterBefore reports whether the last dot-separated part of w is a
// single letter, as in "U" or "U.S".
func singleLetterBefore(w string) bool {
	if k := strings.LastIndexByte(w, '.'); k >= 0 {
		w = w[k+1:]
	}
	return utf8.RuneCountInString(w) == 1
}

func isSpaceRune(r rune) bool {
	switch r {
	case 0xA0, 0xFEFF, 0x200B, 0x2028, 0x2029:
		return true
	}
	return unicode.IsSpace(r)
}

// isNumberToken reports whether a word is a number: it holds a digit or
// its normalised form is a number word's digits.
func isNumberToken(text, norm string) bool {
	for _, r := range text {
		if unicode.IsDigit(r) {
			return true
		}
	}
	for _, r := range norm {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return norm != ""
}

// Words returns the aligned tokens of s (words, numbers and elision marks).
func Words(s string) []Token {
	var buf [64]Token // most quotes fit: only the result is allocated
	if toks := appendWords(buf[:0], s); len(toks) > 0 {
		return append(make([]Token, 0, len(toks)), toks...) // exactly: diffs keep them
	}
	return nil
}

// appendWords appends the aligned tokens of s (see Words) to toks.
func appendWords(toks []Token, s string) []Token {
	n := len(toks)
	toks = appendTokens(toks, s)
	kept := slices.DeleteFunc(toks[n:], func(t Token) bool { return !t.Aligned() })
	return toks[:n+len(kept)]
}

// wordTexts yields the text of every Word and Number token of s, the
// tokens Tokenize finds, without making Tokens: a word starts wherever
// Tokenize would start one (spaces, elision marks, brackets and other
// marks hold no word runes, so skipping them rune by rune finds the same
// starts) and ends at wordEnd.
func wordTexts(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := 0; i < len(s); {
			r, n := rune(s[i]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(s[i:])
			}
			if isWordRune(r) || r == '$' || r == '€' || r == '£' || r == '%' {
				end := wordEnd(s, i)
				if !yield(s[i:end]) {
					return
				}
				i = end
				continue
			}
			i += n
		}
	}
}
