package transcript

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"quotecheck/article"
)

// parseCaptions reads t.Text as WebVTT or SubRip captions. Cues are blocks
// of lines separated by blank lines: an optional identifier, a timing line
// ("00:01:02.500 --> 00:01:05.000"), then the cue's text. Consecutive cues
// by the same speaker make one turn; a cue with no voice tag, label or
// speaker-change marker continues the turn before it.
func parseCaptions(t *Transcript) []Problem {
	text := t.Text
	lines := splitLines(text)
	hits := scanLabels(text, lines)
	var probs []Problem
	b := builder{t: t}
	i := 0
	if t.Format == WebVTT {
		first := strings.TrimPrefix(text[lines[0].Start:lines[0].End], "\uFEFF")
		if strings.HasPrefix(first, "WEBVTT") {
			for i < len(lines) && !hits[i].blank {
				i++ // the header block
			}
		} else {
			probs = append(probs, Problem{0, "no WEBVTT header; read as captions anyway"})
		}
	}
	for i < len(lines) {
		if hits[i].blank {
			i++
			continue
		}
		j := i
		for j < len(lines) && !hits[j].blank {
			j++
		}
		block := lines[i:j]
		first := i
		i = j

		head := strings.TrimSpace(text[block[0].Start:block[0].End])
		if t.Format == WebVTT && (head == "STYLE" || head == "REGION" || head == "NOTE" ||
			strings.HasPrefix(head, "NOTE ") || strings.HasPrefix(head, "NOTE\t")) {
			continue
		}
		k := -1
		for n, ln := range block {
			if strings.Contains(text[ln.Start:ln.End], "-->") {
				k = n
				break
			}
		}
		var start, end time.Duration
		payload := 0
		if k < 0 {
			if len(block) == 1 && strings.Trim(head, "0123456789") == "" {
				continue // a stray cue number
			}
			probs = append(probs, Problem{block[0].Start, "caption text without a timing line; read as part of the cue before it"})
		} else {
			tl := strings.TrimSpace(text[block[k].Start:block[k].End])
			var ok bool
			start, end, ok = parseTiming(tl)
			if !ok {
				probs = append(probs, Problem{block[k].Start, fmt.Sprintf("unreadable timing line %q; cue text kept without times", clip(tl, 40))})
			}
			payload = k + 1
			b.brk()
		}
		// The cue's end time goes to the turns it added words to: the
		// turn it continued, if any, and those it started.
		before, parts := len(t.Turns), 0
		if before > 0 {
			parts = len(t.Turns[before-1].Parts)
		}
		for n := payload; n < len(block); n++ {
			cueLine(&b, block[n], hits[first+n], start)
			b.brk()
		}
		if before > 0 && len(t.Turns[before-1].Parts) > parts {
			before-- // the cue continued the turn before it
		}
		if end > 0 {
			for n := before; n < len(t.Turns); n++ {
				t.Turns[n].End = max(t.Turns[n].End, end)
			}
		}
	}
	return probs
}

// cueLine adds one line of a cue's text to the turns: a voice tag or a
// label at its start may begin a new turn, and markup inside it is left
// out.
func cueLine(b *builder, ln line, h hit, at time.Duration) {
	text := b.t.Text
	p, end := trim(text, ln.Start, ln.End)
	switch {
	case h.ok:
		b.speaker(h.l, article.Span{Start: h.ls, End: h.le}, at)
		p = h.rest
	case h.change:
		b.start(label{}, article.Span{}, at)
		p = h.rest
	case strings.HasPrefix(text[p:end], "- "), strings.HasPrefix(text[p:end], "\u2010 "):
		// A dialogue dash: another speaker, unless a label follows.
		_, size := utf8.DecodeRuneInString(text[p:end])
		p += size
		if l, ls, le, rest, _, ok := labelAt(text, p, end); ok && !l.single {
			b.speaker(l, article.Span{Start: ls, End: le}, at)
			p = rest
		} else {
			b.start(label{}, article.Span{}, at)
		}
	}
	runStart := p
	flush := func(e int) {
		if e > runStart {
			b.add(runStart, e)
		}
	}
	for p < end {
		switch text[p] {
		case '<':
			q := strings.IndexByte(text[p:end], '>')
			if q < 0 {
				p++
				continue
			}
			flush(p)
			tag := text[p+1 : p+q]
			if name, off, ok := voiceName(tag); ok {
				ns := p + 1 + off
				l, good := parseLabel(name)
				if !good {
					l = label{name: strings.TrimSpace(name), role: Unidentified}
				}
				b.speaker(l, article.Span{Start: ns, End: ns + len(name)}, at)
			}
			p += q + 1
			runStart = p
		case '{':
			q := strings.IndexByte(text[p:end], '}')
			if q < 0 || p+1 >= end || text[p+1] != '\\' {
				p++
				continue
			}
			flush(p) // an SSA override tag such as {\an8}
			p += q + 1
			runStart = p
		case '&':
			dec, n := entity(text[p:end])
			if n == 0 {
				p++
				continue
			}
			flush(p)
			if strings.TrimSpace(dec) == "" {
				if dec != "" {
					b.brk()
				}
			} else {
				b.part(article.Span{Start: p, End: p + n}, dec)
			}
			p += n
			runStart = p
		default:
			p++
		}
	}
	flush(end)
}

