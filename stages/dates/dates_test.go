package dates

import (
	"testing"
	"time"
)

func mustDate(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestCases runs the hand-written case table, the specification of the tagger.
func TestCases(t *testing.T) {
	cases, err := DefaultCases()
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 400 {
		t.Errorf("case table has %d cases, want at least 400", len(cases))
	}
	s := Evaluate(New(), cases)
	t.Logf("\n%s", s)
	if len(s.Failures) > 0 {
		t.Logf("failing cases:\n%s", s.FailureReport())
	}
	if s.Value.F1 < 0.95 || s.Strict.F1 < 0.93 {
		t.Errorf("value F1 %.3f (want >= 0.95), strict extent F1 %.3f (want >= 0.93)", s.Value.F1, s.Strict.F1)
	}
}
