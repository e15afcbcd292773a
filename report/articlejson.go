package report

import (
	"strconv"
	"unicode/utf8"
)

// AppendArticleJSON appends a to dst as ExtractJSON writes it in its
// "articles" list, and returns the extended slice: the bytes an
// encoding/json Encoder set to indent by "  " after the prefix "    " and
// not to escape HTML writes for a, without the final newline. It writes
// them field by field, without reflection, for a writer that streams a
// large batch an article at a time; TestAppendArticleJSON and
// FuzzAppendArticleJSON hold it to encoding/json.
func AppendArticleJSON(dst []byte, a Article) []byte {
	dst = append(dst, "{\n      \"source\": "...)
	dst = appendJSONString(dst, a.Source)
	dst = append(dst, ",\n      \"outlet\": "...)
	dst = appendJSONString(dst, a.Outlet)
	dst = append(dst, ",\n      \"title\": "...)
	dst = appendJSONString(dst, a.Title)
	dst = append(dst, ",\n      \"author\": "...)
	dst = appendJSONString(dst, a.Author)
	dst = append(dst, ",\n      \"published\": "...)
	dst = appendJSONString(dst, a.Published)
	dst = append(dst, ",\n      \"quotes\": "...)
	switch {
	case a.Quotes == nil:
		dst = append(dst, "null"...)
	case len(a.Quotes) == 0:
		dst = append(dst, "[]"...)
	default:
		dst = append(dst, '[')
		for i, q := range a.Quotes {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendQuoteJSON(dst, q)
		}
		dst = append(dst, "\n      ]"...)
	}
	return append(dst, "\n    }"...)
}

// appendQuoteJSON appends q as an element of an article's "quotes", from
// the line break before it, as AppendArticleJSON's Encoder would.
func appendQuoteJSON(dst []byte, q Quote) []byte {
	dst = append(dst, "\n        {\n          \"id\": "...)
	dst = appendJSONString(dst, q.ID)
	dst = append(dst, ",\n          \"text\": "...)
	dst = appendJSONString(dst, q.Text)
	dst = append(dst, ",\n          \"kind\": "...)
	dst = appendJSONString(dst, q.Kind)
	dst = append(dst, ",\n          \"speaker\": "...)
	dst = appendJSONString(dst, q.Speaker)
	dst = append(dst, ",\n          \"speaker_title\": "...)
	dst = appendJSONString(dst, q.SpeakerTitle)
	dst = append(dst, ",\n          \"speaker_kind\": "...)
	dst = appendJSONString(dst, q.SpeakerKind)
	dst = append(dst, ",\n          \"cue\": "...)
	dst = appendJSONString(dst, q.Cue)
	dst = append(dst, ",\n          \"via\": "...)
	dst = appendJSONString(dst, q.Via)
	dst = append(dst, ",\n          \"paragraph\": "...)
	dst = strconv.AppendInt(dst, int64(q.Paragraph), 10)
	dst = append(dst, ",\n          \"start\": "...)
	dst = strconv.AppendInt(dst, int64(q.Start), 10)
	dst = append(dst, ",\n          \"end\": "...)
	dst = strconv.AppendInt(dst, int64(q.End), 10)
	return append(dst, "\n        }"...)
}

// appendJSONString appends s as a JSON string the way encoding/json writes
// it without HTML escaping: quotation mark and backslash escaped, control
// characters as \b, \f, \n, \r, \t or \u00XX, each byte of invalid UTF-8
// as \ufffd, U+2028 and U+2029 as \u2028 and \u2029, and everything else,
// <, > and & included, as itself.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0 // s[start:i] is yet to be appended as it is
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += n
			continue
		}
		i += n
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
