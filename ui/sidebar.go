package ui

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/lede-tui/lede/model"
)

// kindTitles are the sidebar's group headings.
var kindTitles = map[model.EntityKind]string{
	model.KindPerson:       "People",
	model.KindCompany:      "Companies",
	model.KindOrganization: "Organisations",
	model.KindPlace:        "Places",
	model.KindTopic:        "Topics",
}

// entityRows groups the entities by kind, as the reader's corrections
// have them and leaving out those it hid, each group sorted by mention
// count, with the count at the right. Enter on one jumps to its first
// mention.
func entityRows(d *model.Document, corrections map[string]Correction) []row {
	var rows []row
	for _, kind := range model.EntityKinds {
		var group []int
		for i, e := range d.Entities {
			if kindOf(e, corrections) == kind && len(e.Mentions) > 0 && !corrections[e.Name].Hidden {
				group = append(group, i)
			}
		}
		if len(group) == 0 {
			continue
		}
		slices.SortStableFunc(group, func(a, b int) int {
			ea, eb := d.Entities[a], d.Entities[b]
			return cmp.Or(cmp.Compare(len(eb.Mentions), len(ea.Mentions)), cmp.Compare(ea.Name, eb.Name))
		})
		rows = append(rows, row{heading: true, text: fmt.Sprintf("%s (%d)", kindTitles[kind], len(group))})
		for _, i := range group {
			e := d.Entities[i]
			first := e.Mentions[0]
			rows = append(rows, row{
				text:  e.Name,
				count: fmt.Sprint(len(e.Mentions)),
				id:    i,
				at:    first,
			})
		}
	}
	return rows
}
