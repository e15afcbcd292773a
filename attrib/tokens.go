package attrib

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A tokKind says what a token of a paragraph's frame is.
type tokKind uint8

const (
	tWord  tokKind = iota // a word: letters, digits, inner . ' - ’ (U.S., don't, anti-personnel)
	tPunct                // one punctuation character (, . ; : ! ? — ( ) …)
	tQuote                // a whole quotation, marks included
)

// A token is one unit of a paragraph's frame: the paragraph as the writer's
// own words, with each quotation reduced to a single token.
type token struct {
	kind  tokKind
	caps  bool      // a word starting with an upper-case letter
	class wordClass // the word lists low is on; zero for punctuation and quotes
	start int       // byte offset in the article's text
	end   int       // byte offset in the article's text
	text  string    // the word or punctuation; for a quote, its marks and words
	low   string    // text in lower case, ’ as '; for words only
	quote int       // index of the quote in the article's list, for tQuote
}

// in reports whether the token is a word on any of the lists in c.
func (t token) in(c wordClass) bool { return t.class&c != 0 }

func (t token) is(words ...string) bool {
	if t.kind != tWord {
		return false
	}
	for _, w := range words {
		if t.low == w {
			return true
		}
	}
	return false
}

func (t token) punct(p ...string) bool {
	if t.kind != tPunct {
		return false
	}
	for _, s := range p {
		if t.text == s {
			return true
		}
	}
	return false
}

// lower returns the token's text in lower case with curly apostrophes
// folded to straight ones.
func (t token) lower() string { return t.low }

// isLower reports whether w is its own lower-case form: ASCII with no
// capital letter.
func isLower(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// appendLowerWord appends w in lower case with curly apostrophes folded to
// straight ones.
func appendLowerWord(b []byte, w string) []byte {
	for _, r := range w {
		if r == '’' {
			r = '\''
		}
		b = appendLowerRune(b, r)
	}
	return b
}

// A lowRef places a word's lower-case form, lows[start:end] in a
// scratch, in the low field of token tok.
type lowRef struct{ tok, start, end int }

// tokenize splits text[start:end] into tokens, replacing each span in quotes
// (which must be ordered and inside the range) by one tQuote token. The
// tokens are valid until the next call.
//
// A word's lower-case form is the word itself when it is ASCII with no
// capital letter. The others' are written one after another into s.lows
// and made into one string for the paragraph, which their tokens' low
// fields slice; so a paragraph costs one string, not one for each
// capitalised word.
func (s *scratch) tokenize(text string, start, end int, quotes []qspan) []token {
	if cap(s.toks) == 0 {
		s.toks = make([]token, 0, 256)
	}
	out := s.toks[:0]
	s.lows, s.lowAt = s.lows[:0], s.lowAt[:0]
	qi := 0
	for i := start; i < end; {
		if qi < len(quotes) && i >= quotes[qi].start {
			q := quotes[qi]
			out = append(out, token{kind: tQuote, start: q.start, end: q.end, text: text[q.start:q.end], quote: q.index})
			i = q.end
			qi++
			continue
		}
		stop := end
		if qi < len(quotes) && quotes[qi].start < stop {
			stop = quotes[qi].start
		}
		r, n := utf8.DecodeRuneInString(text[i:stop])
		switch {
		case unicode.IsSpace(r) || r == 0xA0:
			i += n
		case isWordRune(r):
			j := wordEnd(text, i, stop)
			w := text[i:j]
			first, _ := utf8.DecodeRuneInString(w)
			t := token{kind: tWord, start: i, end: j, text: w, caps: unicode.IsUpper(first)}
			if isLower(w) {
				t.low = w
				t.class = wordClasses.class(w)
			} else {
				ref := lowRef{tok: len(out), start: len(s.lows)}
				s.lows = appendLowerWord(s.lows, w)
				ref.end = len(s.lows)
				s.lowAt = append(s.lowAt, ref)
			}
			out = append(out, t)
			i = j
		default:
			j := i + n
			if r == '.' && strings.HasPrefix(text[j:stop], "..") {
				j += 2
			}
			out = append(out, token{kind: tPunct, start: i, end: j, text: text[i:j]})
			i = j
		}
	}
	if len(s.lowAt) > 0 {
		lows := string(s.lows)
		for _, r := range s.lowAt {
			out[r.tok].low = lows[r.start:r.end]
			out[r.tok].class = wordClasses.class(out[r.tok].low)
		}
	}
	s.toks = out
	return out
}

// wordEnd returns the end of the word starting at i: letters and digits,
// joined by single inner apostrophes, hyphens, periods (U.S., 4.6) and
// ampersands (AT&T).
func wordEnd(text string, i, stop int) int {
	j := i
	for j < stop && text[j] < utf8.RuneSelf && asciiWord[text[j]] {
		j++ // the common case, read a byte at a time
	}
	for j < stop {
		r, n := utf8.DecodeRuneInString(text[j:stop])
		if isWordRune(r) {
			j += n
			continue
		}
		if r == '\'' || r == '’' || r == '-' || r == '.' || r == '&' {
			// Joined only when a letter or digit follows.
			nr, _ := utf8.DecodeRuneInString(text[j+n : stop])
			if j+n < stop && isWordRune(nr) {
				j += n
				continue
			}
			// The last period of an initialism (U.S., Ph.D.), an initial
			// (Charles B. Rangel) or a title (Sen., Mr.).
			if r == '.' && (isInitialism(text[i:j+n]) || isTitleAbbrev(text[i:j])) {
				j += n
			}
		}
		break
	}
	return j
}

// isTitleAbbrev reports whether w, before a period, is a single capital
// letter or an abbreviated title that stands before a name.
func isTitleAbbrev(w string) bool {
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	return inLower(titleAbbrevs, w)
}

// titleAbbrevs are abbreviations written before a name.
var titleAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true, "gov": true,
	"gen": true, "col": true, "lt": true, "adm": true, "prof": true, "rev": true, "sgt": true,
	"capt": true, "det": true, "st": true, "coun": true, "maj": true, "cpl": true, "pvt": true,
	"supt": true, "insp": true, "cmdr": true, "atty": true,
}

