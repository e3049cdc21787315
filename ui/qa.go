package ui

import (
	"fmt"
	"strings"

	"github.com/lede-tui/lede/model"
)

// qaRows lists the document's exchanges: the question, the start of its
// answer (where the pane is wide enough), then who asked and who
// answered. Enter on one jumps to the question in the text.
func qaRows(d *model.Document) []row {
	rows := make([]row, 0, len(d.Exchanges))
	for i, e := range d.Exchanges {
		q := strings.Join(strings.Fields(d.Question(e)), " ")
		who := whoAsked(e)
		rows = append(rows, row{
			text:    fmt.Sprintf("Q%d %s", i+1, q),
			preview: answerPreview(d, e),
			detail:  strings.Join(who, " "),
			brief:   who,
			id:      i,
			at:      model.Mention{Paragraph: e.Start, Start: e.QuestionOffset},
		})
	}
	return rows
}

// whoAsked names the two sides of an exchange, as far as they are known:
// the one who asks, and all who answer, on two lines for a narrow pane
// ("Celeste Amaro", "→ Ruth Hale, Anders Lund"), or "asked by" the one who
// asks when nobody answers.
func whoAsked(e model.Exchange) []string {
	asker := e.Asker
	if asker == "" {
		asker = "interviewer"
	}
	answerers := e.Answerers
	if len(answerers) == 0 && e.Answerer != "" {
		answerers = []string{e.Answerer}
	}
	if len(answerers) == 0 {
		return []string{"asked by " + asker}
	}
	return []string{asker, "→ " + strings.Join(answerers, ", ")}
}

// previewLimit is more of an answer than any preview line shows, in
// bytes.
const previewLimit = 1 << 10

// answerPreview is the start of an exchange's answer on one line, in
// quotation marks as the answerer's own words; the list cuts it to its
// width. It is "" for an exchange without an answer.
func answerPreview(d *model.Document, e model.Exchange) string {
	answer, cut := clip(d.Answer(e), previewLimit)
	words := oneLine(withoutOwnMarks(answer))
	if words == "" {
		return ""
	}
	if cut {
		return "“" + words + "…"
	}
	return "“" + words + "”"
}
