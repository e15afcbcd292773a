package verify

import (
	"strings"
	"unicode"
)

// honorifics are words dropped from a name before comparing, in lower case
// without full stops.
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true, "prof": true,
	"professor": true, "sen": true, "senator": true, "rep": true, "representative": true,
	"gov": true, "governor": true, "gen": true, "general": true, "lt": true, "col": true,
	"adm": true, "admiral": true, "amb": true, "ambassador": true, "sec": true, "secretary": true,
	"president": true, "vice": true, "chairman": true, "chairwoman": true, "chair": true,
	"mayor": true, "judge": true, "justice": true, "director": true, "minister": true,
	"prime": true, "deputy": true, "spokesperson": true, "spokesman": true, "spokeswoman": true,
	"the": true, "hon": true, "rev": true, "sir": true, "dame": true, "capt": true, "maj": true,
	"sgt": true, "defense": true, "defence": true, "state": true, "of": true, "press": true,
	"department": true, "jr": true, "sr": true, "ii": true, "iii": true,
}

// nameWords returns the words of a person's name in lower case, without
// titles, initials' full stops or a trailing suffix: "Defense Secretary
// Lloyd J. Austin III" → [lloyd j austin].
func nameWords(name string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == '(' || r == ')'
	}) {
		w = strings.ToLower(strings.Trim(w, ".'’"))
		w = strings.ReplaceAll(w, ".", "")
		if w == "" || honorifics[w] {
			continue
		}
		out = append(out, w)
	}
	return out
}

// SamePerson reports whether two names of people name the same person, as
// far as the names say: their surnames (last words, titles aside) are the
// same, and so are their first names where both give one, a name
// matching its own initial or a shortened form of it ("Matt" = "Matthew",
// "J." = "Jane"). Names with no words left after dropping titles are never
// the same person as anyone.
//
// TODO: use compare's speaker canonicaliser (issue 3) when it exports one,
// so that audit and check agree on who is who.
func SamePerson(a, b string) bool {
	wa, wb := nameWords(a), nameWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	if wa[len(wa)-1] != wb[len(wb)-1] {
		return false
	}
	if len(wa) == 1 || len(wb) == 1 {
		return true
	}
	fa, fb := wa[0], wb[0]
	return strings.HasPrefix(fa, fb) || strings.HasPrefix(fb, fa)
}
