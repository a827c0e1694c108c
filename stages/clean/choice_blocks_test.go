package clean

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// blockTask is one of the per-block decisions that share Return's model (the return, the
// tail trim, the dispute), with what its tests need to train and parse it.
type blockTask struct {
	name     string
	features []string
	train    func(examples []ReturnExample, threshold, l2 float64) *Return
	parse    func(data []byte) error
	stored   func() error
	errLabel string // how a parse error names the model
}

var blockTasks = []blockTask{
	{
		"return", ReturnFeatureNames,
		TrainReturn,
		func(data []byte) error { _, err := ParseReturn(data); return err },
		func() error { _, err := DefaultReturn(); return err },
		"parse block return",
	},
	{
		"trim", TrimFeatureNames,
		func(ex []ReturnExample, threshold, l2 float64) *Return { return &TrainTrim(ex, threshold, l2).Return },
		func(data []byte) error { _, err := ParseTrim(data); return err },
		func() error { _, err := DefaultTrim(); return err },
		"parse tail trim",
	},
	{
		"dispute", DisputeFeatureNames,
		func(ex []ReturnExample, threshold, l2 float64) *Return {
			return &TrainDispute(ex, threshold, l2).Return
		},
		func(data []byte) error { _, err := ParseDispute(data); return err },
		func() error { _, err := DefaultDispute(); return err },
		"parse block dispute",
	},
}

func TestTrainBlockTasks(t *testing.T) {
	tests := []struct {
		task    string
		feature string // the evidence the examples follow
		on, off float64
		bias    string // a constant feature the task's examples carry, if any
	}{
		{"return", "prob", 0.9, 0.1, ""},
		{"trim", "disclaimer", 1, 0, ""},
		{"dispute", "add_sidebar", 1, 0, "add_bias"},
	}
	for _, tt := range tests {
		t.Run(tt.task, func(t *testing.T) {
			task := blockTasks[slices.IndexFunc(blockTasks, func(b blockTask) bool { return b.name == tt.task })]
			at := slices.Index(task.features, tt.feature)
			example := func(v, gain, loss float64) ReturnExample {
				x := make([]float64, len(task.features))
				if tt.bias != "" {
					x[slices.Index(task.features, tt.bias)] = 1
				}
				x[at] = v
				return ReturnExample{Features: x, Gain: gain, Loss: loss}
			}
			var examples []ReturnExample
			for range 20 {
				examples = append(examples, example(tt.on, 0.02, 0.002), example(tt.off, 0.001, 0.03))
			}
			r := task.train(examples, 0.5, 0.1)
			if !r.Returns(example(tt.on, 0, 0).Features) || r.Returns(example(tt.off, 0, 0).Features) {
				t.Errorf("trained %s %v does not follow %s", tt.task, r.Weights, tt.feature)
			}
			if slices.Compare(r.Features, task.features) != 0 {
				t.Errorf("features %v, want %v", r.Features, task.features)
			}
			if again := task.train(examples, 0.5, 0.1); !slices.Equal(again.Weights, r.Weights) {
				t.Errorf("training is not deterministic: %v, then %v", r.Weights, again.Weights)
			}
			if off := task.train(nil, 0.5, 0.1); off.Returns(example(tt.on, 0, 0).Features) {
				t.Errorf("a %s trained on nothing acts on a block", tt.task)
			}
		})
	}
}

func TestParseBlockTasks(t *testing.T) {
	for _, task := range blockTasks {
		t.Run(task.name, func(t *testing.T) {
			if err := task.stored(); err != nil {
				t.Fatalf("stored %s: %v", task.name, err)
			}
			good, err := json.Marshal(Return{Features: task.features, Threshold: 0.5, Weights: make([]float64, len(task.features)+1)})
			if err != nil {
				t.Fatal(err)
			}
			renamed := strings.Replace(string(good), `"`+task.features[0]+`"`, `"renamed"`, 1)
			tests := []struct {
				name, data, err string
			}{
				{"good", string(good), ""},
				{"not JSON", "{", task.errLabel},
				{"another model's features", `{"features":["heading"],"threshold":0.5,"weights":[1,2]}`, "do not match"},
				{"a feature renamed", renamed, `feature 0 is "renamed"`},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					err := task.parse([]byte(tt.data))
					if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
						t.Errorf("error %v, want %q", err, tt.err)
					}
				})
			}
		})
	}
}
