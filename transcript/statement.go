package transcript

import (
	"strings"

	"quotecheck/article"
)

// A Statement is a press release or written statement: its body is its
// issuer's own words, though it may quote other people.
type Statement struct {
	// Issuer is whoever issued the statement: a person's name without
	// title ("Matthew Miller") or an organisation as written ("U.S.
	// Department of Defense"); empty if the header does not say.
	Issuer     string
	IssuerSpan article.Span // where Issuer is written in the text; zero if Issuer is empty
	Person     bool         // the issuer is a named person, not an organisation
	Marker     article.Span // the header line that marks the text as a statement
}

// headerLines is how many non-blank lines at the top of a text are read
// as its header.
const headerLines = 12

// markers open the header line of a statement, in lower case.
var markers = []string{
	"press release", "press statement", "news release", "media release", "media statement",
	"for immediate release", "statement by ", "statement from ", "statement of ",
	"statement on behalf of ", "joint statement", "readout of ", "readout:",
}

// orgWords are words that make a name an organisation's.
var orgWords = map[string]bool{
	"department": true, "ministry": true, "office": true, "agency": true, "committee": true,
	"council": true, "commission": true, "house": true, "embassy": true, "administration": true,
	"company": true, "inc": true, "corporation": true, "corp": true, "group": true,
	"association": true, "union": true, "party": true, "government": true, "authority": true,
	"bureau": true, "service": true, "foundation": true, "institute": true, "university": true,
	"board": true, "command": true, "pentagon": true, "coalition": true, "center": true,
	"centre": true, "court": true, "police": true, "army": true, "navy": true, "forces": true,
	"organization": true, "organisation": true, "campaign": true, "senate": true,
	"congress": true, "parliament": true, "nations": true, "ltd": true, "llc": true,
	"international": true, "alliance": true, "network": true, "institution": true,
}

// FindStatement reports whether text is a press release or written
// statement, from a marker line in its header ("Press Statement", "FOR
// IMMEDIATE RELEASE", "Statement by …"), and who issued it, from the
// marker line ("Statement by Secretary Antony Blinken"), a "Name, Title"
// line ("Matthew Miller, Department Spokesperson"), a "From:" line, or a
// line naming an organisation.
func FindStatement(text string) (Statement, bool) {
	var st Statement
	found := false
	var header []line
	for _, ln := range splitLines(text) {
		s, e := trim(text, ln.Start, ln.End)
		if s == e {
			continue
		}
		header = append(header, line{s, e})
		if len(header) == headerLines {
			break
		}
	}
	for _, ln := range header {
		lower := strings.ToLower(text[ln.Start:ln.End])
		for _, m := range markers {
			if strings.HasPrefix(lower, m) && !found {
				found = true
				st.Marker = article.Span{Start: ln.Start, End: ln.End}
			}
		}
	}
	// The issuer named on a "Statement by …" line, wherever it is in
	// the header.
	for _, ln := range header {
		lower := strings.ToLower(text[ln.Start:ln.End])
		for _, m := range markers {
			if !found || !strings.HasPrefix(m, "statement") || !strings.HasPrefix(lower, m) {
				continue
			}
			s := ln.Start + len(m)
			if strings.HasPrefix(lower[len(m):], "the ") {
				s += len("the ")
			}
			if st.setIssuer(text, s, issuerEnd(text, s, ln.End)) {
				return st, true
			}
		}
	}
	if !found {
		return Statement{}, false
	}
	// A "Name, Title" line or a "From:" line.
	for _, ln := range header {
		l := text[ln.Start:ln.End]
		if rest, ok := cutPrefixFold(l, "from:"); ok {
			s, e := trim(text, ln.End-len(rest), ln.End)
			if st.setIssuer(text, s, e) {
				return st, true
			}
		}
		if rest, ok := cutPrefixFold(l, "issued by "); ok {
			s, e := trim(text, ln.End-len(rest), ln.End)
			if st.setIssuer(text, s, e) {
				return st, true
			}
		}
		name, title, ok := strings.Cut(l, ",")
		if !ok || len(l) > 120 {
			continue
		}
		words := strings.Fields(name)
		if len(words) < 2 || len(words) > 4 || !hasTitleWord(title) {
			continue
		}
		all := true
		for _, w := range words {
			all = all && nameWord(w)
		}
		if all && !isOrg(name) {
			s, e := trim(text, ln.Start, ln.Start+len(name))
			st.Issuer, st.IssuerSpan, st.Person = text[s:e], article.Span{Start: s, End: e}, true
			return st, true
		}
	}
	// A line naming an organisation ("Office of the Spokesperson").
	for _, ln := range header {
		l := text[ln.Start:ln.End]
		if len(l) <= 80 && isOrg(l) && len(strings.Fields(l)) <= 8 && !strings.ContainsAny(l, ":;!?") && !strings.HasSuffix(l, ".") {
			st.Issuer, st.IssuerSpan = l, article.Span{Start: ln.Start, End: ln.End}
			return st, true
		}
	}
	return st, true
}

// setIssuer sets the issuer from Text[s:e] and reports whether it named one.
func (st *Statement) setIssuer(text string, s, e int) bool {
	s, e = trim(text, s, e)
	if s >= e {
		return false
	}
	name := text[s:e]
	if isOrg(name) {
		st.Issuer, st.IssuerSpan, st.Person = name, article.Span{Start: s, End: e}, false
		return true
	}
	l, ok := parseLabel(name)
	if !ok || l.role != Named {
		return false
	}
	// Point the span at the name after its title.
	if i := strings.LastIndex(name, strings.Fields(l.name)[0]); i >= 0 && strings.ToUpper(name) != name {
		s += i
	}
	st.Issuer, st.IssuerSpan, st.Person = l.name, article.Span{Start: s, End: e}, true
	return true
}

// issuerEnd returns where the issuer named from s on a marker line ends:
// before " on ", " regarding ", a comma, a dash or a colon.
func issuerEnd(text string, s, e int) int {
	l := strings.ToLower(text[s:e])
	end := len(l)
	for _, sep := range []string{" on ", " regarding ", " concerning ", " about ", " following ", ",", " – ", " — ", " - ", ":"} {
		if i := strings.Index(l, sep); i >= 0 && i < end {
			end = i
		}
	}
	return s + end
}

// isOrg reports whether name holds a word that makes it an organisation's.
func isOrg(name string) bool {
	for _, w := range strings.Fields(name) {
		if orgWords[strings.Trim(fold(w), "'’,")] {
			return true
		}
	}
	return false
}

// hasTitleWord reports whether s, the part of a "Name, Title" line after
// the comma, holds a title.
func hasTitleWord(s string) bool {
	for _, w := range strings.Fields(s) {
		if titles[fold(w)] && fold(w) != "the" {
			return true
		}
	}
	return false
}

// cutPrefixFold is strings.CutPrefix ignoring ASCII case.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return "", false
}
