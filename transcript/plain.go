package transcript

import (
	"strings"

	"quotecheck/article"
)

// A hit is what labelAt found on one line.
type hit struct {
	l            label
	ls, le, rest int
	change, ok   bool
	blank        bool
}

// scanLabels reads the speaker label, if any, at the start of each line.
// A one-word title-case label ("Miller:") counts only when it is used on
// more than one line or another label ends with the same word, so that a
// heading such as "Washington:" is not taken for a speaker.
func scanLabels(text string, lines []line) []hit {
	hits := make([]hit, len(lines))
	singles := map[string]int{}
	surnames := map[string]bool{}
	for i, ln := range lines {
		s, e := trim(text, ln.Start, ln.End)
		if s == e {
			hits[i].blank = true
			continue
		}
		l, ls, le, rest, change, ok := labelAt(text, ln.Start, ln.End)
		hits[i] = hit{l: l, ls: ls, le: le, rest: rest, change: change, ok: ok}
		if !ok {
			continue
		}
		if l.single {
			singles[l.name]++
		} else if l.role == Named {
			if f := strings.Fields(l.name); len(f) > 1 {
				surnames[strings.ToLower(f[len(f)-1])] = true
			}
		}
	}
	for i := range hits {
		h := &hits[i]
		if h.ok && h.l.single && singles[h.l.name] < 2 && !surnames[strings.ToLower(h.l.name)] {
			h.ok = false
			h.rest, _ = trim(text, lines[i].Start, lines[i].End)
			if h.change {
				h.rest += 2
			}
		}
	}
	return hits
}

// countLabels returns how many lines of text start with a speaker label and
// how many are not blank.
func countLabels(text string) (labelled, nonblank int) {
	lines := splitLines(text)
	for _, h := range scanLabels(text, lines) {
		if h.blank {
			continue
		}
		nonblank++
		if h.ok {
			labelled++
		}
	}
	return labelled, nonblank
}

// parsePlain reads t.Text as a plain-text transcript: a line that starts
// with a label starts a turn, and every other line continues the turn
// before it.
func parsePlain(t *Transcript) []Problem {
	lines := splitLines(t.Text)
	hits := scanLabels(t.Text, lines)
	b := builder{t: t}
	for i, ln := range lines {
		h := hits[i]
		switch {
		case h.blank:
		case h.ok:
			b.start(h.l, article.Span{Start: h.ls, End: h.le}, 0)
			b.add(h.rest, ln.End)
		case h.change:
			b.start(label{}, article.Span{}, 0)
			b.add(h.rest, ln.End)
		default:
			b.add(ln.Start, ln.End)
		}
		b.brk()
	}
	return nil
}

// resolveNames gives a turn labelled with a surname alone the full name
// that another label in the transcript gives, when exactly one does.
func resolveNames(t *Transcript) {
	full := map[string]string{} // lower-case surname → full name; "" if ambiguous
	for _, tu := range t.Turns {
		if tu.Role != Named {
			continue
		}
		f := strings.Fields(tu.Speaker)
		if len(f) < 2 {
			continue
		}
		key := strings.ToLower(f[len(f)-1])
		if prev, ok := full[key]; ok && !strings.EqualFold(prev, tu.Speaker) {
			full[key] = ""
			continue
		}
		full[key] = tu.Speaker
	}
	for i := range t.Turns {
		tu := &t.Turns[i]
		if tu.Role != Named || strings.Contains(tu.Speaker, " ") {
			continue
		}
		if name := full[strings.ToLower(tu.Speaker)]; name != "" {
			tu.Speaker = name
		}
	}
}
