package ui

import (
	"fmt"
	"strings"

	"github.com/lede-tui/lede/model"
)

// qaRows lists the document's exchanges: the question, then who asked and
// who answered. Enter on one jumps to the question in the text.
func qaRows(d *model.Document) []row {
	rows := make([]row, 0, len(d.Exchanges))
	for i, e := range d.Exchanges {
		q := strings.Join(strings.Fields(d.Question(e)), " ")
		rows = append(rows, row{
			text:   fmt.Sprintf("Q%d %s", i+1, q),
			detail: whoAsked(e),
			id:     i,
			at:     model.Mention{Paragraph: e.Start, Start: e.QuestionOffset},
		})
	}
	return rows
}

// whoAsked names the two sides of an exchange, as far as they are known:
// the one who asks, and all who answer ("Celeste Amaro → Ruth Hale, Anders
// Lund").
func whoAsked(e model.Exchange) string {
	asker := e.Asker
	if asker == "" {
		asker = "interviewer"
	}
	answerers := e.Answerers
	if len(answerers) == 0 && e.Answerer != "" {
		answerers = []string{e.Answerer}
	}
	if len(answerers) == 0 {
		return "asked by " + asker
	}
	return asker + " → " + strings.Join(answerers, ", ")
}
