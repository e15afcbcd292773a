package article

import (
	"strings"
	"testing"
)

// The helpers below are written for speed; each test holds one to the
// plain formulation it replaces.

func cleanPlain(s string) string { return strings.Join(strings.FieldsFunc(s, isSpace), " ") }

var straighten = strings.NewReplacer("’", "'", "‘", "'")

func lowerApostrophesPlain(s string) string { return strings.ToLower(straighten.Replace(s)) }

func containsFoldPlain(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if (s[i]|0x20) == w[0] && strings.EqualFold(s[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

// speedStrings are strings on which the fast paths and the plain ones
// could part: white space of every kind in every place, curly quotes,
// case changes of different byte lengths, invalid UTF-8.
var speedStrings = []string{
	"", " ", "a", " a", "a ", "a  b", "a b", "a\tb", "a\u00a0b", "\u2003lead", "trail\u3000",
	"already clean words", "  two  spaces  ", "line\nbreak", "\ufeffBOM", "zero\u200bwidth",
	"It’s ‘quoted’ DON’T", "ÀÉÎ Straße İstanbul \u212a", "invalid \xff byte \xe2\x80 cut",
	"\xe2\xe2\x80\x99", "\xf0\x9f\xe2\x80\x99", "WhatsApp +44 7700", "ADVERTISE with us",
	"aadvert", "wwhatsapp", "advertisement w", "whatsap", "Advert\u00e9",
}

func TestClean(t *testing.T) {
	for _, s := range speedStrings {
		if got, want := clean(s), cleanPlain(s); got != want {
			t.Errorf("clean(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestLowerApostrophes(t *testing.T) {
	for _, s := range speedStrings {
		if got, want := lowerApostrophes(s), lowerApostrophesPlain(s); got != want {
			t.Errorf("lowerApostrophes(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestContainsFold(t *testing.T) {
	for _, s := range speedStrings {
		for _, w := range []string{"whatsapp", "advert", "a"} {
			if got, want := containsFold(s, w), containsFoldPlain(s, w); got != want {
				t.Errorf("containsFold(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
	}
}

func FuzzChromeHelpers(f *testing.F) {
	for _, s := range speedStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := clean(s), cleanPlain(s); got != want {
			t.Errorf("clean(%q) = %q, want %q", s, got, want)
		}
		if got, want := lowerApostrophes(s), lowerApostrophesPlain(s); got != want {
			t.Errorf("lowerApostrophes(%q) = %q, want %q", s, got, want)
		}
		for _, w := range []string{"whatsapp", "advert"} {
			if got, want := containsFold(s, w), containsFoldPlain(s, w); got != want {
				t.Errorf("containsFold(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
	})
}
