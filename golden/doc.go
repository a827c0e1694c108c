// Package golden holds the expected output of newspipe for every article in corpus/, one
// indented JSON file per document, and the test that checks the pipeline against them.
//
// Run "go test ./golden -update" to rewrite the files after an intended change, then
// review every changed line before committing it.
package golden
