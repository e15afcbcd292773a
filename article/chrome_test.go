package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIsChrome(t *testing.T) {
	tests := []struct {
		name   string
		line   string
		want   bool
		reason string
	}{
		// Chrome, from the brief's list and seed 003.
		{name: "connect", line: "Connect with us", want: true},
		{name: "advertise", line: "Advertise or Publish a Story on EkoHot Blog:", want: true},
		{name: "video of the week", line: "Click here to watch our video of the week:", want: true},
		{name: "click to comment", line: "Click to comment", want: true},
		{name: "logged in", line: "You must be logged in to post a comment Login", want: true},
		{name: "leave a reply", line: "Leave a Reply", want: true},
		{name: "call or whatsapp", line: "Call or Whatsapp: 0803 561 7233, 0703 414 5611", want: true},
		{name: "kindly contact", line: "Kindly contact us at [email protected]. Breaking stories should be sent to the above email.", want: true},
		{name: "copyright", line: "Copyright © Ekohotblog", want: true},
		{name: "copyright year", line: "© 2024 The Harbor City Sentinel. All rights reserved.", want: true},
		{name: "disclaimer", line: "DISCLAIMER: Opinion articles are solely the responsibility of the author.", want: true},
		{name: "share", line: "Share this article", want: true},
		{name: "newsletter", line: "Sign up for our newsletter", want: true},
		{name: "newsletter with a quoted title", line: `Sign up for our newsletter and get "The Morning Brief" every weekday.`, want: true,
			reason: "the quote marks are the newsletter's name, not speech"},
		{name: "related", line: "Related: Kelso Council Approves Emergency Drainage Works", want: true},
		{name: "read more with a quote", line: `Read more: Mayor calls budget "a disaster" as council deadlocks`, want: true},
		{name: "trending with a quote", line: "Trending: 'We were forgotten': residents demand answers", want: true},
		{name: "editor's picks", line: "EDITOR’S PICKS ", want: true},
		{name: "further reading", line: "FURTHER READING", want: true},
		{name: "published", line: "Published", want: true},
		{name: "on", line: "on", want: true},
		{name: "mgid", line: "MGID", want: true},
		{name: "sources include", line: "Sources include:", want: true},
		{name: "advertisement", line: "ADVERTISEMENT", want: true},
		{name: "story continues", line: "Advertisement - story continues below", want: true},
		{name: "menu bar", line: "Home | News | Politics | Business | Sports | Contact Us", want: true},
		{name: "time ago", line: "3 days ago", want: true},
		{name: "email field", line: "Enter your email address", want: true},
		{name: "phone with advert", line: "For Advert and other info, you can call 08035617233 or send a WhatsApp Message to 08035617233.", want: true},
		{name: "section label", line: "International", want: true},
		{name: "subheading in title case", line: "Biden's All-New Strategy", want: true},
		{name: "byline", line: "By Staff Reporter", want: true},
		{name: "date line", line: "November 20, 2024", want: true},

		// Not chrome.
		{name: "empty", line: "", want: false},
		{name: "white space", line: " \t ", want: false},
		{name: "news sentence", line: "The council voted on Monday to approve the plan.", want: false},
		{name: "quote", line: `"Click here," he said, pointing at the screen.`, want: false},
		{name: "colon introducer", line: "The agency said in a statement:", want: false,
			reason: "introduces a quotation on the next line"},
		{name: "short colon introducer", line: "He said:", want: false},
		{name: "dash credit", line: "— Jane Doe", want: false,
			reason: "a credit for the quotation before it"},
		{name: "quoted heading", line: "Trump: “We Will Win”", want: false,
			reason: "headings with quotation marks keep their quotes"},
		{name: "single-quoted heading", line: "Sanders Pins Rise of ISIS on ‘Disastrous’ Iraq Invasion", want: false},
		{name: "list item in sentence case", line: "Stop lying", want: false,
			reason: "a bullet point of the story, not a heading"},
		{name: "wrapped line tail", line: "incites", want: false,
			reason: "a lower-case fragment is the rest of a hard-wrapped sentence"},
		{name: "copyright as a word", line: "Copyright lawsuits against AI firms rose sharply last year.", want: false},
		{name: "call as a verb", line: "Call it a comeback: turnout rose 12 percent in 2024.", want: false},
		{name: "police appeal with a phone number", line: "Anyone with information is asked to call police at 555-123-4567.", want: false},
		{name: "share prices", line: "Share prices fell 3 percent on Monday.", want: false},
		{name: "related as a verb", line: "Related charges were filed against two other men.", want: false},
		{name: "subscribers", line: "Subscribers to the service will pay $5 more.", want: false},
		{name: "sign-up as a noun", line: "Sign up rates among young voters fell, officials said.", want: false},
		{name: "long sentence-case line without a stop", line: "Donald Trump is keeping up his criticism of his closest Republican rivals in the", want: false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := IsChrome(tc.line); got != tc.want {
				t.Errorf("IsChrome(%q) = %v (rule %q), want %v", tc.line, got, chromeRule(tc.line), tc.want)
			}
		})
	}
}

