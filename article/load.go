package article

import (
	"bytes"
	"path/filepath"
	"strings"
)

// Parse makes an Article from the bytes of a file named source, choosing
// the reader by the name's extension: .html and .htm are HTML, .txt and
// .text are text. For any other name, and for "-" (standard input), the
// bytes decide: HTML if, after a byte-order mark and white space, they
// start with <!doctype html, <html, <head, <body or an HTML comment (as
// pages saved by a browser do), case-insensitively; text otherwise.
func Parse(source string, data []byte) (*Article, error) {
	switch strings.ToLower(filepath.Ext(source)) {
	case ".html", ".htm":
		return FromHTML(source, data)
	case ".txt", ".text":
		return FromText(source, data)
	}
	if looksLikeHTML(data) {
		return FromHTML(source, data)
	}
	return FromText(source, data)
}

// htmlStarts are how an HTML page may begin, in lower case.
var htmlStarts = []string{"<!doctype html", "<html", "<head", "<body", "<!--"}

// looksLikeHTML reports whether data starts like an HTML page (see Parse).
func looksLikeHTML(data []byte) bool {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	data = bytes.TrimLeft(data, " \t\r\n\f")
	head := data[:min(len(data), 16)]
	for _, s := range htmlStarts {
		if len(head) >= len(s) && strings.EqualFold(string(head[:len(s)]), s) {
			if s == "<html" || s == "<head" || s == "<body" {
				// "<htmlfoo" is not a tag; "<html>" and "<html lang" are.
				if len(head) > len(s) && !strings.ContainsRune(" \t\r\n\f>/", rune(head[len(s)])) {
					continue
				}
			}
			return true
		}
	}
	return false
}

// IsArticleFile reports whether a file name has an extension Parse reads
// as an article (.txt, .text, .html, .htm, in any case), for walking a
// directory.
func IsArticleFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".html", ".htm":
		return true
	}
	return false
}