// isInitialism reports whether w, ending in a period, is written as letters
// with periods between them: U.S., D.C., Ph.D.
func isInitialism(w string) bool {
	if strings.Count(w, ".") < 2 {
		return false
	}
	for _, part := range strings.Split(strings.TrimSuffix(w, "."), ".") {
		if n := utf8.RuneCountInString(part); n == 0 || n > 2 {
			return false
		}
	}
	return true
}

// A qspan is a quotation's extent within a paragraph, marks included.
type qspan struct {
	start, end int
	index      int
}

// sentences splits a paragraph's tokens into sentences, as [start, end)
// index ranges into toks. A sentence ends at . ! ? (not after an
// abbreviation or an initial) before a word starting in upper case, a digit
// or a quotation; and after a quotation whose words end a sentence, unless
// an attribution follows ("Why?" she asked).
// The sentences are appended to out.
func sentences(out [][2]int, toks []token, quoteEnds func(int) byte) [][2]int {
	start := 0
	for i := 0; i < len(toks); i++ {
		end := false
		next := i + 1
		switch t := toks[i]; t.kind {
		case tPunct:
			if t.text == "." || t.text == "!" || t.text == "?" || t.text == "..." || t.text == "…" {
				end = next >= len(toks) || startsSentence(toks[next])
				if end && t.text == "." && i > 0 && isAbbrev(toks[i-1]) && toks[i-1].end == t.start {
					end = false
				}
			}
		case tQuote:
			c := quoteEnds(t.quote)
			if next < len(toks) && (c == '.' || c == '!' || c == '?') && startsSentence(toks[next]) {
				end = c == '.' || !cueFollows(toks[next:])
			}
		}
		if end || next >= len(toks) {
			out = append(out, [2]int{start, next})
			start = next
		}
	}
	return out
}

func startsSentence(t token) bool {
	switch t.kind {
	case tQuote:
		return true
	case tWord:
		r, _ := utf8.DecodeRuneInString(t.text)
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return t.text == "("
}

// cueFollows reports whether toks open with a short noun phrase and a
// speech verb: "Smith said", "the official added".
func cueFollows(toks []token) bool {
	for i, t := range toks {
		if i > 5 || t.kind != tWord {
			return false
		}
		if t.in(cueVerb) {
			return true
		}
	}
	return false
}

// isAbbrev reports whether a word before a period abbreviates rather than
// ends a sentence: titles (Sen., Dr.), months, initials, U.S.
func isAbbrev(t token) bool {
	if t.kind != tWord {
		return false
	}
	if utf8.RuneCountInString(t.text) == 1 && t.caps {
		return true // an initial: John F. Kennedy
	}
	if strings.Contains(t.text, ".") {
		return true // U.S, Ph.D, Sen.
	}
	return t.in(abbreviation)
}
