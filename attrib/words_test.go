package attrib

import (
	"strings"
	"testing"
)

// FuzzWords checks that the helpers that read words in place give what
// the strings functions they stand for would.
func FuzzWords(f *testing.F) {
	for _, s := range []string{
		"", " ", "Matthew Miller", "  two  spaces ", "tab\there", "new\nline", "nbsp\u00a0here",
		"İstanbul KELVIN \u212a", "Mary’s", "O'Brien", "a\u2003b", "\xff\xfe bad", "ſr",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendLower(nil, s)), strings.ToLower(s); got != want {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
		fields := strings.Fields(s)
		if got, want := wordCount(s), len(fields); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
		}
		first, last := "", ""
		if len(fields) > 0 {
			first, last = fields[0], fields[len(fields)-1]
		}
		if got := firstWord(s); got != first {
			t.Errorf("firstWord(%q) = %q, want %q", s, got, first)
		}
		if got := lastWord(s); got != last {
			t.Errorf("lastWord(%q) = %q, want %q", s, got, last)
		}
		if got, want := foldSpace(s), strings.Join(fields, " "); got != want {
			t.Errorf("foldSpace(%q) = %q, want %q", s, got, want)
		}
		if w := strings.ToLower(strings.ReplaceAll(s, "’", "'")); isLower(s) && w != s {
			t.Errorf("isLower(%q), but its lower case is %q", s, w)
		} else if got := string(appendLowerWord(nil, s)); got != w {
			t.Errorf("appendLowerWord(%q) = %q, want %q", s, got, w)
		}
	})
}
