package model

import "strings"

// Bounds on the work goldmark may do. For every block quote and list item
// a line stands in, it measures the line's indentation again; it scans a
// link destination to the next space (or '>') once for every "](" before
// it; and it looks up the line of each link label by counting back from
// the last line of the paragraph; and it gives every row of a table as
// many cells as its header has. Hostile input could keep it busy for
// minutes (a list nested one level deeper on each line by its indentation
// costs the cube of its lines; a table with a wide header, the product of
// its columns and rows), or, with a node for every byte, fill memory.
const (
	// maxMarkdownNesting is the most block quotes and list items a line
	// may stand in, whether the line opens them ("> - > - x") or its
	// indentation and '>' marks continue them from the lines before.
	// Articles nest a few levels, outlines and e-mail quotes perhaps ten;
	// a document nested deeper is read as plain text.
	maxMarkdownNesting = 32
	// maxMarkdownRescan bounds the bytes and lines that goldmark scans
	// again, about a tenth of a second's work.
	maxMarkdownRescan = 1 << 24
	// minNodeBytes is the fewest bytes of text per syntax node expected
	// (Markdown prose has a line or a mark every 12 bytes or more).
	minNodeBytes = 4
	// minNodeCheck is how many nodes any text may have, however dense.
	minNodeCheck = 1 << 12
)

// tooHardForGoldmark reports whether src would take goldmark too long or
// too much memory: a line nests too deeply (see nesting), the rescans
// add up past maxMarkdownRescan, or the lines, marks and table cells that
// become nodes are too dense. It is one pass over the text.
func tooHardForGoldmark(src string) bool {
	size, rescan, nodes := len(src), 0, 0
	// lines counts the current run of non-blank lines (a paragraph, more
	// or less), labels the ']' in it and labelLines the sum of their line
	// numbers, so that the label lookups cost labels*lines - labelLines.
	lines, labels, labelLines := 0, 0, 0
	// columns bounds the cells of each row of the table that a delimiter
	// row ("| --- | :-: |") began, until a blank line; 0 outside one.
	columns := 0
	var nest nesting
	for line := range strings.Lines(src) {
		line = strings.TrimSuffix(line, "\n")
		opened, depth, indent := nest.line(line)
		if depth > maxMarkdownNesting {
			return true
		}
		// Each list item is two blocks (the list and the item) that
		// measure the line's indentation again.
		rescan += 2 * depth * indent
		if strings.Trim(line, " \t") == "" {
			rescan += labels*lines - labelLines
			lines, labels, labelLines, columns = 0, 0, 0, 0
			continue
		}
		n := strings.Count(line, "]")
		labels += n
		labelLines += n * lines
		lines++
		rescan += destinationScan(line)
		nodes += 1 + opened + countMarks(line) + columns
		if isDelimiterRow(line) {
			columns = strings.Count(line, "|") + 1
		}
		if rescan+labels*lines-labelLines > maxMarkdownRescan {
			return true
		}
	}
	return nodes > minNodeCheck && nodes > size/minNodeBytes
}

// isDelimiterRow reports whether line may be the delimiter row under a
// table's header ("| --- | :-: |"), in a block quote or a list item too:
// after its '>' marks and spaces, nothing but '|', '-', ':' and spaces,
// with a '-'. It errs towards yes ("- | --" is one).
func isDelimiterRow(line string) bool {
	rest := strings.TrimLeft(line, " \t>")
	return strings.Contains(rest, "-") && strings.Trim(rest, "|-: \t") == ""
}

// nesting follows the block quotes and list items open from one line of
// Markdown to the next, as goldmark opens and continues them, to tell how
// deeply goldmark will nest each line, whether by markers ("> - > x"), by
// indentation ("\t\t- x" under "\t- x") or both. Where it cannot tell, it
// errs towards more nesting, never less:
//
//   - a block quote goes on in a line with its '>';
//   - a list item goes on in a blank line and in a line indented as far as
//     its content, or by four columns or more (goldmark's rule, which
//     then steps back a column);
//   - a '>' or a list marker ("-", "*", "+", "1.", "1)") after the
//     containers a line goes on in opens a container, even where goldmark
//     would see indented code, and closes those the line did not go on in;
//   - a line that goes on in fewer containers than are open, after a line
//     of text, may continue a paragraph in the innermost one (a lazy
//     line): unless it opens a container where goldmark would, all stay
//     open, with what it opens inside them.
//
// Tabs reach the next multiple of four columns; goldmark measures some
// from other columns, so a tab after a list marker counts as one column,
// the least it can be. A fuzz test holds the count to goldmark's own
// tree. The work is linear: each line is read once up to its text, and
// the containers it goes on in, at most maxMarkdownNesting+1, once each.
type nesting struct {
	// open are the containers open after the last line, outermost first.
	open []container
	// text reports that the last line ended in text that may be a
	// paragraph, which a lazy line continues.
	text bool
	// fresh holds the containers a line opens, while it is read.
	fresh []container
}

// container is a block quote or a list item open in Markdown.
type container struct {
	quote bool
	// width is how far a list item's content is indented from where the
	// containers around it leave off: the spaces before its marker, the
	// marker and the spaces after it, as goldmark counts them.
	width int
}

