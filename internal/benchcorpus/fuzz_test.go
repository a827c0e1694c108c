package benchcorpus

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func FuzzVary(f *testing.F) {
	for _, tp := range testTemplates {
		f.Add(tp.Body, tp.Kind == HTML, uint64(1))
	}
	f.Add("<p", true, uint64(2))
	f.Add("<script", true, uint64(3))
	f.Add("&#", true, uint64(4))
	f.Add("<p>"+string(make([]byte, 120))+"</p><p>x</p>", true, uint64(5))
	f.Add("", false, uint64(6))
	f.Add("<P>\x92\xc3\x28 caf\xe9 \xe9t\xe9 </P><p>"+strings.Repeat("\xe9", 120)+"</p></BODY>", true, uint64(7))
	f.Fuzz(func(t *testing.T, body string, html bool, seed uint64) {
		kind := Text
		if html {
			kind = HTML
		}
		_ = Vary(Template{Kind: kind, Body: body}, rand.New(rand.NewPCG(seed, 0)))
	})
}

func FuzzLoadDir(f *testing.F) {
	f.Add([]byte(`{"text":"a"}`+"\n"+`{"html":"<p>b</p>"}`), "x.jsonl")
	f.Add([]byte("plain"), "x.txt")
	f.Add([]byte("\x00\xff"), "x.html")
	f.Fuzz(func(t *testing.T, data []byte, name string) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, filepath.Base("f"+filepath.Ext(name))), data, 0o644); err != nil {
			t.Skip()
		}
		_, _ = LoadDir(dir)
	})
}

func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"200MB", "1GB", "1.5k", "", "-1", "NaN", "Inf GB"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if n, err := ParseSize(s); err == nil && n < 0 {
			t.Errorf("ParseSize(%q) = %d", s, n)
		}
	})
}
