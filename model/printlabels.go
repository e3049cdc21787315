package model

// ExtractLabels finds only what a printed article shows of an extraction:
// where each paragraph's words begin after its speaker label (see
// Annotation.Body). Print shows no section titles of lede's own, and a
// heading's section is titled by the heading, which print shows as the
// paragraph it is; so the rest of Extract's work, the text index, turns,
// exchanges, sections, quotes and entities, is not needed to print. Its result does
// not count as an extraction (see Extracted).
func ExtractLabels(d *Document) Extraction {
	// The labels read the paragraphs themselves, not the text index; the
	// index given counts their work only.
	labels := findLabels(d, &textIndex{})
	notes := make([]Annotation, len(d.Paragraphs))
	for i, l := range labels {
		notes[i].Body = l.Body
	}
	return Extraction{Annotations: notes}
}
