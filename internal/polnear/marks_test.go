package polnear

import (
	"reflect"
	"testing"
)

func TestTextQuotes(t *testing.T) {
	type want struct {
		words  string
		paras  int
		closed bool
		style  style
		depth  int
	}
	tests := []struct {
		name   string
		text   string
		want   []want
		reason string
	}{
		{
			name: "curly pair",
			text: "The mayor said “we are ready” on Monday.",
			want: []want{{"we are ready", 1, true, curly, 0}},
		},
		{
			name: "straight pairs split by the attribution",
			text: `"First part," she said, "second part."`,
			want: []want{{"First part,", 1, true, straight, 0}, {"second part.", 1, true, straight, 0}},
		},
		{
			name:   "apostrophes only",
			text:   "It’s the residents’ choice, and we don't mind, he said of the ’90s.",
			want:   nil,
			reason: "a mark between letters, after a plural or before a digit is not a quotation mark",
		},
		{
			name: "single marks in a headline",
			text: "Mayor Says Plan Is ‘Doomed’ After Vote",
			want: []want{{"Doomed", 1, true, single, 0}},
		},
		{
			name: "straight single marks and an apostrophe before a digit",
			text: "In the '80s they called it 'the big fix' he recalled.",
			want: []want{{"the big fix", 1, true, single, 0}},
		},
		{
			name: "single marks nested in double ones",
			text: "“He called it ‘a mess,’ frankly,” she said.",
			want: []want{{"He called it ‘a mess,’ frankly,", 1, true, curly, 0}, {"a mess,", 1, true, single, 1}},
		},
		{
			name: "curly marks nested in straight ones",
			text: `She went on: "They asked me “Is it true?” and I said yes."`,
			want: []want{{"They asked me “Is it true?” and I said yes.", 1, true, straight, 0}, {"Is it true?", 1, true, curly, 1}},
		},
		{
			name: "a passage quoted in straight marks over paragraphs, curly marks inside",
			text: "\"The crowd was loud.\n\n\"“We won,” she said, smiling.\"",
			want: []want{
				{"The crowd was loud.\n\n\"“We won,” she said, smiling.", 2, true, straight, 0},
				{"We won,", 1, true, curly, 1},
			},
		},
		{
			name:   "a paragraph reopened in the other style does not continue",
			text:   "\"An excerpt runs on\n\n“We won,” she said.",
			want:   []want{{"An excerpt runs on", 1, false, straight, 0}, {"We won,", 1, true, curly, 0}},
			reason: "a continued quotation is reopened in the marks it began with",
		},
		{
			name:   "single marks inside a double quotation stop at a double mark",
			text:   "“The residents’ ‘plan” was late,” he said.",
			want:   []want{{"The residents’ ‘plan", 1, true, curly, 0}},
			reason: "the ‘ finds no closing single mark before the double mark, so it is an apostrophe; the second ” is stray",
		},
		{
			name:   "continued over paragraphs",
			text:   "“The first paragraph ends open.\n\n“The second closes it,” she said.",
			want:   []want{{"The first paragraph ends open.\n\n“The second closes it,", 2, true, curly, 0}},
			reason: "news style reopens a continued quotation at each paragraph and closes it once",
		},
		{
			name: "unclosed at the end of a paragraph the next does not reopen",
			text: "“This one never closes  \nThe next paragraph is the writer's.",
			want: []want{{"This one never closes", 1, false, curly, 0}},
		},
		{
			name:   "closing glyph used to open",
			text:   "”Odd start,” he said.",
			want:   []want{{"Odd start,", 1, true, curly, 0}},
			reason: "a mark after the start of a line and before a word opens whatever its glyph",
		},
		{
			name:   "two straight apostrophes as a double mark",
			text:   "''It isn't over,'' he said.",
			want:   []want{{"It isn't over,", 1, true, straight, 0}},
			reason: "some archives write a double mark as two apostrophes",
		},
		{
			name:   "a stray closing mark and inches",
			text:   "He is 6'2\" tall.",
			want:   nil,
			reason: "the \" follows a digit and precedes a space, so it can only close, and nothing is open",
		},
		{
			name: "opening after a dash",
			text: "His pitch—“Vote for change!”—worked.",
			want: []want{{"Vote for change!", 1, true, curly, 0}},
		},
		{
			name:   "curly marks nested in curly ones",
			text:   "“I would rather live in what he calls “hell” than that,” she wrote.",
			want:   []want{{"I would rather live in what he calls “hell” than that,", 1, true, curly, 0}, {"hell", 1, true, curly, 1}},
			reason: "the two marks of its style after the inner opening mark both close",
		},
		{
			name:   "a new opening mark ends an unclosed quotation",
			text:   "“One was never closed, “two was,” he said.",
			want:   []want{{"One was never closed,", 1, false, curly, 0}, {"two was,", 1, true, curly, 0}},
			reason: "the second mark follows a space and precedes a word, so it opens",
		},
		{
			name:   "multibyte text around the marks",
			text:   "Zoë dit « non » — “Ça ne va pas,” a-t-elle dit.",
			want:   []want{{"Ça ne va pas,", 1, true, curly, 0}},
			reason: "guillemets are not scored: the corpus has none",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []want
			for _, q := range textQuotes(tt.text) {
				got = append(got, want{tt.text[q.words.Start:q.words.End], q.paras, q.closed, q.style, q.depth})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("textQuotes(%q)\n got %+v\nwant %+v\n%s", tt.text, got, tt.want, tt.reason)
			}
		})
	}
}