// TestIsChromeSeeds checks IsChrome on every paragraph of the seed
// articles: the chrome of seed 003 is chrome and every paragraph of news is
// not. Lines of no clear class are listed in unsure with a reason.
func TestIsChromeSeeds(t *testing.T) {
	// chrome lists, by their opening words, the lines of site chrome.
	chrome := []string{
		// 002: subheadings.
		"Biden Makes U-Turn",
		"Biden's All-New Strategy",
		// 003: the page's furniture around the story.
		"Connect with us", "International",
		"Biden Administration Approves Anti-Personnel Mines", // the headline
		"Published", "on", "EDITOR’S PICKS", "FURTHER READING",
		"Click here to watch", "Advertise or Publish a Story", "Kindly contact us",
		"Call or Whatsapp", "Click to comment", "You must be logged in", "Leave a Reply",
		"DISCLAIMER:", "For publication of your News Contents", "For Advert and other info",
		"Please drop your comments", "Copyright ©", "MGID",
		// 004.
		"Sources include:",
	}
	// unsure lists lines that may go either way, with the reason.
	unsure := map[string]string{
		"- Criticism over decision":          "a subheading, but in sentence case after a dash, like a credit line",
		"Citizen journalists will receive":   "the site's call for contributors, written as an ordinary sentence",
		"Watch this clip from CNN":           "a video blurb written as a sentence",
		"This video is from the":             "a video blurb written as a sentence",
		"U.S. bracing for Russia's response": "a related-story headline written as a sentence",
		"Moscow promises \"devastating":      "a related-story headline with a quotation",
		"U.S. pledges another $425 million":  "a related-story headline written as a sentence",
		"Biden urges Ukraine to hit North":   "a related-story headline written as a sentence",
	}
	files, _ := filepath.Glob(filepath.Join("..", "fixtures", "seeds", "*.txt"))
	if len(files) == 0 {
		t.Skip("no seed articles")
	}
	found := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := FromText(f, data)
		if err != nil {
			t.Fatal(err)
		}
	para:
		for i := range a.Paragraphs {
			p := a.Para(i)
			got := IsChrome(p)
			for prefix := range unsure {
				if strings.HasPrefix(p, prefix) {
					found[prefix] = true
					continue para
				}
			}
			want := false
			for _, c := range chrome {
				if p == c || strings.HasPrefix(p, c) && len(c) > 3 {
					want = true
					found[c] = true
				}
			}
			if got != want {
				t.Errorf("%s: IsChrome(%.60q) = %v (rule %q), want %v", filepath.Base(f), p, got, chromeRule(p), want)
			}
		}
	}
	for _, c := range chrome {
		if !found[c] {
			t.Errorf("chrome line %q not in the seeds", c)
		}
	}
	for u := range unsure {
		if !found[u] {
			t.Errorf("unsure line %q not in the seeds", u)
		}
	}
}

// TestIsChromeRules checks that every rule is named, documented, and used
// by some case above.
func TestIsChromeRules(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range chromeRules {
		if r.name == "" || r.doc == "" || r.match == nil {
			t.Errorf("rule %q lacks a name, doc or test", r.name)
		}
		if seen[r.name] {
			t.Errorf("rule %q twice", r.name)
		}
		seen[r.name] = true
	}
	examples := map[string]string{
		"label": "Share this article", "link": "Related: x", "legal": "Copyright © x",
		"reader": "Leave a comment below", "contact": "Tips: [email protected]",
		"menu": "A | B | C", "date": "5 hours ago", "heading": "World News",
	}
	for name := range seen {
		ex, ok := examples[name]
		if !ok {
			t.Errorf("rule %q has no example here", name)
			continue
		}
		if got := chromeRule(ex); got != name {
			t.Errorf("chromeRule(%q) = %q, want %q", ex, got, name)
		}
	}
}

func BenchmarkIsChrome(b *testing.B) {
	lines := []string{
		"The council voted on Monday to approve the plan, officials said in a statement released after the meeting.",
		"Related: Kelso Council Approves Emergency Drainage Works",
		"Biden Makes U-Turn",
		`"It will put more civilians at risk," he argued.`,
	}
	for b.Loop() {
		for _, l := range lines {
			IsChrome(l)
		}
	}
}
