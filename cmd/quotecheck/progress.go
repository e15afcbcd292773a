package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/term"
)

// A progress is the line a long run keeps redrawing on a terminal's
// standard error:
//
//	quotecheck: 12,345 articles, 98,765 quotes, 1,234 articles/s, 8.1 MB/s
//
// It is drawn first after progressDelay and then at most every
// progressTick, with a carriage return and no escape sequences, so it works
// on any terminal. Messages for standard error go through its Write, which
// erases the line first. It is not safe for concurrent use: the loader
// calls it from the goroutine that hands articles over, which is the one
// that writes messages.
type progress struct {
	w     io.Writer
	now   func() time.Time
	start time.Time
	last  time.Time // when the line was last drawn; zero before the first time
	width int       // characters of the line on the screen; 0 when none is

	articles, quotes, bytes int
}

// How often the line is redrawn, and how long a run goes before it
// appears: a run shorter than that never shows it.
const (
	progressDelay = 500 * time.Millisecond
	progressTick  = 200 * time.Millisecond
)

// newProgress returns a progress line drawn on w, reading the time from
// now.
func newProgress(w io.Writer, now func() time.Time) *progress {
	return &progress{w: w, now: now, start: now()}
}

// progressFor returns the progress line for a run writing messages to
// stderr, or nil when there is to be none: with --quiet, or when stderr is
// not a terminal (a file, a pipe, a test's buffer).
func progressFor(stderr io.Writer, quiet bool) *progress {
	if quiet {
		return nil
	}
	f, ok := stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return newProgress(f, time.Now)
}

// add counts size bytes read and, when ok, one article with the given
// number of quotes (not ok: an input that could not be read), and redraws
// the line when it is due.
func (p *progress) add(size, quotes int, ok bool) {
	if ok {
		p.articles++
	}
	p.quotes += quotes
	p.bytes += size
	t := p.now()
	if p.last.IsZero() && t.Sub(p.start) < progressDelay || !p.last.IsZero() && t.Sub(p.last) < progressTick {
		return
	}
	p.last = t
	p.draw(t)
}

// draw writes the line over the one on the screen.
func (p *progress) draw(t time.Time) {
	secs := t.Sub(p.start).Seconds()
	line := fmt.Sprintf("quotecheck: %s articles, %s quotes", thousands(p.articles), thousands(p.quotes))
	if secs > 0 {
		line += fmt.Sprintf(", %s articles/s, %.1f MB/s", thousands(int(float64(p.articles)/secs+0.5)), float64(p.bytes)/1e6/secs)
	}
	pad := max(0, p.width-len(line))
	fmt.Fprintf(p.w, "\r%s%s", line, strings.Repeat(" ", pad))
	p.width = len(line)
}

// erase removes the line from the screen.
func (p *progress) erase() {
	if p.width > 0 {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.width))
		p.width = 0
	}
}

// Write erases the line and writes b, a message for standard error, in
// its place; the line comes back at the next add that is due.
func (p *progress) Write(b []byte) (int, error) {
	p.erase()
	return p.w.Write(b)
}

// done ends the line: when it has been shown, it is drawn a last time,
// with the final counts, and left on its own line.
func (p *progress) done() {
	if p.last.IsZero() {
		return
	}
	p.draw(p.now())
	fmt.Fprintln(p.w)
	p.width = 0
}

// thousands writes n with a comma every three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}
