package output

import (
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/newspipe/newspipe/record"
)

// The record's shape is defined once, by record.Record; these tests check that the JSON
// Schema, the Parquet columns (and the comment that lists them) and the README's field
// table say the same.

// jsonFields returns the dotted paths of the JSON fields of t ("source.url",
// "entities.mentions.start"), following structs, pointers and slices.
func jsonFields(t reflect.Type, prefix string, tag func(reflect.StructField) string) []string {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || t == reflect.TypeFor[json.RawMessage]() {
		return nil
	}
	var out []string
	for i := range t.NumField() {
		f := t.Field(i)
		name := tag(f)
		if name == "" || name == "-" {
			continue
		}
		path := prefix + name
		out = append(out, path)
		out = append(out, jsonFields(f.Type, path+".", tag)...)
	}
	return out
}

func tagName(key string) func(reflect.StructField) string {
	return func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get(key), ",")
		return name
	}
}

// recordFields are the fields of record.Record, as dotted JSON paths, sorted.
func recordFields() []string {
	fields := jsonFields(reflect.TypeFor[record.Record](), "", tagName("json"))
	slices.Sort(fields)
	return fields
}

// schemaFields returns the dotted paths of the properties that the schema allows, in
// the article and the error records together.
func schemaFields(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../../schema/record.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(b, &schema); err != nil {
		t.Fatal(err)
	}
	defs := schema["$defs"].(map[string]any)
	var walk func(node map[string]any, prefix string, seen map[string]bool)
	walk = func(node map[string]any, prefix string, seen map[string]bool) {
		if ref, ok := node["$ref"].(string); ok {
			walk(defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any), prefix, seen)
		}
		for _, key := range []string{"allOf", "oneOf"} {
			for _, sub := range asList(node[key]) {
				walk(sub.(map[string]any), prefix, seen)
			}
		}
		if items, ok := node["items"].(map[string]any); ok {
			walk(items, prefix, seen)
		}
		props, _ := node["properties"].(map[string]any)
		for name, sub := range props {
			seen[prefix+name] = true
			walk(sub.(map[string]any), prefix+name+".", seen)
		}
	}
	seen := map[string]bool{}
	walk(schema, "", seen)
	var out []string
	for k := range seen {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func asList(v any) []any { l, _ := v.([]any); return l }

func TestSchemaMatchesRecord(t *testing.T) {
	if got, want := schemaFields(t), recordFields(); !slices.Equal(got, want) {
		t.Errorf("schema/record.schema.json has the fields\n%v\nrecord.Record has\n%v", got, want)
	}
}

// parquetColumn is the Parquet column of a record field: the fields of the nested
// objects source and error are flattened as object_field, except source.format, which
// is format; other nested fields keep their names inside their list column.
func parquetColumn(path string) string {
	switch {
	case path == "source" || path == "error":
		return "" // flattened: no column of its own
	case path == "source.format":
		return "format"
	case strings.HasPrefix(path, "source.") || strings.HasPrefix(path, "error."):
		return strings.Replace(path, ".", "_", 1)
	}
	return path
}

func TestParquetColumnsMatchRecord(t *testing.T) {
	var want []string
	for _, f := range recordFields() {
		if c := parquetColumn(f); c != "" {
			want = append(want, c)
		}
	}
	slices.Sort(want)
	got := jsonFields(reflect.TypeFor[parquetRow](), "", tagName("parquet"))
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("the Parquet columns are\n%v\nrecord.Record gives\n%v", got, want)
	}

	// The comment on Parquet lists every column, nested ones too.
	src, err := os.ReadFile("parquet.go")
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	end := strings.Index(text, "type Parquet struct")
	start := strings.LastIndex(text[:end], "// Parquet writes records")
	if start < 0 || end < 0 {
		t.Fatal("no doc comment on type Parquet")
	}
	comment := text[start:end]
	for _, c := range got {
		leaf := c[strings.LastIndex(c, ".")+1:]
		if !regexp.MustCompile(`\b` + leaf + `\b`).MatchString(comment) {
			t.Errorf("the comment on type Parquet does not list the column %s", c)
		}
	}
}

// TestREADMEFieldTableMatchesRecord reads the README's table of record fields (the rows
// after "| field | meaning |"): its first column names each top-level field once.
func TestREADMEFieldTableMatchesRecord(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Skip("no README:", err)
	}
	_, table, ok := strings.Cut(string(b), "| field | meaning |\n")
	if !ok {
		t.Fatal(`README has no "| field | meaning |" table`)
	}
	var got []string
	for _, line := range strings.Split(table, "\n")[1:] {
		if !strings.HasPrefix(line, "|") {
			break
		}
		first := strings.Split(line, "|")[1]
		for _, m := range regexp.MustCompile("`([a-z_]+)`").FindAllStringSubmatch(first, -1) {
			got = append(got, m[1])
		}
	}
	slices.Sort(got)
	var want []string
	for _, f := range recordFields() {
		if !strings.Contains(f, ".") {
			want = append(want, f)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("the README's field table names\n%v\nrecord.Record has\n%v", got, want)
	}
}
