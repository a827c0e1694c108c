package output

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// readScript prints the rows of a Parquet file as a JSON array, read by hyparquet
// (https://github.com/hyparam/hyparquet), a JavaScript implementation that shares no
// code with parquet-go. 64-bit integers arrive as BigInt and are printed as numbers.
const readScript = `
const [dir, file] = process.argv.slice(2)
const { createRequire } = await import('node:module')
const { pathToFileURL } = await import('node:url')
const entry = createRequire(dir + '/').resolve('hyparquet')
const { asyncBufferFromFile, parquetReadObjects } = await import(pathToFileURL(entry).href)
const rows = await parquetReadObjects({ file: await asyncBufferFromFile(file) })
process.stdout.write(JSON.stringify(rows, (k, v) => typeof v === 'bigint' ? Number(v) : v))
`

// TestParquetReadByHyparquet checks that another Parquet implementation reads newspipe's
// files back to the same rows. It needs Node.js and the hyparquet package installed
// under $NEWSPIPE_HYPARQUET (.ci/run installs them); it skips without them.
func TestParquetReadByHyparquet(t *testing.T) {
	dir := os.Getenv("NEWSPIPE_HYPARQUET")
	if dir == "" {
		t.Skip("NEWSPIPE_HYPARQUET is not set (a folder where `npm install hyparquet` ran)")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "hyparquet")); err != nil {
		t.Skipf("hyparquet is not installed in %s", dir)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	tmp := t.TempDir()
	script := filepath.Join(tmp, "read.mjs")
	if err := os.WriteFile(script, []byte(readScript), 0o644); err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, groupSize := range []int64{rowGroupBytes, 1} {
		buf, _ := writeParquet(t, groupSize)
		file := filepath.Join(tmp, "records.parquet")
		if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(node, script, abs, file).Output()
		if err != nil {
			t.Fatalf("hyparquet: %v\n%s", err, stderrOf(err))
		}
		var rows []parquetRow
		if err := json.Unmarshal(out, &rows); err != nil {
			t.Fatalf("decode hyparquet's rows: %v\n%.500s", err, out)
		}
		if len(rows) != len(parquetRecords) {
			t.Fatalf("hyparquet read %d rows, want %d", len(rows), len(parquetRecords))
		}
		for i := range rows {
			// Through JSON, so that an empty list and a missing one compare equal.
			got, _ := json.Marshal(rows[i])
			want, _ := json.Marshal(toRow(&parquetRecords[i]))
			if !bytes.Equal(got, want) {
				t.Errorf("row group size %d, row %d:\nhyparquet %s\nwant      %s", groupSize, i, got, want)
			}
		}
	}
}

func stderrOf(err error) []byte {
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.Stderr
	}
	return nil
}