// line reads one line, without its line break, and returns how many
// containers it opens, how many it stands in, and how many bytes precede
// its text (all of them for a blank line), which goldmark measures again
// for each container.
func (n *nesting) line(line string) (opened, depth, indent int) {
	// cur is the column where the containers read so far leave off; ws is
	// the next byte that is not a space or a tab, at column wsCol.
	cur := 0
	ws, wsCol := skipBlanks(line, 0, 0)
	blank := ws == len(line)
	matched := 0
match:
	for ; matched < len(n.open); matched++ {
		c, rel := n.open[matched], wsCol-cur
		switch {
		case c.quote:
			if ws == len(line) || line[ws] != '>' {
				break match
			}
			cur, ws, wsCol = quoteContent(line, ws, wsCol)
		case ws == len(line):
			// A blank line goes on in every list item.
		case rel >= c.width:
			cur += c.width
		case rel >= 4:
			cur--
		default:
			break match
		}
	}
	fresh := n.fresh[:0]
	// indented reports that the line goes on past the containers with
	// four columns of indentation or more, as code, not a new container:
	// goldmark may still count a tab there as less.
	indented := wsCol-cur > 3
	for ws < len(line) && len(fresh) <= maxMarkdownNesting {
		if line[ws] == '>' {
			cur, ws, wsCol = quoteContent(line, ws, wsCol)
			fresh = append(fresh, container{quote: true})
			continue
		}
		marker := listMarker(line[ws:])
		if marker == 0 {
			break
		}
		after, afterCol := skipBlanks(line, ws+marker, wsCol+marker)
		spaces := afterCol - wsCol - marker
		if after == len(line) || spaces > 4 || strings.Contains(line[ws+marker:after], "\t") {
			spaces = 1 // an empty item, one opening with code, or a tab
		}
		width := wsCol - cur + marker + spaces
		fresh = append(fresh, container{width: width})
		cur, ws, wsCol = cur+width, after, afterCol
	}
	n.fresh = fresh
	switch {
	case blank:
		n.open = n.open[:matched]
	case matched < len(n.open) && n.text && (len(fresh) == 0 || indented):
		// A lazy continuation line: everything stays open, and what it
		// might open stands inside.
		n.open = append(n.open, fresh...)
	default:
		n.open = append(n.open[:matched], fresh...)
	}
	n.text = ws < len(line)
	return len(fresh), len(n.open), ws
}

// skipBlanks returns the byte and column after the spaces and tabs of
// line from byte pos at column col.
func skipBlanks(line string, pos, col int) (int, int) {
	for ; pos < len(line); pos++ {
		switch line[pos] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return pos, col
		}
	}
	return pos, col
}

// quoteContent reads the '>' at byte pos and column col of line and
// returns the column where the block quote's content begins, after the
// '>' and a space (or a column of a tab), and the byte and column of the
// content's first character that is not a space or a tab.
func quoteContent(line string, pos, col int) (cur, ws, wsCol int) {
	cur = col + 1
	if pos+1 < len(line) && isBlankByte(line[pos+1]) {
		cur++
	}
	ws, wsCol = skipBlanks(line, pos+1, col+1)
	return cur, ws, wsCol
}

// listMarker returns the length of the list marker that starts s ("-",
// "*", "+", "12." or "3)") when a space, a tab or the end of the line
// follows it, or 0.
func listMarker(s string) int {
	if s == "" {
		return 0
	}
	n := 1
	if strings.IndexByte("-+*", s[0]) < 0 {
		digits := len(s) - len(strings.TrimLeft(s, "0123456789"))
		if digits == 0 || digits > 9 || digits == len(s) || strings.IndexByte(".)", s[digits]) < 0 {
			return 0
		}
		n = digits + 1
	}
	if n < len(s) && !isBlankByte(s[n]) {
		return 0
	}
	return n
}

// isBlankByte reports whether c is a space or a tab.
func isBlankByte(c byte) bool { return c == ' ' || c == '\t' }

// destinationScan is how many bytes goldmark scans for the destinations
// of the "](" in line: from each to the next space, or to the next '>'
// for "](<".
func destinationScan(line string) int {
	if !strings.Contains(line, "](") {
		return 0
	}
	scan, open, angled := 0, 0, 0
	for i := 1; i < len(line); i++ {
		switch line[i] {
		case ' ', '\t':
			open = 0
		case '>':
			angled = 0
		case '(':
			if line[i-1] != ']' {
				break
			}
			if i+1 < len(line) && line[i+1] == '<' {
				angled++
			} else {
				open++
			}
		}
		scan += open + angled
	}
	return scan
}

// isMark marks the bytes that may start a node: inline marks, and the '#'
// of a heading.
var isMark = func() (set [256]bool) {
	for _, c := range []byte("[]<*_`!&\\#") {
		set[c] = true
	}
	return set
}()

// countMarks counts the bytes of line that may start a node.
func countMarks(line string) int {
	n := 0
	for i := 0; i < len(line); i++ {
		if isMark[line[i]] {
			n++
		}
	}
	return n
}
