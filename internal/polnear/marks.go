package polnear

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"quotecheck/article"
)

// A textQuote is one quotation in an article's text, found from its marks
// alone.
type textQuote struct {
	words  article.Span // the bytes strictly between the opening and closing marks
	marks  []int        // byte offsets of its marks: the opening one, any reopening a continued paragraph, the closing one
	paras  int          // number of paragraphs it runs over
	closed bool         // false when it ran to the end of a paragraph with no closing mark
	style  style        // the marks it is set in
	depth  int          // 0 for an outermost quotation, 1 for one nested in it, and so on
}

// A style is a kind of quotation mark. A quotation nests only inside one of
// another style.
type style int

const (
	straight style = iota // "…" or ''…''
	curly                 // “…”
	single                // ‘…’ or '…'
)

// maxDepth is the deepest nesting of quotations followed.
const maxDepth = 3

// A mark is one quotation-mark character in the text and what is around it.
type mark struct {
	pos, end     int  // byte span of the mark
	r            rune // the mark itself; '"' for two straight apostrophes
	prev, next   rune // the characters either side; -1 at the ends of the text
	double       bool // a double mark (“ ” ")
	opens        bool // could open a quotation here (left-flanking)
	closes       bool // could close a quotation here (right-flanking)
	apostrophe   bool // a single mark between two letters or before a digit
	paraStart    bool // nothing but white space before it on its line
	lineStart    int  // byte offset of the start of its line
	prevLineEnds int  // byte offset just past the last non-space character before its line; -1 if none
}

// isDoubleMark reports whether r is a double quotation mark. Two straight
// apostrophes in a row also make one; scanMarks sees to that.
func isDoubleMark(r rune) bool { return r == '“' || r == '”' || r == '"' }
func isSingleMark(r rune) bool { return r == '‘' || r == '’' || r == '\'' }
func isMark(r rune) bool       { return isDoubleMark(r) || isSingleMark(r) }

// openers are the characters after which a mark followed by a word opens a
// quotation even though it does not follow a space: "—“", "(“", ":“".
const openers = "([{<—–-/:;"

// scanMarks returns the quotation marks of text in order, each with the
// context that decides its role.
func scanMarks(text string) []mark {
	var ms []mark
	for i, n := 0, 0; i < len(text); i += n {
		var r rune
		r, n = utf8.DecodeRuneInString(text[i:])
		if !isMark(r) {
			continue
		}
		m := mark{pos: i, end: i + n, r: r, prev: -1, next: -1, double: isDoubleMark(r)}
		if strings.HasPrefix(text[i:], "''") {
			// Two straight apostrophes stand for a double mark in some
			// archives (The New York Times's among them).
			m.end, m.r, m.double = i+2, '"', true
			n = 2
		}
		if i > 0 {
			m.prev, _ = utf8.DecodeLastRuneInString(text[:i])
		}
		if m.end < len(text) {
			m.next, _ = utf8.DecodeRuneInString(text[m.end:])
		}
		m.opens = m.next >= 0 && !isSpace(m.next) &&
			(m.prev < 0 || isSpace(m.prev) || strings.ContainsRune(openers, m.prev) || isMark(m.prev))
		m.closes = m.prev >= 0 && !isSpace(m.prev) &&
			(m.next < 0 || isSpace(m.next) || isMark(m.next) ||
				unicode.IsPunct(m.next) && !strings.ContainsRune("([{<", m.next))
		if !m.double {
			m.apostrophe = isLetter(m.prev) && isLetter(m.next) || unicode.IsDigit(m.next)
		}
		m.lineStart = strings.LastIndexByte(text[:i], '\n') + 1
		m.paraStart = strings.TrimFunc(text[m.lineStart:i], isSpace) == ""
		m.prevLineEnds = -1
		if before := strings.TrimRightFunc(text[:m.lineStart], isSpace); before != "" {
			m.prevLineEnds = len(before)
		}
		ms = append(ms, m)
	}
	return ms
}

