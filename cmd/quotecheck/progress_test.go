package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

// fakeClock is a clock a test moves by hand.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }

func TestProgressLine(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	var out bytes.Buffer
	p := newProgress(&out, clock.now)

	p.add(1000, 3, true)
	if out.Len() != 0 {
		t.Fatalf("drawn before progressDelay: %q", out.String())
	}
	clock.advance(progressDelay)
	p.add(1000, 2, true)
	want := "\rquotecheck: 2 articles, 5 quotes, 4 articles/s, 0.0 MB/s"
	if out.String() != want {
		t.Fatalf("first line %q, want %q", out.String(), want)
	}

	out.Reset()
	clock.advance(progressTick / 2)
	p.add(1000, 1, true)
	if out.Len() != 0 {
		t.Errorf("redrawn before progressTick: %q", out.String())
	}

	out.Reset()
	fmt.Fprintf(p, "quotecheck: a.txt:1:1: warning: x\n")
	blank := "\r" + strings.Repeat(" ", len(want)-1) + "\r"
	if out.String() != blank+"quotecheck: a.txt:1:1: warning: x\n" {
		t.Errorf("a message over the line: %q, want the line erased first", out.String())
	}

	clock.advance(time.Second)
	for range 997 {
		p.add(3000, 10, true)
	}
	p.add(500, 0, false) // an input that could not be read: bytes, no article
	out.Reset()
	clock.advance(progressTick)
	p.add(3000, 10, true)
	if got := out.String(); !strings.HasPrefix(got, "\rquotecheck: 1,001 articles, 9,986 quotes, ") {
		t.Errorf("after a second: %q", got)
	}

	out.Reset()
	p.done()
	if got := out.String(); !strings.HasSuffix(got, "\n") || !strings.Contains(got, "1,001 articles") {
		t.Errorf("done wrote %q, want the final line and a newline", got)
	}
}

func TestProgressShortRunDrawsNothing(t *testing.T) {
	clock := &fakeClock{t: time.Unix(0, 0)}
	var out bytes.Buffer
	p := newProgress(&out, clock.now)
	for range 100 {
		p.add(10, 1, true)
	}
	p.add(10, 0, false)
	fmt.Fprint(p, "message\n")
	p.done()
	if out.String() != "message\n" {
		t.Errorf("a run shorter than progressDelay wrote %q", out.String())
	}
}

func TestProgressFor(t *testing.T) {
	null, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer null.Close()
	tests := []struct {
		name   string
		stderr io.Writer
		quiet  bool
	}{
		{"buffer", &bytes.Buffer{}, false},
		{"a file that is not a terminal", null, false},
		{"quiet", null, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if p := progressFor(tt.stderr, tt.quiet); p != nil {
				t.Errorf("progressFor gave a progress line for %s", tt.name)
			}
		})
	}
}

func TestThousands(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "0"}, {999, "999"}, {1000, "1,000"}, {123456789, "123,456,789"}, {-4500, "-4,500"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := thousands(tt.n); got != tt.want {
				t.Errorf("thousands(%d) = %q, want %q", tt.n, got, tt.want)
			}
		})
	}
}
