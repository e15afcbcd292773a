package compare

import (
	"fmt"
	"strings"
)

// A Severity says how much a finding matters to an editor. The zero value
// is Info. Severities are ordered: Info < Low < Medium < High.
type Severity int

// The severities, least first.
const (
	Info   Severity = iota // worth knowing; never a problem by itself
	Low                    // check it when there is time
	Medium                 // a real difference an editor should look at
	High                   // the meaning or the speaker changed
)

var severityNames = [...]string{"info", "low", "medium", "high"}

// String returns the lower-case name: "info", "low", "medium" or "high".
func (s Severity) String() string {
	if s >= 0 && int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// Set parses a severity name, case-insensitively, so that a *Severity is
// a flag.Value.
func (s *Severity) Set(name string) error {
	v, err := ParseSeverity(name)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseSeverity returns the severity with the given name.
func ParseSeverity(name string) (Severity, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	for i, s := range severityNames {
		if s == n {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q: want one of %s", name, strings.Join(severityNames[:], ", "))
}

// MarshalText writes the severity's name, so JSON carries "high", not 3.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name.
func (s *Severity) UnmarshalText(b []byte) error { return s.Set(string(b)) }
