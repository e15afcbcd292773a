package polnear

import (
	"bytes"
	"strings"
	"testing"

	"quotecheck/article"
	"quotecheck/attrib"
)

// spanOf returns the byte span of the first occurrence of sub in text.
func spanOf(t *testing.T, text, sub string) article.Span {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, text)
	}
	return article.Span{Start: i, End: i + len(sub)}
}

func TestSentence(t *testing.T) {
	tests := []struct {
		name, text, focus, want string
		reason                  string
	}{
		{
			name:  "between two sentences",
			text:  "It rained. She said “we stay” to them. Then they left.",
			focus: "we stay",
			want:  "She said “we stay” to them.",
		},
		{
			name:   "attribution after a quote ending in a question mark",
			text:   "It rained. “Why stay?” she asked. Then they left.",
			focus:  "Why stay?",
			want:   "“Why stay?” she asked.",
			reason: "the sentence end is looked for after the closing mark",
		},
		{
			name:   "abbreviations and initials do not end a sentence",
			text:   "Mr. J. Smith of the U.S. Navy said “no.” Nobody asked.",
			focus:  "no.",
			want:   "Mr. J. Smith of the U.S. Navy said “no.”",
			reason: "a full stop ending the quoted words ends the sentence when a capital follows the closing mark",
		},
		{
			name:   "a full stop inside the marks before a lower-case attribution",
			text:   "It rained. “We stay.” she said. Then they left.",
			focus:  "We stay.",
			want:   "“We stay.” she said.",
			reason: "a sentence does not end before a lower-case word",
		},
		{
			name:  "paragraph bounds",
			text:  "First paragraph.\n“Only this,” he said\nThird paragraph.",
			focus: "Only this,",
			want:  "“Only this,” he said",
		},
		{
			name:   "a lower-case word after a full stop",
			text:   "The plan, he said, was “done.” and then he left. Next.",
			focus:  "done.",
			want:   "The plan, he said, was “done.” and then he left.",
			reason: "a sentence does not end before a lower-case word",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sentence(tt.text, spanOf(t, tt.text, tt.focus))
			if got := tt.text[s.Start:s.End]; got != tt.want {
				t.Errorf("sentence = %q, want %q %s", got, tt.want, tt.reason)
			}
		})
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("word ", 100) // 500 bytes
	tests := []struct {
		name   string
		text   string
		focus  string
		marks  []string // substrings to mark with SourceOpen/SourceClose
		want   []string // substrings the snippet must hold
		absent []string // substrings it must not hold
	}{
		{
			name:  "source marked",
			text:  "Aside. Ana Ruiz said “we stay.”",
			focus: "we stay.",
			marks: []string{"Ana Ruiz"},
			want:  []string{"⟨Ana Ruiz⟩ said “we stay.”"},
		},
		{
			name:   "long quote shortened in the middle",
			text:   "Ana said “" + long + "end.” Then more.",
			focus:  long + "end.",
			want:   []string{"Ana said “word", " … ", "end.”"},
			absent: []string{long},
		},
		{
			name:  "paragraph break shown",
			text:  "“One.\n\n“Two,” she said.",
			focus: "One.\n\n“Two,",
			want:  []string{"“One. ¶ “Two,” she said."},
		},
		{
			name:  "context cut short is marked",
			text:  "Before it " + long + "Ana said “go.”",
			focus: "go.",
			want:  []string{"…word", "Ana said “go.”"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var hs []highlight
			for _, m := range tt.marks {
				hs = append(hs, highlight{spanOf(t, tt.text, m), SourceOpen, SourceClose})
			}
			got := snippet(tt.text, spanOf(t, tt.text, tt.focus), hs)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("snippet = %q\nwant it to hold %q", got, w)
				}
			}
			for _, a := range tt.absent {
				if strings.Contains(got, a) {
					t.Errorf("snippet = %q\nwant it not to hold %q", got, a)
				}
			}
		})
	}
	if got := snippet("short", article.Span{Start: 9, End: 12}, nil); got != "(span outside the text)" {
		t.Errorf("snippet of a span outside the text = %q", got)
	}
}

func TestWriteItems(t *testing.T) {
	d := testDoc(t)
	c, err := Build(d)
	if err != nil {
		t.Fatal(err)
	}
	r := Score([]*Case{c}, fakeFinder(t, d.Text, []found{
		{words: "We will rebuild the bridge,", kind: attrib.Statement, speaker: "Mark Twain", mention: "mayor’s"},
		{words: "It is not over,", cut: 8, kind: attrib.Fragment},
		{words: "spoke first", kind: attrib.Statement},
	}))
	var b bytes.Buffer
	if err := WriteItems(&b, r.Items); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"speaker made-up ¶1  statement  gold: \"she\" | \"Señora Zoë Ødegård\"  found: \"Mark Twain\" person",
		"    ⟨Señora Zoë Ødegård⟩ spoke first. “⟪We will rebuild the bridge,⟫” ⟨she⟩ said. ¶ “It is not over,” said the ⟦mayor’s⟧ aide, “but the money is there.”\n",
		"missed  made-up ¶2  gold: \"the mayor’s aide\"  nearest: fragment sharing 47%",
		"    found words: It is n\n",
		"missed  made-up ¶3  gold: (no source)  nothing found there",
		"extra   made-up ¶1  statement  found: (no speaker)",
		"⟪spoke first⟫",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("listing lacks %q:\n%s", want, out)
		}
	}
}

func TestWriteGold(t *testing.T) {
	c, err := Build(testDoc(t))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := WriteGold(&b, c); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"gold    made-up ¶1  relations E1,E6  source: \"she\" | \"Señora Zoë Ødegård\"\n",
		"source: (no source)  (single marks)",
		"source: \"Ødegård\"  (over 2 paragraphs)",
		"stray   made-up  relations with an unpaired double mark in their content: E8",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("gold listing lacks %q:\n%s", want, out)
		}
	}
}
