package extract

import (
	"golang.org/x/net/html"

	"newspipe/document"
)

func readMeta(doc *html.Node) document.Metadata { return document.Metadata{} }
