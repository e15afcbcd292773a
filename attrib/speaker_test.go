package attrib

import (
	"testing"

	"quotecheck/article"
)

// TestSpeakerCases checks attributions that the fixtures do not hold, each
// in a short made-up article: who the one quote of its last paragraph is
// credited to.
func TestSpeakerCases(t *testing.T) {
	tests := []struct {
		name, text  string
		speaker     string
		speakerKind SpeakerKind
	}{
		{
			name: "a pronoun skips names that were objects of a verb joined by and",
			text: "Senator Paul Brandt won the northern counties on Tuesday.\n" +
				"His rival, Maria Keller, won Georgia and Virginia.\n" +
				"He told the crowd that \"the people who know me best\" had chosen him.",
			speaker: "Paul Brandt", speakerKind: Person,
		},
		{
			name:    "a person from a place",
			text:    "\"We should get rid of superdelegates entirely,\" said Sen. Jeff Merkley of Oregon.",
			speaker: "Jeff Merkley", speakerKind: Person,
		},
		{
			name:    "a state is a body, not a person",
			text:    "\"The count will take until Friday at the earliest,\" Ohio said in a filing.",
			speaker: "Ohio", speakerKind: Organization,
		},
		{
			name:    "a group of people is not a person's name",
			text:    "\"We have waited long enough for the new bridge to open,\" many Americans told the pollsters.",
			speaker: "many Americans", speakerKind: Unnamed,
		},
		{
			name:    "a party's members",
			text:    "\"The bill will not pass the Senate this year,\" some Democrats said on Monday.",
			speaker: "some Democrats", speakerKind: Unnamed,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := article.FromTextString("t.txt", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			qs, _ := Find(a)
			if len(qs) == 0 {
				t.Fatal("no quote found")
			}
			q := qs[len(qs)-1]
			if q.Speaker != tt.speaker || q.SpeakerKind != tt.speakerKind {
				t.Errorf("speaker %q (%v), want %q (%v)", q.Speaker, q.SpeakerKind, tt.speaker, tt.speakerKind)
			}
		})
	}
}
