package language

import (
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	d := New()
	tests := []struct{ text, want string }{
		{"Syrian President Bashar al-Assad is planning a meeting with Kim Jong Un in North Korea, according to the state news agency.", "en"},
		{"Die Bundesregierung hat am Mittwoch beschlossen, dass die Steuer für kleine Unternehmen nicht steigen wird.", "de"},
		{"Le gouvernement a annoncé mercredi que les impôts des petites entreprises ne seront pas augmentés cette année.", "fr"},
		{"El gobierno anunció el miércoles que los impuestos de las pequeñas empresas no subirán este año.", "es"},
		{"Il governo ha annunciato che le tasse per le piccole imprese non saranno aumentate quest'anno, e che la decisione è definitiva.", "it"},
		{"De regering heeft woensdag besloten dat de belasting voor kleine bedrijven niet wordt verhoogd.", "nl"},
		{"Правительство объявило в среду, что налоги для малого бизнеса не будут повышены.", "ru"},
		{"政府は水曜日、中小企業への税金を引き上げないと発表した。", "ja"},
		{"政府星期三宣布，不会提高小企业的税收。", "zh"},
		{"Kim Jong Un", Undetermined},
		{"", Undetermined},
	}
	for _, tt := range tests {
		if got := d.Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%.40q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

func BenchmarkDetect(b *testing.B) {
	d := New()
	text := strings.Repeat("Syrian President Bashar al-Assad is planning a meeting with Kim Jong Un in North Korea, according to the state news agency. ", 150)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		d.Detect(text)
	}
}
