package attrib

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The helpers here read the words of a name or a phrase in place. The
// finder runs them for nearly every capitalised word of an article, so
// they give the answers strings.Fields and strings.ToLower would lead to
// without building the slices and strings those return.

// appendLower appends s to b in lower case, exactly as strings.ToLower
// would return it.
func appendLower(b []byte, s string) []byte {
	for _, r := range s {
		b = appendLowerRune(b, r)
	}
	return b
}

// appendLowerRune appends r to b in lower case.
func appendLowerRune(b []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(b, byte(r))
	}
	return utf8.AppendRune(b, unicode.ToLower(r))
}

// lookupLower looks s up in m in lower case, as m[strings.ToLower(s)].
func lookupLower[V any](m map[string]V, s string) (V, bool) {
	var buf [64]byte
	v, ok := m[string(appendLower(buf[:0], s))]
	return v, ok
}

// inLower reports whether s, in lower case, is in set.
func inLower(set map[string]bool, s string) bool {
	_, ok := lookupLower(set, s)
	return ok
}

// lowerClass returns the class of s in lower case, as
// wordClasses.class(strings.ToLower(s)).
func lowerClass(s string) wordClass {
	var buf [64]byte
	return wordClasses.class(string(appendLower(buf[:0], s)))
}

// firstWord returns the first of the words strings.Fields splits s into,
// or "" if there are none.
func firstWord(s string) string {
	for w := range strings.FieldsSeq(s) {
		return w
	}
	return ""
}

// lastWord returns the last of the words strings.Fields splits s into, or
// "" if there are none.
func lastWord(s string) string {
	last := ""
	for w := range strings.FieldsSeq(s) {
		last = w
	}
	return last
}

// wordCount returns len(strings.Fields(s)).
func wordCount(s string) int {
	n := 0
	for range strings.FieldsSeq(s) {
		n++
	}
	return n
}

// hasWordFold reports whether one of the words of s is w under Unicode
// case folding (strings.EqualFold).
func hasWordFold(s, w string) bool {
	for f := range strings.FieldsSeq(s) {
		if strings.EqualFold(f, w) {
			return true
		}
	}
	return false
}

// foldSpace returns s with its words joined by single spaces, as
// strings.Join(strings.Fields(s), " ") does: s itself when it is already
// written so, as most quotes are.
func foldSpace(s string) string {
	if singleSpaced(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// singleSpaced reports whether the only white space in s is single
// ASCII spaces between words.
func singleSpaced(s string) bool {
	space := true // as if a space came before s, so that a leading one fails
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				return false
			}
			space = false
			i += n - 1
			continue
		}
		isSpace := c == ' ' || '\t' <= c && c <= '\r' // as unicode.IsSpace
		if isSpace && (space || c != ' ') {
			return false
		}
		space = isSpace
	}
	return !space || s == ""
}
