package corpus

import (
	"fmt"
	"strings"
)

// An articleWriter writes the paragraphs of one article, in the style of
// its outlet, remembering whom it has named so far: a person is
// introduced with title and full name, and called by the last name after.
type articleWriter struct {
	g         *generator
	st        *story
	curly, uk bool
	mentioned map[int]bool
	quotes    int
}

// marks returns the outlet's opening and closing quotation marks.
func (w *articleWriter) marks() (string, string) {
	if w.curly {
		return "“", "”"
	}
	return `"`, `"`
}

// quoted puts s in the outlet's marks, with end (",", ".") inside them.
func (w *articleWriter) quoted(s, end string) string {
	o, c := w.marks()
	return o + s + end + c
}

// name returns how the article names person i here: "Mayor Elena
// Varga" the first time, "Varga" after.
func (w *articleWriter) name(i int) string {
	p := &w.st.people[i]
	if w.mentioned[i] {
		return p.last
	}
	w.mentioned[i] = true
	return p.title + " " + p.full()
}

// fullName returns "Elena Varga, the regional water commissioner" the
// first time, "Varga" after: for "said Name" forms.
func (w *articleWriter) fullName(i int) string {
	p := &w.st.people[i]
	if w.mentioned[i] {
		return p.last
	}
	w.mentioned[i] = true
	return p.full() + ", the " + strings.ToLower(p.title) + " of the " + w.st.org
}

func (w *articleWriter) pronoun(i int) string {
	if w.st.people[i].female {
		return "she"
	}
	return "he"
}

// prosed spells the writer's own words the outlet's way.
func (w *articleWriter) prosed(s string) string {
	if !w.uk {
		return s
	}
	ws := strings.Fields(s)
	for i, x := range ws {
		core := strings.TrimRight(x, ",.:;")
		if uk, ok := spellings[core]; ok {
			ws[i] = uk + x[len(core):]
		}
	}
	return strings.Join(ws, " ")
}

// statement writes the paragraph printing planted quote q. An altered
// quote credited to someone else is always credited by name, so that the
// swap is in the text and not left to a pronoun.
func (w *articleWriter) statement(q plannedQuote) string {
	form := w.g.r.IntN(7)
	if q.alt != nil && q.alt.Kind == KindSpeaker {
		form = []int{0, 1, 3}[w.g.r.IntN(3)]
	}
	return w.attributed(q.text, q.credited, form)
}

// attributed writes statement s credited to person i in one of the forms
// news copy uses.
func (w *articleWriter) attributed(s string, i, form int) string {
	switch form {
	case 0:
		return w.quoted(s, ",") + " " + w.name(i) + " said."
	case 1:
		return w.quoted(s, ",") + " said " + w.fullName(i) + "."
	case 2:
		return w.name(i) + " said: " + w.quoted(s, ".")
	case 3:
		return w.quoted(s, ",") + " " + w.name(i) + " told reporters on " + w.st.day + "."
	case 4:
		lead := w.prosed(w.g.fill(w.st, w.name(i)+" {verb} the {adj} {noun} in {place} on "+w.st.day+"."))
		return lead + " " + w.quoted(s, ",") + " " + w.pronoun(i) + " said."
	case 5:
		return "According to " + w.name(i) + ", " + w.quoted(s, ".")
	default:
		return w.quoted(s, ",") + " " + w.name(i) + " added."
	}
}

// ownStatement writes a statement by a person of the story that only
// this article prints.
func (w *articleWriter) ownStatement() string {
	i := w.g.r.IntN(len(w.st.people))
	s := w.g.makeStatement(w.st, plain, 2)
	return w.attributed(s, i, w.g.r.IntN(7))
}

// unnamed writes a statement by an unnamed source.
func (w *articleWriter) unnamed() string {
	s := w.g.makeStatement(w.st, plain, 2)
	who := w.g.fill(w.st, w.g.pick([]string{
		"a senior official at the {org}", "two officials familiar with the {noun}",
		"a spokesperson for the {org}", "one official who asked not to be named",
		"a person briefed on the {noun}", "several residents of {place}",
	}))
	if w.g.r.IntN(3) == 0 {
		return w.quoted(s, ",") + " said " + who + "."
	}
	return w.quoted(s, ",") + " " + who + " said."
}

