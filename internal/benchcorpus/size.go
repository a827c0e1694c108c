package benchcorpus

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseSize reads sizes such as 200MB, 1GB, 512KB, 1.5GB or 1000 (bytes); the
// units are binary (1MB = 2^20 bytes).
func ParseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v < 0 || v != v || v*float64(mult) > 1<<50 {
		return 0, fmt.Errorf("bad size %q: want e.g. 200MB or 1GB", s)
	}
	return int64(v * float64(mult)), nil
}