// textQuotes pairs the quotation marks of text and returns its quotations
// in order of their opening marks, nested ones included.
//
// A double mark's role comes from what is around it: one that follows a
// space (or the start of a line, or one of openers) and precedes a word
// opens, one that follows a word and precedes a space or punctuation
// closes. Where that does not decide, the glyph does (“ opens, ” closes),
// and a straight " closes a quotation if one is open, else opens one.
//
// Inside a quotation, an opening double mark of the other style (“ inside
// "…", or " inside “…”) opens a nested quotation. So does one of the same
// style when the next two double marks of that style on the line both
// close (“a “b” c”); otherwise an opening mark of the same style means the
// open quotation was never closed: it ends there, unclosed. A closing mark
// of a style no open quotation has closes the innermost one all the same.
//
// News style leaves a quotation that runs over several paragraphs unclosed
// at the end of each paragraph but the last, and reopens it, in the same
// style, at the start of the next: such a quotation is one textQuote whose
// words run from its first opening mark to its closing mark. A quotation
// still open at the end of a paragraph that the next does not reopen ends
// there, unclosed; so does every nested quotation still open there.
//
// A ‘ or ' that opens is paired with the next single mark on the same line
// that closes (before any double mark, inside a double quotation); without
// one it was an apostrophe. A single mark between two letters (don't) or
// before a digit ('90s) is always an apostrophe.
func textQuotes(text string) []textQuote {
	ms := scanMarks(text)
	var out []textQuote
	var stack []*textQuote // the open double quotations, outermost first
	push := func(m mark) {
		stack = append(stack, &textQuote{words: article.Span{Start: m.end}, marks: []int{m.pos}, paras: 1, style: styleOf(m), depth: len(stack)})
	}
	// pop ends the innermost open quotation at byte offset at: at its
	// closing mark if there is one, else trimmed of trailing space.
	pop := func(at int, closing *mark) {
		q := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if closing != nil {
			q.marks = append(q.marks, closing.pos)
			q.closed = true
		} else {
			at = q.words.Start + len(strings.TrimRightFunc(text[q.words.Start:max(at, q.words.Start)], isSpace))
		}
		q.words.End = at
		out = append(out, *q)
	}
marks:
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		// Close what a paragraph break since its last mark ended, unless
		// this mark continues the outermost quotation.
		for len(stack) > 0 {
			q := stack[len(stack)-1]
			last := q.marks[len(q.marks)-1]
			if m.lineStart <= last {
				break
			}
			nextPara := m.prevLineEnds > last && strings.IndexByte(text[last:m.prevLineEnds], '\n') < 0
			if len(stack) == 1 && m.double && styleOf(m) == q.style && m.paraStart && m.opens && !m.closes && nextPara {
				q.marks = append(q.marks, m.pos)
				q.paras++
				continue marks
			}
			pop(lineEnd(text, last), nil)
		}

		if !m.double {
			if m.r == '’' || !m.opens || m.closes || m.apostrophe {
				continue
			}
			for j := i + 1; j < len(ms) && ms[j].lineStart == m.lineStart; j++ {
				c := ms[j]
				if c.double {
					if len(stack) > 0 {
						break
					}
					continue
				}
				if c.r != '‘' && c.closes && !c.opens && !c.apostrophe {
					out = append(out, textQuote{
						words:  article.Span{Start: m.end, End: c.pos},
						marks:  []int{m.pos, c.pos},
						paras:  1,
						closed: true,
						style:  single,
						depth:  len(stack),
					})
					i = j
					break
				}
			}
			continue
		}

		for {
			if len(stack) == 0 {
				if role(m, false) {
					push(m)
				}
				break
			}
			top := stack[len(stack)-1]
			if styleOf(m) == top.style {
				if role(m, true) {
					pop(m.pos, &m)
					break
				}
				if len(stack) < maxDepth && nestsInSame(ms, i) {
					push(m)
					break
				}
				pop(m.pos, nil) // opening again: top was never closed
				continue
			}
			if role(m, false) {
				if len(stack) < maxDepth {
					push(m)
				}
				break
			}
			// A closing mark of the other style: it closes the innermost
			// quotation of its style, ending those inside it unclosed, or
			// else the innermost one.
			k := len(stack) - 1
			for k >= 0 && stack[k].style != styleOf(m) {
				k--
			}
			for k >= 0 && len(stack)-1 > k {
				pop(m.pos, nil)
			}
			pop(m.pos, &m)
			break
		}
	}
	for len(stack) > 0 {
		q := stack[len(stack)-1]
		pop(lineEnd(text, q.marks[len(q.marks)-1]), nil)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].marks[0] < out[j].marks[0] })
	return out
}

// nestsInSame reports whether the double mark ms[i], opening inside a
// quotation of its own style, opens a nested one: whether the next two
// marks of its style on its line both close.
func nestsInSame(ms []mark, i int) bool {
	closing := 0
	for j := i + 1; j < len(ms) && ms[j].lineStart == ms[i].lineStart; j++ {
		if !ms[j].double || styleOf(ms[j]) != styleOf(ms[i]) {
			continue
		}
		if !role(ms[j], true) {
			return false
		}
		if closing++; closing == 2 {
			return true
		}
	}
	return false
}

func styleOf(m mark) style {
	switch {
	case !m.double:
		return single
	case m.r == '“' || m.r == '”':
		return curly
	}
	return straight
}

// role reports whether a double mark opens (when open is false) or closes
// (when open is true, a quotation being open) a quotation. For an opening
// role a false answer means the mark is a stray closing mark; for a closing
// role it means the mark opens a new quotation.
func role(m mark, open bool) bool {
	switch {
	case m.opens && !m.closes:
		return !open
	case m.closes && !m.opens:
		return open
	case m.r == '“':
		return !open
	case m.r == '”':
		return open
	}
	return true // a straight mark: toggles
}

// lineEnd returns the byte offset of the end of the line holding offset i.
func lineEnd(text string, i int) int {
	if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(text)
}

func isLetter(r rune) bool { return r >= 0 && unicode.IsLetter(r) }

// isSpace reports whether r is white space, including the no-break and
// zero-width spaces that news pages carry.
func isSpace(r rune) bool {
	return r >= 0 && (unicode.IsSpace(r) || r == 0xFEFF || r == 0x200B)
}