// organization writes a statement by the story's organisation.
func (w *articleWriter) organization() string {
	s := w.g.makeStatement(w.st, plain, 2)
	if w.g.r.IntN(2) == 0 {
		return "The " + w.st.org + " said in a statement: " + w.quoted(s, ".")
	}
	return w.quoted(s, ",") + " the " + w.st.org + " said in a statement."
}

// fragment writes a few quoted words inside the writer's sentence.
func (w *articleWriter) fragment() string {
	i := w.g.r.IntN(len(w.st.people))
	o, c := w.marks()
	a, b := w.g.pick(judgements), w.g.pick(judgements)
	noun := words(w.g.pick(w.st.topic.nouns))
	switch w.g.r.IntN(3) {
	case 0:
		return fmt.Sprintf("%s called the %s %s%s and %s%s.", w.name(i), noun, o, a, b, c)
	case 1:
		return fmt.Sprintf("%s described the plan for the %s as %s%s and %s%s.", w.name(i), noun, o, a, b, c)
	default:
		return fmt.Sprintf("%s said the handling of the %s had been %s%s%s.", w.name(i), noun, o, a, c)
	}
}

// term writes a scare-quoted term: the story's name for its plan, which
// every outlet of the story may use.
func (w *articleWriter) term() string {
	o, c := w.marks()
	t := o + w.st.term + c
	switch w.g.r.IntN(3) {
	case 0:
		return fmt.Sprintf("Critics have dubbed the plan the %s.", t)
	case 1:
		return fmt.Sprintf("The so-called %s has been debated in %s since %d.", t, w.st.place, w.st.year-1)
	default:
		return fmt.Sprintf("Residents call it the %s.", t)
	}
}

// lede writes the first paragraph.
func (w *articleWriter) lede() string {
	return capitalize(w.prosed(w.g.fill(w.st, w.g.pick([]string{
		"Officials in {place} were dealing with {event} on {day} as the {org} tried to keep the {noun} open and residents asked how long the disruption would last.",
		"The {org} said on {day} that it had {verb} the {adj} {noun}, as {event} in {place} went into its {ord} day and pressure grew on local leaders.",
		"{event} disrupted life across {place} this week, and the {org} faced questions over the state of the {noun} and the {adj} {noun}.",
	}))))
}

// proseTemplates are the writer's own sentences.
var proseTemplates = []string{
	"The {org} {verb} the {adj} {noun} on {day}, {small} days after the first reports of {event}.",
	"About {n} {counted} were affected across {place}, according to figures released on {day}.",
	"The {noun} was built in {year} and has been repaired several times since.",
	"{place} has a population of about {big}, most of whom live within a few miles of the {noun}.",
	"Residents of {place} gathered near the {noun} on {day} evening to hear from local officials.",
	"The {org} employs {n} people and manages the {noun} and the {adj} {noun}.",
	"Work on the {adj} {noun} is expected to take at least {small} weeks.",
	"It was not clear on {day} when the {noun} would be back to normal.",
	"Last {month}, the {org} {verb} a plan to upgrade the {noun}, but the work was delayed.",
	"Traffic on the roads around {place} was heavy on {day} as people avoided the {noun}.",
	"Several {counted} remained out of service across {place} on {day} night.",
	"A public meeting on the {noun} is planned for {day} at the town hall in {place}.",
	"The last comparable episode in {place} was in {year}, when the {noun} was closed for a month.",
	"Local businesses said the disruption around the {noun} had cost them {n} customers a day.",
	"The {org} organized buses from the {adj} {noun} to the center of {place}.",
	"Independent engineers who reviewed the {noun} in {year} recommended {small} changes.",
}

// prose writes a paragraph of the writer's own sentences, sometimes
// naming a person of the story.
func (w *articleWriter) prose() string {
	n := 1 + w.g.r.IntN(3)
	var ss []string
	for range n {
		t := w.g.pick(proseTemplates)
		if w.g.r.IntN(6) == 0 {
			i := w.g.r.IntN(len(w.st.people))
			t = w.name(i) + " {verb} the {adj} {noun} in {place} on {day}."
		}
		ss = append(ss, capitalize(w.g.fill(w.st, t)))
	}
	return w.prosed(strings.Join(ss, " "))
}