// speaker starts a turn for l unless the current turn is already by the
// same speaker.
func (b *builder) speaker(l label, span article.Span, at time.Duration) {
	if n := len(b.t.Turns); n > 0 {
		cur := b.t.Turns[n-1]
		if cur.Role == l.role && cur.Role != Unlabelled && strings.EqualFold(cur.Speaker, l.name) {
			return
		}
	}
	b.start(l, span, at)
}

// voiceName reads a WebVTT voice tag's contents ("v Matthew Miller",
// "v.loud Mary") and returns the name and its offset in tag.
func voiceName(tag string) (string, int, bool) {
	if len(tag) < 2 || tag[0] != 'v' || (tag[1] != ' ' && tag[1] != '.' && tag[1] != '\t') {
		return "", 0, false
	}
	sp := strings.IndexAny(tag, " \t")
	if sp < 0 {
		return "", 0, false
	}
	s, e := trim(tag, sp, len(tag))
	if s == e {
		return "", 0, false
	}
	return tag[s:e], s, true
}

// entities are the named character references found in captions.
var entities = map[string]string{
	"amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
	"lrm": "", "rlm": "", "hellip": "\u2026", "mdash": "\u2014", "ndash": "\u2013",
	"rsquo": "\u2019", "lsquo": "\u2018", "rdquo": "\u201D", "ldquo": "\u201C",
}

// entity decodes a character reference at the start of s ("&amp;",
// "&#8217;", "&#x2019;") and returns its text and length; n is zero if s
// does not start with one.
func entity(s string) (dec string, n int) {
	semi := strings.IndexByte(s, ';')
	if semi < 2 || semi > 10 {
		return "", 0
	}
	name := s[1:semi]
	if name[0] == '#' {
		var v uint64
		var err error
		if len(name) > 1 && (name[1] == 'x' || name[1] == 'X') {
			v, err = strconv.ParseUint(name[2:], 16, 32)
		} else {
			v, err = strconv.ParseUint(name[1:], 10, 32)
		}
		if err != nil || v == 0 || v > utf8.MaxRune || !utf8.ValidRune(rune(v)) {
			return "", 0
		}
		return string(rune(v)), semi + 1
	}
	d, ok := entities[name]
	if !ok {
		return "", 0
	}
	return d, semi + 1
}

// parseTiming reads a cue timing line: "start --> end", optionally followed
// by cue settings.
func parseTiming(s string) (start, end time.Duration, ok bool) {
	l, r, found := strings.Cut(s, "-->")
	if !found {
		return 0, 0, false
	}
	f := strings.Fields(r)
	if len(f) == 0 {
		return 0, 0, false
	}
	start, ok1 := parseTimestamp(strings.TrimSpace(l))
	end, ok2 := parseTimestamp(f[0])
	if !ok1 || !ok2 {
		return 0, 0, false
	}
	return start, end, true
}

// parseTimestamp reads "hh:mm:ss.mmm" or "mm:ss.mmm", with a full stop or
// (SubRip) a comma before the milliseconds.
func parseTimestamp(s string) (time.Duration, bool) {
	s = strings.Replace(s, ",", ".", 1)
	main, frac, _ := strings.Cut(s, ".")
	parts := strings.Split(main, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, false
	}
	var total int64
	for i, p := range parts {
		if p == "" || len(p) > 4 {
			return 0, false
		}
		v, err := strconv.ParseUint(p, 10, 32)
		if err != nil || (i > 0 && v > 59) {
			return 0, false
		}
		total = total*60 + int64(v)
	}
	d := time.Duration(total) * time.Second
	if frac != "" {
		if len(frac) > 3 {
			return 0, false
		}
		v, err := strconv.ParseUint(frac, 10, 32)
		if err != nil {
			return 0, false
		}
		for n := len(frac); n < 3; n++ {
			v *= 10
		}
		d += time.Duration(v) * time.Millisecond
	}
	return d, true
}

// clip shortens s to at most n bytes on a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
