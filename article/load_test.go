package article

import (
	"errors"
	"testing"
)

func TestParse(t *testing.T) {
	const doc = "<!DOCTYPE html><html><body><p>Body text.</p></body></html>"
	tests := []struct {
		name     string
		source   string
		data     string
		wantHTML bool
		wantErr  error
		reason   string
	}{
		{name: ".html", source: "a.html", data: doc, wantHTML: true},
		{name: ".HTM in capitals", source: "dir/A.HTM", data: doc, wantHTML: true},
		{name: ".html that is plain text", source: "a.html", data: "Just words.", wantHTML: true,
			reason: "the extension decides; the parser reads bare text as a body"},
		{name: ".txt holding HTML stays text", source: "a.txt", data: doc, wantHTML: false},
		{name: ".text", source: "a.text", data: "Words.", wantHTML: false},
		{name: "stdin doctype", source: "-", data: doc, wantHTML: true},
		{name: "stdin BOM and white space", source: "-", data: "\uFEFF \r\n\t<!doctype HTML>\n<p>x</p>", wantHTML: true},
		{name: "stdin html tag", source: "-", data: "<HTML lang=en><p>x</p>", wantHTML: true},
		{name: "stdin head tag", source: "-", data: "<head><title>x</title></head><p>x</p>", wantHTML: true},
		{name: "stdin body tag", source: "-", data: "<body>x</body>", wantHTML: true},
		{name: "saved page comment", source: "page", data: "<!-- saved from url=(0014)about:internet -->\n<html><p>x</p></html>", wantHTML: true},
		{name: "not a tag", source: "-", data: "<htmlish> is a made-up word.", wantHTML: false},
		{name: "text starting with a bracket", source: "-", data: "<p> marks a paragraph in HTML.", wantHTML: false,
			reason: "only page-level starts count"},
		{name: "unknown extension, text", source: "notes.md", data: "# Title\n\nText.", wantHTML: false},
		{name: "stdin text", source: "-", data: "Plain text.", wantHTML: false},
		{name: "text error passes through", source: "-", data: "caf\xe9", wantErr: ErrEncode},
		{name: "HTML error passes through", source: "a.html", data: "<nav>x</nav>", wantErr: ErrNoBody},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Parse(tc.source, []byte(tc.data))
			if tc.wantErr != nil {
				if !errors.Is(err, tc.wantErr) {
					t.Fatalf("err = %v, want %v", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if isHTML := a.html != ""; isHTML != tc.wantHTML {
				t.Errorf("read as HTML = %v, want %v", isHTML, tc.wantHTML)
			}
			if a.Source != tc.source {
				t.Errorf("Source = %q, want %q", a.Source, tc.source)
			}
		})
	}
}

func TestIsArticleFile(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"a.txt", true}, {"a.TXT", true}, {"a.text", true}, {"dir/a.html", true},
		{"a.Htm", true}, {"a.md", false}, {"a", false}, {"txt", false},
		{"a.txt.gz", false}, {".html", true}, {"a.json", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := IsArticleFile(tc.name); got != tc.want {
				t.Errorf("IsArticleFile(%q) = %v, want %v", tc.name, got, tc.want)
			}
		})
	}
}
