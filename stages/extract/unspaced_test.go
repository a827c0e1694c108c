package extract

import (
	"strings"
	"testing"
)

// TestUnspacedScripts checks that articles in scripts written without spaces between
// words keep their paragraphs: the content extractor glues them into one block, and each
// paragraph is a handful of "words" between punctuation marks, too few to be found in it
// unless every character counts as a word.
func TestUnspacedScripts(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
	}{
		{"japanese", []string{
			"東京都は水曜日、来年度の予算案を発表した。橋の工事は六週間続く予定だと市役所は述べた。",
			"知事は記者会見で、予算の大部分が防災と子育て支援に充てられると説明した。",
			"野党は財源の見通しが甘いと批判しており、議会での審議は難航する見通しだ。",
		}},
		{"chinese", []string{
			"市政府星期三公布了明年的预算草案，桥梁工程预计将持续六个星期。",
			"市长在新闻发布会上说，大部分预算将用于防灾和育儿支持。",
			"反对党批评财源估计过于乐观，议会的审议预计将很艰难。",
		}},
		{"thai", []string{
			"กรุงเทพมหานครประกาศร่างงบประมาณปีหน้าเมื่อวันพุธ งานซ่อมสะพานจะใช้เวลาหกสัปดาห์",
			"ผู้ว่าราชการกล่าวในการแถลงข่าวว่างบประมาณส่วนใหญ่จะใช้เพื่อป้องกันภัยพิบัติ",
			"ฝ่ายค้านวิจารณ์ว่าการประเมินรายได้มองโลกในแง่ดีเกินไป",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><body><article><h1>T</h1><p>" + strings.Join(tt.paras, "</p><p>") + "</p></article></body></html>"
			p, err := New().Extract(page, "")
			if err != nil {
				t.Fatal(err)
			}
			var body []string
			for _, b := range p.Blocks {
				if b.Outside == "" {
					body = append(body, b.Text)
				}
			}
			for _, want := range tt.paras {
				if !strings.Contains(strings.Join(body, "\n"), want) {
					t.Errorf("paragraph %q not in the body %q", want, body)
				}
			}
		})
	}
}
